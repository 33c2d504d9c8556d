/**
 * `tsx lib/cli/check-bundle.ts`: prints the size of the built content script,
 * minified by the build, in its parts: the content script and the early script
 * that go into every page (.output/chrome-mv3/content-scripts/content.js,
 * early.js) and the cards-and-highlights script it loads on first use
 * (.output/chrome-mv3/lens-ui.js). Fails when the every-page parts together
 * are over their gzipped budget (40 KiB), or the first-use script over its own
 * (32 KiB). Run after `npm run build`.
 *
 * `--breakdown` also prints where the bytes come from, read from the source
 * map of a build made with `LENS_SOURCEMAP=1 npm run build`: the minified code
 * is attributed to source files through the map, grouped (lib/detect, Preact,
 * card UI, …), and each group is gzipped on its own (an estimate: gzip of the
 * parts does not add up exactly to gzip of the whole).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONTENT_BUDGET_BYTES, UI_BUDGET_BYTES, measureBundle } from './bundle-size';
import { STYLE_ATTR } from '../dom/mark-styles';
import { OWN_UI_ATTR } from '../dom/highlights/text-map';

/**
 * Names only the end-to-end suites' hooks use (lib/platform/test-hooks.ts):
 * the global a test build keeps its state in, and the keys of that state no
 * other code would name. None may be in a production build.
 */
const TEST_HOOK_STRINGS = ['__lensTest', 'highlightOrphans', 'lensStats'];

/**
 * The only `data-lens-*` attributes a script in the page may name: those of
 * our own elements (the marks' style element, the hosts of our UI). Any other
 * would sit on an element a site can read, which is what a test hook on the
 * page would look like.
 */
const OWN_ELEMENT_ATTRIBUTES: ReadonlySet<string> = new Set([STYLE_ATTR, OWN_UI_ATTR]);

const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one line of source-map mappings into [generated column, source index] pairs. */
function decodeLine(line: string, state: { source: number }): [number, number][] {
  const out: [number, number][] = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const values: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of segment) {
      const digit = BASE64.indexOf(ch);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += values[0] ?? 0;
    if (values.length >= 4) {
      state.source += values[1]!;
      out.push([column, state.source]);
    } else out.push([column, -1]);
  }
  return out;
}

/** The group a source file belongs to in the breakdown. */
export function groupOf(source: string): string {
  const s = source.replace(/\\/g, '/');
  const rules: [RegExp, string][] = [
    [/alias-table\.generated\.json/, 'alias table (lib/detect)'],
    [/\/lib\/detect\//, 'lib/detect'],
    [/node_modules\/preact\//, 'preact'],
    [/node_modules\/valibot\//, 'valibot'],
    [/node_modules\/@wxt-dev\/storage\//, '@wxt-dev/storage'],
    [/node_modules\/webextension-polyfill\//, 'webextension-polyfill'],
    [/node_modules\/(wxt|@wxt-dev)\//, 'wxt internals'],
    [/\/components\/|\/lib\/card\/|\/lib\/dom\/card-host/, 'card UI'],
    [/\/lib\/dom\/highlights\/|\/lib\/highlights\//, 'highlights'],
    [/\/lib\/dom\/|\/entrypoints\/content\//, 'annotator and page glue'],
    [/node_modules\//, 'other packages'],
  ];
  for (const [pattern, name] of rules) if (pattern.test(s)) return name;
  return 'other own code';
}

/** Code the map does not cover: the alias table (a JSON module) and the CSS text minified at build time. */
const UNMAPPED = 'no map (alias table JSON, CSS)';

function breakdown(bundle: string, code: string): void {
  const mapPath = `${bundle}.map`;
  if (!existsSync(mapPath)) {
    console.log('No source map: build with LENS_SOURCEMAP=1 npm run build for a breakdown.');
    return;
  }
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[]; mappings: string };
  const lines = code.split('\n');
  const parts = new Map<string, string[]>();
  const state = { source: 0 };
  map.mappings.split(';').forEach((mapping, i) => {
    const line = lines[i] ?? '';
    const segments = decodeLine(mapping, state);
    let from = 0;
    let group = UNMAPPED;
    for (const [column, source] of segments) {
      (parts.get(group) ?? parts.set(group, []).get(group)!).push(line.slice(from, column));
      from = column;
      group = source >= 0 ? groupOf(map.sources[source] ?? '') : UNMAPPED;
    }
    (parts.get(group) ?? parts.set(group, []).get(group)!).push(line.slice(from) + '\n');
  });
  const rows = [...parts]
    .map(([group, chunks]) => {
      const text = chunks.join('');
      return { group, raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  for (const r of rows)
    console.log(`  ${r.group.padEnd(28)} ${kib(r.raw).padStart(10)} min ${kib(r.gzip).padStart(10)} gz`);
}

function main(): number {
  let parts;
  try {
    parts = measureBundle(EXTENSION_DIR);
  } catch (error) {
    console.error(`Error: ${(error as Error).message}`);
    return 1;
  }
  let everyPage = 0;
  let firstUse = 0;
  for (const part of parts) {
    if (part.everyPage) everyPage += part.gzip;
    else firstUse += part.gzip;
    console.log(`${part.name}: ${kib(part.raw)} minified, ${kib(part.gzip)} gzipped`);
    if (process.argv.includes('--breakdown')) breakdown(part.path, part.code.toString('utf8'));
  }
  let failed = false;
  // A production build carries no test hook, in any script that runs in a page.
  for (const part of parts) {
    const code = part.code.toString('utf8');
    const attributes = new Set(code.match(/data-lens-[a-z-]+/g) ?? []);
    const hooks = [
      ...TEST_HOOK_STRINGS.filter((hook) => code.includes(hook)),
      ...[...attributes].filter((name) => !OWN_ELEMENT_ATTRIBUTES.has(name)),
    ];
    for (const hook of hooks) {
      console.error(`Error: ${part.name} holds the test hook "${hook}": build with "npm run build", not build:test.`);
      failed = true;
    }
  }
  for (const [what, size, budget] of [
    ['content script in every page', everyPage, CONTENT_BUDGET_BYTES],
    ['cards and highlights on first use', firstUse, UI_BUDGET_BYTES],
  ] as const) {
    const line = `${what}: ${kib(size)} gzipped (budget ${kib(budget)})`;
    if (size > budget) {
      console.error(`Error: ${line}: over budget by ${kib(size - budget)}.`);
      failed = true;
    } else console.log(`ok: ${line}`);
  }
  return failed ? 1 : 0;
}

process.exit(main());
