/**
 * Whitespace folding with an offset map, so that anchoring ignores changes in
 * line breaks and indentation while still reporting offsets into the raw text.
 * Pure module.
 */

export interface FoldedText {
  /** The text with every run of whitespace replaced by one space. */
  text: string;
  /** For each index of `text`, the index of the same character in the raw text. */
  toRaw: Int32Array;
}

const WS = /\s/;

export function foldWhitespace(raw: string): FoldedText {
  const toRaw = new Int32Array(raw.length);
  let out = '';
  const parts: string[] = [];
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (WS.test(ch)) {
      if (inSpace) continue;
      inSpace = true;
      parts.push(' ');
    } else {
      inSpace = false;
      parts.push(ch);
    }
    toRaw[n++] = i;
    if (parts.length >= 4096) {
      out += parts.join('');
      parts.length = 0;
    }
  }
  out += parts.join('');
  return { text: out, toRaw: toRaw.subarray(0, n) };
}

/** Folds whitespace in a short string (no offset map needed). */
export function foldString(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** The folded index of a raw offset: the first folded character at or after it. */
export function rawToFolded(folded: FoldedText, rawOffset: number): number {
  let lo = 0;
  let hi = folded.toRaw.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (folded.toRaw[mid]! < rawOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
