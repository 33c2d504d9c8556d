/**
 * Leak benchmark (issue #8, "No leak"): on the infinite-scroll fixture, 1,000
 * articles are appended and removed again, and the page's heap and DOM node
 * count are read after forced garbage collection at 0, 500 and 1,000 cycles,
 * with the extension and without it (baseline), in the same run.
 *
 * Two kinds of cycles, 500 each per checkpoint half:
 * - marked cycles: 50 articles are appended at once, the run waits until the
 *   extension has marked them (a mark appears in the batch), then removes them
 *   and waits until the extension has handled the removal (its batch counter
 *   moves). This is the path that creates and forgets marks;
 * - quick cycles: `window.feed.cycle()` appends and removes an article in the
 *   same task, 50 per step, waiting for the extension's batch each step.
 *
 * The content script's isolated world shares the page's V8 heap, so the page's
 * JSHeapUsedSize includes it; the DOM node count shows detached nodes that
 * something still holds. Prints the figures; never fails on them (a
 * benchmark, not a test).
 *
 * Run: `npm run build:test`, then `npx tsx tests/bench/leak.ts` (or from
 * tests/bench/run.ts through runLeakBench()).
 */
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension } from '../e2e/support/chromium';
import { serveStatic } from '../e2e/support/server';
import { statsOf, waitForLensState, waitForPass } from '../e2e/support/lens-state';

/** Articles per step; each article is one append/remove cycle. */
const STEP = 50;
const WARM_UP_CYCLES = 100;
/** Cycle counts at which to measure; LEAK_CHECKPOINTS="0,1000,2000,3000" runs longer to see a slope. */
const CHECKPOINTS = (process.env.LEAK_CHECKPOINTS ?? '0,500,1000').split(',').map(Number);

interface Sample {
  cycles: number;
  heapUsed: number;
  nodes: number;
  listeners: number;
  marks: number;
}

type Feed = {
  feed: { count: number; cycle(): void; appendBatch(n: number): number; removeBatch(): number };
};

/** Waits until the extension has flushed at least one more mutation batch than `batches`. */
async function waitForBatch(page: Page, batches: number): Promise<void> {
  await waitForLensState(page, (s) => (s?.stats?.batches ?? -1) > batches);
}

/** Runs `cycles` append/remove cycles: half marked, half quick (see the header). */
async function runCycles(page: Page, cycles: number, withExtension: boolean): Promise<void> {
  for (let done = 0; done < cycles; done += STEP) {
    const marked = (done / STEP) % 2 === 0;
    const before = withExtension ? (await statsOf(page))!.batches : 0;
    if (marked) {
      await page.evaluate((n) => (window as unknown as Feed).feed.appendBatch(n), STEP);
      if (withExtension) {
        // The stories name entities whose earlier marks left with the previous batch: wait for new marks.
        await page.waitForFunction(
          (n) =>
            Array.from(document.querySelectorAll('#feed article'))
              .slice(-n)
              .some((a) => a.querySelector('lens-mention')),
          STEP,
          { timeout: 15_000 },
        );
      }
      const afterMark = withExtension ? (await statsOf(page))!.batches : 0;
      await page.evaluate(() => (window as unknown as Feed).feed.removeBatch());
      if (withExtension) await waitForBatch(page, Math.max(before, afterMark));
    } else {
      await page.evaluate((n) => {
        for (let i = 0; i < n; i++) (window as unknown as Feed).feed.cycle();
      }, STEP);
      if (withExtension) await waitForBatch(page, before);
    }
  }
}

async function sample(cdp: CDPSession, page: Page, cycles: number): Promise<Sample> {
  // Twice: the first collection can leave objects that only die in the next.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const marks = await page.evaluate(() => document.querySelectorAll('lens-mention').length);
  return {
    cycles,
    heapUsed: metric('JSHeapUsedSize'),
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    marks,
  };
}

async function measure(withExtension: boolean, url: string): Promise<Sample[]> {
  const browser = await launchExtension({ withExtension });
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as Feed).feed.count >= 1);
    if (withExtension) await waitForPass(page);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');
    await runCycles(page, WARM_UP_CYCLES, withExtension);
    const samples: Sample[] = [];
    let done = 0;
    for (const checkpoint of CHECKPOINTS) {
      await runCycles(page, checkpoint - done, withExtension);
      done = checkpoint;
      samples.push(await sample(cdp, page, checkpoint));
    }
    return samples;
  } finally {
    await browser.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const signedKb = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${kb(Math.abs(bytes))}`;

export async function runLeakBench(): Promise<void> {
  const server = await serveStatic();
  try {
    const url = server.url('/hostile/infinite-scroll.html?max=0');
    const total = CHECKPOINTS[CHECKPOINTS.length - 1]!;
    console.log(
      `Leak benchmark: infinite-scroll fixture, ${total.toLocaleString('en')} append/remove cycles (after ${WARM_UP_CYCLES} warm-up)`,
    );
    const runs: [string, Sample[]][] = [
      ['without extension', await measure(false, url)],
      ['with extension', await measure(true, url)],
    ];
    for (const [label, samples] of runs) {
      console.log(`\n  ${label}`);
      console.log('    cycles   JS heap used   DOM nodes   listeners   marks on page');
      for (const s of samples) {
        console.log(
          `    ${String(s.cycles).padStart(6)}   ${kb(s.heapUsed).padStart(12)}   ${String(s.nodes).padStart(9)}   ${String(
            s.listeners,
          ).padStart(9)}   ${String(s.marks).padStart(13)}`,
        );
      }
      const first = samples[0]!;
      const last = samples[samples.length - 1]!;
      console.log(
        `    delta ${first.cycles} → ${last.cycles}: heap ${signedKb(last.heapUsed - first.heapUsed)}, nodes ${last.nodes - first.nodes >= 0 ? '+' : ''}${
          last.nodes - first.nodes
        }, listeners ${last.listeners - first.listeners >= 0 ? '+' : ''}${last.listeners - first.listeners}`,
      );
    }
    const base = runs[0]![1];
    const ext = runs[1]![1];
    const growth = (s: Sample[]) => s[s.length - 1]!.heapUsed - s[0]!.heapUsed;
    console.log(
      `\n  retained by the extension over ${total.toLocaleString('en')} cycles (heap growth with − without): ${signedKb(
        growth(ext) - growth(base),
      )}`,
    );
  } finally {
    await server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runLeakBench().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
