/**
 * Anchoring saved highlights in a page's text, as the background does it for
 * the content script (`highlight:anchor`): the anchoring maths (exact, fuzzy
 * and context search, lib/highlights/anchor-quote.ts) stays out of the page's
 * bundle. Pure module: text in, offsets out.
 */
import { anchorQuote } from '../../highlights/anchor-quote';
import type { Anchor } from '../../highlights/model';
import { foldWhitespace } from '../../highlights/whitespace';

/** Where an anchor was found: offsets into the page text (`end` exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** One result per anchor, in order: its place in `text`, or null when it cannot be placed with confidence. */
export function anchorAll(text: string, anchors: readonly Anchor[]): (Span | null)[] {
  if (!anchors.length) return [];
  const folded = foldWhitespace(text);
  return anchors.map((a) => {
    const r = anchorQuote(text, a, folded);
    return r ? { start: r.start, end: r.end } : null;
  });
}
