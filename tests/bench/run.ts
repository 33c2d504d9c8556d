/**
 * `npm run bench [-- engine browser highlights leak reference highlight-api]`:
 * prints the speed and memory figures of issues #4, #7, #8 and #17 (`reference`:
 * the extension against the shared bench's plain annotator; `highlight-api`:
 * marks painted with the CSS Custom Highlight API against wrapping). With no names it
 * runs them all, in that order (`quiet`, only the `reference` row of the page that names nothing,
 * for comparing builds, runs only when named: tests/bench/quiet.ts). Benchmarks are not tests: they print figures beside their goals
 * and never fail on speed. The browser and leak benchmarks use the built
 * extension, a test build (they read its counters, lib/platform/test-hooks.ts);
 * one is made first when `.output/chrome-mv3` is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runEngineBench } from './engine';
import { runHighlightsBench } from './highlights';

const ALL = ['engine', 'browser', 'highlights', 'leak', 'reference', 'highlight-api'] as const;
/** Run only when named: a part of `reference`, for comparing builds. */
const EXTRA = ['quiet'] as const;
type BenchName = (typeof ALL)[number] | (typeof EXTRA)[number];

function ensureBuilt(): void {
  const manifest = resolve(import.meta.dirname, '../../.output/chrome-mv3/manifest.json');
  if (!existsSync(manifest)) {
    execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, LENS_TEST_HOOKS: '1' } });
  }
}

async function run(name: BenchName): Promise<void> {
  console.log(`\n=== ${name} ===`);
  switch (name) {
    case 'engine':
      runEngineBench();
      return;
    case 'browser': {
      ensureBuilt();
      const { runBrowserBench } = await import('./browser');
      await runBrowserBench();
      return;
    }
    case 'highlights':
      runHighlightsBench();
      return;
    case 'leak': {
      ensureBuilt();
      const { runLeakBench } = await import('./leak');
      await runLeakBench();
      return;
    }
    case 'reference': {
      const { runReferenceBench } = await import('./reference');
      await runReferenceBench();
      return;
    }
    case 'quiet': {
      const { runQuietBench } = await import('./quiet');
      await runQuietBench();
      return;
    }
    case 'highlight-api': {
      const { runHighlightApiBench } = await import('./highlight-api');
      await runHighlightApiBench();
      return;
    }
  }
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const known: readonly string[] = [...ALL, ...EXTRA];
  const unknown = asked.filter((a) => !known.includes(a));
  if (unknown.length > 0)
    throw new Error(`Unknown benchmark(s): ${unknown.join(', ')}. Choose from: ${known.join(', ')}.`);
  for (const name of asked.length > 0 ? (asked as BenchName[]) : ALL) await run(name);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
