/**
 * Sentence windows around a match: the context that cheap rules and the NLP
 * resolver look at. Heuristic splitting on terminal punctuation and line
 * breaks, bounded in length so a page without punctuation costs little.
 * Pure module.
 */

/** Longest stretch looked at on each side of a match. */
export const MAX_SENTENCE_SIDE = 400;

function isTerminal(c: number): boolean {
  // . ! ? and their CJK / full-width forms, and line breaks
  return (
    c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x0a || c === 0x0d
  );
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x0a || c === 0x0d;
}

/** Start of the sentence that contains `pos`. */
export function sentenceStart(text: string, pos: number): number {
  const limit = Math.max(0, pos - MAX_SENTENCE_SIDE);
  for (let i = pos - 1; i >= limit; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x3002) return i + 1;
    if (isTerminal(c) && i + 1 < text.length && isSpace(text.charCodeAt(i + 1))) {
      // "U.S. senators": a full stop followed by a lower-case word does not end a sentence.
      let j = i + 1;
      while (j < pos && isSpace(text.charCodeAt(j))) j++;
      const next = text[j] ?? '';
      if (next !== next.toLowerCase() || !/\p{L}/u.test(next)) return j;
    }
  }
  return limit;
}

/** End (exclusive) of the sentence that contains `pos`. */
export function sentenceEnd(text: string, pos: number): number {
  const limit = Math.min(text.length, pos + MAX_SENTENCE_SIDE);
  for (let i = pos; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i;
    if (isTerminal(c)) {
      if (c === 0x3002 || i + 1 >= text.length) return i + 1;
      if (isSpace(text.charCodeAt(i + 1))) {
        let j = i + 1;
        while (j < text.length && isSpace(text.charCodeAt(j))) j++;
        const next = text[j] ?? '';
        if (next !== next.toLowerCase() || !/\p{L}/u.test(next)) return i + 1;
      }
    }
  }
  return limit;
}

/** The sentence around [start, end). */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  return [sentenceStart(text, start), sentenceEnd(text, end)];
}

/** The sentence around [start, end) plus its neighbours on each side. */
export function windowAround(text: string, start: number, end: number): [number, number] {
  let [s, e] = sentenceAround(text, start, end);
  if (s > 0) s = sentenceStart(text, Math.max(0, s - 2));
  if (e < text.length) e = sentenceEnd(text, Math.min(text.length, e + 1));
  return [s, e];
}
