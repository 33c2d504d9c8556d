/**
 * What the reader sees, against the shared bench's reference annotator
 * (issue #17), for `npm run bench -- reference` (tests/bench/reference.ts):
 *
 * - default settings on the 5 MB page: the first mark in view, the longest
 *   frame in which marks were written, and a jump to the middle;
 * - "mark all" (`density.mode = 'all'`) on the 1 MB page: time until every
 *   mark in the first two viewports is written, the longest frame with our
 *   writes, and, on the 1 MB and 5 MB pages, a jump to the middle: time until
 *   the marks in view are written;
 * - a 50 KB page that names nothing: our own work on the page's main thread,
 *   from a DevTools trace.
 *
 * Everything is observed from outside the extension, on its production build:
 * an init script of the bench's own in the page's main world (a
 * MutationObserver that timestamps every mark element when it is inserted,
 * long tasks and long animation frames), and CDP tracing. Nothing reads the
 * content script's state, so no test build is needed, and the reference is
 * measured the same way. "Mark all" is set the way the options page sets it:
 * in the extension's storage (`settings` in chrome.storage.local, what
 * lib/platform/settings-store.ts writes), through the service worker.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { aliasTable } from '../../lib/detect/bundled-table';
import { createDetector, newPageState } from '../../lib/detect/detector';
import { probeAnswer, separateRunTogether, sharedDetector } from '../../lib/detect/scan-service';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/model';
import { chromiumPath } from '../e2e/support/chromium';
import { serveStatic } from '../e2e/support/server';

/** Loads per page and configuration per round; the median is reported. */
const LOADS = Number(process.env.BENCH_VIEW_LOADS ?? 3);
/** A page has settled when no mark has come or gone for this long (as ext-bench.mjs's --quiet). */
const QUIET_MS = 1000;
/** After a jump: at least this long is watched, and the page must then be quiet for QUIET_MS. */
const AFTER_JUMP_MS = 1500;
const LOAD_TIMEOUT_MS = Number(process.env.BENCH_VIEW_TIMEOUT ?? 30_000);
/** How long a page that names nothing is traced after its load event. */
const TRACE_AFTER_LOAD_MS = 2500;
const VIEWPORT = { width: 1280, height: 900 };

export const GOALS = {
  /** "Mark all", 1 MB: every mark in the first two viewports, after document_idle. */
  topTwoViewportsMs: 300,
  /** After a jump to the middle: the marks in view. */
  jumpMs: 100,
  /** The longest frame in which marks were written. */
  frameMs: 50,
  /** Our own tasks on a page that names nothing. */
  quietPageMs: 5,
};

export const REFERENCE_SELECTOR = 'lens-mark[data-entity]';
export const OUR_SELECTOR = 'lens-mention[data-entity]';

type Side = 'reference' | 'default' | 'all';

/** One load, seen from the page. Times in ms; null where there was nothing to time. */
export interface ViewSample {
  marks: number;
  /** DOMContentLoaded → the load event, for scale (document_idle, when both annotators start, comes between). */
  loadMs: number;
  /** DOMContentLoaded → the first mark inside the first viewport. */
  firstInViewMs: number | null;
  /** DOMContentLoaded → the last of the marks inside the first two viewports (at the top of the page). */
  topTwoMs: number | null;
  /**
   * DOMContentLoaded → document_idle, when the annotator's content script starts (its first
   * evaluation after DOMContentLoaded in a DevTools trace of the load); null: not in the trace.
   */
  idleMs: number | null;
  /** document_idle → the last of the marks inside the first two viewports (the goal's own clock). */
  topTwoFromIdleMs: number | null;
  topTwoMarks: number;
  /** The longest long animation frame (≥ 50 ms) during which marks were written, jump included; 0: none ≥ 50 ms. */
  frameMs: number;
  /** That frame's style and layout. (Its script attribution leaves content scripts out.) */
  frameLayoutMs: number;
  /** The longest long task (≥ 50 ms) during which marks were written, jump included. */
  taskMs: number;
  /** Jump to the middle → the last of the marks in view written (0: all were there before). */
  jumpMs: number | null;
  jumpMarks: number;
  /** Marks in view after the jump that were already there when it happened. */
  jumpMarksBefore: number;
  /** The longest long animation frame with marks written after the jump. */
  jumpFrameMs: number;
  /** The longest long animation frame after the jump, marks or not (the page's own rendering of the new place). */
  jumpAnyFrameMs: number;
  /** Marks on the page that the observer never saw inserted (should be 0). */
  untimed: number;
}

interface Frame {
  start: number;
  duration: number;
  /** From the start of style and layout to the end of the frame. */
  layout: number;
}

interface PageProbe {
  dcl: number | null;
  now: number;
  changed: number;
  count: number;
  loaded: boolean;
}

interface Collected {
  dcl: number;
  load: number;
  vh: number;
  scrollY: number;
  marks: { top: number; bottom: number; t: number | null }[];
  frames: Frame[];
  tasks: { start: number; duration: number }[];
}

/**
 * The bench's own instrumentation, in the page's main world before any page
 * script: timestamps of mark elements by MutationObserver (from
 * DOMContentLoaded, as ext-bench.mjs), long tasks and long animation frames.
 * A string, not a function: tsx would wrap the functions inside in a helper
 * the page does not have.
 */
const instrument = (selector: string) => `(() => {
  const sel = ${JSON.stringify(selector)};
  const S = (window.__viewBench = { dcl: null, load: null, changed: 0, count: 0, loaded: false, times: new Map(), frames: [], tasks: [] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) S.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        // The frame's style and layout (what a write of marks costs the page).
        const layout = e.styleAndLayoutStart > 0 ? e.startTime + e.duration - e.styleAndLayoutStart : 0;
        S.frames.push({ start: e.startTime, duration: e.duration, layout });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  addEventListener('load', () => { S.loaded = true; S.load = performance.now(); }, { once: true });
  document.addEventListener('DOMContentLoaded', () => {
    const at = performance.now();
    S.dcl = S.changed = at;
    for (const el of document.querySelectorAll(sel)) S.times.set(el, at);
    S.count = S.times.size;
    new MutationObserver((records) => {
      const t = performance.now();
      let delta = 0;
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1) continue;
          const found = n.matches(sel) ? [n] : n.firstElementChild ? n.querySelectorAll(sel) : [];
          for (const el of found) {
            if (!S.times.has(el)) S.times.set(el, t);
            delta++;
          }
        }
        for (const n of r.removedNodes) {
          if (n.nodeType !== 1) continue;
          delta -= n.matches(sel) ? 1 : n.firstElementChild ? n.querySelectorAll(sel).length : 0;
        }
      }
      if (delta !== 0) {
        S.changed = t;
        S.count += delta;
      }
    }).observe(document, { childList: true, subtree: true });
  }, { once: true });
})();`;

function probe(page: Page): Promise<PageProbe> {
  return page.evaluate(() => {
    const S = (window as unknown as { __viewBench: PageProbe }).__viewBench;
    return { dcl: S.dcl, now: performance.now(), changed: S.changed, count: S.count, loaded: S.loaded };
  });
}

/** The page's main thread counts as idle when it was busy less than this share of the last IDLE_WINDOW_MS. */
const IDLE_SHARE = 0.1;
const IDLE_WINDOW_MS = 500;

/**
 * Waits until the load event has fired, at least `minMarks` marks are there,
 * none came for QUIET_MS, and the page's main thread is idle (Performance
 * metrics' TaskDuration): an annotator still reading the page would hold the
 * marks a jump brings in behind its own work, and the figures would depend on
 * when the jump came. False when LOAD_TIMEOUT_MS passed first.
 */
async function settle(page: Page, cdp: CDPSession, minMarks: number, notBefore = 0): Promise<boolean> {
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  const busy: { at: number; taskMs: number }[] = [];
  for (;;) {
    const s = await probe(page);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const taskMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
    busy.push({ at: s.now, taskMs });
    while (busy.length > 2 && s.now - busy[1]!.at >= IDLE_WINDOW_MS) busy.shift();
    const span = s.now - busy[0]!.at;
    const idle = span >= IDLE_WINDOW_MS && (taskMs - busy[0]!.taskMs) / span < IDLE_SHARE;
    if (
      s.dcl !== null &&
      s.loaded &&
      s.count >= minMarks &&
      s.now - s.changed >= QUIET_MS &&
      s.now - notBefore >= AFTER_JUMP_MS &&
      idle
    )
      return true;
    if (Date.now() > deadline) return false;
    await page.waitForTimeout(100);
  }
}

function collect(page: Page, selector: string): Promise<Collected> {
  return page.evaluate((sel) => {
    const S = (
      window as unknown as {
        __viewBench: Omit<Collected, 'vh' | 'scrollY' | 'marks'> & { times: Map<Element, number> };
      }
    ).__viewBench;
    const y = scrollY;
    const marks = [...document.querySelectorAll(sel)].map((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top + y, bottom: r.bottom + y, t: S.times.get(el) ?? null };
    });
    return { dcl: S.dcl, load: S.load, vh: innerHeight, scrollY: y, marks, frames: [...S.frames], tasks: [...S.tasks] };
  }, selector);
}

/** The longest entry during which a write happened (a write's time falls inside it); null: none. */
function longestWith<T extends { start: number; duration: number }>(entries: T[], writes: number[]): T | null {
  let longest: T | null = null;
  for (const e of entries) {
    if (longest && e.duration <= longest.duration) continue;
    if (writes.some((t) => t >= e.start && t <= e.start + e.duration + 1)) longest = e;
  }
  return longest;
}

const timesOf = (list: Collected['marks']) => list.map((m) => m.t).filter((t): t is number => t !== null);

/**
 * One load of `url`: settled at the top of the page (the load event, then no
 * new mark for QUIET_MS), then a jump to the middle, settled again.
 */
async function viewLoad(context: BrowserContext, url: string, selector: string): Promise<ViewSample> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const settled = async (minMarks: number, notBefore = 0) => {
    if (!(await settle(page, cdp, minMarks, notBefore)))
      process.stderr.write(`${url}: not settled after ${LOAD_TIMEOUT_MS} ms; measured as it stood\n`);
  };
  try {
    const trace = await startTrace(cdp, 'devtools.timeline');
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: LOAD_TIMEOUT_MS });
    await settled(1);
    const top = await collect(page, selector);
    const idleMs = idleAfterDcl(await trace.end(), url);
    const within = (m: { top: number; bottom: number }, viewports: number) =>
      m.bottom > 0 && m.top < viewports * top.vh;
    const first = timesOf(top.marks.filter((m) => within(m, 1)));
    const topTwo = top.marks.filter((m) => within(m, 2));
    const topTwoTimes = timesOf(topTwo);
    const jumpedAt = await page.evaluate(() => {
      const at = performance.now();
      scrollTo(0, Math.round((document.documentElement.scrollHeight - innerHeight) / 2));
      return at;
    });
    await settled(0, jumpedAt);
    const mid = await collect(page, selector);
    const inView = mid.marks.filter((m) => m.bottom > mid.scrollY && m.top < mid.scrollY + mid.vh);
    const viewTimes = timesOf(inView);
    const after = viewTimes.filter((t) => t >= jumpedAt);
    const writes = timesOf(mid.marks);
    const frame = longestWith(mid.frames, writes);
    return {
      marks: top.marks.length,
      loadMs: top.load - top.dcl,
      firstInViewMs: first.length ? Math.min(...first) - top.dcl : null,
      topTwoMs: topTwoTimes.length ? Math.max(...topTwoTimes) - top.dcl : null,
      idleMs,
      topTwoFromIdleMs: topTwoTimes.length && idleMs !== null ? Math.max(...topTwoTimes) - top.dcl - idleMs : null,
      topTwoMarks: topTwo.length,
      frameMs: frame?.duration ?? 0,
      frameLayoutMs: frame?.layout ?? 0,
      taskMs: longestWith(mid.tasks, writes)?.duration ?? 0,
      jumpMs: inView.length === 0 ? null : after.length ? Math.max(...after) - jumpedAt : 0,
      jumpMarks: inView.length,
      jumpMarksBefore: viewTimes.length - after.length,
      jumpFrameMs:
        longestWith(
          mid.frames.filter((f) => f.start + f.duration >= jumpedAt),
          writes.filter((t) => t >= jumpedAt),
        )?.duration ?? 0,
      jumpAnyFrameMs: mid.frames
        .filter((f) => f.start + f.duration >= jumpedAt)
        .reduce((longest, f) => Math.max(longest, f.duration), 0),
      untimed: mid.marks.length - writes.length,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

// ── a page that names nothing ──────────────────────────────────────────────

/** Made-up names for the generator's real ones (none is, or contains, an alias of ours). */
const STAND_INS = ['Varnholm', 'Ostrelia', 'Quenby', 'Dalvik Moor', 'Pellandra', 'Torvessa', 'Mirrowby', 'Calderne'];
const HAN_STAND_IN = '今天';

/**
 * The shared generator's 50 KB page without its mentions (`--density` so high
 * that no alias is put in), then every name our detector would still take for
 * a candidate (real places, people and agencies of its proper-noun list, the
 * trap in its script and its textarea) replaced by a made-up one, until
 * neither the plain matcher nor the scout's probe finds anything.
 */
export function writeQuietPage(bench: string, dir: string, run: (script: string, args: string[]) => void): string {
  run(join(bench, 'make-pages.mjs'), ['--out', dir, '--sizes', '50k', '--density', '1000000000']);
  const file = join(dir, '50k.html');
  let html = readFileSync(file, 'utf8');
  const plain = createDetector(aliasTable, { rules: false });
  for (let round = 0; ; round++) {
    // The text as the annotator reads it (blocks apart) and as the scout does (run together, then separated).
    const apart = html.replace(/<[^>]+>/g, ' ');
    const together = separateRunTogether(html.replace(/<[^>]+>/g, ''));
    const forms = new Set<string>();
    for (const text of [apart, together]) {
      for (const detector of [plain, sharedDetector()]) {
        const found = detector.scan(text, newPageState());
        for (const m of [...found.mentions, ...found.pending, ...found.deferred, ...found.nested])
          forms.add(text.slice(m.start, m.end));
      }
    }
    if (forms.size === 0 && !probeAnswer(html.replace(/<[^>]+>/g, '')).hit) break;
    if (round === 10) throw new Error(`The page without mentions still names ${[...forms].join(', ')}.`);
    let i = 0;
    for (const form of forms) {
      const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const han = /\p{Script=Han}/u.test(form);
      const re = new RegExp(han ? escaped : `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
      html = html.replace(re, han ? HAN_STAND_IN : STAND_INS[i++ % STAND_INS.length]!);
    }
  }
  const quiet = join(dir, 'quiet-50k.html');
  writeFileSync(quiet, html.replace(/<title>[^<]*<\/title>/, '<title>A page that names nothing</title>'));
  return quiet;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread time: the span's time on the CPU, without the time the thread waited for one. */
  tdur?: number;
  args?: {
    name?: string;
    data?: { url?: string; cpuProfile?: CpuProfileChunk; timeDeltas?: number[] };
    beginData?: { url?: string };
  };
  id?: string;
}

interface CpuProfileChunk {
  nodes?: { id: number; parent?: number; callFrame: { url?: string; functionName: string } }[];
  samples?: number[];
}

export interface TraceSample {
  /** Union of the trace events on the page's main thread that run a chrome-extension:// script. */
  ownMs: number;
  /**
   * The same events' thread time (outermost events only): on a busy machine the thread also waits
   * for a CPU inside those spans, which this leaves out.
   */
  ownCpuMs: number;
  /**
   * Thread time of all promise continuations (`RunMicrotasks`) on the page's main thread: the
   * trace gives them no script address, so ownMs leaves out what our scripts run after an
   * `await`. On a page that names nothing they are mostly ours; for comparing builds of ours.
   */
  microtaskCpuMs: number;
  /** The same from the V8 sampling profiler: samples with a chrome-extension:// frame on the stack. */
  sampledMs: number;
  /** Of `ownMs`, the document_start script (early.js); the rest is the content script. */
  earlyMs: number;
  /** All tasks on the page's main thread, for scale. */
  pageMs: number;
  marks: number;
}

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'toplevel',
  'disabled-by-default-v8.cpu_profiler',
].join(',');

/** Starts a DevTools trace of `categories`; `end` stops it and gives its events. */
async function startTrace(cdp: CDPSession, categories: string): Promise<{ end(): Promise<TraceEvent[]> }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const e of value) events.push(e as unknown as TraceEvent);
  });
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return {
    async end() {
      await cdp.send('Tracing.end');
      await complete;
      return events;
    },
  };
}

/** The page's renderer main thread in a trace of the load of `url`: the one that parsed its HTML (null: none did). */
function mainThread(events: TraceEvent[], url: string): { pid: number; events: TraceEvent[] } | null {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) return null;
  return { pid: parse.pid, events: events.filter((e) => e.pid === parse.pid && e.tid === parse.tid) };
}

/** Whether a script address is one of an extension's. */
const fromExtension = (url: string | undefined) => !!url && url.startsWith('chrome-extension://');

/**
 * DOMContentLoaded → document_idle in a trace of the load of `url`: the first
 * extension script evaluated on the page's main thread after DOMContentLoaded
 * (document_start scripts run before it). Null when the trace lacks either.
 */
function idleAfterDcl(events: TraceEvent[], url: string): number | null {
  const onMain = mainThread(events, url)?.events;
  const dcl = onMain?.find((e) => e.name === 'MarkDOMContent');
  if (!onMain || !dcl) return null;
  const starts = onMain
    .filter((e) => e.name === 'EvaluateScript' && e.ts >= dcl.ts && fromExtension(e.args?.data?.url))
    .map((e) => e.ts);
  return starts.length ? (Math.min(...starts) - dcl.ts) / 1000 : null;
}

/** Loads `url` under a DevTools trace and sums the time our scripts take on the page's main thread. */
export async function traceLoad(context: BrowserContext, url: string, selector: string): Promise<TraceSample> {
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  try {
    const trace = await startTrace(cdp, TRACE_CATEGORIES);
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await page.waitForTimeout(TRACE_AFTER_LOAD_MS);
    const marks = await page.evaluate((sel) => document.querySelectorAll(sel).length, selector);
    return { ...ownTime(await trace.end(), url), marks };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

/** The time covered by spans that may nest or overlap (a compile inside an evaluation). */
function unionUs(spans: [number, number][]): number {
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

function ownTime(events: TraceEvent[], url: string): Omit<TraceSample, 'marks'> {
  const main = mainThread(events, url);
  if (!main) throw new Error(`No ParseHTML event for ${url} in the trace.`);
  const onMain = main.events;
  const spans: [number, number][] = [];
  const early: [number, number][] = [];
  let pageUs = 0;
  for (const e of onMain) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') pageUs += e.dur;
    const script = e.args?.data?.url;
    if (!fromExtension(script)) continue;
    spans.push([e.ts, e.ts + e.dur]);
    if (script!.endsWith('/early.js')) early.push([e.ts, e.ts + e.dur]);
  }
  const ownUs = unionUs(spans);
  let ownCpuUs = 0;
  let outerEnd = -Infinity;
  for (const e of onMain
    .filter((e) => e.ph === 'X' && e.dur !== undefined && fromExtension(e.args?.data?.url))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
    if (e.ts + e.dur! <= outerEnd) continue;
    outerEnd = e.ts + e.dur!;
    ownCpuUs += e.tdur ?? e.dur!;
  }
  // V8's sampling profiler: a Profile event on the main thread, its ProfileChunk events (same id)
  // from the profiler's thread; each sample's stack, and the time until the next sample.
  const profiles = new Set(onMain.filter((e) => e.name === 'Profile').map((e) => e.id));
  const nodes = new Map<number, { parent?: number; url: string }>();
  let sampledUs = 0;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== main.pid || !profiles.has(e.id)) continue;
    const profile = e.args?.data?.cpuProfile;
    for (const n of profile?.nodes ?? []) nodes.set(n.id, { parent: n.parent, url: n.callFrame.url ?? '' });
    const samples = profile?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    for (let i = 0; i + 1 < samples.length; i++) {
      for (let n = nodes.get(samples[i]!); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        if (fromExtension(n.url)) {
          sampledUs += deltas[i + 1] ?? 0;
          break;
        }
      }
    }
  }
  const microtaskCpuUs = onMain
    .filter((e) => e.ph === 'X' && e.name === 'RunMicrotasks')
    .reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0);
  return {
    ownMs: ownUs / 1000,
    ownCpuMs: ownCpuUs / 1000,
    microtaskCpuMs: microtaskCpuUs / 1000,
    sampledMs: sampledUs / 1000,
    earlyMs: unionUs(early) / 1000,
    pageMs: pageUs / 1000,
  };
}

// ── the run ────────────────────────────────────────────────────────────────

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(extension: string, settings?: Settings): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'lens-view-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    // ext-bench.mjs's switches, so these rows run in the browser the shared harness runs in.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
    ],
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: VIEWPORT,
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    if (settings) {
      const worker =
        context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
        (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
      // What the options page stores (lib/platform/settings-store.ts: WXT's `local:settings` is
      // `settings` in chrome.storage.local); the content script reads it from there.
      const stored = await worker.evaluate(async (value) => {
        await chrome.storage.local.set({ settings: value });
        return (await chrome.storage.local.get('settings')).settings as Settings;
      }, settings);
      if (stored.density.mode !== settings.density.mode) throw new Error('The settings were not stored.');
    }
    return { context, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface ViewRound {
  /** page → side → median sample. */
  view: Record<string, Partial<Record<Side, ViewSample>>>;
  /** side → median of the traces of the page that names nothing. */
  quiet: Partial<Record<'reference' | 'default', TraceSample>>;
}

/** What is loaded: the reference's figures on the 5 MB page serve both of our settings. */
const PLAN: { page: string; sides: Side[] }[] = [
  { page: '1m', sides: ['reference', 'all'] },
  { page: '5m', sides: ['reference', 'default', 'all'] },
];

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Field by field; a field that was null in every load stays null. */
function medianSample<T extends object>(samples: T[]): T {
  const out: Record<string, number | null> = {};
  for (const key of Object.keys(samples[0]!)) {
    out[key] = median(
      samples.map((s) => (s as Record<string, number | null>)[key]).filter((v): v is number => typeof v === 'number'),
    );
  }
  return out as T;
}

const log = (line: string) => {
  if (process.env.BENCH_VERBOSE) process.stderr.write(`${line}\n`);
};

/**
 * One round: each page and side loaded LOADS times, the sides one after the
 * other within each load number (their order turning each time), so the
 * reference and ours share the machine's weather.
 */
export async function runViewRound(options: {
  pages: string;
  quietPage: string;
  reference: string;
  ours: string;
}): Promise<ViewRound> {
  const server = await serveStatic([options.pages, dirname(options.quietPage)]);
  const browsers: Partial<Record<Side, Browser>> = {};
  try {
    browsers.reference = await launch(options.reference);
    browsers.default = await launch(options.ours, structuredClone(DEFAULT_SETTINGS));
    browsers.all = await launch(options.ours, {
      ...structuredClone(DEFAULT_SETTINGS),
      density: { mode: 'all', n: DEFAULT_SETTINGS.density.n },
    });
    const selector = (side: Side) => (side === 'reference' ? REFERENCE_SELECTOR : OUR_SELECTOR);
    for (const side of Object.keys(browsers) as Side[]) {
      await browsers[side]!.context.addInitScript(instrument(selector(side)));
    }
    // Chrome stops an extension's service worker after 30 s without events, and the other sides'
    // loads take longer than that: a short page first wakes ours, as a reader's browsing keeps it
    // running (the shared harness loads back to back). The reference has no worker.
    const warm = async (side: Side) => {
      if (side === 'reference') return;
      const page = await browsers[side]!.context.newPage();
      await page.goto(server.url('/50k.html'), { waitUntil: 'load' });
      await page.waitForTimeout(500);
      await page.close();
    };
    const raw: Record<string, Partial<Record<Side, ViewSample[]>>> = {};
    const traces: Record<'reference' | 'default', TraceSample[]> = { reference: [], default: [] };
    const quietUrl = server.url(`/${basename(options.quietPage)}`);
    for (let i = 0; i < LOADS; i++) {
      for (const { page, sides } of PLAN) {
        for (const side of i % 2 ? [...sides].reverse() : sides) {
          await warm(side);
          const sample = await viewLoad(browsers[side]!.context, server.url(`/${page}.html`), selector(side));
          log(`${page} ${side} ${i + 1}/${LOADS}: ${JSON.stringify(sample)}`);
          ((raw[page] ??= {})[side] ??= []).push(sample);
        }
      }
      for (const side of i % 2 ? (['default', 'reference'] as const) : (['reference', 'default'] as const)) {
        await warm(side);
        const sample = await traceLoad(browsers[side]!.context, quietUrl, selector(side));
        log(`quiet ${side} ${i + 1}/${LOADS}: ${JSON.stringify(sample)}`);
        traces[side].push(sample);
      }
    }
    const view: ViewRound['view'] = {};
    for (const [page, sides] of Object.entries(raw)) {
      view[page] = {};
      for (const [side, samples] of Object.entries(sides)) view[page]![side as Side] = medianSample(samples);
    }
    return { view, quiet: { reference: medianSample(traces.reference), default: medianSample(traces.default) } };
  } finally {
    for (const b of Object.values(browsers)) await b.close();
    await server.close();
  }
}

// ── the table ──────────────────────────────────────────────────────────────

const n0 = (v: number | null | undefined) => (v === null || v === undefined ? '–' : String(Math.round(v)));
const n1 = (v: number) => v.toFixed(1);
const ratio = (ours: number | null | undefined, ref: number | null | undefined) =>
  ours && ref ? (ours / ref).toFixed(2) : '–';
const verdict = (value: number | null | undefined, goal: number) =>
  value === null || value === undefined ? '–' : value <= goal ? 'met' : 'not met';
/** A long-frame or long-task figure: the API reports only those of 50 ms and more. */
const long = (v: number | null | undefined) => (v ? n0(v) : '< 50');
/** After a jump: how long until the marks in view were written, and the longest frame after it (any). */
const jump = (s: ViewSample | undefined) => {
  if (!s) return '–';
  const frame = `longest frame after it ${long(s.jumpAnyFrameMs)}`;
  if (s.jumpMs === null) return `no mark in view; ${frame}`;
  if (s.jumpMs === 0) return `0 (all ${n0(s.jumpMarks)} there before); ${frame}`;
  return `${n0(s.jumpMs)} (${n0(s.jumpMarks)} marks); ${frame}`;
};

export const VIEW_TABLE_HEAD = [
  '| round | row | goal | ours | reference | ratio | verdict |',
  '| --- | --- | --- | --- | --- | --- | --- |',
];

/** The round's rows: medians of LOADS loads; times in ms, from DOMContentLoaded unless said otherwise. */
export function viewRows(round: number, r: ViewRound): string[] {
  const ref1 = r.view['1m']?.reference;
  const all1 = r.view['1m']?.all;
  const ref5 = r.view['5m']?.reference;
  const def5 = r.view['5m']?.default;
  const all5 = r.view['5m']?.all;
  const qo = r.quiet.default;
  const qr = r.quiet.reference;
  const frame = (s: ViewSample | undefined) =>
    s?.frameMs ? `${n0(s.frameMs)} (style+layout ${n0(s.frameLayoutMs)})` : '< 50';
  const topTwo = (s: ViewSample | undefined) =>
    `${n0(s?.topTwoFromIdleMs)} (${n0(s?.topTwoMs)}; ${n0(s?.topTwoMarks)} marks; first in view ${n0(s?.firstInViewMs)})`;
  type Row = [string, string, string, string, string, string];
  /** The longest frame with our marks written; the browser reports none under 50 ms. */
  const frameRow = (label: string, ours: ViewSample | undefined, ref: ViewSample | undefined): Row => [
    label,
    '≤ 50',
    frame(ours),
    frame(ref),
    ratio(ours?.frameMs, ref?.frameMs),
    ours?.frameMs ? verdict(ours.frameMs, GOALS.frameMs) : 'met',
  ];
  /** After a jump to the middle: how long until the marks in view were written. */
  const jumpRow = (label: string, ours: ViewSample | undefined, ref: ViewSample | undefined): Row => [
    label,
    '≤ 100',
    jump(ours),
    jump(ref),
    '–',
    verdict(ours?.jumpMs, GOALS.jumpMs),
  ];
  const rows: Row[] = [
    [
      '5 MB, default: first mark in view',
      '–',
      n0(def5?.firstInViewMs),
      n0(ref5?.firstInViewMs),
      ratio(def5?.firstInViewMs, ref5?.firstInViewMs),
      '–',
    ],
    frameRow('5 MB, default: longest frame with marks written', def5, ref5),
    [
      '5 MB, default: longest task with marks written',
      '≤ 50',
      long(def5?.taskMs),
      long(ref5?.taskMs),
      ratio(def5?.taskMs, ref5?.taskMs),
      def5?.taskMs ? verdict(def5.taskMs, GOALS.frameMs) : 'met',
    ],
    jumpRow('5 MB, default: jump to the middle → marks in view written', def5, ref5),
    [
      '1 MB, mark all: every mark in the first two viewports, from document_idle (from DOMContentLoaded)',
      '≤ 300',
      topTwo(all1),
      topTwo(ref1),
      ratio(all1?.topTwoFromIdleMs, ref1?.topTwoFromIdleMs),
      verdict(all1?.topTwoFromIdleMs, GOALS.topTwoViewportsMs),
    ],
    frameRow('1 MB, mark all: longest frame with marks written', all1, ref1),
    jumpRow('1 MB, mark all: jump to the middle → marks in view written', all1, ref1),
    jumpRow('5 MB, mark all: jump to the middle → marks in view written', all5, ref5),
    [
      '50 KB naming nothing: extension scripts on the main thread (trace; sampled)',
      '≤ 5',
      qo ? `${n1(qo.ownMs)}; ${n1(qo.sampledMs)}` : '–',
      qr ? `${n1(qr.ownMs)}; ${n1(qr.sampledMs)}` : '–',
      ratio(qo?.ownMs, qr?.ownMs),
      verdict(qo?.ownMs, GOALS.quietPageMs),
    ],
  ];
  const lines = rows.map((cells) => `| ${round} | ${cells.join(' | ')} |`);
  return lines;
}

/** What the rows do not say: when the load event came, how many marks each side wrote. */
export function viewNotes(round: number, r: ViewRound): string {
  const at = (page: string, side: Side) => {
    const s = r.view[page]?.[side];
    return s ? `${n0(s.loadMs)} ms / ${n0(s.marks)} marks` : '–';
  };
  const q = r.quiet.default;
  const untimed = Object.values(r.view)
    .flatMap((sides) => Object.values(sides))
    .reduce((n, s) => n + (s.untimed ?? 0), 0);
  return (
    `Round ${round}: load event after DOMContentLoaded / marks written at the top: 1 MB reference ${at('1m', 'reference')}, ` +
    `ours (mark all) ${at('1m', 'all')}; 5 MB reference ${at('5m', 'reference')}, ours (default) ${at('5m', 'default')}, ` +
    `ours (mark all) ${at('5m', 'all')}.` +
    (q
      ? ` Page naming nothing: early.js ${n1(q.earlyMs)} ms of ours; the page's own main thread ${n0(q.pageMs)} ms.`
      : '') +
    (untimed > 0 ? ` WARNING: ${untimed} marks were never seen inserted (their times are missing).` : '')
  );
}
