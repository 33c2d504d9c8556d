/**
 * The format of the alias table and the helpers that read it. Kept apart from
 * alias-table.ts (which builds it from the fact base) so that the content
 * script, which only reads a table, never pulls in the fact-base schema and
 * its validation library. Pure module; type-only imports from the schema.
 */
import type { AliasRule, TopicId } from '../factbase/schema';

/** The schema's alias rules in code order (a test checks it matches ALIAS_RULES). */
export const RULE_ORDER: readonly AliasRule[] = ['context', 'proper-noun', 'after-full-name'];

/** Alias rule codes: 0 = unambiguous, then the index in RULE_ORDER plus one. */
export type RuleCode = 0 | 1 | 2 | 3;

export interface AliasTable {
  /** Format version; bump when the shape changes. */
  version: 1;
  /** Topic ids in bit order of `topicBits`. */
  topics: TopicId[];
  /** Entity ids, sorted. */
  ids: string[];
  /** Entity types, parallel to `ids`. */
  types: string[];
  /** Topic bitmask per entity, parallel to `ids`. */
  topicBits: number[];
  /** Indices of related entities, parallel to `ids`. */
  related: number[][];
  /**
   * Aliases per entity (parallel to `ids`), in the fact base's order, without
   * the Russian case forms that the detector generates itself.
   */
  aliases: string[][];
  /** Ambiguous aliases: [entity index, index in that entity's aliases, rule code]. */
  rules: [number, number, RuleCode][];
}

export function ruleOf(code: number): AliasRule | undefined {
  return code === 0 ? undefined : RULE_ORDER[code - 1];
}

/** Every alias of the table with its entity index and rule code. */
export function* tableAliases(table: AliasTable): Generator<[string, number, RuleCode]> {
  const rules = new Map(table.rules.map(([e, k, code]) => [`${e}:${k}`, code]));
  for (let e = 0; e < table.aliases.length; e++) {
    const list = table.aliases[e]!;
    for (let k = 0; k < list.length; k++) yield [list[k]!, e, rules.get(`${e}:${k}`) ?? 0];
  }
}

/** The topics of entity `i` of the table. */
export function topicsOfIndex(table: AliasTable, i: number): TopicId[] {
  const bits = table.topicBits[i] ?? 0;
  return table.topics.filter((_, b) => (bits & (1 << b)) !== 0);
}
