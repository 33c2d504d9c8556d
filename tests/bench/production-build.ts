/**
 * `npx tsx tests/bench/production-build.ts DIR`: the production build
 * (`npm run build`, no test hooks) into DIR/chrome-mv3 instead of
 * `.output/chrome-mv3`, so a benchmark measures a copy of its own and leaves
 * the build others may be testing alone. Used by tests/bench/reference.ts.
 */
import { resolve } from 'node:path';
import { build } from 'wxt';

const out = process.argv[2];
if (!out) throw new Error('usage: tsx tests/bench/production-build.ts OUT_DIR');
delete process.env.LENS_TEST_HOOKS;
delete process.env.LENS_SOURCEMAP;
await build({ outDir: resolve(out) });
