/**
 * What detection remembers about one page, and settling the short forms that
 * waited for it. Kept apart from the detector so the content script, which
 * leaves scanning to the background, can hold a page's state without the engine.
 */
import type { Candidate, PageState } from './types';

export function newPageState(): PageState {
  return { seen: new Set() };
}

/**
 * The deferred candidates (see `ScanResult.deferred`) that the page now
 * allows: those whose entity has been named in full anywhere on the page.
 * Call it once the page has been scanned; the others stay rejected. It
 * settles `pending` candidates the same way: those it returns are mentions
 * without asking the resolver (their entity is named in full elsewhere on the
 * page), which keeps the result independent of the order of scanning.
 */
export function settleDeferred(deferred: Candidate[], page: PageState): Candidate[] {
  return deferred.filter((c) => settles(c, page));
}

/**
 * Whether the page names a candidate's entity in full. A short form that
 * several people share takes the id of the one the page names, when it names
 * exactly one of them; a word in capitals, the id of the entity the page has
 * defined it for (`c.id` is changed in place, so callers keep the candidate's
 * identity).
 */
export function settles(c: Candidate, page: PageState): boolean {
  if (c.abbreviation) {
    const id = page.abbreviations?.get(c.text);
    if (id === undefined) return false;
    c.id = id;
    return true;
  }
  if (page.seen.has(c.id)) return true;
  const named = c.alternatives?.filter((id) => page.seen.has(id)) ?? [];
  if (named.length !== 1) return false;
  c.id = named[0]!;
  return true;
}
