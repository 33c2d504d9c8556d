// @vitest-environment happy-dom
/**
 * The page split into units of work: elements with text of their own,
 * containers opened, skipped regions left out, open shadow roots walked and
 * reported, and a walk that runs out of its slice's time going on later.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { PageWalk } from '@/lib/dom/page-walk';

let clock = 0;
const shadows: ShadowRoot[] = [];
const walk = () =>
  new PageWalk({
    doc: document,
    now: () => clock,
    budgetMs: 10,
    skipped: (el) => el.localName === 'pre',
    onShadowRoot: (root) => shadows.push(root),
  });

/** Every unit of the queued roots, as tag#id. */
function units(w: PageWalk): string[] {
  const out: string[] = [];
  for (;;) {
    const unit = w.next(clock);
    if (unit === undefined) continue;
    if (unit === null) {
      if (!w.queued) return out;
      continue;
    }
    out.push(`${unit.localName}#${unit.id}`);
  }
}

beforeEach(() => {
  clock = 0;
  shadows.length = 0;
  document.body.innerHTML =
    '<article id="a"><h1 id="h">Title</h1><div id="d"><p id="p1">One <b>bold</b></p><span id="s">inline only</span></div>' +
    '<pre id="code">Putin in code</pre><section id="host"></section><ul id="l"><li id="li">item</li></ul></article>';
  const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
  root.innerHTML = '<p id="inside">In the shadow</p>';
});

describe('page walk', () => {
  test('hands out units in page order, opening containers, leaving skipped regions out', () => {
    const w = walk();
    w.enqueue(document, false);
    expect(units(w)).toEqual(['h1#h', 'p#p1', 'span#s', 'p#inside', 'li#li']);
    expect(shadows).toHaveLength(1);
    expect(w.pending).toBe(false);
  });

  test('a long stretch without units past its slice stops the walk, which goes on in the next', () => {
    document.body.innerHTML = '<div></div>'.repeat(600) + '<p id="last">At last</p>';
    const w = walk();
    w.enqueue(document, false);
    clock = 100;
    expect(w.next(0)).toBeUndefined();
    expect(w.pending).toBe(true);
    expect(w.next(100)?.id).toBe('last');
    expect(w.next(100)).toBeNull();
    expect(w.pending).toBe(false);
  });

  test('a walk of the whole document at the top is in page order; one of a subtree is not', () => {
    const w = walk();
    w.enqueue(document, true);
    expect(w.next(0)?.id).toBe('h');
    expect(w.inPageOrder).toBe(true);
    w.clear();
    w.enqueue(document.getElementById('d')!, false);
    expect(w.next(0)?.id).toBe('p1');
    expect(w.inPageOrder).toBe(false);
  });

  test('clear forgets queued roots', () => {
    const w = walk();
    w.enqueue(document, false);
    w.enqueue(document.getElementById('l')!, false);
    w.clear();
    expect(w.pending).toBe(false);
    expect(w.next(0)).toBeNull();
  });
});
