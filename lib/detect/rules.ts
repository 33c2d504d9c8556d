/**
 * The bundled detection rules (assets/detection/rules.json), read into the
 * shapes the engine uses: shared vocabularies expanded, paraphrases listed
 * with their entity. The file is validated by the data tests
 * (tests/lib/detect/rules-data.test.ts), not here. Pure module.
 */
import data from '../../assets/detection/rules.json';
import type { EntityRules, RulesData, Tier } from './rules-schema';

const rules = data as unknown as RulesData;

export type { Tier };

/** What the context rules read of an entity: its lists with the `@vocabularies` expanded. */
export interface EntityContext {
  not?: readonly string[];
  namesake?: readonly string[];
  yes?: readonly string[];
  domain?: boolean;
  notBeforeName?: boolean;
  yesBeforeName?: boolean;
  notAfter?: readonly string[];
  notBefore?: readonly string[];
}

/** When a dated phrase names its entity (rules.json `dated`, its patterns aside; see DatedSchema). */
export interface Dated {
  /** The phrase names the entity only when the page or sentence is dated within [from, to]. */
  from: string;
  to: string;
  /** Entities (places) whose mention dates the phrase when nothing else does. */
  where?: readonly string[];
  /** Chinese words of the time that date the phrase when no year does (DatedSchema `cues`). */
  cues?: readonly string[];
  /** The reading taken when no date speaks for another. */
  otherwise?: true;
  /** An event still going on: its sense in today's news on a page with no date (DatedSchema `current`). */
  current?: true;
}

export interface ParaphraseSpec {
  id: string;
  pattern: string;
  /** Absent for a phrase that names its entity in any time. */
  dated?: Dated;
}

function expand(list: readonly string[] | undefined): readonly string[] | undefined {
  if (!list) return undefined;
  return list.flatMap((w) => (w.startsWith('@') ? (rules.vocabularies[w.slice(1)] ?? []) : [w]));
}

function contextOf(e: EntityRules): EntityContext {
  const c: EntityContext = {};
  if (e.not) c.not = expand(e.not);
  if (e.namesake) c.namesake = expand(e.namesake);
  if (e.yes) c.yes = expand(e.yes);
  if (e.notAfter) c.notAfter = expand(e.notAfter);
  if (e.notBefore) c.notBefore = expand(e.notBefore);
  if (e.domain) c.domain = true;
  if (e.notBeforeName) c.notBeforeName = true;
  if (e.yesBeforeName) c.yesBeforeName = true;
  return c;
}

export const ENTITY_CONTEXT: Readonly<Record<string, EntityContext>> = Object.fromEntries(
  Object.entries(rules.entities).map(([id, e]) => [id, contextOf(e)]),
);

export const PARAPHRASES: readonly ParaphraseSpec[] = Object.entries(rules.entities).flatMap(([id, e]) => [
  ...(e.paraphrases ?? []).map((pattern) => ({ id, pattern })),
  ...(e.dated ?? []).flatMap(({ patterns, ...dated }) => patterns.map((pattern) => ({ id, pattern, dated }))),
]);

/** The bodies each entity is an organ of (`partOf`), for the entities that have them. */
export const PART_OF: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(rules.entities).flatMap(([id, e]) => (e.partOf ? [[id, e.partOf]] : [])),
);

/** Each country's one-character initial in a Chinese pair (`hanInitial`), character → id. */
export const HAN_INITIALS: ReadonlyMap<string, string> = new Map(
  Object.entries(rules.entities).flatMap(([id, e]) =>
    e.hanInitial === undefined ? [] : [[e.hanInitial, id] as const],
  ),
);
export const TIER: Readonly<Record<string, Tier>> = Object.fromEntries(
  Object.entries(rules.entities).map(([id, e]) => [id, e.tier]),
);

export const OTHER_NAMES: readonly string[] = rules.otherNames;
export const DOMAIN_WORDS: readonly string[] = rules.domainWords;
export const SPORTS_WORDS: readonly string[] = rules.sportsWords;
export const NUMERAL_LEADS: readonly string[] = rules.numeralLeads;
export const SMALL_LETTER_NAMES: readonly string[] = rules.smallLetterNames;
export const TEAM_TYPES: ReadonlySet<string> = new Set(rules.teamTypes);
export const TITLE_WORDS: ReadonlySet<string> = new Set(rules.titleWords);
/** Words that end the name of another body after a place's name (see `longerNames` in rules-schema.ts). */
export const LONGER_NAMES: Readonly<RulesData['longerNames']> = rules.longerNames;
/** The relevance thresholds (see lib/detect/relevance.ts). */
export const RELEVANCE: Readonly<RulesData['relevance']> = rules.relevance;
/** Per core entity, its demonyms as one pattern: a word that begins with one of them (see `demonyms` in rules-schema.ts). */
export const DEMONYMS: readonly { id: string; pattern: RegExp }[] = Object.entries(rules.demonyms).map(
  ([id, stems]) => ({
    id,
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${stems.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
      'giu',
    ),
  }),
);
