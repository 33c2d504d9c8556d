/**
 * Precision, recall and F1 at document level (which entities a document
 * mentions) and mention level (each labelled mention found once: same entity,
 * overlapping span — "the Kremlin" and "Kremlin" are the same mark for a reader).
 */

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function scores({ tp, fp, fn }: Counts): Scores {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/** Mention-level counts: greedy one-to-one pairing of predictions with labels. */
export function mentionCounts(
  predicted: readonly Span[],
  gold: readonly Span[],
): Counts & { missed: Span[]; extra: Span[] } {
  const used = new Set<number>();
  const extra: Span[] = [];
  for (const p of predicted) {
    const k = gold.findIndex((g, i) => !used.has(i) && g.id === p.id && g.start < p.end && p.start < g.end);
    if (k < 0) extra.push(p);
    else used.add(k);
  }
  const missed = gold.filter((_, i) => !used.has(i));
  return { tp: used.size, fp: extra.length, fn: missed.length, missed, extra };
}

/** Document-level counts over sets of entity ids. */
export function documentCounts(predicted: Iterable<string>, gold: Iterable<string>): Counts {
  const p = new Set(predicted);
  const g = new Set(gold);
  let tp = 0;
  for (const id of p) if (g.has(id)) tp++;
  return { tp, fp: p.size - tp, fn: g.size - tp };
}

export function formatScores(name: string, s: Scores): string {
  const pct = (x: number) => x.toFixed(3);
  return `${name}: precision ${pct(s.precision)}, recall ${pct(s.recall)}, F1 ${pct(s.f1)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}
