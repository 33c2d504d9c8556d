/**
 * Whether this build carries the end-to-end suite's hooks on the page: the
 * `data-lens-ready` mark and the `data-lens-stats` counters on `<html>`. A
 * production build (`npm run build`) has none, so no site can detect the
 * extension or read what it found there; `npm run build:test` (what the
 * end-to-end suites and `npm start` run) sets LENS_TEST_HOOKS=1, which
 * wxt.config.ts turns into this compile-time constant.
 */
declare const __LENS_TEST_HOOKS__: boolean | undefined;

export const TEST_HOOKS: boolean = typeof __LENS_TEST_HOOKS__ !== 'undefined' && __LENS_TEST_HOOKS__ === true;
