// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { dissolveRunOf, findMentions, markRanges, unannotate, unmark, type MarkRequest } from '@/lib/dom/mark';
import { ensureMarkStyle, markCss, removeMarkStyle } from '@/lib/dom/mark-styles';

/** Builds requests for every occurrence of the given words in a text node. */
function requestsFor(node: Text, words: Record<string, string>): MarkRequest[] {
  const out: MarkRequest[] = [];
  for (const [word, id] of Object.entries(words)) {
    let at = node.data.indexOf(word);
    while (at >= 0) {
      out.push({ node, start: at, end: at + word.length, id });
      at = node.data.indexOf(word, at + word.length);
    }
  }
  return out;
}

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('markRanges', () => {
  test('wraps each mention in <lens-mention data-entity> without changing the text', () => {
    const p = document.createElement('p');
    p.textContent = 'Putin met Xi Jinping in Moscow.';
    document.body.append(p);
    const node = p.firstChild as Text;
    const marks = markRanges(requestsFor(node, { Putin: 'vladimir-putin', 'Xi Jinping': 'xi-jinping' }));
    expect(marks.map((m) => [m.localName, m.getAttribute('data-entity'), m.textContent])).toEqual([
      ['lens-mention', 'vladimir-putin', 'Putin'],
      ['lens-mention', 'xi-jinping', 'Xi Jinping'],
    ]);
    expect(p.textContent).toBe('Putin met Xi Jinping in Moscow.');
    expect(p.innerHTML).toBe(
      '<lens-mention data-entity="vladimir-putin">Putin</lens-mention> met ' +
        '<lens-mention data-entity="xi-jinping">Xi Jinping</lens-mention> in Moscow.',
    );
    // Not in the Tab order: no tabindex, nothing focusable added.
    expect(marks.every((m) => !m.hasAttribute('tabindex'))).toBe(true);
  });

  test('running twice changes nothing (text inside a mark is never marked again)', () => {
    document.body.innerHTML = '<p>The S-400 deal and the S-400 again.</p>';
    const p = document.querySelector('p')!;
    markRanges(requestsFor(p.firstChild as Text, { 'S-400': 's-400' }));
    const once = p.innerHTML;
    // A second pass over every current text node, as a rescan would do.
    const again = textNodes(p).flatMap((t) => requestsFor(t, { 'S-400': 's-400' }));
    expect(again.length).toBeGreaterThan(0);
    expect(markRanges(again)).toEqual([]);
    expect(p.innerHTML).toBe(once);
  });

  test('skips overlapping and out-of-range requests', () => {
    document.body.innerHTML = '<p>Power of Siberia 2 is planned.</p>';
    const node = document.querySelector('p')!.firstChild as Text;
    const marks = markRanges([
      { node, start: 0, end: 18, id: 'power-of-siberia-2' },
      { node, start: 0, end: 16, id: 'power-of-siberia' },
      { node, start: 5, end: 99, id: 'bad' },
      { node, start: 4, end: 4, id: 'empty' },
    ]);
    expect(marks.map((m) => m.getAttribute('data-entity'))).toEqual(['power-of-siberia-2']);
    expect(document.body.textContent).toBe('Power of Siberia 2 is planned.');
  });
});

describe('unannotate', () => {
  test('restores the same text, the same structure and the original text node objects', () => {
    document.body.innerHTML =
      '<article><h1>Putin and Xi</h1><p>Trade with <b>China</b> grew; Putin said so. Putin again.</p></article>';
    const before = document.body.innerHTML;
    const originals = textNodes(document.body);
    const requests = originals.flatMap((t) =>
      requestsFor(t, { Putin: 'vladimir-putin', Xi: 'xi-jinping', China: 'china' }),
    );
    expect(markRanges(requests)).toHaveLength(5);
    expect(document.body.innerHTML).not.toBe(before);

    expect(unannotate(document.body)).toBe(5);
    expect(document.body.innerHTML).toBe(before);
    const after = textNodes(document.body);
    expect(after).toHaveLength(originals.length);
    after.forEach((node, i) => expect(node).toBe(originals[i]));
    expect(findMentions(document.body)).toEqual([]);
  });

  test('marks added in a later pass to a tail piece are restored into the same original', () => {
    document.body.innerHTML = '<p>Xi met Putin; later Xi left and Putin stayed.</p>';
    const p = document.querySelector('p')!;
    const original = p.firstChild as Text;
    // First pass: first mention of each entity only (the default density).
    markRanges([
      { node: original, start: 0, end: 2, id: 'xi-jinping' },
      { node: original, start: 7, end: 12, id: 'vladimir-putin' },
    ]);
    // Second pass ("all" density): the remaining mentions live in the tail piece.
    const tail = textNodes(p).at(-1)!;
    expect(markRanges(requestsFor(tail, { Xi: 'xi-jinping', Putin: 'vladimir-putin' }))).toHaveLength(2);
    expect(findMentions(p)).toHaveLength(4);
    unannotate(document.body);
    expect(p.childNodes).toHaveLength(1);
    expect(p.firstChild).toBe(original);
    expect(original.data).toBe('Xi met Putin; later Xi left and Putin stayed.');
  });

  test('keeps text the page changed inside a mark while we were there', () => {
    document.body.innerHTML = '<p>Rate: Putin 100</p>';
    const node = document.querySelector('p')!.firstChild as Text;
    const [mark] = markRanges(requestsFor(node, { Putin: 'vladimir-putin' }));
    (mark!.firstChild as Text).data = 'PUTIN';
    unannotate(document.body);
    expect(document.querySelector('p')!.innerHTML).toBe('Rate: PUTIN 100');
    expect(document.querySelector('p')!.firstChild).toBe(node);
  });

  test('falls back to unwrapping when the page moved our nodes around', () => {
    document.body.innerHTML = '<p>Putin and Xi</p><div id="elsewhere"></div>';
    const node = document.querySelector('p')!.firstChild as Text;
    const marks = markRanges(requestsFor(node, { Putin: 'vladimir-putin', Xi: 'xi-jinping' }));
    document.getElementById('elsewhere')!.append(marks[1]!);
    expect(unannotate(document.body)).toBe(2);
    expect(findMentions(document.body)).toEqual([]);
    expect(document.body.textContent).toBe('Putin and Xi');
  });

  test('covers open shadow roots', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>The SCO met.</p>';
    const node = shadow.querySelector('p')!.firstChild as Text;
    markRanges(requestsFor(node, { SCO: 'shanghai-cooperation-organisation' }));
    expect(findMentions(document.body)).toHaveLength(1);
    unannotate(document.body);
    expect(shadow.querySelector('p')!.innerHTML).toBe('The SCO met.');
    expect(shadow.querySelector('p')!.firstChild).toBe(node);
  });
});

describe('pages that re-render the text we split', () => {
  test('a framework rewriting its own text node in place: our stale pieces go, the node stays whole', () => {
    document.body.innerHTML = '<h2>Summit in Moscow, with Putin</h2>';
    const h2 = document.querySelector('h2')!;
    const original = h2.firstChild as Text;
    markRanges(requestsFor(original, { Moscow: 'moscow', Putin: 'vladimir-putin' }));
    // What Preact or React do on an update: write the whole new text into the node they own.
    original.data = 'Summit in Moscow, with Putin (1 like)';
    expect(dissolveRunOf(original)).toBe(true);
    expect(h2.childNodes).toHaveLength(1);
    expect(h2.firstChild).toBe(original);
    expect(h2.textContent).toBe('Summit in Moscow, with Putin (1 like)');
  });

  test('also when the rewritten node sat inside our mark', () => {
    document.body.innerHTML = '<p>Putin spoke.</p>';
    const p = document.querySelector('p')!;
    const original = p.firstChild as Text;
    markRanges(requestsFor(original, { Putin: 'vladimir-putin' }));
    expect(original.parentElement!.localName).toBe('lens-mention');
    original.data = 'Lavrov spoke instead.';
    dissolveRunOf(original);
    expect(p.innerHTML).toBe('Lavrov spoke instead.');
    expect(p.firstChild).toBe(original);
  });

  test('hydration that drops our marks, then marking again: teardown still leaves one whole original node', () => {
    document.body.innerHTML = '<h2>Summit in Moscow</h2>';
    const h2 = document.querySelector('h2')!;
    const original = h2.firstChild as Text;
    markRanges(requestsFor(original, { Moscow: 'moscow' }));
    // Preact 11 hydration: the first text node gets the whole text, the rest is removed.
    original.data = 'Summit in Moscow';
    while (original.nextSibling) original.nextSibling.remove();
    markRanges(requestsFor(original, { Moscow: 'moscow' }));
    expect(findMentions(h2)).toHaveLength(1);
    unannotate(document.body);
    expect(h2.childNodes).toHaveLength(1);
    expect(h2.firstChild).toBe(original);
    expect(original.data).toBe('Summit in Moscow');
  });

  test('a run the page rearranged is unwrapped and its adjacent pieces merged back', () => {
    document.body.innerHTML = '<p>Putin and Xi met.</p><div></div>';
    const p = document.querySelector('p')!;
    const original = p.firstChild as Text;
    markRanges(requestsFor(original, { Putin: 'vladimir-putin', Xi: 'xi-jinping' }));
    // The page moves an unrelated element into the middle of our run.
    p.insertBefore(document.querySelector('div')!, p.childNodes[2]!);
    unannotate(document.body);
    expect(findMentions(p)).toEqual([]);
    expect(p.textContent).toBe('Putin and Xi met.');
    // Two stretches of our text remain (either side of the page's element), each one node.
    expect(Array.from(p.childNodes).map((n) => n.nodeName)).toEqual(['#text', 'DIV', '#text']);
    expect(p.firstChild).toBe(original);
  });
});

describe('unmark', () => {
  test('removes only the given marks and re-makes their neighbours in the same text node', () => {
    document.body.innerHTML = '<p>Putin, Xi and the SCO.</p>';
    const p = document.querySelector('p')!;
    const original = p.firstChild as Text;
    const marks = markRanges(
      requestsFor(original, { Putin: 'vladimir-putin', Xi: 'xi-jinping', SCO: 'shanghai-cooperation-organisation' }),
    );
    const replaced = unmark([marks[1]!]);
    expect(findMentions(p).map((m) => m.getAttribute('data-entity'))).toEqual([
      'vladimir-putin',
      'shanghai-cooperation-organisation',
    ]);
    expect(replaced.size).toBe(2);
    expect(replaced.get(marks[0]!)?.textContent).toBe('Putin');
    expect(p.textContent).toBe('Putin, Xi and the SCO.');
    unannotate(p);
    expect(p.childNodes).toHaveLength(1);
    expect(p.firstChild).toBe(original);
  });
});

describe('mark styles', () => {
  test('one style element per root, updated in place, removed cleanly', () => {
    const before = document.head.innerHTML;
    const a = ensureMarkStyle(document, 'underline');
    const b = ensureMarkStyle(document, 'tint');
    expect(a).toBe(b);
    expect(document.querySelectorAll('style[data-lens-style]')).toHaveLength(1);
    expect(b!.textContent).toBe(markCss('tint'));
    removeMarkStyle(document);
    expect(document.head.innerHTML).toBe(before);
  });

  test.each(['underline', 'tint', 'hover'] as const)(
    '%s adds no padding, border, font or line-height of its own',
    (style) => {
      const css = markCss(style);
      expect(css).toContain('lens-mention[data-entity]');
      for (const m of css.matchAll(/(padding|border|margin|line-height|font)\s*:\s*([^;!]+)/g)) {
        expect(['0', 'inherit']).toContain(m[2]!.trim());
      }
    },
  );

  test('hover style shows nothing until hover; underline is dotted', () => {
    expect(markCss('hover')).toMatch(/lens-mention\[data-entity\]\{text-decoration:none/);
    expect(markCss('hover')).toMatch(/:hover/);
    expect(markCss('underline')).toContain('text-decoration-style:dotted');
  });
});
