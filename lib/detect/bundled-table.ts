/**
 * The alias table the detector is built from (in the background, for every
 * tab): a generated JSON copy of what `buildAliasTable` makes from the bundled
 * fact base, holding aliases, ids and rules but none of the facts. A test rebuilds it from the
 * fact base and fails when this copy is stale; regenerate with
 * `UPDATE_ALIAS_TABLE=1 npx vitest run tests/lib/detect/bundled-table.test.ts`.
 */
import generated from './alias-table.generated.json';
import type { AliasTable } from './table-format';

export const aliasTable: AliasTable = generated as unknown as AliasTable;
