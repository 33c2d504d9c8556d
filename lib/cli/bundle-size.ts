/**
 * The built content script's parts and their sizes, minified and gzipped, for
 * `npm run check:bundle` (lib/cli/check-bundle.ts) and the benchmark's summary.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Issue #4: matcher, alias table and card UI together stay under 40 KiB gzipped. */
export const CONTENT_BUDGET_BYTES = 40 * 1024;
/**
 * The cards-and-highlights script, loaded only when a reader first hovers a
 * mark or saves a highlight: bounded on its own, so the card's weight stays
 * visible without counting against what every page carries.
 */
export const UI_BUDGET_BYTES = 32 * 1024;

/** Paths inside the built extension; `everyPage`: injected into every page (else loaded where needed). */
export const BUNDLE_PARTS = [
  { name: 'content script: the scout (every page)', file: 'content-scripts/content.js', everyPage: true },
  { name: 'early script (every page)', file: 'early.js', everyPage: true },
  { name: 'page lens: marking (pages that name something)', file: 'lens-page.js', everyPage: true },
  { name: 'cards and highlights (on first use)', file: 'lens-ui.js', everyPage: false },
] as const;

export interface PartSize {
  name: string;
  path: string;
  everyPage: boolean;
  code: Buffer;
  raw: number;
  gzip: number;
}

/** Every part's size in `extensionDir`; a part that is not built is an error naming its path. */
export function measureBundle(extensionDir: string): PartSize[] {
  return BUNDLE_PARTS.map(({ name, file, everyPage }) => {
    const path = join(extensionDir, file);
    if (!existsSync(path)) throw new Error(`${path} not found. Run "npm run build" first.`);
    const code = readFileSync(path);
    return { name, path, everyPage, code, raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
  });
}
