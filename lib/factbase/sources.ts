/**
 * How a web source is named to readers, and which hosts only copy Wikipedia.
 * A source's title carries its publisher in a final parenthesised group
 * ("… (The Moscow Times)", "… (Reuters via Financial Post)"), so the data needs
 * no extra field and a card can show the headline and the publisher apart.
 * Pure module.
 */
import type { Source } from './schema';

/**
 * Sites that republish Wikipedia articles (mirrors, proxies, summaries, old
 * copies), matched as host suffixes. A source on one of them must say so in its
 * title ("… (Wikipedia text via wikimili.com)"): readers should know they are
 * reading Wikipedia, not the site's own reporting.
 */
export const MIRROR_HOSTS = [
  'wikisum.wiki',
  'piglix.com',
  'howlingpixel.com',
  'kiwix.casplantje.nl',
  'osmarks.net',
  'movatter.jp',
  'worldlibrary.net',
  'pinocchiopedia.com',
  'graphsearch.epfl.ch',
  'the-uncensored-wiki.com',
  'wn.com',
  'liquisearch.com',
  'ibetubet.com',
  'wikizero.com',
  'wikimili.com',
  'wikivisually.com',
  'wikiwand.com',
  'kiddle.co',
  'abcdef.wiki',
  'topzle.com',
  'worldmapwiki.com',
  'infinitelexicon.com',
  'worddisk.com',
  'kotoba.ne.jp',
  'en-academic.com',
  'owiki.org',
  'dokumen123.com',
  'wiki.gravy.cc',
  'repbio.com',
  'hubbry.com',
  'academickids.com',
  'de.zxc.wiki',
  'wiki.riteme.site',
] as const;

/** The words a mirror-hosted source's title must contain. */
export const MIRROR_MARK = 'Wikipedia text via';

export interface SourceTitleParts {
  /** The headline, without the publisher group. */
  headline: string;
  /** The publisher as written in the title's final parenthesised group, or null. */
  publisher: string | null;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** A final group that is only a date ("(17 February 2015)", "(March 2022)", "(1727)") names no publisher. */
const DATE_ONLY = new RegExp(`^(?:\\d{1,2} )?(?:(?:${MONTHS})(?: \\d{1,2},)? )?\\d{4}$`);

/** Splits "Headline (Publisher)" into its parts; nested brackets inside the group are kept. */
export function splitSourceTitle(title: string): SourceTitleParts {
  const text = title.trim();
  const none = { headline: text, publisher: null };
  if (!text.endsWith(')')) return none;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(' && --depth === 0) {
      const publisher = text.slice(i + 1, -1).trim();
      const headline = text.slice(0, i).trim();
      if (headline === '' || !/\p{L}/u.test(publisher) || DATE_ONLY.test(publisher)) return none;
      return { headline, publisher };
    }
  }
  return none;
}

/** The host names in a URL: its own, plus any embedded one (archive copies and proxies carry the original). */
export function urlHosts(url: string): string[] {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // A malformed escape: scan the URL as written.
  }
  const hosts = [...decoded.matchAll(/https?:\/\/([^/:?#&]+)/gi)].map((m) => m[1]!.toLowerCase().replace(/\.$/, ''));
  return [...new Set(hosts)];
}

function hostMatches(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/** Whether a URL, or the page an archive copy or proxy stands for, is a Wikipedia mirror. */
export function isMirrorUrl(url: string): boolean {
  return urlHosts(url).some((host) => MIRROR_HOSTS.some((suffix) => hostMatches(host, suffix)));
}

/** A web source on a mirror whose title does not say it is Wikipedia text. */
export function isUnmarkedMirror(source: Source): boolean {
  return source.kind === 'web' && isMirrorUrl(source.url) && !source.title.includes(MIRROR_MARK);
}
