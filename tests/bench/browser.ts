/**
 * In-browser benchmark of the content script (issue #4, "Speed"): generated
 * article pages of 50 KB, 1 MB and 5 MB of visible text (nested markup, a
 * mention about every 150 words, some Russian and Chinese paragraphs) and a
 * 50 KB page without mentions, each loaded in real Chromium with the built
 * extension in "mark all mentions" mode and without the extension, in the same
 * run, alternating. Prints medians beside the goals.
 *
 * Measured per load, through the DevTools protocol and the page's own timeline:
 * - main-thread time: Performance.getMetrics TaskDuration once the page and our
 *   pass have settled; "added" = with − without the extension (script
 *   evaluation, the detector's build, our slices and the style/layout they
 *   cause); beside it our slices' own JS time and the added style+layout time;
 * - longest frame after our first mark: the longest long animation frame
 *   (≥ 50 ms, PerformanceObserver) ending after our first write, which
 *   includes the style, layout and paint that writes cause (long tasks leave
 *   that rendering work out); the page's own later frames count too;
 * - longest task of ours: the longest long task (≥ 50 ms, PerformanceObserver)
 *   that started after the content script did; our longest JS slice beside it;
 * - first mark: from the content script's start (document_idle) to the first mark;
 * - all marks: from DOMContentLoaded to the end of the first pass;
 * - retained heap: JSHeapUsedSize after HeapProfiler.collectGarbage, with − without.
 *
 * Run: `npm run build:test`, then `npm run bench` (tests/bench/run.ts calls
 * runBrowserBench), or `npx tsx tests/bench/browser.ts` for this part alone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { EXTENSION_DIR, launchExtension, type ExtensionBrowser } from '../e2e/support/chromium';
import { serveStatic } from '../e2e/support/server';
import { statsOf, waitForPass } from '../e2e/support/lens-state';
import { TEST_STATE_KEY } from '../../lib/platform/test-hooks';
import { DEFAULT_SETTINGS } from '../../lib/settings/model';
import { CONTENT_BUDGET_BYTES, UI_BUDGET_BYTES, measureBundle, type PartSize } from '../../lib/cli/bundle-size';
import { printTable } from './table';

/** Loads per page and mode; the median is reported. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** `BENCH_PAGES="1 MB,5 MB"`: only these pages (by name); all when unset. */
const ONLY = process.env.BENCH_PAGES?.split(',').map((name) => name.trim());

interface PageSpec {
  name: string;
  bytes: number;
  mentions: boolean;
  /** Goal for added main-thread time, ms. */
  addedGoalMs: number;
}

const PAGES: PageSpec[] = [
  { name: '50 KB', bytes: 50_000, mentions: true, addedGoalMs: 30 },
  { name: '1 MB', bytes: 1_000_000, mentions: true, addedGoalMs: 300 },
  { name: '5 MB', bytes: 5_000_000, mentions: true, addedGoalMs: 1500 },
  { name: '50 KB without mentions', bytes: 50_000, mentions: false, addedGoalMs: 5 },
].filter((spec) => !ONLY || ONLY.includes(spec.name));

const GOALS = {
  longestTaskMs: 50,
  firstMarkMs: 150,
  allMarks1MbMs: 500,
  heapBytes: 2 * 1024 * 1024,
};

// ── page generator ─────────────────────────────────────────────────────────

/** Neutral words: none is (part of) an alias of the fact base. */
const EN = (
  'the committee report weather market river analysts said would morning evening local council budget ' +
  'road school garden music festival season harvest bridge station library museum village coast forecast ' +
  'project workers engineers families visitors summer winter plan review figures growth costs prices ' +
  'housing transport planning water energy savings health teachers doctors farmers bakers painters'
).split(' ');
const RU = (
  'сегодня отчёт рынок погода город река аналитики говорят утром вечером совет бюджет дорога школа сад ' +
  'музыка праздник сезон урожай мост станция библиотека музей деревня берег прогноз проект рабочие'
).split(' ');
const ZH = '今天 报告 市场 天气 城市 河流 分析 人士 表示 会议 学校 图书 音乐 花园 早餐 节日 季节 收获 桥梁 车站'.split(
  ' ',
);
const MENTIONS_EN = [
  'Vladimir Putin',
  'Xi Jinping',
  'Power of Siberia 2',
  'the Kremlin',
  'Gazprom',
  'the S-400',
  'the Shanghai Cooperation Organisation',
  "Putin's",
  'Beijing',
  'Moscow',
  'Sergey Lavrov',
  'the Northern Sea Route',
];
const MENTIONS_RU = ['Путин', 'Газпром', 'Сила Сибири 2', 'Кремль'];
const MENTIONS_ZH = ['习近平', '普京', '北京', '莫斯科'];
/** About one mention every this many words. */
const WORDS_PER_MENTION = 150;

/** A small deterministic random source, so every run loads the same pages. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A long article with sections, paragraphs and inline markup; `bytes` is the length of its visible text. */
export function generatePage(bytes: number, withMentions: boolean, seed = 7): string {
  const rand = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  let textLength = 0;
  let wordsSinceMention = Math.floor(rand() * WORDS_PER_MENTION);
  let mentionCount = 0;
  const out: string[] = [];
  out.push('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Benchmark article</title>');
  out.push('<link rel="icon" href="data:,">');
  out.push('<style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:0 auto;padding:16px}</style></head><body>');
  out.push(
    '<main><article><header><h1>A long report on regional affairs</h1><p class="byline">Benchmark desk</p></header>',
  );
  let section = 0;
  while (textLength < bytes) {
    section++;
    out.push(`<section id="s${section}"><h2>Section ${section}</h2>`);
    for (let p = 0; p < 8 && textLength < bytes; p++) {
      const lang = rand() < 0.1 ? 'ru' : rand() < 0.1 ? 'zh' : 'en';
      const words = lang === 'ru' ? RU : lang === 'zh' ? ZH : EN;
      const mentions = lang === 'ru' ? MENTIONS_RU : lang === 'zh' ? MENTIONS_ZH : MENTIONS_EN;
      const sep = lang === 'zh' ? '' : ' ';
      const parts: string[] = [];
      const count = 60 + Math.floor(rand() * 60);
      for (let w = 0; w < count; w++) {
        let word = pick(words);
        if (withMentions && ++wordsSinceMention >= WORDS_PER_MENTION) {
          wordsSinceMention = 0;
          mentionCount++;
          word = pick(mentions);
        } else if (w % 17 === 3) {
          word = `<a href="#s${section}">${escapeHtml(word)}</a>`;
          parts.push(word);
          textLength += word.length - 15 - String(section).length + sep.length;
          continue;
        } else if (w % 23 === 5) {
          parts.push(`<em>${escapeHtml(word)}</em>`);
          textLength += word.length + sep.length;
          continue;
        }
        parts.push(escapeHtml(word));
        textLength += word.length + sep.length;
      }
      const tag = p === 4 ? 'blockquote' : 'p';
      out.push(`<div class="para"><${tag} lang="${lang}">${parts.join(sep)}.</${tag}></div>`);
    }
    out.push('</section>');
  }
  out.push('</article></main></body></html>');
  void mentionCount;
  return out.join('\n');
}

// ── measuring ──────────────────────────────────────────────────────────────

interface Sample {
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  heapBytes: number;
  longestTaskAfterStartMs: number;
  /** The longest long animation frame (script and rendering) that ended after our first mark (page alone: any). */
  longestFrameAfterMarkMs: number;
  longestSliceMs: number | null;
  /** Our JS in slices (the annotator's own count). */
  sliceMs: number | null;
  firstMarkMs: number | null;
  allMarksAfterDclMs: number | null;
  /** When the content script started (document_idle), after DOMContentLoaded. */
  startAfterDclMs: number | null;
  marks: number;
}

/** Records long tasks and long animation frames from the very start of the page (main world). */
const LONGTASK_INIT = `
  window.__longtasks = [];
  window.__longframes = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longframes.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
`;

/** How often the end of the first pass is polled: a bench, not a test, so at the measurement's own pace. */
const PASS_POLL_MS = 50;

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Waits until the page has had two idle periods in a row (our pass and its layout included). */
async function settle(page: Page): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await page.evaluate(
      () =>
        new Promise<void>((done) => requestAnimationFrame(() => requestIdleCallback(() => done(), { timeout: 3000 }))),
    );
  }
}

async function loadOnce(browser: ExtensionBrowser, url: string, withExtension: boolean): Promise<Sample> {
  const page = await browser.context.newPage();
  await page.addInitScript(LONGTASK_INIT);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await metrics(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // Polled through DevTools with a one-line expression in the content script's world
  // (support/lens-state.ts): page.waitForFunction would compile Playwright's helper script
  // (~330 KB) in the page right after load, in the middle of our first round trips, and the
  // latency figures would measure the harness. Both sides still get it later, in settle().
  if (withExtension) {
    await waitForPass(page, 120_000, { interval: PASS_POLL_MS }).catch((error: Error) => {
      throw new Error(`no pass on ${url}: ${error.message}`);
    });
  }
  await settle(page);
  const stats = withExtension ? await statsOf(page) : null;
  const info = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    type Entry = { start: number; duration: number };
    const w = window as unknown as { __longtasks?: Entry[]; __longframes?: Entry[] };
    return {
      dcl: nav?.domContentLoadedEventStart ?? 0,
      tasks: w.__longtasks ?? [],
      frames: w.__longframes ?? [],
    };
  });
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await metrics(cdp);
  await cdp.detach().catch(() => undefined);
  await page.close();
  const delta = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
  const startedAt = stats?.startedAt ?? 0;
  const longestAfterStart = (entries: { start: number; duration: number }[]) =>
    entries.filter((t) => !stats || t.start + t.duration >= startedAt).reduce((m, t) => Math.max(m, t.duration), 0);
  const longest = longestAfterStart(info.tasks);
  return {
    taskMs: delta('TaskDuration'),
    scriptMs: delta('ScriptDuration'),
    layoutMs: delta('LayoutDuration'),
    styleMs: delta('RecalcStyleDuration'),
    heapBytes: after.JSHeapUsedSize ?? 0,
    longestTaskAfterStartMs: longest,
    longestFrameAfterMarkMs: info.frames
      .filter((f) => !stats || (stats.firstMarkMs !== null && f.start + f.duration >= startedAt + stats.firstMarkMs))
      .reduce((m, f) => Math.max(m, f.duration), 0),
    longestSliceMs: stats?.longestSliceMs ?? null,
    sliceMs: stats?.sliceMs ?? null,
    firstMarkMs: stats?.firstMarkMs ?? null,
    allMarksAfterDclMs: stats?.passDoneAt != null ? stats.passDoneAt - info.dcl : null,
    startAfterDclMs: stats ? stats.startedAt - info.dcl : null,
    marks: stats?.marks ?? 0,
  };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function medianOf(samples: Sample[], key: keyof Sample): number | null {
  const values = samples.map((s) => s[key]).filter((v): v is number => typeof v === 'number');
  return values.length ? median(values) : null;
}

const ms = (v: number | null) => (v === null ? '—' : `${v.toFixed(v < 10 ? 1 : 0)} ms`);
const mb = (v: number | null) => (v === null ? '—' : `${(v / 1024 / 1024).toFixed(2)} MB`);
const mark = (ok: boolean) => (ok ? 'ok' : 'OVER');

/**
 * The floor for "added main-thread time": an extension whose content script,
 * injected like ours (all URLs, all frames, document_idle), only publishes
 * empty stats. What it adds is the price of any content script at all (the
 * isolated world, the injection), which no work of ours can go below.
 */
function writeFloorExtension(dir: string): string {
  const ext = join(dir, 'floor-extension');
  mkdirSync(ext);
  writeFileSync(
    join(ext, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Empty content script (benchmark floor)',
      version: '1.0',
      background: { service_worker: 'background.js' },
      content_scripts: [
        {
          matches: ['<all_urls>'],
          all_frames: true,
          match_about_blank: true,
          run_at: 'document_idle',
          js: ['content.js'],
        },
      ],
    }),
  );
  writeFileSync(join(ext, 'background.js'), '');
  writeFileSync(
    join(ext, 'content.js'),
    `globalThis.${TEST_STATE_KEY} = { ready: true, stats: { startedAt: performance.now(), passDoneMs: 0 } };\n`,
  );
  return ext;
}

export async function runBrowserBench(): Promise<void> {
  console.log(`\nIn-browser benchmark (Chromium, built extension, "mark all mentions", median of ${RUNS} loads)\n`);
  const dir = mkdtempSync(join(tmpdir(), 'lens-bench-'));
  for (const spec of PAGES) {
    writeFileSync(join(dir, `${slug(spec)}.html`), generatePage(spec.bytes, spec.mentions));
  }
  const server = await serveStatic([dir]);
  const withExt = await launchExtension();
  const without = await launchExtension({ withExtension: false });
  const floor = await launchExtension({ extensionDir: writeFloorExtension(dir) });
  try {
    await withExt.serviceWorker.evaluate((settings) => chrome.storage.local.set({ settings }), {
      ...structuredClone(DEFAULT_SETTINGS),
      density: { mode: 'all', n: 3 },
    });
    const rows: string[][] = [];
    const notes: string[] = [];
    for (const spec of PAGES) {
      const url = server.url(`/${slug(spec)}.html`);
      // One warm-up load each, so both browsers have the page's resources and code caches.
      await loadOnce(without, url, false);
      await loadOnce(withExt, url, true);
      const a: Sample[] = [];
      const b: Sample[] = [];
      // The floor only on the small pages, where it is a large part of the goal.
      const f: Sample[] = [];
      const withFloor = spec.bytes <= 50_000;
      if (withFloor) await loadOnce(floor, url, true);
      for (let i = 0; i < RUNS; i++) {
        b.push(await loadOnce(without, url, false));
        a.push(await loadOnce(withExt, url, true));
        if (withFloor) f.push(await loadOnce(floor, url, true));
      }
      const added = (medianOf(a, 'taskMs') ?? 0) - (medianOf(b, 'taskMs') ?? 0);
      const floorAdded = withFloor ? (medianOf(f, 'taskMs') ?? 0) - (medianOf(b, 'taskMs') ?? 0) : null;
      const ourSlices = medianOf(a, 'sliceMs');
      const addedLayout =
        (medianOf(a, 'layoutMs') ?? 0) +
        (medianOf(a, 'styleMs') ?? 0) -
        (medianOf(b, 'layoutMs') ?? 0) -
        (medianOf(b, 'styleMs') ?? 0);
      const heap = (medianOf(a, 'heapBytes') ?? 0) - (medianOf(b, 'heapBytes') ?? 0);
      const longest = medianOf(a, 'longestTaskAfterStartMs') ?? 0;
      const longestBase = medianOf(b, 'longestTaskAfterStartMs') ?? 0;
      const frame = medianOf(a, 'longestFrameAfterMarkMs') ?? 0;
      const frameBase = medianOf(b, 'longestFrameAfterMarkMs') ?? 0;
      const first = medianOf(a, 'firstMarkMs');
      const all = medianOf(a, 'allMarksAfterDclMs');
      rows.push([
        spec.name,
        String(medianOf(a, 'marks') ?? 0),
        `${ms(added)} (≤${spec.addedGoalMs}) ${mark(added <= spec.addedGoalMs)}`,
        ms(floorAdded),
        `${ms(ourSlices)} / ${ms(addedLayout)}`,
        `${ms(longest > 0 ? longest : null)}${longest > 0 ? ` (base ${ms(longestBase)})` : ' (none ≥50)'} ${mark(longest <= GOALS.longestTaskMs || longest <= longestBase)}`,
        spec.mentions
          ? `${ms(frame > 0 ? frame : null)}${frame > 0 ? ` (page alone ${ms(frameBase)})` : ' (none ≥50)'} ${mark(frame <= GOALS.longestTaskMs)}`
          : '—',
        ms(medianOf(a, 'longestSliceMs')),
        spec.mentions
          ? `${ms(first)} (≤${GOALS.firstMarkMs}) ${mark(first !== null && first <= GOALS.firstMarkMs)}`
          : '—',
        `${spec.name === '1 MB' ? `${ms(all)} (≤${GOALS.allMarks1MbMs}) ${mark(all !== null && all <= GOALS.allMarks1MbMs)}` : ms(all)}` +
          ` [idle at ${ms(medianOf(a, 'startAfterDclMs'))}]`,
        `${mb(heap)} (≤2) ${mark(heap <= GOALS.heapBytes)}`,
      ]);
      if (longestBase > 0)
        notes.push(`${spec.name}: the page alone has long tasks (parsing, first layout) up to ${ms(longestBase)}.`);
    }
    printTable(
      [
        'page',
        'marks',
        'added main-thread time',
        'empty script adds',
        'our slices (JS) / added style+layout',
        'longest task after our start',
        'longest frame after first mark',
        'longest slice (our JS)',
        'first mark after idle',
        'all marks after DCL [our start]',
        'retained heap added',
      ],
      rows,
    );
    for (const n of notes) console.log(`  note: ${n}`);
    console.log(
      '  "empty script adds": the same measure for an extension whose content script does nothing (the floor for any content script).',
    );
    console.log(
      '  "longest frame": the longest long animation frame ending after our first mark, the rendering our writes cause included ' +
        '(long tasks leave rendering out); "page alone": its longest frame, its own first layout included.',
    );
    await coldWorkerRow(withExt, server.url(`/${slug(PAGES[0]!)}.html`));
  } finally {
    await withExt.close();
    await without.close();
    await floor.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  let parts: PartSize[] = [];
  try {
    parts = measureBundle(EXTENSION_DIR);
  } catch {
    console.log('\nContent script bundle: not built (run "npm run build").');
  }
  if (parts.length > 0) {
    const kib = (bytes: number) => (bytes / 1024).toFixed(1);
    const sum = (list: PartSize[], key: 'raw' | 'gzip') => list.reduce((n, p) => n + p[key], 0);
    const everyPage = parts.filter((p) => p.everyPage);
    const whereNeeded = parts.filter((p) => !p.everyPage);
    const gzip = sum(parts, 'gzip');
    console.log(
      `\nContent script bundle: ${kib(sum(parts, 'raw'))} KiB minified, ${kib(gzip)} KiB gzipped ` +
        `(content and early script ${kib(sum(everyPage, 'gzip'))} KiB in every page + cards and highlights ${kib(sum(whereNeeded, 'gzip'))} KiB on first use; ` +
        `budgets ${CONTENT_BUDGET_BYTES / 1024} KiB in every page, ${UI_BUDGET_BYTES / 1024} KiB on first use) ` +
        mark(sum(everyPage, 'gzip') <= CONTENT_BUDGET_BYTES && sum(whereNeeded, 'gzip') <= UI_BUDGET_BYTES),
    );
  }
}

/**
 * Detection runs in the extension's service worker, which Chrome stops after
 * ~30 s without events; the first page after that waits for it to start. This
 * row measures that case: the worker is stopped before each load.
 */
async function coldWorkerRow(browser: ExtensionBrowser, url: string): Promise<void> {
  const firsts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach().catch(() => undefined);
    await page.close();
    const sample = await loadOnce(browser, url, true);
    if (sample.firstMarkMs !== null) firsts.push(sample.firstMarkMs);
  }
  const first = firsts.length > 0 ? median(firsts) : null;
  console.log(
    `  service worker stopped before each load (${PAGES[0]!.name}): first mark after idle ${ms(first)} ` +
      `(≤${GOALS.firstMarkMs}) ${mark(first !== null && first <= GOALS.firstMarkMs)}; ` +
      `the rows above have it running, as it is while a reader browses.`,
  );
}

function slug(spec: PageSpec): string {
  return spec.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}

// Run on its own: `npx tsx tests/bench/browser.ts`.
if (resolve(process.argv[1] ?? '') === resolve(import.meta.dirname, 'browser.ts')) {
  runBrowserBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
