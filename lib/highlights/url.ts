/**
 * Page URL normalisation, so that one article keeps its highlights when its
 * address gains tracking parameters or a fragment. Pure module.
 */

/** Query parameters that only track the reader; they never change the page. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

function parse(raw: string, base?: string): URL | null {
  try {
    return new URL(raw.trim(), base);
  } catch {
    return null;
  }
}

function clean(url: URL): string {
  url.hash = '';
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
    // A stable order, so ?a=1&b=2 and ?b=2&a=1 are one page.
    kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  }
  return url.href;
}

/**
 * The key a page's highlights are stored under: tracking parameters
 * (`utm_*`, `fbclid`, `gclid`, …) and the fragment removed, the remaining
 * parameters sorted. A `rel=canonical` href is used instead when it points to
 * the same host (a canonical on another host could be set by anyone, so it is
 * ignored). Unparseable input comes back trimmed.
 */
export function normalizePageUrl(pageUrl: string, canonical?: string | null): string {
  const page = parse(pageUrl);
  if (!page) return pageUrl.trim();
  if (canonical) {
    const target = parse(canonical, page.href);
    if (target && (target.protocol === 'http:' || target.protocol === 'https:') && target.hostname === page.hostname) {
      return clean(target);
    }
  }
  return clean(page);
}
