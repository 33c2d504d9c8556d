/**
 * `npm run bench -- quiet`: only the reference bench's row for the page that
 * names nothing (tests/bench/reference-view.ts's traceLoad: our scripts'
 * trace events on the page's main thread), for comparing builds of our own
 * quickly. BENCH_QUIET_BUILDS lists `chrome-mv3` folders (comma-separated;
 * by default the production build of the working tree); each is loaded in a
 * browser of its own, the builds one after the other within each load number,
 * their order turning each time, BENCH_QUIET_LOADS times (9 by default).
 * Prints each build's medians and their ratios to the first build's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { serveStatic } from '../e2e/support/server';
import { DEFAULT_SETTINGS } from '../../lib/settings/model';
import { launch, OUR_SELECTOR, traceLoad, writeQuietPage, type Browser, type TraceSample } from './reference-view';

const ROOT = resolve(import.meta.dirname, '../..');
const LOADS = Number(process.env.BENCH_QUIET_LOADS ?? 9);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const node = (script: string, args: string[]) =>
  execFileSync(process.execPath, [script, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

export async function runQuietBench(): Promise<void> {
  const bench = resolve(process.env.SHARED_BENCH ?? join(ROOT, '../shared/bench'));
  if (!existsSync(join(bench, 'make-pages.mjs'))) throw new Error(`The shared bench is not at ${bench}.`);
  const work = mkdtempSync(join(tmpdir(), 'lens-quiet-'));
  const browsers: Browser[] = [];
  try {
    let builds = (process.env.BENCH_QUIET_BUILDS ?? '').split(',').filter(Boolean);
    if (builds.length === 0) {
      execFileSync('npx', ['tsx', join(ROOT, 'tests/bench/production-build.ts'), join(work, 'build')], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      builds = [join(work, 'build/chrome-mv3')];
    }
    const quietPage = writeQuietPage(bench, join(work, 'quiet'), node);
    const server = await serveStatic([dirname(quietPage)]);
    try {
      for (const build of builds) browsers.push(await launch(resolve(build), structuredClone(DEFAULT_SETTINGS)));
      const url = server.url(`/${basename(quietPage)}`);
      // As in reference-view.ts: a page first, so the service worker is running as it is while browsing.
      const warm = async (b: Browser) => {
        const page = await b.context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(500);
        await page.close();
      };
      const samples: TraceSample[][] = builds.map(() => []);
      for (let i = 0; i < LOADS; i++) {
        const order = builds.map((_, k) => k);
        if (i % 2) order.reverse();
        for (const k of order) {
          await warm(browsers[k]!);
          const s = await traceLoad(browsers[k]!.context, url, OUR_SELECTOR);
          samples[k]!.push(s);
          if (process.env.BENCH_VERBOSE) process.stderr.write(`${k} ${i + 1}/${LOADS}: ${JSON.stringify(s)}\n`);
        }
      }
      const first = {
        own: median(samples[0]!.map((s) => s.ownMs)),
        cpu: median(samples[0]!.map((s) => s.ownCpuMs)),
        micro: median(samples[0]!.map((s) => s.microtaskCpuMs)),
        sampled: median(samples[0]!.map((s) => s.sampledMs)),
      };
      console.log(
        `Page naming nothing, ${LOADS} loads per build, medians (ms); ratio of the medians to the first build's, ` +
          'and the median of the ratios of loads made one after the other (pairs).',
      );
      console.log(
        '| build | ours (trace) | ratio | pairs | thread time | ratio | pairs | microtasks (thread time) | ratio | pairs | sampled | ratio | pairs | early.js | page main thread | marks |',
      );
      console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
      builds.forEach((build, k) => {
        const m = (f: (s: TraceSample) => number) => median(samples[k]!.map(f));
        const own = m((s) => s.ownMs);
        const cpu = m((s) => s.ownCpuMs);
        const micro = m((s) => s.microtaskCpuMs);
        const sampled = m((s) => s.sampledMs);
        const pairs = (f: (s: TraceSample) => number) =>
          median(samples[k]!.map((s, i) => f(s) / f(samples[0]![i]!))).toFixed(2);
        console.log(
          `| ${build} | ${own.toFixed(1)} | ${(own / first.own).toFixed(2)} | ${pairs((s) => s.ownMs)} | ` +
            `${cpu.toFixed(1)} | ${(cpu / first.cpu).toFixed(2)} | ${pairs((s) => s.ownCpuMs)} | ` +
            `${micro.toFixed(1)} | ${(micro / first.micro).toFixed(2)} | ${pairs((s) => s.microtaskCpuMs)} | ` +
            `${sampled.toFixed(1)} | ${(sampled / first.sampled).toFixed(2)} | ${pairs((s) => s.sampledMs)} | ` +
            `${m((s) => s.earlyMs).toFixed(1)} | ${m((s) => s.pageMs).toFixed(0)} | ${m((s) => s.marks)} |`,
        );
      });
    } finally {
      // The browsers first: the server waits for their connections to close.
      for (const b of browsers.splice(0)) await b.close();
      await server.close();
    }
  } finally {
    for (const b of browsers) await b.close();
    rmSync(work, { recursive: true, force: true });
  }
}
