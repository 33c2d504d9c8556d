/**
 * `npx tsx lib/cli/traditional-pairs.ts`: rewrites the traditional and
 * simplified character pairs in lib/detect/normalize.ts (TRADITIONAL,
 * SIMPLIFIED) for the Han characters of the fact base's names as they are
 * now: every traditional character that OpenCC (t, tw and hk to cn, one
 * character at a time over the CJK blocks) turns into one of those characters.
 * Run it after adding Chinese names with new characters, then regenerate the
 * alias table (UPDATE_ALIAS_TABLE=1, tests/lib/detect/bundled-table.test.ts);
 * tests/lib/detect/normalize.test.ts checks the pairs the same way.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as OpenCC from 'opencc-js';
import { aliasTable } from '../detect/bundled-table';

const names = JSON.stringify(aliasTable.entities);
const han = new Set([...names].filter((c) => /\p{Script=Han}/u.test(c)));
const back = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
const pairs = new Map<string, string>();
for (let cp = 0x3400; cp <= 0x9fff; cp++) {
  const t = String.fromCharCode(cp);
  const s = back.map((convert) => convert(t)).find((s) => s !== t && [...s].length === 1 && han.has(s));
  if (s !== undefined) pairs.set(t, s);
}
// A character that is itself the simplified form of another stays as it is: folding never chains.
const simplified = new Set(pairs.values());
for (const t of [...pairs.keys()]) if (simplified.has(t)) pairs.delete(t);

const file = resolve(import.meta.dirname, '../detect/normalize.ts');
const source = readFileSync(file, 'utf8')
  .replace(/(export const TRADITIONAL =\n {2})'[^']*';/, `$1'${[...pairs.keys()].join('')}';`)
  .replace(/(export const SIMPLIFIED =\n {2})'[^']*';/, `$1'${[...pairs.values()].join('')}';`);
writeFileSync(file, source);
console.log(`${pairs.size} pairs written to ${file}`);
