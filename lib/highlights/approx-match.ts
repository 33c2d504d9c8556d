/**
 * Approximate string matching: where does `pattern` occur in `text` with at
 * most k edits (insertions, deletions, substitutions)? Sellers' dynamic
 * programme with Ukkonen's cut-off, so the cost is about O(k·n) rather than
 * O(m·n). Pure module.
 */

export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

/** Edit distance between two short strings (used to compare quote context). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** 1 for equal strings, 0 for entirely different ones. */
export function similarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - editDistance(a, b) / len;
}

/**
 * The best start for a match of `pattern` ending at `end`: an edit-distance
 * programme over the reversed pattern and the reversed text before `end`.
 */
function bestStart(text: string, pattern: string, end: number, maxErrors: number): { start: number; errors: number } {
  const m = pattern.length;
  const windowLen = Math.min(end, m + maxErrors);
  const col = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = i;
  let best = { start: end, errors: col[m]! };
  for (let t = 1; t <= windowLen; t++) {
    const c = text.charCodeAt(end - t);
    let diag = col[0]!;
    col[0] = t;
    for (let i = 1; i <= m; i++) {
      const old = col[i]!;
      const sub = diag + (pattern.charCodeAt(m - i) === c ? 0 : 1);
      col[i] = Math.min(sub, old + 1, col[i - 1]! + 1);
      diag = old;
    }
    const errors = col[m]!;
    // Prefer fewer errors; on a tie, the length closest to the pattern's.
    if (errors < best.errors || (errors === best.errors && Math.abs(t - m) < Math.abs(end - best.start - m))) {
      best = { start: end - t, errors };
    }
  }
  return best;
}

/**
 * Every place `pattern` occurs in `text` with at most `maxErrors` edits: one
 * match per run of qualifying end positions (the best of the run), up to
 * `limit` matches with the fewest errors.
 */
export function findApprox(text: string, pattern: string, maxErrors: number, limit = 40): ApproxMatch[] {
  const m = pattern.length;
  if (m === 0) return [];
  const k = Math.max(0, Math.min(maxErrors, m));
  const cap = k + 1;
  const col = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = Math.min(i, cap);
  let top = Math.min(k, m);
  const ends: { end: number; errors: number }[] = [];
  let run: { end: number; errors: number } | null = null;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    let diag = 0;
    const last = Math.min(top + 1, m);
    for (let i = 1; i <= last; i++) {
      const old = col[i]!;
      let val = diag + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      if (old + 1 < val) val = old + 1;
      if (col[i - 1]! + 1 < val) val = col[i - 1]! + 1;
      col[i] = val > cap ? cap : val;
      diag = old;
    }
    let t = last;
    while (t > 0 && col[t]! > k) t--;
    top = t;
    if (top === m) {
      const errors = col[m]!;
      if (!run || errors < run.errors) run = { end: j + 1, errors };
    } else if (run) {
      ends.push(run);
      run = null;
    }
  }
  if (run) ends.push(run);
  ends.sort((a, b) => a.errors - b.errors || a.end - b.end);
  return ends.slice(0, limit).map(({ end, errors }) => {
    const start = bestStart(text, pattern, end, k);
    return { start: start.start, end, errors: Math.min(errors, start.errors) };
  });
}
