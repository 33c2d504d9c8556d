/**
 * Turns a character range of the page text into a stored anchor: the quote
 * with at least MIN_CONTEXT_CHARS of context each side (extended to a word
 * boundary), and its position. Pure module.
 */
import { MIN_CONTEXT_CHARS, type Anchor } from './model';

/** Context is extended past the minimum to the next word boundary, but never beyond this. */
const MAX_CONTEXT_CHARS = 64;

/** Trims whitespace off both ends of [start, end); null when nothing is left. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

export function describeRange(text: string, start: number, end: number): Anchor | null {
  const range = trimRange(text, start, end);
  if (!range) return null;
  let prefixStart = Math.max(0, range.start - MIN_CONTEXT_CHARS);
  const prefixLimit = Math.max(0, range.start - MAX_CONTEXT_CHARS);
  while (prefixStart > prefixLimit && !/\s/.test(text[prefixStart - 1]!)) prefixStart--;
  let suffixEnd = Math.min(text.length, range.end + MIN_CONTEXT_CHARS);
  const suffixLimit = Math.min(text.length, range.end + MAX_CONTEXT_CHARS);
  while (suffixEnd < suffixLimit && !/\s/.test(text[suffixEnd]!)) suffixEnd++;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(range.start, range.end),
      prefix: text.slice(prefixStart, range.start),
      suffix: text.slice(range.end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start: range.start, end: range.end },
  };
}

/**
 * The sentence around [start, end): from just after the previous sentence end
 * (. ! ? or a line break) to the next one. Used when the card saves a mention
 * "with its sentence".
 */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const isEnd = (i: number) => {
    const ch = text[i]!;
    if (ch === '\n') return true;
    if (ch === '.' || ch === '!' || ch === '?' || ch === '。' || ch === '！' || ch === '？') {
      const next = text[i + 1];
      return next === undefined || /\s/.test(next) || ch.charCodeAt(0) > 0x3000;
    }
    return false;
  };
  let s = start;
  while (s > 0 && !isEnd(s - 1)) s--;
  let e = end;
  while (e < text.length && !isEnd(e)) e++;
  if (e < text.length && text[e] !== '\n') e++;
  return trimRange(text, s, e) ?? { start, end };
}
