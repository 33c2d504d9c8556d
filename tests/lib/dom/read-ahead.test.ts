/** Reading a long page's text ahead for the names in view that wait (lib/dom/read-ahead.ts). */
import { describe, expect, test } from 'vitest';
import { MAX_READ_AHEAD_CHARS, readAhead, type ReadAheadDeps } from '@/lib/dom/read-ahead';
import type { PageState } from '@/lib/detect/types';

/** Deps whose reader notes each text in `page.seen` as "read:<text>"; overrides change one part. */
function deps(texts: string[], overrides: Partial<ReadAheadDeps> = {}) {
  const sent: string[] = [];
  let settled = 0;
  const page: PageState = { seen: new Set() };
  const d: ReadAheadDeps = {
    page,
    read: async (text, p) => {
      sent.push(text);
      p.seen.add(`read:${text.slice(0, 5)}`);
    },
    texts: () => texts,
    wanted: () => true,
    settle: () => settled++,
    current: () => true,
    yieldToPage: () => Promise.resolve(),
    onError: (error) => {
      throw error;
    },
    ...overrides,
  };
  return { d, sent, page, settled: () => settled };
}

describe('readAhead', () => {
  test('sends every piece into the page memory and settles after each answer', async () => {
    const r = deps(['aaaaa one', 'bbbbb two']);
    await readAhead(r.d);
    expect(r.sent).toEqual(['aaaaa one', 'bbbbb two']);
    expect([...r.page.seen]).toEqual(['read:aaaaa', 'read:bbbbb']);
    expect(r.settled()).toBe(2);
  });

  test('stops once nothing waits any more', async () => {
    let wanted = true;
    const r = deps(['aaaaa', 'bbbbb', 'ccccc'], { wanted: () => wanted });
    r.d.settle = () => (wanted = false);
    // The first answer comes before the second piece is read (the yield lets it in).
    r.d.yieldToPage = () => new Promise((resume) => setTimeout(resume, 0));
    await readAhead(r.d);
    expect(r.sent).toEqual(['aaaaa']);
  });

  test('reads at most MAX_READ_AHEAD_CHARS', async () => {
    const piece = 'x'.repeat(MAX_READ_AHEAD_CHARS / 4);
    const r = deps(Array.from({ length: 10 }, () => piece));
    await readAhead(r.d);
    expect(r.sent).toHaveLength(4);
  });

  test('an answer for a run that has ended settles nothing; a failing reader is contained', async () => {
    let current = true;
    const r = deps(['aaaaa'], {
      current: () => current,
      read: async () => {
        current = false;
      },
    });
    await readAhead(r.d);
    expect(r.settled()).toBe(0);
    const errors: unknown[] = [];
    const failing = deps(['aaaaa'], {
      read: () => Promise.reject(new Error('The background is gone.')),
      onError: (e) => errors.push(e),
    });
    await readAhead(failing.d);
    expect(errors).toHaveLength(1);
  });
});
