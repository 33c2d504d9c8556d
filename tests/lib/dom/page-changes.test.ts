// @vitest-environment happy-dom
/**
 * The page's changes as the annotator follows them: one batch a little after
 * the first change, outermost elements and removals noted, our own writes
 * only counted, a burst turned into one rereading, nothing after stop. One
 * observer serves every follower, and lets go of the page when none is left.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BATCH_DELAY_MS, BURST_LIMIT, PageObserver, type PageChanges, type ChangeBatch } from '@/lib/dom/page-changes';

let changes: PageChanges | null = null;
let observer = new PageObserver(document);
let batches: ChangeBatch[] = [];
let stats = { pageMutations: 0, ownMutations: 0 };

function follow(overrides: Partial<Parameters<PageObserver['follow']>[0]> = {}): PageChanges {
  changes = observer.follow({
    isOurs: (node) => node.nodeType === 1 && (node as Element).localName === 'lens-mention',
    onEditable: () => undefined,
    onRewritten: () => false,
    onBatch: (batch) => batches.push(batch),
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    isValid: () => true,
    onError: (error) => {
      throw error;
    },
    stats,
    ...overrides,
  });
  return changes;
}

beforeEach(() => {
  document.body.innerHTML = '<article><p id="a">Putin spoke.</p></article>';
  batches = [];
  stats = { pageMutations: 0, ownMutations: 0 };
});
afterEach(() => {
  changes?.stop();
  changes = null;
  observer.stop();
  observer = new PageObserver(document);
});

describe('page changes', () => {
  test('changes close together come as one batch of the elements they touched', async () => {
    follow();
    const p = document.createElement('p');
    p.textContent = 'Xi Jinping arrived.';
    document.querySelector('article')!.append(p);
    document.getElementById('a')!.firstChild!.textContent = 'Putin spoke again.';
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    expect([...batches[0]!.roots].map((el) => el.textContent)).toEqual(['Xi Jinping arrived.', 'Putin spoke again.']);
    expect(batches[0]!.burst).toBe(false);
    expect(stats.pageMutations).toBe(2);
  });

  test('our own writes are only counted', async () => {
    const c = follow();
    c.own(() => {
      const mark = document.createElement('lens-mention');
      mark.textContent = 'Putin';
      document.getElementById('a')!.prepend(mark);
    });
    await new Promise((ok) => setTimeout(ok, BATCH_DELAY_MS * 2));
    expect(batches).toEqual([]);
    expect(stats.ownMutations).toBe(1);
  });

  test('removals are noted; a burst asks for the whole page to be read again', async () => {
    follow();
    document.getElementById('a')!.remove();
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]!.removals).toBe(true);
    const many = document.createDocumentFragment();
    for (let i = 0; i <= BURST_LIMIT; i++) many.append(document.createElement('span'));
    document.body.append(many);
    await vi.waitFor(() => expect(batches).toHaveLength(2));
    expect(batches[1]!.burst).toBe(true);
  });

  test('after stop, nothing more comes', async () => {
    follow().stop();
    document.body.append(document.createElement('p'));
    await new Promise((ok) => setTimeout(ok, BATCH_DELAY_MS * 2));
    expect(batches).toEqual([]);
  });

  test('one observer serves every follower; our writes reach none, or all but the writer when they are news to others', async () => {
    const seen: string[] = [];
    const other = observer.follow({
      isOurs: () => false,
      onEditable: () => undefined,
      onRewritten: () => false,
      onBatch: (batch) => seen.push(...[...batch.roots].map((el) => el.localName)),
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (id) => window.clearTimeout(id),
      isValid: () => true,
      onError: (error) => {
        throw error;
      },
    });
    const c = follow();
    // Marks: no follower hears of them.
    c.own(() => document.getElementById('a')!.prepend(document.createElement('lens-mention')));
    // Highlights' wrappers: news to the marks' follower, not to the writer.
    other.own(() => document.getElementById('a')!.append(document.createElement('mark')), true);
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    expect([...batches[0]!.roots].map((el) => el.localName)).toEqual(['mark']);
    expect(seen).toEqual([]);
    // The page's own change reaches both.
    document.querySelector('article')!.append(document.createElement('section'));
    await vi.waitFor(() => expect(seen).toEqual(['section']));
    await vi.waitFor(() => expect(batches).toHaveLength(2));
    other.stop();
  });

  test('with no follower left the page is let go; a new follower is served again', async () => {
    follow().stop();
    document.querySelector('article')!.append(document.createElement('section'));
    await new Promise((r) => setTimeout(r, BATCH_DELAY_MS * 3));
    expect(batches).toEqual([]);
    follow();
    document.querySelector('article')!.append(document.createElement('aside'));
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    expect([...batches[0]!.roots].map((el) => el.localName)).toEqual(['aside']);
  });
});
