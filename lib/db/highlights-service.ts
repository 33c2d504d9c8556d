/**
 * What the background does for each highlight request, over a HighlightsDb.
 * Answers are results, never exceptions, so every failure reaches the reader
 * as a message.
 */
import { normalizePageUrl } from '../highlights/url';
import type { Highlight, HighlightDraft } from '../highlights/model';
import type { HighlightResult, RequestOf, ResponseFor } from '../messages';
import { errorPayload } from './errors';
import type { HighlightsDb } from './highlights-db';

async function result<T>(work: () => Promise<T>): Promise<HighlightResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: errorPayload(error) };
  }
}

export function draftToHighlight(draft: HighlightDraft, id: string, now: Date, moreEntities: string[] = []): Highlight {
  const time = now.toISOString();
  return {
    id,
    url: normalizePageUrl(draft.pageUrl, draft.canonical),
    originalUrl: draft.pageUrl,
    title: draft.title,
    created: time,
    updated: time,
    anchor: draft.anchor,
    note: draft.note ?? '',
    entities: [...new Set([...draft.entities, ...moreEntities])].sort(),
    status: 'anchored',
  };
}

export interface HighlightHandlers {
  'highlight:save': (r: RequestOf<'highlight:save'>) => Promise<ResponseFor<'highlight:save'>>;
  'highlight:list-for-page': (
    r: RequestOf<'highlight:list-for-page'>,
  ) => Promise<ResponseFor<'highlight:list-for-page'>>;
  'highlight:list-all': (r: RequestOf<'highlight:list-all'>) => Promise<ResponseFor<'highlight:list-all'>>;
  'highlight:orphans': (r: RequestOf<'highlight:orphans'>) => Promise<ResponseFor<'highlight:orphans'>>;
  'highlight:update': (r: RequestOf<'highlight:update'>) => Promise<ResponseFor<'highlight:update'>>;
  'highlight:delete': (r: RequestOf<'highlight:delete'>) => Promise<ResponseFor<'highlight:delete'>>;
  'highlight:restore': (r: RequestOf<'highlight:restore'>) => Promise<ResponseFor<'highlight:restore'>>;
  'highlight:report': (r: RequestOf<'highlight:report'>) => Promise<ResponseFor<'highlight:report'>>;
  'highlight:import': (r: RequestOf<'highlight:import'>) => Promise<ResponseFor<'highlight:import'>>;
  'highlight:delete-all': (r: RequestOf<'highlight:delete-all'>) => Promise<ResponseFor<'highlight:delete-all'>>;
}

/** Handlers for lib/platform/messaging `listen`, backed by `db`. */
export interface ServiceOptions {
  newId?: () => string;
  now?: () => Date;
  /** Entity ids found in a quote (the detection engine); added to those the page marked. */
  entitiesOf?: (text: string) => string[];
}

export function highlightHandlers(db: HighlightsDb, options: ServiceOptions = {}): HighlightHandlers {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? (() => new Date());
  const entitiesOf = options.entitiesOf ?? (() => []);
  return {
    'highlight:save': (r) =>
      result(() => db.add(draftToHighlight(r.draft, newId(), now(), entitiesOf(r.draft.anchor.quote.exact)))),
    'highlight:list-for-page': (r) =>
      result(async () => {
        const url = normalizePageUrl(r.url, r.canonical);
        const stored = await db.listForPage(url);
        if (r.canonical !== undefined) return inReadingOrder(stored);
        // Asked without the page's canonical (the popup): also find highlights filed under a
        // canonical address but saved from this one.
        const seen = new Set(stored.map((h) => h.id));
        const viaOriginal = (await db.listAll()).filter(
          (h) => !seen.has(h.id) && normalizePageUrl(h.originalUrl) === url,
        );
        return inReadingOrder([...stored, ...viaOriginal]);
      }),
    'highlight:list-all': () => result(() => db.listAll()),
    'highlight:orphans': (r) =>
      result(async () => {
        const orphans = await db.listByStatus('orphan');
        const url = r.url ? normalizePageUrl(r.url) : null;
        return url ? orphans.filter((h) => h.url === url) : orphans;
      }),
    'highlight:update': (r) =>
      result(() =>
        db.update(r.id, (h) => ({
          ...h,
          ...(r.note !== undefined && r.note !== h.note ? { note: r.note, updated: now().toISOString() } : {}),
          ...(r.status ? { status: r.status } : {}),
        })),
      ),
    'highlight:delete': (r) => result(async () => (await db.delete(r.id)) ?? null),
    'highlight:restore': (r) => result(() => db.restore(r.highlight)),
    'highlight:report': (r) =>
      result(async () => ({
        changed: (await db.setStatus(r.anchored, 'anchored')) + (await db.setStatus(r.orphaned, 'orphan')),
      })),
    'highlight:import': (r) => result(() => db.importMany(r.highlights)),
    'highlight:delete-all': () => result(async () => ({ deleted: await db.deleteAll() })),
  };
}

/** A page's highlights in the order a reader meets them: by position on the page, then by save time. */
function inReadingOrder(highlights: Highlight[]): Highlight[] {
  return highlights.sort(
    (a, b) =>
      a.anchor.position.start - b.anchor.position.start ||
      a.created.localeCompare(b.created) ||
      a.id.localeCompare(b.id),
  );
}
