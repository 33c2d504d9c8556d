/**
 * The format of the alias table and the helpers that read it. Kept apart from
 * alias-table.ts (which builds it from the fact base) so that code which only
 * reads a table never pulls in the fact-base schema and its validation
 * library. Pure module; type-only imports from the schema.
 *
 * The table is read each time the background wakes, so it is encoded compactly: one
 * string per entity instead of parallel arrays of strings and numbers, ids
 * left out where the first alias spells them, and nothing the matcher does not
 * read.
 */
import type { AliasRule, TopicId } from '../factbase/schema';

/** The schema's alias rules in code order (a test checks it matches ALIAS_RULES). */
export const RULE_ORDER: readonly AliasRule[] = ['context', 'proper-noun', 'after-full-name'];

/** Alias rule codes: 0 = unambiguous, then the index in RULE_ORDER plus one. */
export type RuleCode = 0 | 1 | 2 | 3;

/** Separates the fields of an entity's line. */
export const FIELD_SEPARATOR = '|';
/** Ends an ambiguous alias, followed by its rule code. */
export const RULE_MARK = '^';
/** Starts an id field that names an alias by index ("=2": the id is the slug of the third alias). */
export const ID_FROM_ALIAS = '=';

export interface AliasTable {
  /** Format version; bump when the shape changes. */
  version: 6;
  /** Topic ids in bit order of the topic bits. */
  topics: TopicId[];
  /**
   * One line per entity, sorted by id. Fields, separated by FIELD_SEPARATOR:
   * the id (empty when it is the slug of the first alias, `=k` when it is the
   * slug of alias k); the flags in base 36 (topic bits shifted left by four,
   * bit 3 set for a place (a country, region, city or the like), bit 2 when
   * the entity's name is a descriptive phrase, bit 1 for a
   * context-tier entity, bit 0 when the entity can be a national sports team); the indices
   * of related entities in base 36, comma-separated (only where the context
   * rules read them); then the aliases in the fact base's order, without the
   * Russian case forms the detector generates. An ambiguous alias ends with
   * RULE_MARK and its rule code.
   */
  entities: string[];
}

/** The table decoded into parallel arrays, as the detector reads it. */
export interface TableData {
  ids: string[];
  /** Topic bitmask per entity. */
  topicBits: number[];
  /** Whether the entity's name can stand for a national sports team (countries, territories). */
  team: boolean[];
  /** Whether the entity is of the context tier (a third party, marked only on pages about Russia or China). */
  context: boolean[];
  /** Whether the entity's name is a descriptive phrase, whose inner names are mentions too ("invasion of Ukraine"). */
  phrase: boolean[];
  /** Whether the entity is a place (country, region, city, territory…): other things are named after places. */
  place: boolean[];
  /** Related entity indices per entity (empty where the rules do not need them). */
  related: number[][];
  aliases: string[][];
  /** Rule code per alias, parallel to `aliases`. */
  rules: RuleCode[][];
  /** Every alias with its entity index and rule code, in table order (shared: do not modify). */
  entries: [alias: string, entity: number, rule: RuleCode][];
}

/**
 * The id an alias spells: lower case, apostrophes dropped, other runs of
 * symbols as "-". (The encoder only omits ids that this gives back exactly.)
 */
export function slugOf(alias: string): string {
  const lower = alias.toLowerCase();
  let out = '';
  let dash = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x27 || c === 0x2019) continue; // apostrophes vanish: "People's" → "peoples"
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (dash && out !== '') out += '-';
      dash = false;
      out += lower[i];
    } else dash = true;
  }
  return out;
}

const decoded = new WeakMap<AliasTable, TableData>();

/** Decodes the table (once per table object: the result is cached). */
export function readTable(table: AliasTable): TableData {
  let data = decoded.get(table);
  if (data) return data;
  data = {
    ids: [],
    topicBits: [],
    team: [],
    context: [],
    phrase: [],
    place: [],
    related: [],
    aliases: [],
    rules: [],
    entries: [],
  };
  for (const line of table.entities) {
    const [id = '', flagField = '', relatedField = '', ...list] = line.split(FIELD_SEPARATOR);
    const aliases: string[] = [];
    const rules: RuleCode[] = [];
    for (const entry of list) {
      const mark = entry.lastIndexOf(RULE_MARK);
      const alias = mark < 0 ? entry : entry.slice(0, mark);
      const rule = mark < 0 ? 0 : (Number(entry.slice(mark + 1)) as RuleCode);
      aliases.push(alias);
      rules.push(rule);
      data.entries.push([alias, data.ids.length, rule]);
    }
    const flags = parseInt(flagField, 36) || 0;
    data.ids.push(
      id === ''
        ? slugOf(aliases[0] ?? '')
        : id.startsWith(ID_FROM_ALIAS)
          ? slugOf(aliases[Number(id.slice(1))] ?? '')
          : id,
    );
    data.topicBits.push(flags >>> 4);
    data.place.push((flags & 8) === 8);
    data.phrase.push((flags & 4) === 4);
    data.context.push((flags & 2) === 2);
    data.team.push((flags & 1) === 1);
    data.related.push(relatedField === '' ? [] : relatedField.split(',').map((r) => parseInt(r, 36)));
    data.aliases.push(aliases);
    data.rules.push(rules);
  }
  decoded.set(table, data);
  return data;
}

export function ruleOf(code: number): AliasRule | undefined {
  return code === 0 ? undefined : RULE_ORDER[code - 1];
}

/** Every alias of the table with its entity index and rule code. */
export function* tableAliases(table: AliasTable): Generator<[string, number, RuleCode]> {
  for (const [alias, entity, rule] of readTable(table).entries) yield [alias, entity, rule];
}

/** The topics of entity `i` of the table. */
export function topicsOfIndex(table: AliasTable, i: number): TopicId[] {
  const bits = readTable(table).topicBits[i] ?? 0;
  return table.topics.filter((_, b) => (bits & (1 << b)) !== 0);
}
