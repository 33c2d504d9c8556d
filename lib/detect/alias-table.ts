/**
 * The compact, JSON-serialisable alias table the detector is built from: only
 * what matching needs (aliases, ids, rules, topics, types, related ids), none
 * of the facts. Built from the fact base; the content script ships a generated
 * copy (see bundled-table.ts). Pure module.
 */
import { russianForms } from './russian-forms';
import { ALIAS_RULES, TOPIC_IDS, type AliasRule, type Entity } from '../factbase/schema';
import { shapeString } from './normalize';
import type { AliasTable, RuleCode } from './table-format';

export { RULE_ORDER, ruleOf, tableAliases, topicsOfIndex, type AliasTable, type RuleCode } from './table-format';

export function ruleCode(rule: AliasRule | undefined): RuleCode {
  return rule === undefined ? 0 : ((ALIAS_RULES.indexOf(rule) + 1) as RuleCode);
}

/** Builds the table. Deterministic: the same entities give the same JSON. */
export function buildAliasTable(entities: readonly Entity[]): AliasTable {
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(sorted.map((e, i) => [e.id, i]));
  const table: AliasTable = {
    version: 1,
    topics: [...TOPIC_IDS],
    ids: [],
    types: [],
    topicBits: [],
    related: [],
    aliases: [],
    rules: [],
  };
  sorted.forEach((e, i) => {
    table.ids.push(e.id);
    table.types.push(e.type);
    table.topicBits.push(e.topics.reduce((bits, t) => bits | (1 << TOPIC_IDS.indexOf(t)), 0));
    table.related.push(e.related.map((r) => index.get(r)).filter((r): r is number => r !== undefined));
    const rules = new Map(e.disambiguation.map((d) => [d.alias, ruleCode(d.rule)]));
    // Case forms the detector generates from another alias with the same rule need not ship.
    const generated = new Set<string>();
    for (const alias of e.aliases) {
      for (const form of russianForms(alias)) generated.add(`${form}\u0000${rules.get(alias) ?? 0}`);
    }
    // Aliases that differ only in dashes, quotes or spacing match the same text: keep the first.
    const shapes = new Set<string>();
    const kept = e.aliases.filter((a) => {
      const code = rules.get(a) ?? 0;
      if (generated.has(`${a}\u0000${code}`)) return false;
      const key = `${shapeString(a)}\u0000${code}`;
      if (shapes.has(key)) return false;
      shapes.add(key);
      return true;
    });
    table.aliases.push(kept);
    kept.forEach((alias, k) => {
      const code = rules.get(alias);
      if (code) table.rules.push([i, k, code]);
    });
  });
  return table;
}
