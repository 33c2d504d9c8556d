/**
 * Finds a stored anchor again in the current page text. In order: the stored
 * position if the quote is still there; exact occurrences of the quote (the one
 * whose context fits best); an approximate match of the quote; and last, the
 * gap between the stored prefix and suffix when both are still found.
 * Whitespace differences are ignored throughout. Pure module.
 */
import { findApprox, similarity, type ApproxMatch } from './approx-match';
import type { Anchor } from './model';
import { foldString, foldWhitespace, rawToFolded, type FoldedText } from './whitespace';
import { trimRange } from './describe-range';

/** Share of the quote's characters that may differ in an approximate match. */
const MAX_QUOTE_ERROR_RATE = 0.35;
/** Below this error rate the quote alone is trusted; above it the context must agree too. */
const TRUSTED_QUOTE_ERROR_RATE = 0.25;
/** Context similarity (0–1, prefix and suffix averaged) that vouches for a weaker quote match. */
const CONTEXT_VOUCH = 0.5;
/** Share of a context string that may differ when it is searched for on its own. */
const MAX_CONTEXT_ERROR_RATE = 0.25;
/** How much of the quote must still resemble the text between a found prefix and suffix. */
const MIN_GAP_SIMILARITY = 0.5;
/** A quote this short matches by chance too easily: an approximate match also needs its context. */
const SHORT_QUOTE = 40;
/** Context similarity a short quote's exact match needs. */
const MIN_SHORT_EXACT_CONTEXT = 0.35;
/** Quotes longer than this are matched by their head and tail, to bound the work. */
const LONG_QUOTE = 600;
const HEAD_TAIL = 256;
/** Relative weights of the scores, after Hypothesis' match-quote. */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

export type AnchorMethod = 'position' | 'exact' | 'fuzzy' | 'context';

export interface AnchorResult {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0–1; how well quote, context and position agree. */
  score: number;
}

interface Scored {
  start: number;
  end: number;
  quoteSim: number;
  contextSim: number;
  score: number;
}

function scoreAt(
  f: string,
  start: number,
  end: number,
  quoteSim: number,
  prefix: string,
  suffix: string,
  hint: number,
): Scored {
  const prefixSim = prefix ? similarity(prefix, f.slice(Math.max(0, start - prefix.length), start)) : 1;
  const suffixSim = suffix ? similarity(suffix, f.slice(end, end + suffix.length)) : 1;
  const positionSim = f.length ? 1 - Math.min(1, Math.abs(start - hint) / f.length) : 1;
  const score =
    (WEIGHT.quote * quoteSim + WEIGHT.prefix * prefixSim + WEIGHT.suffix * suffixSim + WEIGHT.position * positionSim) /
    (WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position);
  return { start, end, quoteSim, contextSim: (prefixSim + suffixSim) / 2, score };
}

function best(list: Scored[]): Scored | null {
  let top: Scored | null = null;
  for (const s of list) if (!top || s.score > top.score) top = s;
  return top;
}

/** Approximate matches of a long quote, from matches of its head and tail. */
function approxLong(f: string, quote: string): ApproxMatch[] {
  const head = quote.slice(0, HEAD_TAIL);
  const tail = quote.slice(-HEAD_TAIL);
  const k = Math.floor(HEAD_TAIL * MAX_QUOTE_ERROR_RATE);
  const heads = findApprox(f, head, k, 10);
  const tails = findApprox(f, tail, k, 10);
  const out: ApproxMatch[] = [];
  for (const h of heads) {
    for (const t of tails) {
      const len = t.end - h.start;
      if (t.start >= h.start && Math.abs(len - quote.length) <= quote.length * MAX_QUOTE_ERROR_RATE) {
        // The middle is not compared; estimate its errors from the ends' rate.
        const rate = (h.errors + t.errors) / (head.length + tail.length);
        out.push({ start: h.start, end: t.end, errors: Math.round(rate * quote.length) });
      }
    }
  }
  return out;
}

function toRaw(raw: string, folded: FoldedText, start: number, end: number): { start: number; end: number } | null {
  if (end <= start) return null;
  const s = folded.toRaw[start];
  const e = folded.toRaw[end - 1];
  if (s === undefined || e === undefined) return null;
  return trimRange(raw, s, e + 1);
}

/**
 * Anchors `anchor` in `raw` (the page text). Returns offsets into `raw`, or
 * null when the highlight cannot be placed with confidence. Pass a
 * pre-computed `folded` when anchoring many highlights in one text.
 */
export function anchorQuote(raw: string, anchor: Anchor, folded?: FoldedText): AnchorResult | null {
  const { exact } = anchor.quote;
  const { start: posStart, end: posEnd } = anchor.position;
  if (raw.slice(posStart, posEnd) === exact) return { start: posStart, end: posEnd, method: 'position', score: 1 };

  const fold = folded ?? foldWhitespace(raw);
  const f = fold.text;
  const quote = foldString(exact).trim();
  const prefix = foldString(anchor.quote.prefix).trimStart();
  const suffix = foldString(anchor.quote.suffix).trimEnd();
  if (!quote) return null;
  const hint = rawToFolded(fold, posStart);

  // Exact occurrences.
  const exactHits: Scored[] = [];
  for (let i = f.indexOf(quote); i !== -1 && exactHits.length < 200; i = f.indexOf(quote, i + 1)) {
    exactHits.push(scoreAt(f, i, i + quote.length, 1, prefix, suffix, hint));
  }
  const exactBest = best(exactHits);
  // A short quote found elsewhere, among unrelated text, is a coincidence rather than the passage.
  if (exactBest && (quote.length >= SHORT_QUOTE || exactBest.contextSim >= MIN_SHORT_EXACT_CONTEXT)) {
    const r = toRaw(raw, fold, exactBest.start, exactBest.end);
    if (r) return { ...r, method: 'exact', score: exactBest.score };
  }

  // Approximate occurrences.
  const maxErrors = Math.floor(quote.length * MAX_QUOTE_ERROR_RATE);
  const approx = quote.length > LONG_QUOTE ? approxLong(f, quote) : findApprox(f, quote, maxErrors);
  const accepted: Scored[] = [];
  for (const m of approx) {
    const rate = m.errors / quote.length;
    const s = scoreAt(f, m.start, m.end, 1 - rate, prefix, suffix, hint);
    const trusted = rate <= TRUSTED_QUOTE_ERROR_RATE && quote.length >= SHORT_QUOTE;
    if (trusted || s.contextSim >= CONTEXT_VOUCH) accepted.push(s);
  }
  const fuzzyBest = best(accepted);
  if (fuzzyBest) {
    const r = toRaw(raw, fold, fuzzyBest.start, fuzzyBest.end);
    if (r) return { ...r, method: 'fuzzy', score: fuzzyBest.score };
  }

  // The gap between the stored context, when both sides are still there.
  if (prefix.length >= 8 && suffix.length >= 8 && quote.length <= LONG_QUOTE) {
    const prefixes = findApprox(f, prefix, Math.floor(prefix.length * MAX_CONTEXT_ERROR_RATE), 10);
    const suffixes = findApprox(f, suffix, Math.floor(suffix.length * MAX_CONTEXT_ERROR_RATE), 10);
    const gaps: Scored[] = [];
    for (const p of prefixes) {
      for (const s of suffixes) {
        const len = s.start - p.end;
        if (len <= 0 || len < quote.length * 0.5 || len > quote.length * 2) continue;
        const gapSim = similarity(quote, f.slice(p.end, s.start));
        if (gapSim >= MIN_GAP_SIMILARITY) gaps.push(scoreAt(f, p.end, s.start, gapSim, prefix, suffix, hint));
      }
    }
    const gapBest = best(gaps);
    if (gapBest) {
      const r = toRaw(raw, fold, gapBest.start, gapBest.end);
      if (r) return { ...r, method: 'context', score: gapBest.score };
    }
  }
  return null;
}
