/**
 * A measured trial of the CSS Custom Highlight API for painting marks (issue #17), against
 * wrapping each mention in `<lens-mention data-entity>`. Not a product change: no extension is
 * loaded; the painters (tests/bench/highlight-api/painters.js) are injected into the page's main
 * world, so they run under identical conditions.
 *
 * Pages: the shared bench's 50 KB, 1 MB and 5 MB articles (../shared/bench/make-pages.mjs, or
 * SHARED_BENCH=dir), generated into a temp dir and served on 127.0.0.1. Mentions: one regexp of
 * the shared bench's alias list (the names the generator sprinkles), found before timing starts.
 *
 * Painters, measured interleaved on fresh loads, for every mention and for those in the first
 * two viewports (the product writes lazily near the viewport):
 * - wrap: split text nodes, wrap each mention in `<lens-mention data-entity>` (lib/dom/mark.ts);
 * - highlight: a Range per mention, a `Highlight` per entity in `CSS.highlights` under
 *   `lens-mention-<id>`, and a style element with its `::highlight(lens-mention-<id>)` rules;
 * - prestyled: the same, with the rules of every entity put in at document_start instead;
 * - single: every range under the one name `lens-mention`, one rule, added with the marks (the
 *   entity kept in our own list): what any `::highlight()` rule costs, whatever the names;
 * - singlepre: the one name, its rule put in at document_start.
 * Per paint: script ms (performance.now), then from a DevTools trace of the renderer's main
 * thread between the paint and the next frame: style+layout ms, paint ms (pre-paint, paint,
 * layerize, commit), main-thread ms in all, the longest task; the time to the next frame
 * (performance.now, idle waiting for the frame included); and the main-thread ms of one scroll
 * frame five viewports down afterwards. Beside them, the page's own load (style recalculation and
 * main-thread ms, DevTools metrics): where the prestyled rules cost.
 *
 * Then, on the 1 MB page: hover hit-testing per call (caretPositionFromPoint, binary search over
 * the sorted ranges, a check of the range's boxes; against elementFromPoint + closest for
 * wrapped marks); what the page's own scripts see (nodes added, textContent / innerText, the
 * MutationObserver records, and the time of 2,000 DOM writes of its own afterwards); whether a
 * registry entry made in an isolated world (where a content script runs) is seen and can be
 * cleared by the page; a screenshot check that highlights paint. Firefox ESR (puppeteer-core over
 * WebDriver BiDi): paints, hit-tests, and the script/frame times of the five painters (1 MB page, in-page clocks).
 *
 * Run: `npx tsx tests/bench/highlight-api.ts`. Env: HL_ROUNDS (2), HL_RUNS loads per painter,
 * scope and page in a round (3), HL_PAGES (50k,1m,5m), HL_FIREFOX=0 to skip Firefox.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { serveStatic, type StaticServer } from '../e2e/support/server';
import { printTable } from './table';

const ROOT = resolve(import.meta.dirname, '../..');
const PAINTERS_JS = resolve(import.meta.dirname, 'highlight-api/painters.js');
const ROUNDS = Number(process.env.HL_ROUNDS ?? 2);
const RUNS = Number(process.env.HL_RUNS ?? 3);
const PAGES = (process.env.HL_PAGES ?? '50k,1m,5m').split(',').map((p) => p.trim());
const FIREFOX = process.env.HL_FIREFOX !== '0';
const VIEWPORT = { width: 1280, height: 800 };
/** Random hover points per scroll position (four positions), beside the centres of the marks in view. */
const HOVER_POINTS = 250;

type Kind = 'wrap' | 'highlight' | 'prestyled' | 'single' | 'singlepre' | 'static';
/** Which `::highlight()` rules a painter has put in at document_start: every entity's, the one name's, none. */
type PreStyle = 'all' | 'single' | null;
const preStyleOf = (kind: Kind | 'none'): PreStyle =>
  kind === 'prestyled' || kind === 'static' ? 'all' : kind === 'singlepre' ? 'single' : null;
type Scope = 'all' | 'near';
const PAINTERS: readonly Kind[] = ['wrap', 'highlight', 'prestyled', 'single', 'singlepre'];
const SCOPES: readonly Scope[] = ['all', 'near'];

interface Alias {
  alias: string;
  id: string;
}

interface FindResult {
  mentions: number;
  near: number;
  entities: number;
}

interface InPage {
  marks: number;
  scriptMs: number;
  forcedLayoutMs: number;
  toFrameMs: number;
}

interface HitResult {
  calls: number;
  usPerCall: number;
  hits: number;
  centres: number;
  centreHits: number;
}

interface PageViewResult {
  nodesAdded: number;
  textContentSame: boolean;
  innerTextSame: boolean;
  mutationRecords: number;
  mentionElements: number;
  highlightEntries: number;
  pageWritesMs: number;
}

/** The in-page API painters.js defines (window.__hlTrial). */
interface Trial {
  find(aliases: Alias[]): FindResult;
  preStyle(ids: string[], single: boolean): void;
  measure(kind: Kind, scope: Scope): Promise<InPage>;
  hitBench(kind: Kind, n: number, seed: number): HitResult;
  pageView(kind: Kind | 'none'): Promise<PageViewResult>;
  showFirst(): void;
  paintForCheck(kind: Kind): number;
  clearHighlights(): void;
  hoverCheck(): { tried: number; ok: number };
  supports(): { highlights: boolean; caretPositionFromPoint: boolean; caretRangeFromPoint: boolean };
}
type TrialWindow = Window & { __hlTrial: Trial; gc?: () => void };

/** The page's own load, before any paint: style recalculation and main-thread ms (DevTools metrics). */
interface LoadCost {
  loadStyleMs: number;
  loadTaskMs: number;
}

interface Sample extends InPage, LoadCost {
  styleLayoutMs: number;
  paintMs: number;
  busyMs: number;
  longestTaskMs: number;
  scrollFrameMs: number;
}

// ── pages and aliases ───────────────────────────────────────────────────────

function sharedBench(): string {
  const dir = resolve(process.env.SHARED_BENCH ?? join(ROOT, '../shared/bench'));
  if (!existsSync(join(dir, 'make-pages.mjs'))) {
    throw new Error(`The shared bench is not at ${dir}. Set SHARED_BENCH to the folder that holds make-pages.mjs.`);
  }
  return dir;
}

async function aliasList(bench: string): Promise<Alias[]> {
  const mod = (await import(pathToFileURL(join(bench, 'aliases.mjs')).href)) as { loadAliasList(): Alias[] };
  return mod.loadAliasList();
}

// ── Chromium ────────────────────────────────────────────────────────────────

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'toplevel',
];
const STYLE_LAYOUT = new Set(['UpdateLayoutTree', 'Layout']);
const PAINT = new Set(['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer']);

interface TraceEvent {
  name: string;
  ph: string;
  tid: number;
  ts: number;
  dur?: number;
}

/** Main-thread figures between two user timing marks of the trace. */
function fromTrace(
  buffer: Buffer,
): Pick<Sample, 'styleLayoutMs' | 'paintMs' | 'busyMs' | 'longestTaskMs' | 'scrollFrameMs'> {
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mark = (name: string) => {
    const e = events.find((x) => x.name === name && x.ph !== 'X');
    if (!e) throw new Error(`trace without the mark ${name}`);
    return e;
  };
  const start = mark('hl-start');
  const end = mark('hl-end');
  const scrollStart = mark('hl-scroll-start');
  const scrollEnd = mark('hl-scroll-end');
  const main = events.filter((e) => e.tid === start.tid && e.ph === 'X' && e.dur !== undefined);
  const clipped = (e: TraceEvent, from: number, to: number) =>
    Math.max(0, Math.min(e.ts + e.dur!, to) - Math.max(e.ts, from)) / 1000;
  const sum = (names: Set<string> | string, from: number, to: number) =>
    main
      .filter((e) => (typeof names === 'string' ? e.name === names : names.has(e.name)))
      .reduce((n, e) => n + clipped(e, from, to), 0);
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ts + e.dur! > start.ts && e.ts < end.ts);
  return {
    styleLayoutMs: sum(STYLE_LAYOUT, start.ts, end.ts),
    paintMs: sum(PAINT, start.ts, end.ts),
    busyMs: sum('RunTask', start.ts, end.ts),
    longestTaskMs: tasks.reduce((m, e) => Math.max(m, e.dur! / 1000), 0),
    scrollFrameMs: sum('RunTask', scrollStart.ts, scrollEnd.ts),
  };
}

/** Two idle periods in a row: the page has loaded, laid out and painted. */
async function settle(page: Page): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await page.evaluate(
      () =>
        new Promise<void>((done) => requestAnimationFrame(() => requestIdleCallback(() => done(), { timeout: 3000 }))),
    );
  }
}

/** A fresh tab on `url` with the painters in the main world (and the `preStyle` rules from document_start). */
async function openPage(
  browser: Browser,
  url: string,
  aliases: Alias[],
  ids: string[],
  preStyle: PreStyle,
): Promise<{ page: Page; found: FindResult; load: LoadCost }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript({ path: PAINTERS_JS });
  if (preStyle)
    await page.addInitScript(([list, single]) => (window as unknown as TrialWindow).__hlTrial.preStyle(list, single), [
      ids,
      preStyle === 'single',
    ] as const);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  await settle(page);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const load = { loadStyleMs: metric('RecalcStyleDuration'), loadTaskMs: metric('TaskDuration') };
  await cdp.detach().catch(() => undefined);
  const found = await page.evaluate((list) => (window as unknown as TrialWindow).__hlTrial.find(list), aliases);
  await page.evaluate(() => (window as unknown as TrialWindow).gc?.());
  await settle(page);
  return { page, found, load };
}

async function measureOnce(
  browser: Browser,
  url: string,
  aliases: Alias[],
  ids: string[],
  kind: Kind,
  scope: Scope,
): Promise<Sample & { found: FindResult }> {
  const { page, found, load } = await openPage(browser, url, aliases, ids, preStyleOf(kind));
  try {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const inPage = await page
      .evaluate(([k, s]) => (window as unknown as TrialWindow).__hlTrial.measure(k, s), [kind, scope] as const)
      .catch(async (error: unknown) => {
        await browser.stopTracing().catch(() => undefined);
        throw error;
      });
    const trace = await browser.stopTracing();
    return { ...inPage, ...load, ...fromTrace(trace), found };
  } finally {
    await page.close();
  }
}

// ── figures ─────────────────────────────────────────────────────────────────

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const f1 = (v: number) => (Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(1) : v.toFixed(0));
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '—');

type Medians = Record<keyof Sample, number>;
const SAMPLE_KEYS: (keyof Sample)[] = [
  'marks',
  'scriptMs',
  'forcedLayoutMs',
  'toFrameMs',
  'styleLayoutMs',
  'paintMs',
  'busyMs',
  'longestTaskMs',
  'scrollFrameMs',
  'loadStyleMs',
  'loadTaskMs',
];
function medians(samples: Sample[]): Medians {
  return Object.fromEntries(SAMPLE_KEYS.map((k) => [k, median(samples.map((s) => s[k]))])) as Medians;
}

// ── the parts ───────────────────────────────────────────────────────────────

async function paintRounds(
  browser: Browser,
  server: StaticServer,
  aliases: Alias[],
  ids: string[],
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const rows: string[][] = [];
    for (const name of PAGES) {
      const url = server.url(`/${name}.html`);
      const samples = new Map<string, Sample[]>();
      let found: FindResult | null = null;
      for (let run = 0; run < RUNS; run++) {
        for (const scope of SCOPES) {
          // The painters' order turns with every run, so none always goes first.
          const order = PAINTERS.map((_, i) => PAINTERS[(i + run) % PAINTERS.length]!);
          for (const kind of order) {
            const s = await measureOnce(browser, url, aliases, ids, kind, scope);
            found = s.found;
            const key = `${scope}/${kind}`;
            samples.set(key, [...(samples.get(key) ?? []), s]);
          }
        }
      }
      for (const scope of SCOPES) {
        const wrap = medians(samples.get(`${scope}/wrap`) ?? []);
        for (const kind of PAINTERS) {
          const m = medians(samples.get(`${scope}/${kind}`) ?? []);
          out.push({ round, page: name, scope, kind, ...m, mentions: found?.mentions, entities: found?.entities });
          rows.push([
            String(round),
            name,
            scope,
            kind,
            String(m.marks),
            f1(m.scriptMs),
            f1(m.forcedLayoutMs),
            f1(m.styleLayoutMs),
            f1(m.paintMs),
            f1(m.busyMs),
            kind === 'wrap' ? '1' : ratio(m.busyMs, wrap.busyMs),
            preStyleOf(kind) ? ratio(m.busyMs + m.loadStyleMs - wrap.loadStyleMs, wrap.busyMs) : '',

            f1(m.longestTaskMs),
            f1(m.toFrameMs),
            f1(m.scrollFrameMs),
            `${f1(m.loadStyleMs)} / ${f1(m.loadTaskMs)}`,
          ]);
        }
      }
    }
    console.log(`\nRound ${round} of ${ROUNDS} (median of ${RUNS} fresh loads per row; ms)`);
    printTable(
      [
        'round',
        'page',
        'scope',
        'painter',
        'marks',
        'script',
        'forced style+layout',
        'style+layout (trace)',
        'paint (trace)',
        'main thread to next frame',
        'vs wrap',
        'vs wrap, with the extra load style',
        'longest task',
        'to next frame (wall)',
        'scroll frame',
        'page load: style / main thread',
      ],
      rows,
    );
  }
  return out;
}

async function hoverRounds(
  browser: Browser,
  server: StaticServer,
  aliases: Alias[],
  ids: string[],
): Promise<Record<string, HitResult[]>> {
  const results: Record<string, HitResult[]> = { wrap: [], prestyled: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of round % 2 ? (['prestyled', 'wrap'] as const) : (['wrap', 'prestyled'] as const)) {
      const fresh = await openPage(browser, server.url('/1m.html'), aliases, ids, preStyleOf(kind));
      await fresh.page.evaluate((k) => (window as unknown as TrialWindow).__hlTrial.measure(k, 'all'), kind);
      await settle(fresh.page);
      results[kind]!.push(
        await fresh.page.evaluate(([k, n, seed]) => (window as unknown as TrialWindow).__hlTrial.hitBench(k, n, seed), [
          kind,
          HOVER_POINTS,
          17 + round,
        ] as const),
      );
      await fresh.page.close();
    }
  }
  console.log('\nHover hit-testing on the 1 MB page, every mention painted (µs per call)');
  printTable(
    ['round', 'painter', 'calls', 'µs per call', 'points on a mark', 'mark centres found / tried'],
    Object.entries(results).flatMap(([kind, list]) =>
      list.map((r, i) => [
        String(i + 1),
        kind === 'wrap' ? 'wrap: elementFromPoint + closest' : 'highlights: caretPositionFromPoint + search',
        String(r.calls),
        r.usPerCall.toFixed(1),
        String(r.hits),
        `${r.centreHits} / ${r.centres}`,
      ]),
    ),
  );
  return results;
}

async function pageViews(
  browser: Browser,
  server: StaticServer,
  aliases: Alias[],
  ids: string[],
): Promise<Record<string, PageViewResult[]>> {
  const kinds = ['none', 'wrap', 'prestyled', 'static'] as const;
  const results: Record<string, PageViewResult[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of kinds) {
      const { page } = await openPage(browser, server.url('/1m.html'), aliases, ids, preStyleOf(kind));
      const view = await page.evaluate((k) => (window as unknown as TrialWindow).__hlTrial.pageView(k), kind);
      (results[kind] ??= []).push(view);
      await page.close();
    }
  }
  console.log("\nWhat the 1 MB page's own scripts see, every mention painted");
  printTable(
    [
      'painter',
      'nodes added',
      'textContent same',
      'innerText same',
      'MutationObserver records',
      '<lens-mention>',
      'CSS.highlights entries',
      "page's 2,000 DOM writes (ms, per round)",
    ],
    kinds.map((kind) => {
      const list = results[kind]!;
      const v = list[0]!;
      return [
        kind === 'static' ? 'highlights (StaticRange)' : kind === 'prestyled' ? 'highlights (Range)' : kind,
        String(v.nodesAdded),
        String(v.textContentSame),
        String(v.innerTextSame),
        String(v.mutationRecords),
        String(v.mentionElements),
        String(v.highlightEntries),
        list.map((x) => f1(x.pageWritesMs)).join(' / '),
      ];
    }),
  );
  return results;
}

/** Whether an entry registered in an isolated world (a content script's) is the page's too. */
async function isolatedWorldCheck(browser: Browser, server: StaticServer): Promise<Record<string, unknown>> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(server.url('/50k.html'), { waitUntil: 'load' });
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'lens-trial',
  })) as { executionContextId: number };
  const inIsolated = async (expression: string) =>
    (
      (await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true })) as {
        result: { value: unknown };
      }
    ).result.value;
  await inIsolated(
    `(() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('article p'));
      CSS.highlights.set('lens-mention-probe', new Highlight(r)); return CSS.highlights.size; })()`,
  );
  const pageSees = await page.evaluate(() => [...CSS.highlights.keys()]);
  const pageReadsRange = await page.evaluate(() => {
    const h = CSS.highlights.get('lens-mention-probe');
    const r = h ? ([...h][0] as Range | undefined) : undefined;
    return r ? r.toString().slice(0, 30) : null;
  });
  await page.evaluate(() => CSS.highlights.clear());
  const afterPageClear = await inIsolated('CSS.highlights.size');
  await cdp.detach().catch(() => undefined);
  await page.close();
  const result = { pageSees, pageReadsRange, isolatedSizeAfterPageClears: afterPageClear };
  console.log(`\nIsolated world → main world: ${JSON.stringify(result)}`);
  return result;
}

/** A page of either browser driver, as the paint check uses it. */
interface CheckPage {
  run(fn: () => unknown): Promise<unknown>;
  settle(): Promise<unknown>;
  screenshot(): Promise<Buffer>;
}

/** Paints the first mentions, screenshots before, during and after, and hit-tests them. */
async function paintCheck(page: CheckPage) {
  const supports = await page.run(() => (window as unknown as TrialWindow).__hlTrial.supports());
  await page.run(() => (window as unknown as TrialWindow).__hlTrial.showFirst());
  await page.settle();
  const before = await page.screenshot();
  const painted = await page.run(() => (window as unknown as TrialWindow).__hlTrial.paintForCheck('prestyled'));
  await page.settle();
  const during = await page.screenshot();
  const hover = await page.run(() => (window as unknown as TrialWindow).__hlTrial.hoverCheck());
  await page.run(() => (window as unknown as TrialWindow).__hlTrial.clearHighlights());
  await page.settle();
  const after = await page.screenshot();
  return {
    supports,
    painted,
    pixelsChanged: !before.equals(during),
    restoredWhenCleared: before.equals(after),
    hover,
  };
}

/** Highlights change the rendered pixels in view, and taking them off restores them. */
async function paintCheckChromium(browser: Browser, server: StaticServer, aliases: Alias[], ids: string[]) {
  const { page, found } = await openPage(browser, server.url('/50k.html'), aliases, ids, 'all');
  const result = {
    mentions: found.mentions,
    ...(await paintCheck({
      run: (fn) => page.evaluate(fn),
      settle: () => settle(page),
      screenshot: () => page.screenshot(),
    })),
  };
  await page.close();
  console.log(`Chromium paint check (50 KB page): ${JSON.stringify(result)}`);
  return result;
}

// ── Firefox ─────────────────────────────────────────────────────────────────

async function firefoxPart(server: StaticServer, aliases: Alias[], ids: string[]): Promise<Record<string, unknown>> {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: path,
    headless: true,
    defaultViewport: VIEWPORT,
  });
  try {
    const version = await browser.version();
    const painters = readFileSync(PAINTERS_JS, 'utf8');
    const open = async (url: string, preStyle: PreStyle) => {
      const page = await browser.newPage();
      await page.evaluateOnNewDocument(painters);
      if (preStyle)
        await page.evaluateOnNewDocument(
          (list: string[], single: boolean) => (window as unknown as TrialWindow).__hlTrial.preStyle(list, single),
          ids,
          preStyle === 'single',
        );
      await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
      const found = await page.evaluate(
        (list: Alias[]) => (window as unknown as TrialWindow).__hlTrial.find(list),
        aliases,
      );
      return { page, found };
    };
    // Paints and hit-tests.
    const { page, found } = await open(server.url('/50k.html'), 'all');
    const check = {
      version,
      mentions: found.mentions,
      ...(await paintCheck({
        run: (fn) => page.evaluate(fn),
        settle: () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100)))),
        screenshot: async () => Buffer.from(await page.screenshot()),
      })),
    };
    await page.close();
    console.log(`\nFirefox paint check (50 KB page): ${JSON.stringify(check)}`);
    // Timing, 1 MB page, every mention: in-page clocks only (no trace).
    const timing: Record<string, InPage[]> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < PAINTERS.length; i++) {
        const kind = PAINTERS[(i + round) % PAINTERS.length]!;
        const { page: p } = await open(server.url('/1m.html'), preStyleOf(kind));
        const r = await p.evaluate((k: Kind) => (window as unknown as TrialWindow).__hlTrial.measure(k, 'all'), kind);
        (timing[kind] ??= []).push(r);
        await p.close();
      }
    }
    console.log('Firefox, 1 MB page, every mention (ms per round: script / forced style+layout / to next frame)');
    for (const kind of PAINTERS) {
      console.log(
        `  ${kind.padEnd(10)} ${timing[kind]!.map((r) => `${f1(r.scriptMs)} / ${f1(r.forcedLayoutMs)} / ${f1(r.toFrameMs)}`).join('   ')}`,
      );
    }
    return { check, timing };
  } finally {
    await browser.close().catch(() => undefined);
  }
}

// ── main ────────────────────────────────────────────────────────────────────

/** Runs the whole trial (`npm run bench -- highlight-api`, or this file with tsx). */
export async function runHighlightApiBench(): Promise<void> {
  const bench = sharedBench();
  const dir = mkdtempSync(join(tmpdir(), 'lens-hl-trial-'));
  const pagesDir = join(dir, 'pages');
  execFileSync(process.execPath, [join(bench, 'make-pages.mjs'), '--out', pagesDir, '--sizes', '50k,1m,5m'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const aliases = await aliasList(bench);
  const ids = [...new Set(aliases.map((a) => a.id))];
  const server = await serveStatic([pagesDir]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'],
  });
  const summary: Record<string, unknown> = {
    chromium: browser.version(),
    aliases: aliases.length,
    entities: ids.length,
  };
  try {
    console.log(`Chromium ${browser.version()}, ${aliases.length} aliases of ${ids.length} entities`);
    summary.paint = await paintRounds(browser, server, aliases, ids);
    summary.hover = await hoverRounds(browser, server, aliases, ids);
    summary.pageView = await pageViews(browser, server, aliases, ids);
    summary.isolatedWorld = await isolatedWorldCheck(browser, server);
    summary.paintCheck = await paintCheckChromium(browser, server, aliases, ids);
  } finally {
    await browser.close();
  }
  try {
    if (FIREFOX) summary.firefox = await firefoxPart(server, aliases, ids);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nSUMMARY ${JSON.stringify(summary)}`);
}

if (resolve(process.argv[1] ?? '') === resolve(import.meta.dirname, 'highlight-api.ts')) {
  runHighlightApiBench().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    // Exit at once: the static server may still hold connections the browser left open.
    process.exit(1);
  });
}
