/**
 * Grouping, full-text search and filters for the highlights page. Pure module.
 */
import type { Highlight } from './model';

export interface PageGroup {
  url: string;
  title: string;
  highlights: Highlight[];
}

/** Pages in order of their latest highlight (newest first); highlights in page order. */
export function groupByPage(highlights: readonly Highlight[]): PageGroup[] {
  const groups = new Map<string, PageGroup>();
  for (const h of highlights) {
    let g = groups.get(h.url);
    if (!g) groups.set(h.url, (g = { url: h.url, title: h.title, highlights: [] }));
    if (!g.title && h.title) g.title = h.title;
    g.highlights.push(h);
  }
  const latest = (g: PageGroup) => g.highlights.reduce((max, h) => (h.updated > max ? h.updated : max), '');
  const list = [...groups.values()];
  for (const g of list) {
    g.highlights.sort((a, b) => a.anchor.position.start - b.anchor.position.start || (a.created < b.created ? -1 : 1));
  }
  return list.sort((a, b) => (latest(a) < latest(b) ? 1 : latest(a) > latest(b) ? -1 : 0));
}

/** Lower case, accents removed, whitespace folded: how search compares text. */
export function searchKey(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');
}

export interface HighlightFilter {
  /** Words that must all appear in the quote, note, title or URL. */
  text?: string;
  entity?: string;
  topic?: string;
  /** Only highlights not found on their page. */
  orphansOnly?: boolean;
}

/** `topicsOf` maps an entity id to its topics (from the fact base). */
export function filterHighlights(
  highlights: readonly Highlight[],
  filter: HighlightFilter,
  topicsOf: (entityId: string) => readonly string[] = () => [],
): Highlight[] {
  const terms = filter.text ? searchKey(filter.text).split(' ').filter(Boolean) : [];
  return highlights.filter((h) => {
    if (filter.orphansOnly && h.status !== 'orphan') return false;
    if (filter.entity && !h.entities.includes(filter.entity)) return false;
    if (filter.topic && !h.entities.some((e) => topicsOf(e).includes(filter.topic!))) return false;
    if (terms.length) {
      const hay = searchKey(`${h.anchor.quote.exact} ${h.note} ${h.title} ${h.url}`);
      if (!terms.every((t) => hay.includes(t))) return false;
    }
    return true;
  });
}
