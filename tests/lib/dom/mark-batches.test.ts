/** Marks gathered into batches: written at once, when full, or when the oldest has waited long enough. */
import { describe, expect, test } from 'vitest';
import type { MarkRequest } from '@/lib/dom/mark';
import {
  LARGE_BATCH_ELEMENTS,
  LARGE_WRITE_BATCH,
  MAX_HOLD_MS,
  MarkBatches,
  WRITE_BATCH,
  writeBatchFor,
} from '@/lib/dom/mark-batches';

const requests = (n: number): MarkRequest[] =>
  Array.from({ length: n }, (_, k) => ({ node: null as unknown as Text, start: k, end: k + 1, id: 'x', text: 'x' }));

describe('mark batches', () => {
  test('everything goes at once when it may not wait (the first marks, the end of a pass)', () => {
    const b = new MarkBatches();
    expect(b.add(requests(3), 0, false)).toHaveLength(3);
    expect(b.held).toBe(false);
    expect(b.add([], 0, false)).toEqual([]);
  });

  test('marks that may wait are held until the batch is full, one batch per call', () => {
    const b = new MarkBatches();
    b.start(100);
    expect(b.add(requests(WRITE_BATCH - 1), 0, true)).toEqual([]);
    expect(b.held).toBe(true);
    expect(b.add(requests(WRITE_BATCH + 10), 1, true)).toHaveLength(WRITE_BATCH);
    expect(b.held).toBe(true);
    // The rest goes once nothing may wait any more, still one batch per call.
    expect(b.add([], 2, false)).toHaveLength(WRITE_BATCH);
    expect(b.add([], 3, false)).toHaveLength(9);
    expect(b.held).toBe(false);
  });

  test(`or until the oldest has waited ${MAX_HOLD_MS} ms`, () => {
    const b = new MarkBatches();
    b.add(requests(1), 0, true);
    expect(b.add(requests(1), MAX_HOLD_MS - 1, true)).toEqual([]);
    expect(b.add([], MAX_HOLD_MS, true)).toHaveLength(2);
  });

  test('batches are larger on very large pages; clear forgets what is held', () => {
    expect(writeBatchFor(LARGE_BATCH_ELEMENTS)).toBe(WRITE_BATCH);
    expect(writeBatchFor(LARGE_BATCH_ELEMENTS + 1)).toBe(LARGE_WRITE_BATCH);
    const b = new MarkBatches();
    b.add(requests(5), 0, true);
    b.clear();
    expect(b.held).toBe(false);
    expect(b.add([], 1, false)).toEqual([]);
  });
});
