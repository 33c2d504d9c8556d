/**
 * Marks found and not yet written, gathered into batches: every frame that
 * follows a DOM change costs the page a walk of its own, so a few larger
 * writes cost much less than one small write per slice.
 */
import type { MarkRequest } from './mark';

/**
 * Marks are written in batches of about this many, gathered over several
 * slices: every frame that follows a DOM change walks the whole page for
 * pre-paint and compositing inputs, so fewer, larger writes cost the page
 * much less than one small write per slice. That frame has a part that grows
 * with the page and a part per mark: smaller batches keep it shorter on a
 * page of ordinary size, while on a very large page the first part alone
 * passes 50 ms and more frames only add to the total, so batches stay large
 * there (writeBatchFor). The measurements behind both sizes are in
 * docs/benchmarks.md.
 */
export const WRITE_BATCH = 250;
export const LARGE_WRITE_BATCH = 600;
/** Pages with more elements than this are written in batches of LARGE_WRITE_BATCH. */
export const LARGE_BATCH_ELEMENTS = 50_000;

/** The write batch for a page of this many elements. */
export function writeBatchFor(elements: number): number {
  return elements > LARGE_BATCH_ELEMENTS ? LARGE_WRITE_BATCH : WRITE_BATCH;
}
/** Found marks wait at most this long for their batch (after the first write, which is immediate). */
export const MAX_HOLD_MS = 100;

export class MarkBatches {
  /** Marks per write on this page (writeBatchFor), set when a pass starts. */
  #size = WRITE_BATCH;
  /** Marks found but not written yet, and when the oldest of them was found. */
  #held: MarkRequest[] = [];
  #since = 0;

  /** A pass starts on a page of this many elements. */
  start(elements: number): void {
    this.#size = writeBatchFor(elements);
  }

  /** Whether marks wait for a later write. */
  get held(): boolean {
    return this.#held.length > 0;
  }

  /**
   * Adds a slice's requests and returns the batch due for writing now (empty
   * when none is): at once unless `mayWait` (more slices follow and the first
   * marks are on, so the viewport's go on at once); else when the batch is
   * full or its oldest mark has waited MAX_HOLD_MS. One batch at most per
   * call: a dense page can find more in one slice, and the rest waits.
   */
  add(requests: readonly MarkRequest[], now: number, mayWait: boolean): MarkRequest[] {
    if (requests.length > 0) {
      if (this.#held.length === 0) this.#since = now;
      for (const r of requests) this.#held.push(r);
    }
    const held = this.#held;
    if (held.length === 0) return [];
    if (mayWait && held.length < this.#size && now - this.#since < MAX_HOLD_MS) return [];
    const batch = held.length > this.#size ? held.splice(0, this.#size) : held;
    this.#held = batch === held ? [] : held;
    if (this.#held.length > 0) this.#since = now;
    return batch;
  }

  /** Forgets the held marks (the settings changed, or the lens stops). */
  clear(): void {
    this.#held = [];
  }
}
