/**
 * Splits a paragraph's text into sentences, keeping decimal points ("22.7"),
 * initials and common abbreviations ("U.S.", "St. Petersburg", "Mr.") inside
 * their sentence. Pure module.
 */

/** Words that end with a full stop but rarely end a sentence. */
const ABBREVIATION =
  /(?:^|[\s(])(?:[A-Z]|[A-Z]\.[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Gov|Sen|Rep|Prof|Jr|Sr|No|Nos|vs|approx|est|c|ca|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp)$/;

/** Start and end offsets of each sentence of `text`, trimmed of the spaces between them. */
export function splitSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  };
  let start = 0;
  // A terminator, closing quotes or brackets, then a space (or the end, or a line break).
  const END = /[.!?。！？]+["'”’)\]]*(?=\s|$)|\n/g;
  for (let m = END.exec(text); m; m = END.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && m[0].length === 1 && ABBREVIATION.test(text.slice(Math.max(start, m.index - 8), m.index))) {
      continue;
    }
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return out;
}
