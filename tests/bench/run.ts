/**
 * `npm run bench`: the Node engine benchmarks, then the in-browser benchmark
 * (tests/bench/browser.ts, written alongside the content script) when present.
 * Prints figures; benchmarks are not tests and never fail the build on speed.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runEngineBench } from './engine';

async function main(): Promise<void> {
  runEngineBench();
  const browserBench = fileURLToPath(new URL('./browser.ts', import.meta.url));
  if (!existsSync(browserBench)) {
    console.log('\nBrowser benchmark skipped: tests/bench/browser.ts does not exist.');
    return;
  }
  console.log('');
  const mod = (await import('./browser')) as { runBrowserBench?: () => Promise<void> };
  if (typeof mod.runBrowserBench !== 'function') {
    throw new Error('tests/bench/browser.ts must export runBrowserBench()');
  }
  await mod.runBrowserBench();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
