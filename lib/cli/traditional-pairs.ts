/**
 * `npx tsx lib/cli/traditional-pairs.ts`: rewrites the traditional and
 * simplified character pairs in lib/detect/normalize.ts (TRADITIONAL,
 * SIMPLIFIED) for the Han characters of the fact base's names and of the
 * detection rules as they are now. Run it after adding Chinese names with new characters, then regenerate
 * the alias table (UPDATE_ALIAS_TABLE=1, tests/lib/detect/bundled-table.test.ts);
 * tests/lib/detect/normalize.test.ts checks that the pairs are up to date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';
import { aliasTable } from '../detect/bundled-table';
import rules from '../../assets/detection/rules.json';

/**
 * Every traditional character that OpenCC (t, tw and hk to cn, one character
 * at a time over the CJK blocks) turns into one of `han`, with that character.
 * A character that is itself the simplified form of another stays as it is:
 * folding never chains.
 */
export function traditionalPairs(han: ReadonlySet<string>): Map<string, string> {
  const back = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
  const pairs = new Map<string, string>();
  for (let cp = 0x3400; cp <= 0x9fff; cp++) {
    const t = String.fromCharCode(cp);
    const s = back.map((convert) => convert(t)).find((s) => s !== t && [...s].length === 1 && han.has(s));
    if (s !== undefined) pairs.set(t, s);
  }
  const simplified = new Set(pairs.values());
  for (const t of [...pairs.keys()]) if (simplified.has(t)) pairs.delete(t);
  return pairs;
}

/** The Han characters of the alias table's names and of the detection rules (phrases, support words). */
export function namesHan(): Set<string> {
  const text = JSON.stringify(aliasTable.entities) + JSON.stringify(rules);
  return new Set([...text].filter((c) => /\p{Script=Han}/u.test(c)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const pairs = traditionalPairs(namesHan());
  const file = resolve(import.meta.dirname, '../detect/normalize.ts');
  const source = readFileSync(file, 'utf8')
    .replace(/(export const TRADITIONAL =\n {2})'[^']*';/, `$1'${[...pairs.keys()].join('')}';`)
    .replace(/(export const SIMPLIFIED =\n {2})'[^']*';/, `$1'${[...pairs.values()].join('')}';`);
  writeFileSync(file, source);
  console.log(`${pairs.size} pairs written to ${file}`);
}
