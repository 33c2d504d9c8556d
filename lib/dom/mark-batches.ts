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
 * much less than one small write per slice (1 MB page: 523 → 362 ms added).
 * The frame after a write costs a part that grows with the page (layout of
 * containers with many children, pre-paint) and a part per mark. On the 1 MB
 * bench page (18,500 elements) batches of 250 instead of 600 made that frame
 * 56–58 ms instead of 80–81 at no cost in total (added 293–318 against
 * 306–350 ms; 2 interleaved runs of 5 loads). On a very large page the first
 * part alone is over 50 ms, and more frames only add to the total (5 MB page,
 * 93,500 elements: 1.84–2.03 s at 250 against 1.54–1.68 s at 600), so batches
 * stay large there (writeBatchFor).
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
