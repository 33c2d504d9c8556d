/**
 * `tsx lib/cli/check-bundle.ts`: fails when the built content script
 * (.output/chrome-mv3/content-scripts/content.js, minified by the build) is
 * over its gzipped budget. Run after `npm run build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Issue #4: matcher, alias table and card UI together stay under 40 KiB gzipped. */
export const CONTENT_BUDGET_BYTES = 40 * 1024;
const REPO_ROOT = resolve(import.meta.dirname, '../..');
const BUNDLE = resolve(REPO_ROOT, '.output/chrome-mv3/content-scripts/content.js');

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function main(): number {
  if (!existsSync(BUNDLE)) {
    console.error(`Error: ${BUNDLE} not found. Run "npm run build" first.`);
    return 1;
  }
  const raw = readFileSync(BUNDLE);
  const gzip = gzipSync(raw, { level: 9 }).length;
  const line = `content script: ${kib(raw.length)} minified, ${kib(gzip)} gzipped (budget ${kib(CONTENT_BUDGET_BYTES)})`;
  if (gzip > CONTENT_BUDGET_BYTES) {
    console.error(`Error: ${line}: over budget by ${kib(gzip - CONTENT_BUDGET_BYTES)}.`);
    return 1;
  }
  console.log(`ok: ${line}`);
  return 0;
}

process.exit(main());
