/**
 * Whether this build carries the end-to-end suites' hooks. A test build
 * (`npm run build:test`, what the end-to-end suites and `npm start` run) sets
 * LENS_TEST_HOOKS=1, which wxt.config.ts turns into this compile-time
 * constant; a production build (`npm run build`) has none of what follows,
 * and lib/cli/check-bundle.ts fails one that does.
 *
 * Even a test build writes nothing on the page for the suites: the content
 * script keeps what they read in a global of its own world (`__lensTest`),
 * Chromium's isolated world or Firefox's sandbox, which the page's scripts
 * cannot see. The Chromium suites read it through DevTools
 * (tests/e2e/support/lens-state.ts); unit tests call readTestState().
 */
declare const __LENS_TEST_HOOKS__: boolean | undefined;

export const TEST_HOOKS: boolean = typeof __LENS_TEST_HOOKS__ !== 'undefined' && __LENS_TEST_HOOKS__ === true;

/** The global of the content script's world that holds the test state. */
export const TEST_STATE_KEY = '__lensTest';

/** What a test build tells the suites about one document. */
export interface TestState {
  /** The content script runs in this document. */
  ready?: true;
  /**
   * The counters of the scout or, once it runs, of the annotator: a copy taken
   * when a pass or batch ends (lib/dom/scout.ts, lib/dom/annotator.ts).
   */
  stats?: object;
  /** Saved highlights of this page that could not be anchored, once restoring has settled. */
  highlightOrphans?: number;
}

/**
 * Test builds only: merges `change` into this world's test state; a key set to
 * undefined is removed, and so is the state once it holds nothing.
 */
export function setTestState(change: Partial<TestState>): void {
  if (!TEST_HOOKS) return;
  const scope = globalThis as Record<string, unknown>;
  const next: Record<string, unknown> = { ...(scope[TEST_STATE_KEY] as TestState | undefined), ...change };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  if (Object.keys(next).length > 0) scope[TEST_STATE_KEY] = next;
  else delete scope[TEST_STATE_KEY];
}

/** Test builds only: forgets this world's test state (the content script is going away). */
export function clearTestState(): void {
  if (TEST_HOOKS) delete (globalThis as Record<string, unknown>)[TEST_STATE_KEY];
}

/** This world's test state, as the suites see it; undefined when there is none. */
export function readTestState(): TestState | undefined {
  return (globalThis as Record<string, unknown>)[TEST_STATE_KEY] as TestState | undefined;
}
