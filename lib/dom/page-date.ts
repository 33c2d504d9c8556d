/**
 * Reads a page's publication date for the content script and the
 * command-line annotator: gathers the raw date strings the publisher
 * declared and lets lib/detect/article-date.ts choose among them.
 *
 * It must stay cheap on any page: a fixed handful of selector queries, no
 * tree walk, and JSON-LD is read as text (textContent), never executed.
 */
import { extractJsonLdDates, pickArticleDate, type ArticleDate, type DateCandidate } from '../detect/article-date';

/**
 * Meta keys (property, name or itemprop; compared in lower case) that carry the
 * publication date, most specific first. Modification dates (article:modified_time,
 * og:updated_time, dateModified, last-modified) are left out on purpose: they move
 * with every correction.
 */
export const PUBLISHED_META_KEYS: readonly string[] = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'datepublished',
  'article.published',
  'published_time',
  'publish-date',
  'publish_date',
  'publishdate',
  'pubdate',
  'pub_date',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'citation_publication_date',
  'citation_online_date',
  'citation_date',
  'prism.publicationdate',
  // Vaguer keys: a bare "date" is usually the publication date, but not always.
  'dc.date',
  'dcterms.date',
  'date',
  'datecreated',
  'dcterms.created',
];

const META_RANK: ReadonlyMap<string, number> = new Map(PUBLISHED_META_KEYS.map((key, rank) => [key, rank]));

/** A page rarely has more than three JSON-LD scripts; beyond this they are widgets and ads. */
export const MAX_JSON_LD_SCRIPTS = 8;
/** Headers looked at for a `<time>`; the first few hold the byline if any does. */
const MAX_HEADER_TIMES = 5;
/** A `<time>`'s text is read only when it has no datetime; a long text is not a date. */
const MAX_TIME_TEXT = 200;

/** The page's publication date, or null when it declares none that can be believed. */
export function readPageDate(doc: Document, url: string, now: Date = new Date()): ArticleDate | null {
  return pickArticleDate(collectDateCandidates(doc, url), now);
}

/** Every raw date the page offers, in the order pickArticleDate should try them within a source. */
export function collectDateCandidates(doc: Document, url: string): DateCandidate[] {
  const candidates: DateCandidate[] = [];
  // The same element often answers several of the <time> queries; one copy is enough.
  const seen = new Set<string>();
  const push = (source: DateCandidate['source'], raw: string | null | undefined): void => {
    if (!raw || !raw.trim() || seen.has(`${source} ${raw}`)) return;
    seen.add(`${source} ${raw}`);
    candidates.push({ source, raw });
  };

  const scripts = doc.querySelectorAll('script[type*="ld+json" i]');
  for (let i = 0; i < scripts.length && i < MAX_JSON_LD_SCRIPTS; i++) {
    for (const date of extractJsonLdDates(scripts[i]!.textContent ?? '')) push('json-ld', date);
  }

  const metas: { rank: number; content: string }[] = [];
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const rank = metaRank(meta);
    if (rank !== undefined) metas.push({ rank, content: meta.getAttribute('content') ?? '' });
  }
  metas.sort((a, b) => a.rank - b.rank);
  for (const { content } of metas) push('meta', content);

  for (const raw of timeValues(doc)) push('time', raw);

  push('url', url);
  // The canonical address may carry the date when the visited one (AMP, mobile, a share link) does not.
  push('url', doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'));
  return candidates;
}

/** The best rank among a meta tag's property, name and itemprop tokens. */
function metaRank(meta: Element): number | undefined {
  let best: number | undefined;
  const keys = [
    meta.getAttribute('property'),
    meta.getAttribute('name'),
    ...(meta.getAttribute('itemprop') ?? '').split(/\s+/),
  ];
  for (const key of keys) {
    const rank = key ? META_RANK.get(key.trim().toLowerCase()) : undefined;
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
  }
  return best;
}

/** A date element's value: its datetime, else its content attribute, else its text. */
function timeValue(element: Element | null): string | null {
  if (!element) return null;
  const attribute = element.getAttribute('datetime') ?? element.getAttribute('content');
  if (attribute) return attribute;
  const inner = element.querySelector('time[datetime]');
  if (inner) return inner.getAttribute('datetime');
  const text = element.textContent ?? '';
  return text.length <= MAX_TIME_TEXT ? text : null;
}

/**
 * `<time>` values most telling first: microdata's datePublished (the element
 * or a `<time>` inside it), an old-style `<time pubdate>`, the time in an
 * article's header, the time in a header that is not the site banner, and
 * the first `<time>` of the article. A site banner (a `<header>` outside
 * article, aside, main, nav and section, as ARIA maps it) is skipped because
 * many news sites print today's date there.
 */
function timeValues(doc: Document): (string | null)[] {
  const values = [
    timeValue(doc.querySelector('[itemprop~="datePublished"]:not(meta)')),
    timeValue(doc.querySelector('time[pubdate]')),
    timeValue(doc.querySelector('article header time[datetime]')),
  ];
  const headerTimes = doc.querySelectorAll('header time[datetime]');
  for (let i = 0; i < headerTimes.length && i < MAX_HEADER_TIMES; i++) {
    const time = headerTimes[i]!;
    if (!isSiteBanner(time.closest('header'))) {
      values.push(time.getAttribute('datetime'));
      break;
    }
  }
  values.push(timeValue(doc.querySelector('article time')));
  return values;
}

function isSiteBanner(header: Element | null): boolean {
  if (!header) return false;
  if (header.getAttribute('role') === 'banner') return true;
  return header.closest('article, aside, main, nav, section, [role="main"], [role="article"]') === null;
}
