/**
 * The compact, JSON-serialisable alias table the detector is built from: only
 * what matching needs (aliases, ids, rules, topics, the team flag, related ids
 * where the rules read them), none
 * of the facts. Built from the fact base; the extension ships a generated
 * copy (see bundled-table.ts). Pure module.
 */
import { russianForms } from './russian-forms';
import { ALIAS_RULES, TOPIC_IDS, type AliasRule, type Entity } from '../factbase/schema';
import { foldString, shapeString } from './normalize';
import { ENTITY_CONTEXT, TEAM_TYPES } from './context-rules';
import { TIER } from './rules';
import { FIELD_SEPARATOR, ID_FROM_ALIAS, RULE_MARK, slugOf, type AliasTable, type RuleCode } from './table-format';

export {
  RULE_ORDER,
  readTable,
  ruleOf,
  tableAliases,
  topicsOfIndex,
  type AliasTable,
  type RuleCode,
  type TableData,
} from './table-format';

export function ruleCode(rule: AliasRule | undefined): RuleCode {
  return rule === undefined ? 0 : ((ALIAS_RULES.indexOf(rule) + 1) as RuleCode);
}

/** What one entity's line of the table holds (see AliasTable.entities). */
export interface EntityLine {
  id: string;
  topicBits: number;
  team: boolean;
  context: boolean;
  /** The entity's name is a descriptive phrase (see `isPhraseName`). */
  phrase?: boolean;
  /** The entity is a place (PLACE_TYPES). */
  place?: boolean;
  related: readonly number[];
  aliases: readonly (readonly [alias: string, rule: RuleCode])[];
}

/** Encodes one entity's line; throws on an alias that would break the encoding. */
export function encodeEntity(line: EntityLine): string {
  const first = line.aliases[0]?.[0] ?? '';
  let id = line.id;
  if (slugOf(first) === id) id = '';
  else {
    const k = line.aliases.findIndex(([a]) => slugOf(a) === line.id);
    if (k > 0) id = `${ID_FROM_ALIAS}${k}`;
  }
  const fields = [
    id,
    (
      line.topicBits * 16 +
      ((line.place ? 8 : 0) | (line.phrase ? 4 : 0) | (line.context ? 2 : 0) | (line.team ? 1 : 0))
    ).toString(36),
    line.related.map((r) => r.toString(36)).join(','),
  ];
  for (const [alias, rule] of line.aliases) {
    if (alias.includes(FIELD_SEPARATOR) || alias.includes(RULE_MARK) || alias === '') {
      throw new Error(`alias "${alias}" of ${line.id} cannot be encoded in the alias table`);
    }
    fields.push(rule === 0 ? alias : `${alias}${RULE_MARK}${rule}`);
  }
  return fields.join(FIELD_SEPARATOR);
}

const LATIN = /^[\p{Script=Latin}\p{P}\p{Zs}\d]+$/u;

/** Lower-case words that proper names hold ("Treaty of Beijing"). */
const PARTICLES = new Set([
  'of',
  'the',
  'and',
  'de',
  'la',
  'le',
  'du',
  'von',
  'van',
  'for',
  'on',
  'in',
  'at',
  'to',
  'a',
  'an',
]);

/**
 * Whether an entity's name is a descriptive phrase rather than a proper name:
 * it holds a lower-case word other than a particle ("Russian invasion of
 * Ukraine", "China–Russia relations"; not "Treaty of Beijing" or "Belt and
 * Road Forum"). Names inside such a phrase are mentions of their own. A
 * parenthesised note and possessives are left out ("Sputnik (news agency)").
 */
export function isPhraseName(name: string): boolean {
  const words =
    name
      .replace(/\([^)]*\)/g, ' ')
      .replace(/['’]s\b/g, '')
      .match(/\p{L}[\p{L}\p{M}]*/gu) ?? [];
  return words.length >= 2 && words.some((w) => /^\p{Ll}/u.test(w) && !PARTICLES.has(w));
}

/** Kinds of entity that are places: ships, hotels, songs and newspapers are named after them. */
const PLACE_TYPES: ReadonlySet<string> = new Set(['country', 'state', 'territory', 'region', 'city', 'place']);

/**
 * Kinds of entity whose names are proper names even with a word for their kind
 * in them ("Power of Siberia pipeline", 西伯利亚力量, "S-400 missile system", "US dollar"):
 * the names inside are part of the name, not mentions.
 */
const NAMED_THINGS: ReadonlySet<string> = new Set([
  'infrastructure',
  'weapon',
  'organization',
  'company',
  'media',
  'project',
  'currency',
  'system',
  'treaty',
  'person',
]);

/**
 * Whether an entity is named by a descriptive phrase: its name is one, or an
 * alias of several words is written in lower case from its first letter
 * ("annexation of Crimea" beside the title-cased name "Annexation of Crimea").
 */
export function isPhraseEntity(e: Pick<Entity, 'name' | 'aliases' | 'type'>): boolean {
  if (NAMED_THINGS.has(e.type)) return false;
  // Latin script only: Russian writes proper names in lower case too ("форум «Один пояс, один путь»").
  return (
    isPhraseName(e.name) ||
    e.aliases.some((a) => /^\p{Ll}/u.test(a) && /\s/.test(a) && LATIN.test(a) && isPhraseName(a))
  );
}

/** One Pinyin syllable, as a Chinese surname is written ("Li", "Wang", "Zhao"). */
const PINYIN_SYLLABLE = /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:[aeiouü]{1,3})(?:ng|n|r)?$/i;

/**
 * The surname a person's English name is shortened to: the first word of a
 * Chinese name of two words ("Li Qiang" → "Li"), else the last word
 * ("Sergey Lavrov" → "Lavrov"). Null for one-word names.
 */
export function surnameOf(e: Pick<Entity, 'name' | 'type'>): string | null {
  if (e.type !== 'person') return null;
  const words = e.name.split(/\s+/);
  if (words.length < 2 || !words.every((w) => LATIN.test(w))) return null;
  return isChineseName(words) ? words[0]! : words[words.length - 1]!;
}

/** Whether a name's words are a Chinese name, surname first: two words, the first one Pinyin syllable. */
function isChineseName(words: readonly string[]): boolean {
  return words.length === 2 && PINYIN_SYLLABLE.test(words[0]!);
}

/** A foreign name in Chinese, its parts joined by a middle dot: "亚历山大·诺瓦克". */
const HAN_DOTTED = /^\p{Script=Han}+(?:[·・‧•]\p{Script=Han}+)+$/u;
const CYRILLIC_NAME = /^\p{Lu}[\p{Ll}-]+$/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * A person's surnames in every script the aliases give the full name in:
 * `surnameOf` for the English name; the last part of a dotted Chinese
 * transliteration ("亚历山大·诺瓦克" → "诺瓦克"); the last word of a Russian
 * name of two or three words ("Александр Новак" → "Новак"), except for a
 * Chinese person, whose surname Russian writes first and alone is too common.
 */
export function surnamesOf(e: Pick<Entity, 'name' | 'type' | 'aliases'>): string[] {
  const latin = surnameOf(e);
  if (latin === null) return [];
  const out = new Set([latin]);
  const chinese = isChineseName(e.name.split(/\s+/));
  for (const a of e.aliases) {
    if (HAN_DOTTED.test(a)) {
      const last = a.split(/[·・‧•]/).pop()!;
      if (last.length >= 2) out.add(last);
    } else if (!chinese && CYRILLIC.test(a)) {
      const words = a.split(/\s+/);
      if (words.length >= 2 && words.length <= 3 && words.every((w) => CYRILLIC_NAME.test(w))) out.add(words.at(-1)!);
    }
  }
  return [...out];
}

/**
 * Every person's surname alone is a short form of them, matched only once the
 * page names them in full (`after-full-name`). Several people may share one
 * ("Li" for Li Qiang and Li Keqiang): the detector then takes the one the page
 * names. A surname that is already another entity's alias under any other rule,
 * in any letter case, is left to that alias ("Un" of Kim Jong Un is not the UN).
 */
function surnameForms(entities: readonly Entity[]): Map<string, string[]> {
  const otherRule = new Set<string>();
  for (const e of entities) {
    const rules = new Map(e.disambiguation.map((d) => [d.alias, d.rule]));
    for (const a of e.aliases) if (rules.get(a) !== 'after-full-name') otherRule.add(foldString(a));
  }
  const forms = new Map<string, string[]>();
  for (const e of entities) {
    const own = surnamesOf(e).filter((s) => !e.aliases.includes(s) && !otherRule.has(foldString(s)));
    if (own.length > 0) forms.set(e.id, own);
  }
  return forms;
}

/** Builds the table. Deterministic: the same entities give the same JSON. */
export function buildAliasTable(entities: readonly Entity[]): AliasTable {
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(sorted.map((e, i) => [e.id, i]));
  const surnames = surnameForms(sorted);
  const table: AliasTable = { version: 6, topics: [...TOPIC_IDS], entities: [] };
  for (const sourced of sorted) {
    const own = surnames.get(sourced.id);
    const e: Entity =
      own === undefined
        ? sourced
        : {
            ...sourced,
            aliases: [...sourced.aliases, ...own],
            disambiguation: [
              ...sourced.disambiguation,
              ...own.map((alias) => ({ alias, rule: 'after-full-name' as const, note: 'surname' })),
            ],
          };
    const rules = new Map(e.disambiguation.map((d) => [d.alias, ruleCode(d.rule)]));
    // Case forms the detector generates from an alias kept before, with the same rule, need not
    // ship. Only from one kept: "Приморье" and "Приморья" are each a form of the other.
    const generated = new Set<string>();
    // Aliases that differ only in dashes, quotes or spacing match the same text: keep the first.
    // "the Kremlin" finds nothing that "Kremlin" with the same rule does not.
    const shapes = new Set(e.aliases.map((a) => `${shapeString(a)}\u0000${rules.get(a) ?? 0}`));
    const seen = new Set<string>();
    const kept = e.aliases.filter((a) => {
      const code = rules.get(a) ?? 0;
      if (generated.has(`${a}\u0000${code}`)) return false;
      const shape = shapeString(a);
      if (/^the /i.test(shape) && shapes.has(`${shape.slice(4)}\u0000${code}`)) return false;
      const key = `${shape}\u0000${code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      for (const form of russianForms(a)) generated.add(`${form}\u0000${code}`);
      return true;
    });
    const context = ENTITY_CONTEXT[e.id];
    table.entities.push(
      encodeEntity({
        id: e.id,
        topicBits: e.topics.reduce((bits, t) => bits | (1 << TOPIC_IDS.indexOf(t)), 0),
        team: TEAM_TYPES.has(e.type),
        place: PLACE_TYPES.has(e.type),
        context: TIER[e.id] === 'context',
        // An ambiguous description ("foreign ministry") says nothing of how the entity is named.
        phrase: isPhraseEntity({ name: e.name, type: e.type, aliases: e.aliases.filter((a) => !rules.has(a)) }),
        // Only the context rules of entities with supporting words read related entities.
        related: context?.yes ? e.related.map((r) => index.get(r)).filter((r): r is number => r !== undefined) : [],
        aliases: kept.map((a) => [a, rules.get(a) ?? 0] as const),
      }),
    );
  }
  return table;
}
