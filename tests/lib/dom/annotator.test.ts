// @vitest-environment happy-dom
/**
 * The annotator over a happy-dom page, with a small word-list scanner standing
 * in for the engine (the engine has its own tests): scheduling, density,
 * filters, restore, mutations and failure containment.
 */
import { FakeObserver, fakeView } from '../../support/fake-intersection-observer';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  Annotator,
  type PageRelevance,
  FIRST_SLICE_CHARS,
  MAX_SLICE_BLOCKS,
  type AnnotatorStats,
  type Scanner,
} from '@/lib/dom/annotator';
import { LARGE_BATCH_ELEMENTS, LARGE_WRITE_BATCH, WRITE_BATCH, writeBatchFor } from '@/lib/dom/mark-batches';
import { collectTextBlocks, listPlainUnit, readPlainUnit } from '@/lib/dom/text-blocks';
import { findMentions, innerEntitiesOf } from '@/lib/dom/mark';
import type { Candidate, Mention, PageState, ScanResult } from '@/lib/detect/types';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/model';
import { clearTestState, readTestState } from '@/lib/platform/test-hooks';

const WORDS: Record<string, { id: string; topics: string[] }> = {
  Putin: { id: 'vladimir-putin', topics: ['people', 'diplomacy'] },
  'Xi Jinping': { id: 'xi-jinping', topics: ['people', 'diplomacy'] },
  SCO: { id: 'shanghai-cooperation-organisation', topics: ['institutions', 'diplomacy'] },
  'S-400': { id: 's-400', topics: ['military'] },
  'Mir payment system': { id: 'mir-payment-system', topics: ['finance'] },
  'U.S.': { id: 'united-states', topics: ['diplomacy'] },
  'sanctions on Russia': { id: 'western-sanctions-on-russia', topics: ['sanctions-technology'] },
};
/** Of the test words, the entities of the context tier (lib/detect/relevance.ts). */
const CONTEXT_IDS = new Set(['united-states']);
/** A short form, accepted only once its entity's full name is on the page (`ScanResult.deferred`). */
const SHORT_FORM = /\bXi\b(?! Jinping)/g;
/** Matches that need the resolver's say. */
const AMBIGUOUS: Record<string, string> = { Mir: 'mir-payment-system' };

/** Scans one text the way the detector would (see `scanner`). */
function scanOne(text: string, page: PageState): ScanResult {
  {
    const mentions: Mention[] = [];
    const pending: Candidate[] = [];
    const deferred: Candidate[] = [];
    for (const [word, { id }] of Object.entries(WORDS)) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        mentions.push({ id, start: at, end: at + word.length, text: word });
        page.seen.add(id);
      }
    }
    for (const match of text.matchAll(SHORT_FORM)) {
      const short = { id: 'xi-jinping', start: match.index, end: match.index + 2, text: 'Xi' };
      const candidate: Candidate = { ...short, rule: 'after-full-name', context: text, contextStart: 0 };
      if (page.seen.has('xi-jinping')) mentions.push(short);
      else deferred.push(candidate);
    }
    for (const [word, id] of Object.entries(AMBIGUOUS)) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        pending.push({
          id,
          start: at,
          end: at + word.length,
          text: word,
          rule: 'context',
          context: text,
          contextStart: 0,
        });
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    // "sanctions on Russia" is a phrase with a name nested in it.
    const nested: Mention[] = [];
    for (let at = text.indexOf('sanctions on Russia'); at >= 0; at = text.indexOf('sanctions on Russia', at + 1)) {
      nested.push({ id: 'russia', start: at + 13, end: at + 19, text: 'Russia', nested: true });
    }
    return { mentions, pending, deferred, nested };
  }
}

/** Answers at once, as a scanner in the page would. */
const scanner: Scanner = {
  scanMany: (texts, page) => texts.map((text) => scanOne(text, page)),
  topicsOf: (id) => Object.values(WORDS).find((w) => w.id === id)?.topics ?? ['finance'],
  isContext: (id) => CONTEXT_IDS.has(id),
};

/** The test scanner, except that the page rewrites `node` to `data` when the text with `marker` is scanned. */
function rewritingScanner(marker: string, node: Text, data: string): Scanner {
  return {
    topicsOf: scanner.topicsOf,
    scanMany: (texts, page) =>
      texts.map((text) => {
        if (text.includes(marker)) node.data = data;
        return scanOne(text, page);
      }),
  };
}

/** The shared text extraction, as the content script uses it. */
const collect = (root: Node, isOwnUi: (el: Element) => boolean) => collectTextBlocks(root, { isOwnUi });

let annotator: Annotator | null = null;

function makeAnnotator(
  overrides: Partial<ConstructorParameters<typeof Annotator>[0]> = {},
  relevance: PageRelevance | null = { shown: true, about: true },
): Annotator {
  annotator = new Annotator({
    doc: document,
    hostname: 'news.example',
    scanner,
    newPageState: () => ({ seen: new Set() }),
    collect,
    readPlain: readPlainUnit,
    listPlain: listPlainUnit,
    isOwnUi: (el) => el.localName === 'lens-card-host',
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    isValid: () => true,
    ...overrides,
  });
  // Most tests are about marking; relevance gating has its own tests below.
  if (relevance) annotator.setRelevance(relevance);
  return annotator;
}

function settings(change: Partial<Settings> = {}): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...change };
}

function marked(root: ParentNode = document.body): string[] {
  return findMentions(root).map((m) => `${m.getAttribute('data-entity')}:${m.textContent}`);
}

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

const ARTICLE = `
  <article>
    <h1>Putin hosts Xi Jinping</h1>
    <p>Putin and <b>Xi Jinping</b> discussed the SCO. Putin spoke first.</p>
    <p>The S-400 deal came up; Putin again.</p>
    <div contenteditable="true">Putin in an editor</div>
    <textarea>Putin in a textarea</textarea>
    <pre>Putin in code</pre>
    <lens-card-host>Putin in our own UI</lens-card-host>
  </article>`;

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = ARTICLE;
  clearTestState();
});
afterEach(() => {
  annotator?.stop();
  annotator = null;
});

describe('relevance (lib/detect/relevance.ts)', () => {
  const all = () => settings({ density: { mode: 'all', n: 3 } });
  const passDone = (a: Annotator) => vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());

  test('nothing is marked until the page is judged', async () => {
    document.body.innerHTML = '<p>Putin met the U.S. envoy.</p>';
    const a = makeAnnotator({}, null);
    a.update(all());
    await passDone(a);
    expect(marked()).toEqual([]);
    a.setRelevance({ shown: true, about: true });
    await vi.waitFor(() => expect(marked()).toEqual(['vladimir-putin:Putin', 'united-states:U.S.']));
  });

  test('what was read before the verdict is marked when it comes, without reading the page again', async () => {
    document.body.innerHTML = '<p>Putin met the U.S. envoy.</p>';
    let scans = 0;
    const counting: Scanner = { ...scanner, scanMany: (texts, page) => (scans++, scanner.scanMany(texts, page)) };
    const a = makeAnnotator({ scanner: counting }, null);
    a.update(all());
    await vi.waitFor(() => expect(scans).toBe(1));
    const rescans = a.stats.rescans;
    a.setRelevance({ shown: true, about: true });
    await vi.waitFor(() => expect(marked()).toEqual(['vladimir-putin:Putin', 'united-states:U.S.']));
    await passDone(a);
    expect(scans).toBe(1);
    expect(a.stats.rescans).toBe(rescans);
  });

  test('a first verdict that the page is for another lens drops what was read meanwhile', async () => {
    document.body.innerHTML = '<p>Putin met the U.S. envoy.</p>';
    const a = makeAnnotator({}, null);
    a.update(all());
    a.setRelevance({ shown: false, about: false });
    await passDone(a);
    expect(marked()).toEqual([]);
  });

  test('a page not about Russia or China marks its core entities only; judged about it later, the rest too', async () => {
    document.body.innerHTML = '<p>Putin met the U.S. envoy.</p>';
    const a = makeAnnotator({}, { shown: true, about: false });
    a.update(all());
    await passDone(a);
    expect(marked()).toEqual(['vladimir-putin:Putin']);
    a.setRelevance({ shown: true, about: true });
    await vi.waitFor(() => expect(marked()).toEqual(['vladimir-putin:Putin', 'united-states:U.S.']));
  });

  test('a page for another lens shows nothing, until the reader asks to mark it anyway', async () => {
    document.body.innerHTML = '<p>Putin met the U.S. envoy.</p>';
    const a = makeAnnotator({}, { shown: false, about: false });
    a.update(all());
    await passDone(a);
    expect(marked()).toEqual([]);
    expect(a.entityCounts()).toEqual([]);
    a.setRelevance({ shown: true, about: true, anyway: true });
    await vi.waitFor(() => expect(marked()).toEqual(['vladimir-putin:Putin', 'united-states:U.S.']));
    expect(a.relevance?.anyway).toBe(true);
  });

  test('names nested in a phrase carry no mark of their own: the entity list and the phrase’s mark hold them', async () => {
    document.body.innerHTML = '<p>Putin spoke about sanctions on Russia.</p>';
    const a = makeAnnotator();
    a.update(all());
    await passDone(a);
    expect(marked()).toEqual(['vladimir-putin:Putin', 'western-sanctions-on-russia:sanctions on Russia']);
    expect(a.entityCounts()).toEqual([
      { id: 'russia', count: 1 },
      { id: 'vladimir-putin', count: 1 },
      { id: 'western-sanctions-on-russia', count: 1 },
    ]);
    const [putin, phrase] = findMentions(document.body);
    expect(innerEntitiesOf(phrase!)).toEqual(['russia']);
    expect(innerEntitiesOf(putin!)).toEqual([]);
    // Nothing about it on the page's own DOM.
    expect(phrase!.getAttributeNames()).toEqual(['data-entity']);
  });
});

describe('short forms (settleDeferred)', () => {
  test('a short form before the full name is marked once the full name is found later on the page', async () => {
    document.body.innerHTML = '<p>Xi arrived first.</p><div><p>Much later, Xi Jinping spoke.</p></div>';
    const a = makeAnnotator();
    a.update(settings({ density: { mode: 'all', n: 3 } }));
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(marked()).toEqual(['xi-jinping:Xi', 'xi-jinping:Xi Jinping']);
  });

  test('a short form whose full name never appears stays unmarked', async () => {
    document.body.innerHTML = '<p>Xi arrived first.</p><p>Putin spoke.</p>';
    const a = makeAnnotator();
    a.update(settings({ density: { mode: 'all', n: 3 } }));
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(marked()).toEqual(['vladimir-putin:Putin']);
  });
});

describe('first pass', () => {
  test('marks the first mention of each entity and leaves editable, code and our UI alone', async () => {
    const a = makeAnnotator();
    a.update(settings());
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(marked()).toEqual([
      'vladimir-putin:Putin',
      'xi-jinping:Xi Jinping',
      'shanghai-cooperation-organisation:SCO',
      's-400:S-400',
    ]);
    expect(document.querySelector('[contenteditable]')!.innerHTML).toBe('Putin in an editor');
    expect(document.querySelector('pre')!.innerHTML).toBe('Putin in code');
    expect(document.querySelector('lens-card-host')!.innerHTML).toBe('Putin in our own UI');
    expect(document.querySelectorAll('style[data-lens-style]')).toHaveLength(1);
    // The counters are kept in the script's own world (a test build's), none on the page's elements.
    const stats = readTestState()?.stats as AnnotatorStats;
    expect(stats.marks).toBe(4);
    expect(stats.ownMutations).toBeGreaterThan(0);
    expect(stats.pageMutations).toBe(0);
    expect(document.documentElement.getAttributeNames().filter((name) => name.startsWith('data-lens'))).toEqual([]);
    expect(document.body.getAttributeNames().filter((name) => name.startsWith('data-lens'))).toEqual([]);
  });

  test.each([
    ['all', 3, 8, 4],
    ['first-n', 2, 6, 2],
    ['first', 3, 4, 1],
  ] as const)('density %s (n=%i) gives %i marks, %i of them Putin', async (mode, n, count, putin) => {
    const a = makeAnnotator();
    a.update(settings({ density: { mode, n } }));
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(marked()).toHaveLength(count);
    expect(a.mentionsOf('vladimir-putin')).toHaveLength(putin);
  });

  test('a short first slice is written at once; later marks in batches of at most WRITE_BATCH', async () => {
    // A frozen clock: slices end on their character or block limits alone and no batch waits out MAX_HOLD_MS.
    // Paragraphs long enough for the first slice to end on its character limit, not its block limit.
    const texts = Array.from(
      { length: 2000 },
      (_, i) =>
        `Putin spoke (${i}) about the harvest, the weather and the price of grain in the spring, ` +
        'as he has done at this time of year for twenty years, and then about the roads, the railways, ' +
        'the ports of the far east and the long winter that the farmers of the south still remember well.',
    );
    document.body.innerHTML = texts.map((t) => `<p>${t}</p>`).join('');
    let writes = 0;
    const sizes: number[] = [];
    const a = makeAnnotator({
      now: () => 0,
      onMarksChanged: () => {
        writes++;
        sizes.push(a.stats.marks);
      },
    });
    a.update(settings({ density: { mode: 'all', n: 3 } }));
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(a.stats.marks).toBe(2000);
    // The first slice stops once it has read FIRST_SLICE_CHARS, and its marks go on at once.
    let first = 0;
    for (let chars = 0; chars < FIRST_SLICE_CHARS; first++) chars += texts[first]!.length;
    expect(first).toBeLessThan(WRITE_BATCH);
    expect(sizes[0]).toBe(first);
    // Then slices of MAX_SLICE_BLOCKS paragraphs; each writes at most one batch, and what is held
    // when the reading ends is written by the slices that follow.
    const batches = sizes.map((n, i) => n - (sizes[i - 1] ?? 0));
    expect(batches.every((n) => n <= WRITE_BATCH)).toBe(true);
    expect(batches.slice(1, -1).every((n) => n === WRITE_BATCH)).toBe(true);
    expect(writes).toBe(1 + Math.ceil((2000 - first) / WRITE_BATCH));
  });

  test('the write batch: small on most pages, large on very large ones (where each frame costs much whatever its size)', () => {
    expect(writeBatchFor(900)).toBe(WRITE_BATCH);
    expect(writeBatchFor(LARGE_BATCH_ELEMENTS)).toBe(WRITE_BATCH);
    expect(writeBatchFor(LARGE_BATCH_ELEMENTS + 1)).toBe(LARGE_WRITE_BATCH);
    expect(WRITE_BATCH).toBeLessThan(LARGE_WRITE_BATCH);
  });

  test('a held mark whose text the page changed before its batch is not written', async () => {
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<p>Putin spoke (${i}).</p>`).join('');
    // Each slice reads 1000 paragraphs (short ones: the block limit ends the first slice too). The
    // first writes 250 marks and holds 750; the second writes 250 more and holds 500-1999; while
    // the third is scanned, the page rewrites paragraph 1300, whose mark is held.
    expect(MAX_SLICE_BLOCKS).toBe(1000);
    expect(WRITE_BATCH).toBe(250);
    expect(1000 * 'Putin spoke (2999).'.length).toBeLessThan(FIRST_SLICE_CHARS);
    const target = document.body.children[1300]!.firstChild as Text;
    const a = makeAnnotator({ now: () => 0, scanner: rewritingScanner('(2800)', target, 'Nothing here.') });
    a.update(settings({ density: { mode: 'all', n: 3 } }));
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    await vi.waitFor(() => expect(a.stats.batches).toBeGreaterThan(0));
    expect(document.body.children[1300]!.innerHTML).toBe('Nothing here.');
    expect(a.stats.marks).toBe(2999);
    expect(a.stats.errors).toBe(0);
  });

  test('a held mark the page rewrote does not keep its entity reserved: the entity is marked when it comes back', async () => {
    // Density "first": each entity may be marked once. The only Putin is rewritten while its mark is held.
    const paragraphs = Array.from({ length: 3000 }, (_, i) => `<p>The SCO met (${i}).</p>`);
    paragraphs[1300] = '<p>Putin spoke.</p>';
    document.body.innerHTML = paragraphs.join('');
    // Held as in the test above: found by the second slice, rewritten while the third is scanned.
    const target = document.body.children[1300]!.firstChild as Text;
    const a = makeAnnotator({ now: () => 0, scanner: rewritingScanner('(2800)', target, 'Nobody spoke.') });
    a.update(settings());
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    await vi.waitFor(() => expect(a.stats.batches).toBeGreaterThan(0));
    expect(marked()).toEqual(['shanghai-cooperation-organisation:SCO']);
    const p = document.createElement('p');
    p.textContent = 'Putin returned.';
    document.body.append(p);
    await vi.waitFor(() => expect(marked(p)).toEqual(['vladimir-putin:Putin']));
  });

  test('a document in design mode is left alone', async () => {
    document.designMode = 'on';
    try {
      const a = makeAnnotator();
      a.update(settings());
      await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
      expect(marked()).toEqual([]);
    } finally {
      document.designMode = 'off';
    }
  });

  test.each([
    ['walked node by node', { readPlain: undefined, listPlain: undefined }],
    ['read whole', {}],
  ])('one failing subtree (%s) does not stop the others, and nothing is thrown', async (_, mode) => {
    const errors: unknown[] = [];
    const failOnH1 =
      <T>(fn: (el: Element) => T) =>
      (el: Element): T => {
        if (el.localName === 'h1') throw new Error('bad subtree');
        return fn(el);
      };
    const a = makeAnnotator({
      collect: (root, isOwnUi) => failOnH1(() => collect(root, isOwnUi))(root as Element),
      listPlain: failOnH1(listPlainUnit),
      ...mode,
      onError: (e) => errors.push(e),
    });
    a.update(settings());
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(errors).toHaveLength(1);
    expect(marked()).toContain('vladimir-putin:Putin');
    expect(document.querySelector('h1')!.innerHTML).toBe('Putin hosts Xi Jinping');
  });
});

describe('shadow DOM', () => {
  test('open shadow roots are walked, on containers and inside paragraphs, and new shadow content is followed', async () => {
    document.body.innerHTML = '<section id="a"></section><p id="b">Putin met <span id="c"></span> today.</p>';
    document.getElementById('a')!.attachShadow({ mode: 'open' }).innerHTML = '<p>The SCO in a shadow root.</p>';
    const inner = document.getElementById('c')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<b>Xi Jinping</b>';
    const a = makeAnnotator();
    a.update(settings());
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(marked().sort()).toEqual(
      ['shanghai-cooperation-organisation:SCO', 'vladimir-putin:Putin', 'xi-jinping:Xi Jinping'].sort(),
    );
    const late = document.createElement('p');
    late.textContent = 'Later the S-400 came up.';
    inner.append(late);
    await vi.waitFor(() => expect(marked()).toContain('s-400:S-400'));
    a.update(settings({ enabled: false }));
    expect(marked()).toEqual([]);
    expect(inner.innerHTML).toBe('<b>Xi Jinping</b><p>Later the S-400 came up.</p>');
  });
});

describe('units read whole (readPlain)', () => {
  const MIXED = `
    <h1>Putin hosts <span>Xi Jinping</span></h1>
    <p>Nothing to see in this paragraph.</p>
    <p>The <a href="#">SCO</a> met; <em>Putin</em> spoke.<br>Then the S-400.</p>
    <div><p>Xi arrived. <code>SCO</code> in code.</p><p>Plain again, <b>no names</b>.</p></div>
    <p>Mir payment system <x-tag>Putin</x-tag></p>`;

  test('marks the same as the node-by-node walk', async () => {
    const results: string[][] = [];
    for (const readPlain of [readPlainUnit, undefined]) {
      document.body.innerHTML = MIXED;
      const a = makeAnnotator({ readPlain, listPlain: readPlain && listPlainUnit });
      a.update(settings({ density: { mode: 'all', n: 3 } }));
      await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
      results.push(marked());
      a.stop();
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0]).toContain('s-400:S-400');
    expect(results[0]).toContain('xi-jinping:Xi Jinping');
  });

  test('only units whose text holds something still to mark have their nodes listed', async () => {
    document.body.innerHTML =
      '<p>Nothing here.</p><p>Putin spoke <a href="#">first</a>.</p><p>Nor here.</p><p>Putin again.</p>';
    const a = makeAnnotator();
    a.update(settings());
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(marked()).toEqual(['vladimir-putin:Putin']);
    expect(a.stats.plainUnits).toBe(4);
    // The second "Putin" is past the default density of one: its paragraph is not walked either.
    expect(a.stats.mappedUnits).toBe(1);
  });

  test('a shadow root on a span inside a paragraph without names is still walked', async () => {
    document.body.innerHTML = '<p>The talks with <span id="c"></span> went on.</p>';
    document.getElementById('c')!.attachShadow({ mode: 'open' }).innerHTML = '<b>Xi Jinping</b>';
    const a = makeAnnotator();
    a.update(settings());
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(marked()).toEqual(['xi-jinping:Xi Jinping']);
  });
});

describe('settings', () => {
  test('a topic switched off loses its marks; switched on again they come back', async () => {
    const a = makeAnnotator();
    a.update(settings());
    await vi.waitFor(() => expect(marked()).toHaveLength(4));
    a.update(settings({ topicsOff: ['military'] }));
    expect(marked()).not.toContain('s-400:S-400');
    expect(marked()).toHaveLength(3);
    a.update(settings());
    await vi.waitFor(() => expect(marked()).toContain('s-400:S-400'));
  });

  test('an entity hidden on this site is not marked', async () => {
    const a = makeAnnotator();
    a.update(settings({ hidden: { 'news.example': ['vladimir-putin'] } }));
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(marked().some((m) => m.startsWith('vladimir-putin'))).toBe(false);
  });

  test('pausing restores the page exactly (same HTML, same text node objects); resuming marks again', async () => {
    const before = document.documentElement.outerHTML;
    const originals = textNodes(document.body);
    const a = makeAnnotator();
    a.update(settings({ density: { mode: 'all', n: 3 } }));
    await vi.waitFor(() => expect(marked().length).toBeGreaterThan(4));
    a.update(settings({ enabled: false }));
    expect(document.documentElement.outerHTML).toBe(before);
    textNodes(document.body).forEach((node, i) => expect(node).toBe(originals[i]));
    a.update(settings());
    await vi.waitFor(() => expect(marked()).toHaveLength(4));
  });

  test('paused in the middle of a pass and resumed, it marks the page again (no stuck pass)', async () => {
    let t = 0;
    // Every clock read moves 10 ms on, so each slice handles a single unit and the pass spans many slices.
    const a = makeAnnotator({ now: () => (t += 10) });
    a.update(settings());
    expect(a.busy).toBe(true);
    a.update(settings({ enabled: false }));
    expect(marked()).toEqual([]);
    a.update(settings());
    await vi.waitFor(() => expect(marked()).toHaveLength(4));
    expect(a.stats.passDoneMs).not.toBeNull();
  });

  test('a site switched off is restored; the mark style follows the setting', async () => {
    const a = makeAnnotator();
    a.update(settings());
    await vi.waitFor(() => expect(marked()).toHaveLength(4));
    a.update(settings({ markStyle: 'tint' }));
    expect(document.querySelector('style[data-lens-style]')!.textContent).toContain('background-color');
    a.update(settings({ sites: ['news.example'] }));
    expect(marked()).toEqual([]);
    expect(document.querySelector('style[data-lens-style]')).toBeNull();
    expect(readTestState()?.stats).toBeUndefined();
  });
});

describe('page changes', () => {
  test('appended content is marked; our own writes are not taken for page changes', async () => {
    const a = makeAnnotator();
    a.update(settings({ density: { mode: 'all', n: 3 } }));
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    const ownBefore = a.stats.ownMutations;
    const p = document.createElement('p');
    p.textContent = 'Later, the SCO summit and Putin.';
    document.querySelector('article')!.append(p);
    await vi.waitFor(() => expect(p.querySelectorAll('lens-mention')).toHaveLength(2));
    expect(a.stats.pageMutations).toBe(1);
    expect(a.stats.batches).toBe(1);
    expect(a.stats.ownMutations).toBeGreaterThan(ownBefore);
  });

  test('a ticker rewritten again and again is left alone after a few rounds (no chase, no loop)', async () => {
    const a = makeAnnotator({ now: () => 0 });
    a.update(settings({ density: { mode: 'all', n: 3 } }));
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    const ticker = document.createElement('div');
    document.body.append(ticker);
    for (let round = 0; round < 10; round++) {
      ticker.textContent = `Putin ${round}`;
      await vi.waitFor(() => expect(a.stats.batches).toBe(round + 1));
    }
    expect(a.stats.volatile).toBe(1);
    const markedRounds = a.stats.marks;
    ticker.textContent = 'Putin again';
    await vi.waitFor(() => expect(a.stats.batches).toBe(11));
    expect(ticker.querySelector('lens-mention')).toBeNull();
    expect(a.stats.marks).toBeLessThanOrEqual(markedRounds);
  });

  test('a framework updating its text node in place gets no stale copy of our pieces', async () => {
    document.body.innerHTML = '<h2>Summit: Putin arrives</h2>';
    const h2 = document.querySelector('h2')!;
    const original = h2.firstChild as Text;
    const a = makeAnnotator();
    a.update(settings());
    await vi.waitFor(() => expect(marked()).toEqual(['vladimir-putin:Putin']));
    original.data = 'Summit: Putin arrives (updated)';
    await vi.waitFor(() => expect(a.stats.batches).toBe(1));
    await vi.waitFor(() => expect(marked()).toEqual(['vladimir-putin:Putin']));
    expect(h2.textContent).toBe('Summit: Putin arrives (updated)');
    a.update(settings({ enabled: false }));
    expect(h2.childNodes).toHaveLength(1);
    expect(h2.firstChild).toBe(original);
  });

  test('a region the page makes editable after marking loses its marks', async () => {
    const a = makeAnnotator();
    a.update(settings({ density: { mode: 'all', n: 3 } }));
    await vi.waitFor(() => expect(marked().length).toBeGreaterThan(4));
    const p = document.querySelectorAll('p')[0]!;
    const before = p.textContent;
    expect(p.querySelector('lens-mention')).not.toBeNull();
    p.setAttribute('contenteditable', 'true');
    await vi.waitFor(() => expect(p.querySelector('lens-mention')).toBeNull());
    expect(p.textContent).toBe(before);
    expect(p.innerHTML).toBe('Putin and <b>Xi Jinping</b> discussed the SCO. Putin spoke first.');
  });

  test('removed marks free their entity for new content (default density)', async () => {
    const a = makeAnnotator();
    a.update(settings());
    await vi.waitFor(() => expect(marked()).toHaveLength(4));
    document.querySelector('article')!.remove();
    const p = document.createElement('p');
    p.textContent = 'Putin again.';
    document.body.append(p);
    await vi.waitFor(() => expect(marked()).toEqual(['vladimir-putin:Putin']));
    expect(a.entityCounts()).toEqual([{ id: 'vladimir-putin', count: 1 }]);
  });
});

describe('ambiguous candidates', () => {
  test('are marked when the resolver accepts them, and only then', async () => {
    document.body.innerHTML = '<p>Paid with a Mir card.</p><p>The Mir station.</p>';
    const seen: string[] = [];
    const a = makeAnnotator({
      resolve: async (items) => {
        seen.push(...items.map((c) => c.text));
        return items.map((_c, i) => i === 0);
      },
    });
    a.update(settings({ density: { mode: 'all', n: 3 } }));
    await vi.waitFor(() => expect(marked()).toEqual(['mir-payment-system:Mir']));
    expect(seen).toEqual(['Mir', 'Mir']);
    expect(document.querySelectorAll('p')[1]!.innerHTML).toBe('The Mir station.');
  });

  test('the first pass ends only once the resolver has answered, with its marks written', async () => {
    document.body.innerHTML = '<p>Paid with a Mir card.</p><p>Putin spoke.</p>';
    let answer: (() => void) | null = null;
    const a = makeAnnotator({
      resolve: (items) =>
        new Promise<boolean[]>((done) => {
          answer = () => done(items.map(() => true));
        }),
    });
    a.update(settings({ density: { mode: 'all', n: 3 } }));
    // Everything is read and written, but the uncertain name is still with the resolver.
    await vi.waitFor(() => expect(answer).not.toBeNull());
    await vi.waitFor(() => expect(a.busy).toBe(false));
    expect(marked()).toEqual(['vladimir-putin:Putin']);
    expect(a.stats.passDoneMs).toBeNull();
    answer!();
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(marked()).toEqual(['mir-payment-system:Mir', 'vladimir-putin:Putin']);
  });

  test('a failing resolver does not keep the first pass open', async () => {
    document.body.innerHTML = '<p>Paid with a Mir card.</p><p>Putin spoke.</p>';
    const a = makeAnnotator({ resolve: () => Promise.reject(new Error('The background is gone.')) });
    a.update(settings({ density: { mode: 'all', n: 3 } }));
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(marked()).toEqual(['vladimir-putin:Putin']);
  });

  test('need no resolver when the page names their entity in full', async () => {
    document.body.innerHTML = '<p>Paid with a Mir card.</p><p>The Mir payment system grew.</p>';
    const asked: string[] = [];
    const a = makeAnnotator({
      resolve: async (items) => {
        asked.push(...items.map((c) => c.context));
        return items.map(() => false);
      },
    });
    a.update(settings({ density: { mode: 'all', n: 3 } }));
    await vi.waitFor(() =>
      expect(marked()).toEqual(['mir-payment-system:Mir', 'mir-payment-system:Mir payment system']),
    );
    expect(asked).toEqual([]);
  });

  test('a resolver that fails (background gone) is contained', async () => {
    document.body.innerHTML = '<p>Putin paid with a Mir card.</p>';
    const errors: unknown[] = [];
    const a = makeAnnotator({
      resolve: () => Promise.reject(new Error('Extension context invalidated.')),
      onError: (e) => errors.push(e),
    });
    a.update(settings());
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(marked()).toEqual(['vladimir-putin:Putin']);
  });
});

describe('a scanner that answers later (the background)', () => {
  /** Holds each request until the test lets it go, as a busy background would. */
  function laterScanner(failures = 0) {
    const waiting: { texts: string[]; page: PageState; done: (r: ScanResult[]) => void; no: (e: Error) => void }[] = [];
    const s: Scanner = {
      scanMany: (texts, page) =>
        new Promise<ScanResult[]>((done, no) => {
          waiting.push({ texts, page, done, no });
        }),
      topicsOf: scanner.topicsOf,
    };
    const answer = (index = 0) => {
      const next = waiting.splice(index, 1)[0]!;
      if (failures-- > 0) next.no(new Error('The message port closed before a response was received.'));
      else next.done(next.texts.map((t) => scanOne(t, next.page)));
    };
    return { scanner: s, waiting, answer };
  }

  /** An annotator on the test page whose first request waits in `later`. */
  async function startWaiting() {
    const later = laterScanner();
    const a = makeAnnotator({ scanner: later.scanner });
    a.update(settings());
    await vi.waitFor(() => expect(later.waiting).toHaveLength(1));
    return { later, a };
  }

  test('marks what the answer finds, and nothing before it comes', async () => {
    document.body.innerHTML = '<p>Putin met the SCO.</p>';
    const { later, a } = await startWaiting();
    expect(later.waiting[0]!.texts).toEqual(['Putin met the SCO.']);
    expect(marked()).toEqual([]);
    later.answer();
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(marked()).toEqual(['vladimir-putin:Putin', 'shanghai-cooperation-organisation:SCO']);
    expect(a.stats.slices).toBe(1);
  });

  test('text the page changes while the scan is under way is not marked; the rest is', async () => {
    document.body.innerHTML = '<p>Putin spoke.</p><p>The SCO met.</p>';
    const { later, a } = await startWaiting();
    (document.querySelector('p')!.firstChild as Text).data = 'Nobody spoke.';
    later.answer();
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(marked()).toEqual(['shanghai-cooperation-organisation:SCO']);
    expect(document.querySelector('p')!.innerHTML).toBe('Nobody spoke.');
  });

  test('a paragraph read whole that the page changes before the answer is read again, not marked stale', async () => {
    document.body.innerHTML = '<p>Putin spoke.</p>';
    const { later, a } = await startWaiting();
    (document.querySelector('p')!.firstChild as Text).data = 'The SCO spoke.';
    later.answer();
    await vi.waitFor(() => expect(later.waiting).toHaveLength(1));
    expect(later.waiting[0]!.texts).toEqual(['The SCO spoke.']);
    later.answer();
    await vi.waitFor(() => expect(marked()).toEqual(['shanghai-cooperation-organisation:SCO']));
    expect(a.stats.staleUnits).toBe(1);
  });

  test('while the background scans a slice the next is read; answers are taken in order', async () => {
    // More than the first slice reads, with the full name only at the end: the short forms wait for it.
    const paragraphs = Array.from({ length: 2500 }, (_, i) => `<p>Putin spoke at length today (${i}).</p>`);
    document.body.innerHTML = paragraphs.join('') + '<p>Vladimir Putin arrived.</p>';
    const later = laterScanner();
    const a = makeAnnotator({ scanner: later.scanner });
    a.update(settings());
    await vi.waitFor(() => expect(later.waiting).toHaveLength(2));
    expect(later.waiting[0]!.texts[0]).toBe('Putin spoke at length today (0).');
    while (a.stats.passDoneMs === null) {
      if (later.waiting.length > 0) later.answer();
      await new Promise((resume) => setTimeout(resume, 0));
    }
    expect(marked()[0]).toBe('vladimir-putin:Putin');
    expect(a.stats.slices).toBeGreaterThan(1);
  });

  describe('the text read ahead (a page longer than a slice)', () => {
    /** The later scanner, with a read-ahead that waits until the test lets it answer. */
    function readingAhead() {
      const later = laterScanner();
      const ahead: { text: string; answer: () => void }[] = [];
      const read: string[] = [];
      const s: Scanner = {
        ...later.scanner,
        scanMany: (texts, page) => {
          read.push(...texts);
          return later.scanner.scanMany(texts, page);
        },
        readAhead: (text, page) =>
          new Promise<void>((done) => {
            ahead.push({ text, answer: () => (scanOne(text, page), done()) });
          }),
      };
      return { later, ahead, read, scanner: s };
    }
    const longPage = (first: string, last: string) => {
      const paragraphs = Array.from({ length: 5000 }, (_, i) => `<p>Nothing much happened today (${i}).</p>`);
      document.body.innerHTML = `<p>${first}</p>${paragraphs.join('')}<p>${last}</p>`;
    };

    test('settles a short form from the full name further down before the pass reads it', async () => {
      longPage('Xi arrived first.', 'Xi Jinping spoke last.');
      const r = readingAhead();
      const a = makeAnnotator({ scanner: r.scanner, aheadTexts: (doc) => [doc.body.textContent ?? ''] });
      a.update(settings());
      // While the first slice is with the background, the text is read ahead.
      await vi.waitFor(() => expect(r.ahead).toHaveLength(1));
      expect(r.ahead[0]!.text).toContain('Xi Jinping spoke last.');
      r.later.answer();
      await new Promise((resume) => setTimeout(resume, 20));
      expect(marked()).toEqual([]);
      r.ahead[0]!.answer();
      await vi.waitFor(() => expect(marked()).toEqual(['xi-jinping:Xi']));
      // The pass itself has not read the full name yet.
      expect(r.read).not.toContain('Xi Jinping spoke last.');
      while (a.stats.passDoneMs === null) {
        if (r.later.waiting.length > 0) r.later.answer();
        await new Promise((resume) => setTimeout(resume, 0));
      }
      expect(marked()).toEqual(['xi-jinping:Xi']);
    });

    test('a page still being judged: its text after what the pass read is read meanwhile, and sent once it is judged', async () => {
      longPage('Xi arrived first.', 'Xi Jinping spoke last.');
      const r = readingAhead();
      const from: (Element | null)[] = [];
      const a = makeAnnotator(
        {
          scanner: r.scanner,
          aheadTexts: (doc, after) => {
            from.push(after);
            return [doc.body.textContent ?? ''];
          },
        },
        null,
      );
      a.update(settings());
      // Read while the first slice is with the background and the page is being judged.
      await vi.waitFor(() => expect(from).toHaveLength(1));
      const firstSlice = r.later.waiting[0]!.texts;
      // The pass read the page in order: the text read ahead starts after its last unit.
      expect(from[0]?.textContent).toBe(firstSlice[firstSlice.length - 1]);
      r.later.answer();
      await new Promise((resume) => setTimeout(resume, 20));
      // The relevance probes and the first marks go first: nothing is sent before the verdict.
      expect(r.ahead).toEqual([]);
      a.setRelevance({ shown: true, about: true });
      // Sent in the verdict's own task, once its marks are written.
      for (let i = 0; i < 5; i++) await Promise.resolve();
      expect(r.ahead).toHaveLength(1);
      r.ahead[0]!.answer();
      await vi.waitFor(() => expect(marked()).toEqual(['xi-jinping:Xi']));
      expect(r.read).not.toContain('Xi Jinping spoke last.');
    });

    test('on a long page, names the text read ahead settles are written at once, not left for the reader to come near', async () => {
      longPage('Putin spoke. Xi arrived first.', 'Xi Jinping spoke last.');
      const { nearViewParking } = await import('@/lib/dom/near-view');
      const r = readingAhead();
      const a = makeAnnotator({
        scanner: r.scanner,
        aheadTexts: (doc) => [doc.body.textContent ?? ''],
        park: (write) => nearViewParking(fakeView, write),
      });
      a.update(settings({ density: { mode: 'all', n: 3 } }));
      await vi.waitFor(() => expect(r.ahead).toHaveLength(1));
      r.later.answer();
      await vi.waitFor(() => expect(marked()).toEqual(['vladimir-putin:Putin']));
      r.ahead[0]!.answer();
      await vi.waitFor(() => expect(marked()).toEqual(['vladimir-putin:Putin', 'xi-jinping:Xi']));
      expect(a.stop()).toBeUndefined();
    });

    /** An annotator reading ahead (readingAhead), with a resolver that refuses all and records what it was asked. */
    function readingAheadWithResolver(overrides: Partial<ConstructorParameters<typeof Annotator>[0]> = {}) {
      const r = readingAhead();
      const asked: string[] = [];
      const a = makeAnnotator({
        scanner: r.scanner,
        aheadTexts: (doc) => [doc.body.textContent ?? ''],
        resolve: async (items) => {
          asked.push(...items.map((c) => c.text));
          return items.map(() => false);
        },
        ...overrides,
      });
      return { r, asked, a };
    }

    test('the resolver is asked only once the reading ahead is done, and not for what it settled', async () => {
      longPage('Paid with a Mir card.', 'The Mir payment system grew.');
      const { r, asked, a } = readingAheadWithResolver();
      a.update(settings({ density: { mode: 'all', n: 3 } }));
      await vi.waitFor(() => expect(r.ahead).toHaveLength(1));
      r.later.answer();
      // Longer than the resolver's gathering delay: it still waits for the text read ahead.
      await new Promise((resume) => setTimeout(resume, 60));
      expect(asked).toEqual([]);
      r.ahead[0]!.answer();
      await vi.waitFor(() => expect(marked()).toEqual(['mir-payment-system:Mir']));
      expect(asked).toEqual([]);
    });

    test('a candidate whose entity the same slice names goes on with it, before the reading ahead is done', async () => {
      const paragraphs = Array.from({ length: 5000 }, (_, i) => `<p>Nothing much happened today (${i}).</p>`);
      document.body.innerHTML = `<p>Paid with a Mir card.</p><p>The Mir payment system grew.</p>${paragraphs.join('')}`;
      // A clock that stands still: the slice is bounded by its size, so both paragraphs are in the first.
      const { r, asked, a } = readingAheadWithResolver({ now: () => 0 });
      a.update(settings({ density: { mode: 'all', n: 3 } }));
      await vi.waitFor(() => expect(r.ahead).toHaveLength(1));
      expect(r.later.waiting[0]!.texts.slice(0, 2)).toEqual(['Paid with a Mir card.', 'The Mir payment system grew.']);
      r.later.answer();
      // Written with the slice's own marks: neither the text read ahead nor the resolver is waited for.
      await vi.waitFor(() =>
        expect(marked()).toEqual(['mir-payment-system:Mir', 'mir-payment-system:Mir payment system']),
      );
      expect(asked).toEqual([]);
      // The text read ahead is still unanswered.
      expect(r.ahead).toHaveLength(1);
      expect(a.stats.resolved).toBeGreaterThan(0);
    });

    test('a page that fits one slice is not read ahead', async () => {
      document.body.innerHTML = '<p>Xi arrived first.</p><p>Putin spoke.</p>';
      const r = readingAhead();
      const aheadTexts = vi.fn((doc: Document) => [doc.body.textContent ?? '']);
      const a = makeAnnotator({ scanner: r.scanner, aheadTexts });
      a.update(settings());
      await vi.waitFor(() => expect(r.later.waiting).toHaveLength(1));
      r.later.answer();
      await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
      expect(marked()).toEqual(['vladimir-putin:Putin']);
      expect(aheadTexts).not.toHaveBeenCalled();
    });
  });

  test('an answer that comes after stop() changes nothing', async () => {
    document.body.innerHTML = '<p>Putin spoke.</p>';
    const { later, a } = await startWaiting();
    a.stop();
    later.answer();
    // The answer is handled in a microtask: let it run, then check the page is as it was.
    await Promise.resolve();
    await Promise.resolve();
    expect(document.body.innerHTML).toBe('<p>Putin spoke.</p>');
    expect(a.stats.marks).toBe(0);
  });

  test('a failed request is contained: the pass goes on and later text is marked', async () => {
    document.body.innerHTML = '<p>Putin spoke.</p>';
    const later = laterScanner(1);
    const errors: unknown[] = [];
    const a = makeAnnotator({ scanner: later.scanner, onError: (e) => errors.push(e) });
    a.update(settings());
    await vi.waitFor(() => expect(later.waiting).toHaveLength(1));
    later.answer();
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(errors).toHaveLength(1);
    expect(marked()).toEqual([]);
    const p = document.createElement('p');
    p.textContent = 'The SCO met.';
    document.body.append(p);
    await vi.waitFor(() => expect(later.waiting).toHaveLength(1));
    later.answer();
    await vi.waitFor(() => expect(marked()).toEqual(['shanghai-cooperation-organisation:SCO']));
  });
});

describe('marks far from the viewport wait (lib/dom/near-view.ts)', () => {
  async function longPage() {
    const texts = Array.from(
      { length: 1200 },
      (_, i) =>
        `Putin spoke (${i}) about the harvest, the weather and the price of grain in the spring, ` +
        'as he has done at this time of year for twenty years, and then about the roads and the ports.',
    );
    // A long page (over LARGE_PAGE_ELEMENTS elements): a short one is written at once.
    document.body.innerHTML = texts.map((t) => `<p>${t} <i>a</i><i>b</i><i>c</i><i>d</i></p>`).join('');
    const { nearViewParking } = await import('@/lib/dom/near-view');
    const a = makeAnnotator({ now: () => 0, park: (write) => nearViewParking(fakeView, write) });
    a.update(settings({ density: { mode: 'all', n: 3 } }));
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    return { a, paragraphs: [...document.querySelectorAll('p')] };
  }

  test('the first marks go on at once; the rest when the reader comes near them', async () => {
    const { a, paragraphs } = await longPage();
    const first = a.stats.marks;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(1200);
    expect(FakeObserver.last!.targets.size).toBe(1200 - first);
    // The popup's counts hold every mention found, written or not.
    expect(a.entityCounts()).toEqual([{ id: 'vladimir-putin', count: 1200 }]);
    // Scrolling to the middle writes what is there, and only that.
    FakeObserver.last!.near(paragraphs.slice(600, 610));
    expect(a.stats.marks).toBe(first + 10);
    expect(marked(paragraphs[605]!)).toEqual(['vladimir-putin:Putin']);
    expect(marked(paragraphs[900]!)).toEqual([]);
  });

  test('with one mark per entity, a mention settled late near the top takes the place of a waiting one further down', async () => {
    // Long enough that the certain mention further down is read in a later slice than the top's.
    const filler = (i: number) =>
      `<p>Notes (${i}) on the harvest, the weather and the price of grain in the spring and the summer. ` +
      '<i>a</i><i>b</i><i>c</i><i>d</i></p>';
    const rows = Array.from({ length: 1200 }, (_, i) => filler(i));
    rows[0] = '<p>Paid with a Mir card.</p>';
    rows[1] = '<p>Putin spoke.</p>';
    rows[1100] = '<p>The Mir payment system.</p>';
    document.body.innerHTML = rows.join('');
    const { nearViewParking } = await import('@/lib/dom/near-view');
    const asked: string[] = [];
    const a = makeAnnotator({
      now: () => 0,
      park: (write) => nearViewParking(fakeView, write),
      resolve: async (items) => {
        asked.push(...items.map((c) => c.text));
        return items.map(() => false);
      },
    });
    a.update(settings({ density: { mode: 'first', n: 3 } }));
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    const paragraphs = [...document.querySelectorAll('p')];
    // The full name further down settled the ambiguous "Mir" at the top (no resolver needed), which
    // took the place of the mark waiting down there.
    expect(asked).toEqual([]);
    expect(FakeObserver.last!.targets.has(paragraphs[1100]!)).toBe(false);
    FakeObserver.last!.near([paragraphs[0]!, ...paragraphs.slice(1095, 1105)]);
    expect(marked(paragraphs[0]!)).toEqual(['mir-payment-system:Mir']);
    expect(marked(paragraphs[1100]!)).toEqual([]);
    expect(marked()).toEqual(['mir-payment-system:Mir', 'vladimir-putin:Putin']);
  });

  test('a short page is written at once', async () => {
    document.body.innerHTML = '<p>Putin spoke.</p>'.repeat(50);
    const { nearViewParking } = await import('@/lib/dom/near-view');
    FakeObserver.last = null;
    const a = makeAnnotator({ now: () => 0, park: (write) => nearViewParking(fakeView, write) });
    a.update(settings({ density: { mode: 'all', n: 3 } }));
    await vi.waitFor(() => expect(a.stats.passDoneMs).not.toBeNull());
    expect(a.stats.marks).toBe(50);
    expect(FakeObserver.last).toBeNull();
  });

  test('whoever needs every mark (navigation, reveal) gets them all written', async () => {
    const { a } = await longPage();
    expect(a.allMentions()).toHaveLength(1200);
    expect(a.stats.marks).toBe(1200);
    expect(FakeObserver.last!.targets.size).toBe(0);
  });

  test('a waiting mark whose text the page changed is not written, and stop leaves the page as it was', async () => {
    const { a, paragraphs } = await longPage();
    paragraphs[700]!.textContent = 'The weather was fine.';
    FakeObserver.last!.near(paragraphs.slice(699, 702));
    expect(marked(paragraphs[699]!)).toEqual(['vladimir-putin:Putin']);
    expect(marked(paragraphs[700]!)).toEqual([]);
    a.stop();
    expect(findMentions(document.body)).toHaveLength(0);
    expect(FakeObserver.last!.targets.size).toBe(0);
  });
});
