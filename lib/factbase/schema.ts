/**
 * The one schema of the bundled fact base. Types are inferred from it, and a
 * malformed record is reported with the entity id and the path of the field.
 * Pure module: no browser or DOM APIs.
 */
import * as v from 'valibot';

/** The fixed topic list (at most ten). Labels and descriptions live in meta.json. */
export const TOPIC_IDS = [
  'people',
  'diplomacy',
  'trade-finance',
  'energy',
  'military',
  'sanctions-technology',
  'history',
  'geography',
  'institutions',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export const ENTITY_TYPES = [
  'person',
  'country',
  'state',
  'region',
  'territory',
  'place',
  'city',
  'organization',
  'military-order',
  'company',
  'media',
  'event',
  'exercise',
  'treaty',
  'agreement',
  'project',
  'infrastructure',
  'weapon',
  'system',
  'currency',
  'concept',
  'policy',
  'figure',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * How an ambiguous alias is accepted by detection.
 * - `context`: only when the surrounding text supports this entity (NLP tags,
 *   topical words nearby, or the entity named unambiguously anywhere on the page).
 * - `proper-noun`: only when used as a proper noun (capitalised, not a common
 *   noun such as "turkey" or "bricks"; not a Roman numeral such as "Louis XI").
 * - `after-full-name`: only when the entity is named unambiguously somewhere on the page
 *   (order does not matter, so a page scanned viewport-first gives the same result).
 */
export const ALIAS_RULES = ['context', 'proper-noun', 'after-full-name'] as const;
export type AliasRule = (typeof ALIAS_RULES)[number];

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A lowercase host name without scheme, port or path ("tass.com", "en.people.cn"). */
const HOST_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;
/** YYYY, YYYY-MM, YYYY-MM-DD, ranges of those, decades (1970s, 1960s-1980s) or "13th century". */
const AS_OF_PATTERN =
  /^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?(?:-\d{4}(?:-\d{2}(?:-\d{2})?)?)?|\d{3}0s(?:-\d{3}0s)?|\d{1,2}(?:st|nd|rd|th) century)$/;
export const MAX_QUOTE_WORDS = 12;
export const MAX_SUMMARY_CHARS = 240;

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

const locatorQuote = v.pipe(
  nonEmpty,
  v.check(
    (q) => q.split(/\s+/).filter(Boolean).length <= MAX_QUOTE_WORDS,
    `a locator quote has at most ${MAX_QUOTE_WORDS} words`,
  ),
);

export const SourceSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('seed'), quote: locatorQuote }),
  v.strictObject({
    kind: v.literal('web'),
    url: v.pipe(v.string(), v.url('must be a URL'), v.startsWith('https://', 'must be https')),
    title: nonEmpty,
    quote: locatorQuote,
  }),
]);
export type Source = v.InferOutput<typeof SourceSchema>;

export const AsOfSchema = v.pipe(
  v.string(),
  v.regex(AS_OF_PATTERN, 'must be a date such as 2023, 2023-03 or 2023-03-21'),
);

export const FactSchema = v.strictObject({
  text: nonEmpty,
  asOf: AsOfSchema,
  source: SourceSchema,
});
export type Fact = v.InferOutput<typeof FactSchema>;

/** A figure with a history (trade by year, gas volumes by year); each point carries its own source. */
export const SeriesSchema = v.strictObject({
  label: nonEmpty,
  unit: nonEmpty,
  points: v.pipe(
    v.array(
      v.strictObject({
        period: AsOfSchema,
        value: v.number(),
        source: SourceSchema,
      }),
    ),
    v.minLength(2, 'a series needs at least two points'),
  ),
});
export type Series = v.InferOutput<typeof SeriesSchema>;

export const DisambiguationSchema = v.strictObject({
  alias: nonEmpty,
  rule: v.picklist(ALIAS_RULES),
  note: nonEmpty,
});
export type Disambiguation = v.InferOutput<typeof DisambiguationSchema>;

export const EntitySchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a kebab-case id')),
    name: nonEmpty,
    type: v.picklist(ENTITY_TYPES),
    topics: v.pipe(v.array(v.picklist(TOPIC_IDS)), v.minLength(1), v.maxLength(3)),
    native: v.strictObject({ ru: v.optional(nonEmpty), zh: v.optional(nonEmpty) }),
    aliases: v.pipe(v.array(nonEmpty), v.minLength(1)),
    disambiguation: v.array(DisambiguationSchema),
    summary: v.pipe(nonEmpty, v.maxLength(MAX_SUMMARY_CHARS, `at most ${MAX_SUMMARY_CHARS} characters`)),
    facts: v.pipe(v.array(FactSchema), v.minLength(2, 'needs at least 2 facts'), v.maxLength(5, 'at most 5 facts')),
    related: v.array(v.pipe(v.string(), v.regex(ID_PATTERN))),
    series: v.optional(v.array(SeriesSchema)),
    /** An outlet's own sites: the page's host, or a parent domain of it, matches one of these. */
    hosts: v.optional(
      v.pipe(
        v.array(v.pipe(v.string(), v.regex(HOST_PATTERN, 'must be a lowercase host name such as tass.com'))),
        v.minLength(1),
      ),
    ),
  }),
  v.check(
    (e) => e.disambiguation.every((d) => e.aliases.includes(d.alias)),
    'every disambiguation alias must be one of the aliases',
  ),
  v.check((e) => new Set(e.aliases).size === e.aliases.length, 'aliases must be unique'),
);
export type Entity = v.InferOutput<typeof EntitySchema>;

export const TopicSchema = v.strictObject({
  id: v.picklist(TOPIC_IDS),
  label: nonEmpty,
  description: nonEmpty,
});

export const MetaSchema = v.strictObject({
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'must be semver')),
  reviewed: v.pipe(v.string(), v.isoDate('must be YYYY-MM-DD')),
  topics: v.array(TopicSchema),
});
export type Meta = v.InferOutput<typeof MetaSchema>;

export class FactbaseError extends Error {}

/** Validates one entity file (an array); throws naming the entity id and the field path. */
export function parseEntities(data: unknown, file = 'entities'): Entity[] {
  if (!Array.isArray(data)) throw new FactbaseError(`${file}: expected an array of entities`);
  return data.map((raw, index) => {
    const result = v.safeParse(EntitySchema, raw);
    if (result.success) return result.output;
    const id = raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string' ? raw.id : `#${index}`;
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '(record)';
    throw new FactbaseError(`${file}: entity "${id}", field "${path}": ${issue.message}`);
  });
}

export function parseMeta(data: unknown): Meta {
  const result = v.safeParse(MetaSchema, data);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '(meta)';
  throw new FactbaseError(`meta.json, field "${path}": ${issue.message}`);
}
