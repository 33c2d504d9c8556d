/**
 * The schema of the detection rules (`assets/detection/rules.json`): what the
 * engine knows about each entity beyond its aliases — its relevance tier, the
 * words that support or rule out an ambiguous name, the names of other things
 * that contain it, the descriptive phrases that name it, and the phrases that
 * name it only around a date. The engine is generic; a new entity with its
 * rules is a change to this file alone. Pure module; used by the data tests
 * and the fact-base command, not at run time (the bundled file is trusted
 * once its tests pass, so waking the background costs no validation).
 */
import * as v from 'valibot';

/**
 * `core`: about Russia, China or their relations (the two countries, their
 * leaders, institutions, places, projects and history). `context`: a third
 * party that matters in that context (the United States, the EU, India, the
 * UN, …), marked only on pages that are about Russia or China.
 */
export const TIERS = ['core', 'context'] as const;
export type Tier = (typeof TIERS)[number];

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const word = v.pipe(
  v.string(),
  v.minLength(1),
  v.check((w) => w === w.trim() && !/\s{2}/.test(w), 'no stray white space'),
);
/** A word list entry: a lower-case word or phrase, or `@name` of a shared vocabulary. */
const listEntry = v.pipe(
  word,
  v.check((w) => w.startsWith('@') || w === w.toLowerCase(), 'words are lower case (matching ignores case)'),
);
const wordList = v.pipe(v.array(listEntry), v.minLength(1));

/** A date or month, ISO: the bounds of a dated phrase. */
const isoDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'must be YYYY-MM or YYYY-MM-DD'));

/**
 * Phrases that name an event only in its time: "Xi's visit" on a page
 * published (or a sentence dated) between `from` and `to`.
 */
export const DatedSchema = v.strictObject({
  /** Paraphrase patterns (see lib/detect/paraphrase.ts for the syntax). */
  patterns: v.pipe(v.array(word), v.minLength(1)),
  from: isoDay,
  to: isoDay,
  /**
   * Places that date the phrase when neither its sentence nor the page gives a
   * date: "the BRICS summit" on an undated page that names Kazan is Kazan's.
   */
  where: v.optional(v.pipe(v.array(word), v.minLength(1))),
  /**
   * Words of the time, in Chinese, that date the phrase when no year does: a
   * reign (康熙), a battle or a treaty of the years (雅克萨) in its text make 沙俄
   * the tsardom; of the empire's years (咸丰, 瑷珲), the empire.
   */
  cues: v.optional(v.pipe(v.array(word), v.minLength(1))),
  /**
   * The reading taken when no date speaks for another entity the same words
   * name: 沙俄 is the tsardom with a year before 1721 near it, the empire
   * otherwise, whatever year of today's news stands beside it.
   */
  otherwise: v.optional(v.literal(true)),
  /**
   * An event still going on, whose words mean it in today's news: on a page
   * with no date, the phrase is taken unless a year in its text falls outside
   * the event's time ("the conflict in Ukraine" on an undated page is the war
   * since 2022; beside "2014", it is not).
   */
  current: v.optional(v.literal(true)),
});

export const EntityRulesSchema = v.strictObject({
  tier: v.picklist(TIERS),
  /** Phrases in the sentence or its neighbours that show another sense (the match is rejected). */
  not: v.optional(wordList),
  /**
   * Phrases in the sentence or its neighbours that show a namesake place ("Moscow, Idaho"): the
   * match is rejected, and so is every later match of the entity on that page.
   */
  namesake: v.optional(wordList),
  /** Phrases in the sentence that support the entity; with such a list, an ambiguous name needs them. */
  yes: v.optional(wordList),
  /** A `proper-noun` alias that also needs the domain nearby ("Xi"). */
  domain: v.optional(v.literal(true)),
  /** Capitalised words right after the match make it part of another name ("Arctic Monkeys"). */
  notBeforeName: v.optional(v.literal(true)),
  /** A Chinese name right before another name qualifies it, and is the entity (大陆央视: the mainland's CCTV). */
  yesBeforeName: v.optional(v.literal(true)),
  /** Words right before the match that show another sense ("fine china", "Inner Mongolia"). */
  notAfter: v.optional(wordList),
  /** Words right after the match that show another sense ("Peking duck"). */
  notBefore: v.optional(wordList),
  /** Descriptive phrases that name the entity ("trade between Russia and China"). */
  paraphrases: v.optional(v.pipe(v.array(word), v.minLength(1))),
  /** Phrases that name the entity only around a date (the page's or the sentence's). */
  dated: v.optional(v.pipe(v.array(DatedSchema), v.minLength(1))),
  /**
   * The bodies this one is an organ or a region of (a ministry's state, a
   * council's organisation, a country's region): their names inside its name
   * name them too ("US" in "US Treasury", "РФ" in "ВКС РФ", 俄罗斯 in
   * 俄罗斯远东), unlike a name inside any other proper name.
   */
  partOf: v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(ID))), v.minLength(1))),
  /**
   * The one Chinese character that stands for a country beside another's in a
   * pair at the head of a phrase (俄 and 乌 in 俄乌冲突): inside a phrase, two
   * such characters side by side name both countries. Only characters that
   * stand for nothing else there (not 中, "middle"; not 苏, also Jiangsu).
   */
  hanInitial: v.optional(v.pipe(v.string(), v.regex(/^\p{Script=Han}$/u))),
});
export type EntityRules = v.InferOutput<typeof EntityRulesSchema>;

export const RulesSchema = v.strictObject({
  /** Shared word lists, referred to as `@name` in entity lists. */
  vocabularies: v.record(v.pipe(v.string(), v.regex(/^[a-z]+$/)), wordList),
  /** Rules per entity id: every entity of the fact base has an entry (its tier at least). */
  entities: v.record(v.pipe(v.string(), v.regex(ID)), EntityRulesSchema),
  /** Names of other things that contain one of ours ("China Daily"): matched, then dropped. */
  otherNames: v.array(word),
  /** Words that show a sentence is about this domain: support for ambiguous names. */
  domainWords: wordList,
  /**
   * Words of sports reporting and of games: with two of them near a country's
   * name, it is a team, or a side a player picks in a strategy game.
   */
  sportsWords: wordList,
  /** Entity types whose names are also names of national teams. */
  teamTypes: v.array(v.string()),
  /** Titles and offices written before a name, which are not part of it ("President Xi Jinping"). */
  titleWords: wordList,
  /**
   * How the name of another body goes on after a place's name, which is then
   * part of it: capitalised words ending with a company suffix ("Beijing
   * Yunze Technology Co Ltd"), or with an institution's word at most two
   * words on ("Moscow State University", "China Construction Bank"); the same
   * words before "of" ("Renmin University of China") or before an alias
   * that begins with one ("Agricultural Bank of China"). In Chinese, the
   * characters that end such a name (`han`; 大学, 日报, 银行 …), and those
   * that end one right after the place (`hanRightAfter`: 北京大学, 中国日报,
   * where 中国公司 is only "Chinese companies").
   */
  longerNames: v.strictObject({
    companySuffixes: wordList,
    institutionWords: wordList,
    /**
     * More words that end a name a place's name begins ("China Passenger Car
     * Association") or that end one before "of" and a place ("Symphony
     * Orchestra of Moscow"); unlike `institutionWords`, an alias that begins
     * with one ("Association of Southeast Asian Nations") stays itself after a
     * capitalised word.
     */
    placeNameWords: wordList,
    /** Words that end another body's name up to eight characters after a place (中国人民大学, 莫斯科罗蒙诺索夫国立大学). */
    han: v.pipe(v.array(word), v.minLength(1)),
    /** Words that make a name right after a place (中国日报, 天津宣言, 北京条约); not across other words ("中国加入条约"). */
    hanRightAfter: v.pipe(v.array(word), v.minLength(1)),
    /**
     * Words that, right after a place, describe what follows rather than begin a
     * name (中国国有银行 is "China's state banks", 中國小型銀行 "China's small banks").
     */
    hanDescriptive: v.pipe(v.array(word), v.minLength(1)),
    /** As `hanRightAfter`, after a city's name only (北京大学; 中国大学 is "Chinese universities"). */
    hanCityRightAfter: v.pipe(v.array(word), v.minLength(1)),
    /**
     * Endings of a registered company's name in Chinese (有限公司): a place up
     * to six characters before one begins the company's name
     * (北京字节跳动科技有限公司).
     */
    hanCompanies: v.pipe(v.array(word), v.minLength(1)),
    /**
     * What runs on from a Chinese name into another: endings of transliterated
     * Russian names (列夫, 斯基, 娃: 卢布列夫 is Rublev, not the rouble) and
     * orders and prizes named after someone (亚历山大·涅夫斯基勋章).
     */
    hanNameEndings: v.pipe(v.array(word), v.minLength(1)),
    /**
     * Words that count or point (部分, 所有, 这家): right before a place's name
     * they make what follows a description (部分俄罗斯银行, "some Russian
     * banks"), not a body's name.
     */
    hanQuantifiers: v.pipe(v.array(word), v.minLength(1)),
    /**
     * Beginnings of words for named things ("крейсер", "телеканал",
     * "авиакомпани", "band", "hotel"): a name in quotation marks right after
     * one, or followed by one in brackets ("Moscow (band)"), is that thing's
     * name (крейсер «Москва»), whatever it holds.
     */
    quotedAfter: wordList,
    /**
     * Words for named things in Chinese (管线, 项目, 号): a place that alone
     * fills a Chinese quotation right before one is that thing's name
     * (「远东」管线 is a pipeline route, not the Far East).
     */
    hanQuotedKinds: v.pipe(v.array(word), v.minLength(1)),
    /** Words for works (歌, 电影, 小说): near one, a place alone in Chinese title marks is the work's title. */
    hanWorkWords: v.pipe(v.array(word), v.minLength(1)),
    /** Characters that join words rather than names (的, 和, 对): a name does not run over them. */
    hanJoiners: v.pipe(v.string(), v.minLength(1)),
  }),
  /** Words that make a following Roman numeral a numeral ("Louis XI", "Super Bowl XI"). */
  numeralLeads: wordList,
  /**
   * Russian names that are no other word in small letters, and so names in any
   * letter case a page writes them in ("россия", "кнр"), with their case forms.
   */
  smallLetterNames: wordList,
  /**
   * When a page is for this lens: it shows marks only when it names at least
   * `minCoreEntities` different core entities, or one of them at least
   * `minOneEntityMentions` times, and context entities only when it also has
   * at least `minCoreMentions` mentions of core entities.
   */
  relevance: v.strictObject({
    minCoreEntities: v.pipe(v.number(), v.integer(), v.minValue(1)),
    minOneEntityMentions: v.pipe(v.number(), v.integer(), v.minValue(1)),
    minCoreMentions: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
  /**
   * The beginnings of the words for a country's people and things ("chinese",
   * "китайск" for китайских), per core entity. They name nothing (adjectives are
   * no mentions), but on a page that names another of these countries they say
   * the page is about that one too: "more than 40 Chinese companies" on a page
   * about Russia's supplies. They count for the relevance verdict only.
   */
  demonyms: v.record(v.pipe(v.string(), v.regex(ID)), v.pipe(v.array(word), v.minLength(1))),
});
export type RulesData = v.InferOutput<typeof RulesSchema>;

export class RulesError extends Error {}

/** Validates the rules against their schema and the fact base's ids; throws naming the first problem. */
export function parseRules(data: unknown, entityIds: ReadonlySet<string>, entityTypes: ReadonlySet<string>): RulesData {
  const result = v.safeParse(RulesSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '(rules)';
    throw new RulesError(`rules.json, field "${path}": ${issue.message}`);
  }
  const rules = result.output;
  for (const id of Object.keys(rules.entities)) {
    if (!entityIds.has(id)) throw new RulesError(`rules.json: rules for "${id}", which is not in the fact base`);
  }
  for (const id of entityIds) {
    if (!(id in rules.entities)) throw new RulesError(`rules.json: the fact-base entity "${id}" has no rules (tier)`);
  }
  for (const [id, e] of Object.entries(rules.entities)) {
    for (const place of (e.dated ?? []).flatMap((d) => d.where ?? [])) {
      if (!entityIds.has(place))
        throw new RulesError(`rules.json: "${id}" is dated by "${place}", which is not in the fact base`);
    }
  }
  for (const [id, e] of Object.entries(rules.entities)) {
    for (const body of e.partOf ?? []) {
      if (!entityIds.has(body))
        throw new RulesError(`rules.json: "${id}" is part of "${body}", which is not in the fact base`);
    }
  }
  for (const id of Object.keys(rules.demonyms)) {
    if (!entityIds.has(id)) throw new RulesError(`rules.json: demonyms of "${id}", which is not in the fact base`);
  }
  for (const t of rules.teamTypes) {
    if (!entityTypes.has(t)) throw new RulesError(`rules.json: team type "${t}" is not an entity type`);
  }
  const lists = Object.entries(rules.entities).flatMap(([id, e]) =>
    [e.not, e.namesake, e.yes, e.notAfter, e.notBefore].map((l) => [id, l] as const),
  );
  for (const [id, list] of lists) {
    for (const w of list ?? []) {
      if (w.startsWith('@') && !(w.slice(1) in rules.vocabularies)) {
        throw new RulesError(`rules.json: "${id}" refers to an unknown vocabulary ${w}`);
      }
    }
  }
  return rules;
}
