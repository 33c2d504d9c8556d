// @vitest-environment happy-dom
/**
 * The scout over a happy-dom page, with a word-list probe standing in for the
 * background: when it starts the page lens (a hit, a popup request about the
 * page, new content, settings that switch the page on), when it loads the UI
 * script (saved highlights, a selection, a request to save it), and when it
 * does neither; what it reads, and that it lets go of what each takes over.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BURST_LIMIT } from '@/lib/dom/page-changes';
import {
  MAX_PENDING_NODES,
  NEVER_SHADOW_HOSTS,
  PROBE_CHUNK,
  PROBE_OVERLAP,
  SCOUT_BATCH_MS,
  indexAfter,
  probeChunks,
  probeText,
  probeTexts,
  startScout,
  textPieces,
  type ScoutDeps,
} from '@/lib/dom/scout';
import type { Marker, ProbeAnswer, ScoutStats } from '@/lib/dom/scout';
import type { Relevance } from '@/lib/detect/relevance';
import type { LensUi } from '@/lib/platform/lens-ui';
import type { PageHandlers, PageRequest } from '@/lib/platform/page-messaging';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/model';
import { clearTestState, readTestState } from '@/lib/platform/test-hooks';

const NAMES = /\b(Putin|Xi Jinping|SCO)\b/;
/** Names the stand-in probe counts as context entities: found, but not enough to make a page relevant. */
const CONTEXT_NAMES = /\b(Trump|U\.S\.)/;
/** The stand-in relevance rule: one core entity is enough (the real thresholds are data, tested elsewhere). */
const RULE = { minCoreEntities: 1, minOneEntityMentions: 1, minCoreMentions: 1 };

/** The stand-in probe's answer: core mentions counted per name. */
function answer(text: string): ProbeAnswer {
  const core: Record<string, number> = {};
  for (const m of text.matchAll(new RegExp(NAMES.source, 'g'))) core[m[1]!] = (core[m[1]!] ?? 0) + 1;
  return { hit: NAMES.test(text) || CONTEXT_NAMES.test(text), core, rule: RULE };
}

interface Harness {
  deps: ScoutDeps;
  probes: string[];
  /** Times the page lens was started, and the UI script loaded. */
  marks: number;
  /** The relevance the page lens was started with. */
  relevance: Relevance | null;
  uiLoads: number;
  marker: Marker & { dispatched: PageRequest[] };
  ui: LensUi & { dispatched: PageRequest[]; selectionChecks: number };
  handlers: PageHandlers[];
  unlistened: number;
  settingsListeners: ((s: Settings) => void)[];
  errors: unknown[];
}

function harness(overrides: Partial<ScoutDeps> = {}, settings: Settings = DEFAULT_SETTINGS): Harness {
  const h: Harness = {
    probes: [],
    marks: 0,
    relevance: null,
    uiLoads: 0,
    handlers: [],
    unlistened: 0,
    settingsListeners: [],
    errors: [],
    marker: {
      dispatched: [],
      dispatch: async (request) => {
        h.marker.dispatched.push(request);
        return { answeredBy: 'page lens' };
      },
    },
    ui: {
      dispatched: [],
      selectionChecks: 0,
      dispatch: async (request) => {
        h.ui.dispatched.push(request);
        return { answeredBy: 'ui' };
      },
      checkSelection: () => {
        h.ui.selectionChecks++;
      },
      mountCardHost: () => Promise.reject(new Error('not in these tests')),
      saveMentionHighlight: () => Promise.reject(new Error('not in these tests')),
    },
    deps: undefined as unknown as ScoutDeps,
  };
  h.deps = {
    doc: document,
    hostname: 'news.example',
    isTop: true,
    settings: Promise.resolve(settings),
    watchSettings: (fn) => {
      h.settingsListeners.push(fn);
      return () => {
        h.settingsListeners = h.settingsListeners.filter((f) => f !== fn);
      };
    },
    probe: async (text, overlap) => {
      h.probes.push(text);
      return answer(text.slice(overlap));
    },
    hasHighlights: async () => false,
    mark: async (_settings, relevance) => {
      h.marks++;
      h.relevance = relevance;
      return h.marker;
    },
    loadUi: async () => {
      h.uiLoads++;
      return h.ui;
    },
    listen: (handlers) => {
      h.handlers.push(handlers);
      return () => {
        h.unlistened++;
        h.handlers = h.handlers.filter((x) => x !== handlers);
      };
    },
    isValid: () => true,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    now: () => performance.now(),
    origin: performance.now(),
    onError: (e) => h.errors.push(e),
    ...overrides,
  };
  return h;
}

function page(html: string): void {
  document.body.innerHTML = html;
}

/** A page, a scout started on it, and its first look over. */
async function started(html: string, overrides: Partial<ScoutDeps> = {}, settings?: Settings) {
  page(html);
  const h = harness(overrides, settings);
  const scout = startScout(h.deps);
  await scout.settled;
  return { h, scout };
}

/** Appends a paragraph with fake timers on, and lets `wait` pass (by default, the scout's batch delay twice over). */
async function appendLater(text: string, wait = SCOUT_BATCH_MS * 2): Promise<void> {
  vi.useFakeTimers();
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  await Promise.resolve(); // the observer's callback
  await vi.advanceTimersByTimeAsync(wait);
}

/** Selects an element's whole content, as a reader's drag would, and lets the document say so. */
function select(el: Element): void {
  const range = document.createRange();
  range.selectNodeContents(el);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
}

beforeEach(() => {
  document.body.innerHTML = '';
  clearTestState();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('probeText and probeChunks', () => {
  test('reads light DOM text and the text of open shadow roots, nested ones included', () => {
    page('<p>One <b>two</b></p><div id="host"></div>');
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Inside <span id="inner"></span></p>';
    const inner = shadow.getElementById('inner')!.attachShadow({ mode: 'open' });
    inner.innerHTML = 'Deeper';
    const text = probeText(document.body);
    expect(text).toContain('One two');
    expect(text).toContain('Inside');
    expect(text).toContain('Deeper');
  });

  // The elements that can have a shadow root (the DOM's attachShadow): a custom element, or one of these.
  const SHADOW_HOSTS =
    'article aside blockquote body div footer h1 h2 h3 h4 h5 h6 header main nav p section span'.split(' ');

  test('the elements left out of the search for shadow roots include none that can have one', () => {
    for (const name of NEVER_SHADOW_HOSTS.split(',')) {
      expect(name).not.toContain('-');
      expect(SHADOW_HOSTS).not.toContain(name);
    }
  });

  test('reads the open shadow roots of every element that can have one, inside any other, in document order', () => {
    const hosts = [...SHADOW_HOSTS.filter((name) => name !== 'body'), 'news-card'];
    page(hosts.map((name) => `<a href="#"><${name}></${name}></a><li><b>light</b></li>`).join(''));
    for (const [k, name] of hosts.entries()) {
      const shadow = document.body.querySelectorAll(name)[0]!.attachShadow({ mode: 'open' });
      shadow.innerHTML = `<p>in-${k}</p>`;
    }
    const text = probeText(document.body);
    expect(text.split('\n').slice(1)).toEqual(hosts.map((_, k) => `in-${k}`));
  });

  test('a short text is one chunk; a long one overlapping chunks that cover it all', () => {
    expect(probeChunks('Putin')).toEqual(['Putin']);
    const long = 'a'.repeat(PROBE_CHUNK * 2 + 10);
    const chunks = probeChunks(long);
    expect(chunks.length).toBe(3);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(PROBE_CHUNK);
    // Every position is in some chunk, and consecutive chunks share PROBE_OVERLAP characters.
    const step = PROBE_CHUNK - PROBE_OVERLAP;
    expect(chunks.reduce((n, c, i) => (i === 0 ? c.length : n + c.length - PROBE_OVERLAP), 0)).toBe(long.length);
    expect(chunks[1]!.length).toBe(Math.min(PROBE_CHUNK, long.length - step));
  });

  test('a name cut by a chunk boundary is whole in the next chunk', () => {
    const head = 'x '.repeat((PROBE_CHUNK - 4) / 2);
    const text = `${head}Xi Jinping met reporters.`;
    const chunks = probeChunks(text);
    expect(chunks[0]!.includes('Xi Jinping')).toBe(false);
    expect(chunks.some((c) => c.includes('Xi Jinping'))).toBe(true);
  });
});

describe('textPieces', () => {
  // Small pieces: happy-dom's ranges are slow at the real size (PROBE_ELEMENTS).
  const SIZE = 4;
  const paragraphs = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `<p>p${from + i}</p>`).join('');
  const pieces = (size = SIZE) => [...textPieces(document.body, document.body.querySelectorAll('*'), size)];

  test('a small subtree is one piece, its textContent', () => {
    page('<p>One</p><p>Two</p>');
    expect(pieces()).toEqual(['OneTwo']);
  });

  test('a large one comes in pieces that hold all its text in order, each overlapping the last', () => {
    page(paragraphs(SIZE * 2 + 2));
    const all = pieces();
    expect(all).toHaveLength(3);
    expect(all[0]).toBe('p0p1p2p3');
    // Each later piece starts with the end of the one before it (up to PROBE_OVERLAP characters).
    expect(all[1]).toBe('p0p1p2p3p4p5p6p7');
    expect(all[2]).toBe('p4p5p6p7p8p9');
    // Without what each piece carries over, the pieces are the text exactly.
    const own: string[] = [];
    all.forEach((p, i) => own.push(i === 0 ? p : p.slice(own[i - 1]!.slice(-PROBE_OVERLAP).length)));
    expect(own.join('')).toBe(document.body.textContent);
  });

  test('a name cut between two pieces is whole in the second', () => {
    // "Xi" ends the first piece, "Jinping" starts the second.
    page(`${paragraphs(SIZE - 1)}<p>Xi </p><p>Jinping spoke.</p>${paragraphs(SIZE)}`);
    const all = pieces();
    expect(all[0]!.includes('Xi Jinping')).toBe(false);
    expect(all[1]!.includes('Xi Jinping')).toBe(true);
  });

  test('from the end of an element on: only the text after it, in pieces that start there', () => {
    page(`<div id="top"><p>p0</p><p>p1</p></div>${paragraphs(SIZE * 2, 2)}`);
    const elements = document.body.querySelectorAll('*');
    const after = document.getElementById('top')!;
    expect(indexAfter(document.body, elements, after)).toBe(3);
    const texts = [...probeTexts(document.body, elements, SIZE, after)].map((t) => t.text);
    expect(texts).toEqual(['p2p3p4p5', 'p2p3p4p5p6p7p8p9']);
    // The last element: what follows it (nothing here); an element elsewhere: the whole subtree.
    expect([...probeTexts(document.body, elements, SIZE, elements[elements.length - 1]!)].map((t) => t.text)).toEqual([
      '',
    ]);
    const outside = document.createElement('p');
    expect(indexAfter(document.body, elements, outside)).toBe(-1);
    // The div counts as one of the SIZE elements of the first piece.
    expect([...probeTexts(document.body, elements, SIZE, outside)].map((t) => t.text)[0]).toBe('p0p1p2');
  });

  test('an element the page removed meanwhile: the rest is read at once', () => {
    page(paragraphs(SIZE * 3));
    const elements = document.body.querySelectorAll('*');
    const gen = textPieces(document.body, elements, SIZE);
    expect(gen.next().value).toBe('p0p1p2p3');
    elements[SIZE * 2]!.remove();
    const rest = [...gen];
    expect(rest).toHaveLength(1);
    expect(rest[0]).toBe('p0p1p2p3p4p5p6p7p9p10p11');
  });
});

describe('the first look at a page', () => {
  test('a very long page: the page lens starts without a probe', async () => {
    page('<p>Weather.</p>'.repeat(12));
    const h = harness({ largePage: 10 });
    const scout = startScout(h.deps);
    await scout.settled;
    await scout.marker;
    expect(h.probes).toEqual([]);
    expect(h.marks).toBe(1);
    expect(scout.stats.reason).toBe('long-page');
  });

  test('a long page found to be about Russia or China in its first piece: the rest is not probed', async () => {
    const { h, scout } = await started(`<p>Putin arrived.</p>${'<p>Weather.</p>'.repeat(30)}`, { probeElements: 5 });
    await scout.marker;
    expect(h.probes).toHaveLength(1);
    expect(h.probes[0]!.length).toBeLessThan(document.body.textContent!.length / 2);
    expect(h.marks).toBe(1);
    expect(h.relevance).toMatchObject({ shown: true, about: true, core: 1, coreEntities: 1 });
  });

  test('a long page not yet about Russia or China after a piece: the next pieces are probed', async () => {
    const probed: string[] = [];
    const { h, scout } = await started(`<p>Putin arrived.</p>${'<p>Weather.</p>'.repeat(30)}`, {
      probeElements: 5,
      probe: async (text) => {
        probed.push(text);
        return { ...answer(text), rule: { minCoreEntities: 1, minOneEntityMentions: 1, minCoreMentions: 50 } };
      },
    });
    await scout.marker;
    expect(probed.length).toBeGreaterThan(1);
    expect(h.marks).toBe(1);
    expect(h.relevance).toMatchObject({ shown: true, about: false });
  });

  test('a page that names only context entities (the U.S., Trump) stays with the scout', async () => {
    const { h, scout } = await started('<p>Trump said the U.S. economy grew.</p>');
    expect(h.probes).toHaveLength(1);
    expect(h.marks).toBe(0);
    expect(scout.stats.scout).toBe('clear');
    scout.stop();
  });

  test('core mentions found in different pieces add up to the verdict the lens is started with', async () => {
    const { h, scout } = await started(`<p>Putin arrived.</p>${'<p>Weather.</p>'.repeat(12)}<p>Xi Jinping too.</p>`, {
      probeElements: 5,
      probe: async (text) => ({
        ...answer(text),
        rule: { minCoreEntities: 2, minOneEntityMentions: 50, minCoreMentions: 2 },
      }),
    });
    await scout.marker;
    expect(h.marks).toBe(1);
    expect(h.relevance).toMatchObject({ shown: true, about: true, coreEntities: 2 });
  });

  test('a page that names nothing: one probe, stats published as clear, nothing started or loaded', async () => {
    const { h, scout } = await started('<h1>Weather</h1><p>Rain in the afternoon, clearing later.</p>');
    expect(h.probes).toHaveLength(1);
    expect(h.probes[0]).toContain('Rain in the afternoon');
    expect([h.marks, h.uiLoads]).toEqual([0, 0]);
    expect(scout.marker).toBeNull();
    expect(scout.ui).toBeNull();
    const stats = readTestState()?.stats as ScoutStats;
    expect(stats).toMatchObject({ scout: 'clear', marks: 0, probes: 1 });
    expect(stats.passDoneMs).not.toBeNull();
    scout.stop();
  });

  test('a hit starts the page lens once, not the UI; the scout stops probing but keeps handing requests on', async () => {
    const { h, scout } = await started('<p>Putin arrived.</p>');
    await scout.marker;
    expect(h.marks).toBe(1);
    expect(h.uiLoads).toBe(0);
    expect(scout.stats).toMatchObject({ scout: 'marking', reason: 'mentions', ui: null });
    // The page lens follows the settings and the page itself from now on.
    expect(h.settingsListeners).toHaveLength(0);
    // The page's one request listener stays, and hands requests to the page lens.
    expect(h.handlers).toHaveLength(1);
    await h.handlers[0]!['page:reveal']!({ type: 'page:reveal', id: 'vladimir-putin' });
    expect(h.marker.dispatched).toEqual([{ type: 'page:reveal', id: 'vladimir-putin' }]);
    expect(h.marks).toBe(1);
    scout.stop();
    expect(h.handlers).toHaveLength(0);
    // Nothing published as "clear": the marking pass publishes its own stats.
    expect(readTestState()?.stats).toBeUndefined();
  });

  test('a likely name fetches the page lens script while the probe is on the way, once; a page without one fetches nothing', async () => {
    const events: string[] = [];
    const overrides: Partial<ScoutDeps> = {
      prefetch: () => events.push('prefetch'),
      probe: async (text) => {
        events.push('probe');
        await Promise.resolve();
        events.push('answer');
        return answer(text);
      },
    };
    const named = await started('<p>Putin arrived in Beijing.</p><p>Putin met Xi Jinping.</p>', overrides);
    await named.scout.marker;
    expect(events).toEqual(['prefetch', 'probe', 'answer']);
    named.scout.stop();

    events.length = 0;
    const quiet = await started('<h1>Weather</h1><p>Rain in the afternoon, clearing later.</p>', overrides);
    expect(events).toEqual(['probe', 'answer']);
    quiet.scout.stop();
  });

  test('after a hit a selection still loads the UI script, and new content is no longer probed', async () => {
    const { h, scout } = await started('<p id="p">Putin arrived.</p>');
    await scout.marker;
    select(document.getElementById('p')!);
    await vi.waitFor(() => expect(h.ui.selectionChecks).toBe(1));
    expect([h.marks, h.uiLoads]).toEqual([1, 1]);
    await appendLater('Xi Jinping too.');
    expect(h.probes).toHaveLength(1);
    scout.stop();
  });

  test('a site the reader switched off is not read at all, until it is switched on', async () => {
    page('<p>Putin arrived.</p>');
    const off: Settings = { ...DEFAULT_SETTINGS, sites: ['news.example'] };
    const h = harness({}, off);
    const scout = startScout(h.deps);
    await scout.settled;
    expect(h.probes).toHaveLength(0);
    expect(h.marks).toBe(0);
    for (const fn of h.settingsListeners) fn(DEFAULT_SETTINGS);
    await vi.waitFor(() => expect(h.marks).toBe(1));
    expect(h.probes).toHaveLength(1);
  });

  test('the page lens starts with the settings as they are then, changes seen by the scout included', async () => {
    page('<p>Nothing here.</p>');
    let started: Settings | null = null;
    const h = harness();
    h.deps.mark = async (settings) => {
      started = await settings();
      return h.marker;
    };
    const scout = startScout(h.deps);
    await scout.settled;
    const changed: Settings = { ...DEFAULT_SETTINGS, markStyle: 'tint' };
    for (const fn of h.settingsListeners) fn(changed);
    await h.handlers[0]!['page:status']!({ type: 'page:status' });
    expect(started).toEqual(changed);
    // From then on the page lens follows the settings itself.
    expect(h.settingsListeners).toHaveLength(0);
  });

  test('a probe that fails leaves the page alone and reports the error', async () => {
    page('<p>Putin arrived.</p>');
    const h = harness({
      probe: async () => {
        throw new Error('Could not establish connection.');
      },
    });
    const scout = startScout(h.deps);
    await scout.settled;
    expect(h.marks).toBe(0);
    expect(h.errors.map(String)).toEqual(['Error: Could not establish connection.']);
    scout.stop();
  });

  test('a page lens that fails to start is reported once, and the scout does not try again in a loop', async () => {
    page('<p>Putin arrived.</p>');
    let loads = 0;
    const h = harness({
      mark: async () => {
        loads++;
        throw new Error('start failed');
      },
    });
    const scout = startScout(h.deps);
    await scout.settled;
    await expect(scout.marker).rejects.toThrow('start failed');
    expect(h.errors.map(String)).toEqual(['Error: start failed']);
    // New content does not start another attempt: the scout stood down.
    await appendLater('Putin again.');
    expect(loads).toBe(1);
    expect(h.probes).toHaveLength(1);
  });

  test('only the top frame listens for requests, selections and saved highlights', async () => {
    page('<p>Nothing here.</p>');
    const hasHighlights = vi.fn(async () => true);
    const h = harness({ isTop: false, hasHighlights });
    const scout = startScout(h.deps);
    await scout.settled;
    expect(h.handlers).toHaveLength(0);
    expect(hasHighlights).not.toHaveBeenCalled();
    expect([h.marks, h.uiLoads]).toEqual([0, 0]);
    scout.stop();
  });
});

describe('reasons to load the UI script, and requests', () => {
  test('saved highlights on the page load the UI script; the scout goes on probing new content', async () => {
    const { h, scout } = await started('<p>Nothing here.</p>', { hasHighlights: async () => true });
    await vi.waitFor(() => expect(h.uiLoads).toBe(1));
    expect(scout.stats.ui).toBe('highlights');
    expect(h.marks).toBe(0);
    await appendLater('Putin spoke later.', SCOUT_BATCH_MS);
    vi.useRealTimers();
    await vi.waitFor(() => expect(h.marks).toBe(1));
    expect(h.uiLoads).toBe(1);
    scout.stop();
  });

  test('a UI script that fails to load is reported once, and a later selection does not try again', async () => {
    page('<p id="p">Nothing here, but worth saving.</p>');
    let loads = 0;
    const h = harness({
      hasHighlights: async () => true,
      loadUi: async () => {
        loads++;
        throw new Error('import failed');
      },
    });
    const scout = startScout(h.deps);
    await scout.settled;
    await vi.waitFor(() => expect(h.errors.map(String)).toEqual(['Error: import failed']));
    select(document.getElementById('p')!);
    await Promise.resolve();
    expect(loads).toBe(1);
    expect(h.errors).toHaveLength(1);
    scout.stop();
  });

  test('requests that arrive while the page lens and the UI start are each answered once, by their part', async () => {
    page('<p>Nothing here.</p>');
    let releaseMark!: () => void;
    let releaseUi!: () => void;
    const h = harness();
    const { mark, loadUi } = h.deps;
    h.deps.mark = (settings, relevance) =>
      new Promise<void>((done) => (releaseMark = done)).then(() => mark(settings, relevance));
    h.deps.loadUi = () => new Promise<void>((done) => (releaseUi = done)).then(() => loadUi());
    const scout = startScout(h.deps);
    await scout.settled;
    const status = h.handlers[0]!['page:status']!({ type: 'page:status' });
    const save = h.handlers[0]!['highlight:save-selection']!({ type: 'highlight:save-selection' });
    const again = h.handlers[0]!['page:status']!({ type: 'page:status' });
    releaseUi();
    releaseMark();
    expect(await Promise.all([status, save, again])).toEqual([
      { answeredBy: 'page lens' },
      { answeredBy: 'ui' },
      { answeredBy: 'page lens' },
    ]);
    expect([h.marks, h.uiLoads]).toEqual([1, 1]);
    expect(h.marker.dispatched).toEqual([{ type: 'page:status' }, { type: 'page:status' }]);
    expect(h.ui.dispatched).toEqual([{ type: 'highlight:save-selection' }]);
  });

  test('a popup request about the page starts the page lens, which answers it; the UI is not loaded', async () => {
    const { h, scout } = await started('<p>Nothing here.</p>');
    expect(h.handlers).toHaveLength(1);
    const answer = await h.handlers[0]!['page:status']!({ type: 'page:status' });
    expect(answer).toEqual({ answeredBy: 'page lens' });
    expect(h.marker.dispatched).toEqual([{ type: 'page:status' }]);
    expect(scout.stats.reason).toBe('request');
    expect(h.uiLoads).toBe(0);
  });

  test('a request to save the selection loads the UI script, which answers it; the page lens is not started', async () => {
    const { h, scout } = await started('<p>Nothing here.</p>');
    const answer = await h.handlers[0]!['highlight:save-selection']!({ type: 'highlight:save-selection' });
    expect(answer).toEqual({ answeredBy: 'ui' });
    expect(scout.stats.ui).toBe('request');
    expect(h.marks).toBe(0);
    scout.stop();
  });

  test('a selection: the UI script looks at it (its button was not listening yet)', async () => {
    const { h, scout } = await started('<p id="p">Nothing here, but worth saving.</p>');
    // A collapsed selection (a click) is not a reason.
    document.getSelection()!.collapse(document.getElementById('p')!.firstChild!, 3);
    document.dispatchEvent(new Event('selectionchange'));
    expect(h.uiLoads).toBe(0);
    select(document.getElementById('p')!);
    await vi.waitFor(() => expect(h.ui.selectionChecks).toBe(1));
    expect(h.uiLoads).toBe(1);
    expect(h.marks).toBe(0);
    expect(scout.stats.ui).toBe('selection');
    scout.stop();
  });
});

describe('new content', () => {
  test('content added later is probed in one batch, and a hit starts the page lens', async () => {
    const { h, scout } = await started('<p>Nothing here.</p>');
    vi.useFakeTimers();
    const a = document.createElement('p');
    a.textContent = 'More weather.';
    const b = document.createElement('p');
    b.textContent = 'Putin spoke later.';
    document.body.append(a, b);
    await Promise.resolve(); // the observer's callback
    expect(h.probes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(SCOUT_BATCH_MS);
    vi.useRealTimers();
    await vi.waitFor(() => expect(h.marks).toBe(1));
    expect(h.probes).toHaveLength(2);
    // Only the new text, both paragraphs in one probe.
    expect(h.probes[1]).toContain('More weather.');
    expect(h.probes[1]).toContain('Putin spoke later.');
    expect(h.probes[1]).not.toContain('Nothing here.');
    expect(scout.stats.reason).toBe('new-content');
  });

  test('scripts and styles added to the page are not probed', async () => {
    const { h, scout } = await started('<p>Nothing here.</p>');
    vi.useFakeTimers();
    const script = document.createElement('script');
    script.textContent = 'window.x = "Putin";';
    const style = document.createElement('style');
    style.textContent = 'p { color: red }';
    document.head.append(script, style);
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(SCOUT_BATCH_MS * 2);
    expect(h.probes).toHaveLength(1);
    expect(h.marks).toBe(0);
    scout.stop();
  });

  test('past a burst of added nodes, or MAX_PENDING_NODES changed elements, the whole page is read again', async () => {
    const cases: [string, (k: number) => Node][] = [
      // One new subtree of many nodes: a burst.
      [`${BURST_LIMIT + 1} text nodes`, (k) => document.createTextNode(k === BURST_LIMIT ? 'last' : ' ')],
      // Elements, each a changed element of its own (text nodes would all be their parent's).
      [`${MAX_PENDING_NODES + 1} elements`, (k) => document.createElement(k === MAX_PENDING_NODES ? 'b' : 'i')],
    ];
    for (const [what, node] of cases) {
      const { h, scout } = await started('<p>Nothing here.</p>');
      vi.useFakeTimers();
      const count = what.includes('text') ? BURST_LIMIT + 1 : MAX_PENDING_NODES + 1;
      const frag = document.createDocumentFragment();
      for (let k = 0; k < count; k++) frag.append(node(k));
      (frag.lastChild as Element).textContent ||= 'last';
      document.body.append(frag);
      await Promise.resolve();
      await vi.advanceTimersByTimeAsync(SCOUT_BATCH_MS);
      const later = h.probes.slice(1).join('');
      expect(later, what).toContain('Nothing here.');
      expect(later, what).toContain('last');
      scout.stop();
      vi.useRealTimers();
      document.body.replaceChildren();
    }
  });

  test('after stop() nothing is probed, started or loaded', async () => {
    const { h, scout } = await started('<p>Nothing here.</p>');
    scout.stop();
    await appendLater('Putin spoke later.');
    expect(h.probes).toHaveLength(1);
    expect([h.marks, h.uiLoads]).toEqual([0, 0]);
    expect(h.handlers).toHaveLength(0);
  });
});
