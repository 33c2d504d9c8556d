/**
 * The publication date of a web page, read from what the publisher declared:
 * JSON-LD, meta tags, `<time>` elements and the address. Pure: the DOM glue
 * that gathers the raw strings is lib/dom/page-date.ts.
 *
 * Dates are kept as written, in the publisher's own zone: `2023-03-21T23:30
 * -05:00` is the 21st even though it is the 22nd in UTC. Converting would make
 * the answer depend on the reader's machine, and the day the publisher printed
 * is the one a reader sees on the page.
 */

/** Where a date was found, in order of trust (most trusted first). */
export type DateSource = 'json-ld' | 'meta' | 'time' | 'url';

/** The sources from most to least trusted; pickArticleDate tries them in this order. */
export const DATE_SOURCES: readonly DateSource[] = ['json-ld', 'meta', 'time', 'url'];

/** A raw date string (or, for 'url', an address) and where it came from. */
export interface DateCandidate {
  source: DateSource;
  raw: string;
}

/** The chosen date: `YYYY-MM-DD`, or `YYYY-MM` when only the month is known. */
export interface ArticleDate {
  date: string;
  source: DateSource;
}

/** Older "dates" are placeholders or archive scans, not when the page was published. */
export const MIN_YEAR = 1900;
/** Embargoed pieces and zone slips can sit a little ahead; further out is a wrong field or a typo. */
export const MAX_FUTURE_YEARS = 1;
/** A zero Unix timestamp printed as a date: a CMS with no date, not a 1970 article. */
const EPOCH_PLACEHOLDER = '1970-01-01';
/** Metadata dates are short; a longer string is prose that merely contains a date. */
const MAX_RAW_CHARS = 100;
/** Bigger JSON-LD is a product feed or a data dump, not worth parsing in a content script. */
export const MAX_JSON_LD_CHARS = 500_000;
/** Bounds on the JSON-LD walk so a pathological document stays cheap. */
const MAX_JSON_LD_NODES = 2000;
const MAX_JSON_LD_DEPTH = 12;

const MONTH_WORDS: ReadonlyMap<string, number> = new Map(
  [
    ['jan', 'january', 'янв', 'январь', 'января'],
    ['feb', 'february', 'фев', 'февр', 'февраль', 'февраля'],
    ['mar', 'march', 'мар', 'март', 'марта'],
    ['apr', 'april', 'апр', 'апрель', 'апреля'],
    ['may', 'май', 'мая'],
    ['jun', 'june', 'июн', 'июнь', 'июня'],
    ['jul', 'july', 'июл', 'июль', 'июля'],
    ['aug', 'august', 'авг', 'август', 'августа'],
    ['sep', 'sept', 'september', 'сен', 'сент', 'сентябрь', 'сентября'],
    ['oct', 'october', 'окт', 'октябрь', 'октября'],
    ['nov', 'november', 'ноя', 'нояб', 'ноябрь', 'ноября'],
    ['dec', 'december', 'дек', 'декабрь', 'декабря'],
  ].flatMap((words, index) => words.map((word) => [word, index + 1] as const)),
);

// The pieces below match a lower-cased, space-collapsed string.
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс),?\s`;
const MONTH_WORD = String.raw`([a-zа-яё]+)\.?`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;
const RU_YEAR_WORD = String.raw`(?:\s?(?:г\.?|года))?`;
const TIME = String.raw`\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d{1,9})?)?(?:\s?[ap]\.?m\.?)?`;
const ZONE = String.raw`(?:z|[+-]\d{2}(?::?\d{2})?|(?:utc|gmt|ut)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|[a-z]{1,5}|\([^()]{1,40}\))`;
/** An optional time and zone after the date; only its date part counts (see the file comment). */
const TAIL = String.raw`(?:(?:t|,?\s|\s(?:at|в)\s)${TIME}(?:\s?${ZONE}){0,2})?`;
const ZONE_ONLY = String.raw`(?:\s?(?:z|[+-]\d{2}:?\d{2}))?`;

/** `2023-03-21`, `2023/03/21`, `2023.03.21`, with an optional ISO or free-form time. */
const NUMERIC_YMD = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${ZONE_ONLY}${TAIL}$`);
/** ISO 8601 month precision. */
const NUMERIC_YM = /^(\d{4})-(\d{2})$/;
/** `21.03.2023`: with dots the day comes first everywhere it is used (Russia, Germany…). */
const DOTTED_DMY = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${RU_YEAR_WORD},?${TAIL}$`);
/** `21 March 2023`, `Tue, 21 Mar 2023 10:00:00 GMT` (RFC 2822), `21 марта 2023 г.`. */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^(?:${WEEKDAY})?(\d{1,2})${ORDINAL}\.?[\s-]${MONTH_WORD}(?:,\s?|[\s-])(\d{4})${RU_YEAR_WORD},?${TAIL}$`,
);
/** `March 21, 2023`, `Tuesday, March 21st, 2023 at 10:00 AM EDT`, JavaScript's `Tue Mar 21 2023 …`. */
const MONTH_DAY_YEAR = new RegExp(String.raw`^(?:${WEEKDAY})?${MONTH_WORD}\s(\d{1,2})${ORDINAL},?\s(\d{4}),?${TAIL}$`);
/** `March 2023`, `март 2023 г.`. */
const MONTH_YEAR = new RegExp(String.raw`^${MONTH_WORD},?\s(\d{4})${RU_YEAR_WORD}$`);
/** `2023年3月21日`, `2023年3月21日 10:00`, `2023年3月`. */
const CHINESE = new RegExp(
  String.raw`^(\d{4})\s?年\s?(\d{1,2})\s?月(?:\s?(\d{1,2})\s?[日号](?:\s?(?:上午|下午)?\s?${TIME})?)?$`,
);

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day a date may fall on and still be believed. */
function latestAllowed(now: Date): string {
  const year = now.getUTCFullYear() + MAX_FUTURE_YEARS;
  return `${year}-${pad2(now.getUTCMonth() + 1)}-${pad2(now.getUTCDate())}`;
}

/** `YYYY-MM-DD` (or `YYYY-MM` when `day` is undefined) if it is a real, believable date. */
function checkedDate(year: number, month: number, day: number | undefined, now: Date): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (day !== undefined && (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month))) return null;
  const yearMonth = `${year}-${pad2(month)}`;
  const date = day === undefined ? yearMonth : `${yearMonth}-${pad2(day)}`;
  // A month is believable when its first day is; ISO strings compare in date order.
  if ((day === undefined ? `${yearMonth}-01` : date) > latestAllowed(now)) return null;
  if (date === EPOCH_PLACEHOLDER) return null;
  return date;
}

/** Full-width digits and colons (CJK pages) as ASCII, spaces collapsed, lower case. */
function tidy(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/\uFF1A/g, ':')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Normalises a date string found in page metadata to `YYYY-MM-DD`, or
 * `YYYY-MM` when only the month is known; null when it is not a date, not a
 * real day (2023-02-30), before MIN_YEAR or more than MAX_FUTURE_YEARS after
 * `now`. The whole string must be a date (with an optional weekday, time and
 * zone): a date inside longer text may be about something else. Compact
 * `20230321` is refused here: in metadata a run of digits is as likely a
 * timestamp or an id; dateFromUrl accepts it where addresses use it.
 */
export function parseDateValue(raw: string, now: Date = new Date()): string | null {
  // Cheap guard before the clean-up: padding aside, a long value is never a date.
  if (raw.length > MAX_RAW_CHARS * 4) return null;
  const s = tidy(raw);
  if (s.length === 0 || s.length > MAX_RAW_CHARS) return null;
  let m: RegExpExecArray | null;
  if ((m = NUMERIC_YMD.exec(s))) return checkedDate(Number(m[1]), Number(m[3]), Number(m[4]), now);
  if ((m = NUMERIC_YM.exec(s))) return checkedDate(Number(m[1]), Number(m[2]), undefined, now);
  if ((m = DOTTED_DMY.exec(s))) return checkedDate(Number(m[3]), Number(m[2]), Number(m[1]), now);
  if ((m = CHINESE.exec(s))) {
    return checkedDate(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]), now);
  }
  if ((m = DAY_MONTH_YEAR.exec(s))) return monthNamed(m[2]!, Number(m[3]), Number(m[1]), now);
  if ((m = MONTH_DAY_YEAR.exec(s))) return monthNamed(m[1]!, Number(m[3]), Number(m[2]), now);
  if ((m = MONTH_YEAR.exec(s))) return monthNamed(m[1]!, Number(m[2]), undefined, now);
  return null;
}

function monthNamed(word: string, year: number, day: number | undefined, now: Date): string | null {
  const month = MONTH_WORDS.get(word);
  return month === undefined ? null : checkedDate(year, month, day, now);
}

/** The path of an address; a bare path (no scheme) is taken as it is. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/)[0] ?? '';
  }
}

const YEAR_SEGMENT = /^\d{4}$/;
const DAY_OR_MONTH_SEGMENT = /^\d{1,2}$/;
const MONTH_SEGMENT = /^\d{2}$/;
const MONTH_DAY_SEGMENT = /^(\d{2})(\d{2})$/;
const YEAR_MONTH_SEGMENT = /^(\d{4})-(\d{2})$/;
const COMPACT_SEGMENT = /^(\d{4})(\d{2})(\d{2})$/;
/** A dashed or underscored date inside a slug, not part of a longer run of digits. */
const DATE_IN_SLUG = /(?<!\d)(\d{4})([-_])(\d{2})\2(\d{2})(?!\d)/g;

/**
 * The date in an address's path: `/2023/03/21/`, `/2023-03-21/` (also inside
 * a slug), `/20230321/`, `/2023/0321/`, `/2023-03/21/`, or the month alone
 * from `/2023/03/`. The query and fragment are ignored: they carry filters,
 * cache busters and tracking stamps, not the publication date. A compact
 * `YYYYMMDD` counts only as a folder (followed by `/`): the last segment of
 * an address is where article ids live. The first whole date in the path
 * wins; a month is the answer only when no day is found.
 */
export function dateFromUrl(url: string, now: Date = new Date()): string | null {
  const segments = pathOf(url).split('/');
  let month: string | null = null;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const next = segments[i + 1];
    const after = segments[i + 2];
    let m: RegExpExecArray | null;
    if (YEAR_SEGMENT.test(segment) && next !== undefined) {
      const year = Number(segment);
      if (DAY_OR_MONTH_SEGMENT.test(next) && after !== undefined && DAY_OR_MONTH_SEGMENT.test(after)) {
        // Three numbers that are not a real day (/2023/02/30/) are not a date at all.
        const day = checkedDate(year, Number(next), Number(after), now);
        if (day) return day;
        continue;
      }
      if ((m = MONTH_DAY_SEGMENT.exec(next)) && after !== undefined) {
        const day = checkedDate(year, Number(m[1]), Number(m[2]), now);
        if (day) return day;
      }
      if (MONTH_SEGMENT.test(next)) month ??= checkedDate(year, Number(next), undefined, now);
    }
    if ((m = YEAR_MONTH_SEGMENT.exec(segment))) {
      const [year, monthNumber] = [Number(m[1]), Number(m[2])];
      if (next !== undefined && DAY_OR_MONTH_SEGMENT.test(next)) {
        const day = checkedDate(year, monthNumber, Number(next), now);
        if (day) return day;
      }
      month ??= checkedDate(year, monthNumber, undefined, now);
      continue;
    }
    if ((m = COMPACT_SEGMENT.exec(segment)) && next !== undefined) {
      const day = checkedDate(Number(m[1]), Number(m[2]), Number(m[3]), now);
      if (day) return day;
    }
    for (const found of segment.matchAll(DATE_IN_SLUG)) {
      const day = checkedDate(Number(found[1]), Number(found[3]), Number(found[4]), now);
      if (day) return day;
    }
  }
  return month;
}

/**
 * The most trusted candidate that parses: JSON-LD, then meta tags, then
 * `<time>` elements, then the address; within one source, the order given.
 * A 'url' candidate's raw string is the address itself.
 */
export function pickArticleDate(candidates: readonly DateCandidate[], now: Date = new Date()): ArticleDate | null {
  for (const source of DATE_SOURCES) {
    for (const candidate of candidates) {
      if (candidate.source !== source) continue;
      const date = source === 'url' ? dateFromUrl(candidate.raw, now) : parseDateValue(candidate.raw, now);
      if (date) return { date, source };
    }
  }
  return null;
}

/** schema.org types whose datePublished is an article's publication date. */
const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'satiricalarticle',
  'scholarlyarticle',
  'techarticle',
  'report',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
]);

/** `NewsArticle`, `schema:NewsArticle` or `https://schema.org/NewsArticle`, alone or in a list. */
function isArticleType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t.replace(/^.*[/:#]/, '').toLowerCase()));
}

/** A JSON-LD value as a string: plain, `{"@value": …}`, or the first of a list. */
function literal(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return literal(value[0]);
  if (value && typeof value === 'object' && '@value' in value)
    return literal((value as { '@value': unknown })['@value']);
  return null;
}

/** datePublished, else dateCreated; never dateModified, which moves with every correction. */
function ownDate(node: Record<string, unknown>): string | null {
  return literal(node['datePublished']) ?? literal(node['dateCreated']);
}

/** Keys whose objects stand for the page itself rather than something it mentions or links to. */
const MAIN_LINE_KEYS = new Set(['@graph', 'mainEntity', 'mainEntityOfPage']);

function parseJsonLd(json: string): unknown {
  // Some CMSs wrap the script text in HTML comments or CDATA markers.
  const text = json
    .trim()
    .replace(/^(?:\/\/\s*)?(?:<!--|<!\[CDATA\[)/, '')
    .replace(/(?:\/\/\s*)?(?:-->|\]\]>)$/, '');
  try {
    return JSON.parse(text);
  } catch {
    // Raw line breaks inside strings and trailing commas are the usual faults of hand-built JSON-LD.
    try {
      return JSON.parse(text.replace(/[\n\r\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

/**
 * The publication dates declared in one JSON-LD script text, most telling
 * first: article-like objects that stand for the page (at the top, in
 * `@graph`, under `mainEntity`), then article-like objects nested elsewhere
 * (a live blog's updates, a list of related stories), then the dates of
 * other top-level objects (a WebPage). Each object gives its datePublished,
 * or its dateCreated when it has none. Bad JSON gives [] and never throws.
 */
export function extractJsonLdDates(json: string): string[] {
  if (json.length > MAX_JSON_LD_CHARS) return [];
  const root = parseJsonLd(json);
  const mainArticles: string[] = [];
  const nestedArticles: string[] = [];
  const pages: string[] = [];
  let budget = MAX_JSON_LD_NODES;
  const visit = (node: unknown, depth: number, mainLine: boolean): void => {
    if (budget <= 0 || depth > MAX_JSON_LD_DEPTH || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1, mainLine);
      return;
    }
    budget--;
    const object = node as Record<string, unknown>;
    const date = ownDate(object);
    if (date !== null) {
      if (isArticleType(object['@type'])) (mainLine ? mainArticles : nestedArticles).push(date);
      else if (mainLine) pages.push(date);
    }
    for (const [key, value] of Object.entries(object)) {
      if (value && typeof value === 'object') visit(value, depth + 1, mainLine && MAIN_LINE_KEYS.has(key));
    }
  };
  visit(root, 0, true);
  return [...mainArticles, ...nestedArticles, ...pages];
}
