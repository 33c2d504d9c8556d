/** Reading a long page's text ahead for the names in view that wait (lib/dom/read-ahead.ts). */
import { describe, expect, test } from 'vitest';
import { MAX_READ_AHEAD_CHARS, readAhead, SEND_CHARS, type ReadAheadDeps } from '@/lib/dom/read-ahead';
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

  test('pieces read before the page is judged are held, and go out together once it is', async () => {
    let judge = () => {};
    const verdict = new Promise<void>((resolve) => (judge = resolve));
    const r = deps(['aaaaa', 'bbbbb', 'ccccc'], { judged: () => verdict });
    const done = readAhead(r.d);
    // Every piece is read (the yields let the loop run) while nothing is sent.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(r.sent).toEqual([]);
    judge();
    await verdict;
    // In the verdict's own task (a microtask), with no yield to the page between.
    expect(r.sent).toEqual(['aaaaa', 'bbbbb', 'ccccc']);
    await done;
    expect(r.settled()).toBe(3);
  });

  test('what was held goes out SEND_CHARS a task: the verdict’s task stays short', async () => {
    let judge = () => {};
    const verdict = new Promise<void>((resolve) => (judge = resolve));
    const piece = (c: string) => c.repeat(SEND_CHARS / 2);
    const r = deps([piece('a'), piece('b'), piece('c'), piece('d')], { judged: () => verdict });
    const done = readAhead(r.d);
    for (let i = 0; i < 20; i++) await Promise.resolve();
    judge();
    await verdict;
    expect(r.sent).toHaveLength(2);
    await done;
    expect(r.sent.map((t) => t[0])).toEqual(['a', 'b', 'c', 'd']);
  });

  test('once the verdict is due it reads no more until it is in; then only while something waits', async () => {
    let judge = () => {};
    const verdict = new Promise<void>((resolve) => (judge = resolve));
    let wanted = true;
    const read: string[] = [];
    const r = deps([], { judged: () => verdict, due: () => true, wanted: () => wanted });
    r.d.texts = function* () {
      for (const text of ['aaaaa', 'bbbbb', 'ccccc']) {
        read.push(text);
        yield text;
      }
    };
    const done = readAhead(r.d);
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(read).toEqual(['aaaaa']);
    expect(r.sent).toEqual([]);
    // Judged, with nothing waiting any more: nothing is sent, and nothing more read.
    wanted = false;
    judge();
    await done;
    expect(r.sent).toEqual([]);
    expect(read).toEqual(['aaaaa']);
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
