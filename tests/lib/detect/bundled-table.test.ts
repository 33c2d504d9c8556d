/**
 * The content script ships a generated copy of the alias table
 * (lib/detect/alias-table.generated.json). This test rebuilds it from the
 * bundled fact base and fails when the copy is stale. To regenerate:
 *   UPDATE_ALIAS_TABLE=1 npx vitest run tests/lib/detect/bundled-table.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { describe, expect, test } from 'vitest';
import { bundledFactbase } from '../../../lib/factbase/bundled';
import { RULE_ORDER, buildAliasTable, readTable, tableAliases } from '../../../lib/detect/alias-table';
import { ALIAS_RULES } from '../../../lib/factbase/schema';
import { aliasTable } from '../../../lib/detect/bundled-table';

const factbase = bundledFactbase();

const file = fileURLToPath(new URL('../../../lib/detect/alias-table.generated.json', import.meta.url));

async function canonical(): Promise<string> {
  return format(JSON.stringify(buildAliasTable(factbase.entities)), { parser: 'json', printWidth: 120 });
}

describe('generated alias table', () => {
  test('is up to date with the fact base (byte for byte, in canonical form)', async () => {
    const expected = await canonical();
    if (process.env.UPDATE_ALIAS_TABLE) writeFileSync(file, expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  test('building is deterministic: the order of the input entities does not matter', () => {
    const reversed = [...factbase.entities].reverse();
    expect(buildAliasTable(reversed)).toEqual(buildAliasTable(factbase.entities));
  });

  test('keeps every entity and carries every disambiguation rule', () => {
    const { ids } = readTable(aliasTable);
    expect(ids).toEqual(factbase.entities.map((e) => e.id).sort());
    const rules = new Map([...tableAliases(aliasTable)].map(([a, e, r]) => [`${ids[e]}\u0000${a}`, r]));
    for (const e of factbase.entities) {
      for (const d of e.disambiguation) {
        const code = rules.get(`${e.id}\u0000${d.alias}`);
        // An alias dropped as a generated Russian case form keeps its rule through the form it is made from.
        if (code !== undefined) expect(code, `${e.id}: ${d.alias}`).toBeGreaterThan(0);
      }
    }
  });

  test('rule codes follow the schema’s rule order', () => {
    expect(RULE_ORDER).toEqual(ALIAS_RULES);
  });

  test('holds no facts: it stays small, as the background reads it when it wakes for a page', () => {
    const json = JSON.stringify(aliasTable);
    expect(json).not.toContain('"facts"');
    // About 4,100 names of 480 entities in three scripts; a budget, not a target.
    expect(json.length).toBeLessThan(72_000);
  });
});
