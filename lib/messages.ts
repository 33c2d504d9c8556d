/**
 * The one message protocol between content scripts, extension pages and the
 * background. Pure: types and payload validation only. The receiving side
 * validates every payload with `parseRequest` before acting on it.
 */
import * as v from 'valibot';
import type { CardData } from './card/view-model';
import type { AliasRule } from './factbase/schema';
import type { ScanResult } from './detect/types';
import type { RelevanceRule } from './detect/relevance';
import { MAX_ABBREVIATIONS, MAX_PROBE_CHARS, MAX_SCAN_CHARS, MAX_SCAN_TEXTS, MAX_SEEN_IDS } from './detect/scan-limits';
import {
  AnchorSchema,
  HighlightDraftSchema,
  HighlightSchema,
  MAX_NOTE_CHARS,
  type Highlight,
} from './highlights/model';

/** An entity or highlight id, or a short name: 1 to 200 characters. */
const ShortText = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const HighlightId = ShortText;
const PageUrl = v.pipe(v.string(), v.minLength(1));

/** Most candidates one `detect:resolve` request may carry. */
export const MAX_RESOLVE_ITEMS = 500;
/** Longest page text and most anchors one `highlight:anchor` request may carry. */
export const MAX_ANCHOR_TEXT_CHARS = 20_000_000;
export const MAX_ANCHOR_ITEMS = 10_000;
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));
/** A detection candidate (lib/detect/types.ts `Candidate`) as sent to the background. */
const CandidateSchema = v.strictObject({
  id: ShortText,
  start: Offset,
  end: Offset,
  text: v.pipe(v.string(), v.maxLength(1000)),
  rule: v.picklist(['context', 'proper-noun', 'after-full-name'] as const satisfies readonly AliasRule[]),
  context: v.pipe(v.string(), v.maxLength(4000)),
  contextStart: Offset,
});

export const RequestSchema = v.variant('type', [
  /** Liveness check used by the end-to-end suite and the popup. */
  v.strictObject({ type: v.literal('ping') }),
  /** Popup → content script (top frame): what this page shows. */
  v.strictObject({ type: v.literal('page:status') }),
  /** Popup → content script: mark the page although it names nothing Sino-Russian (see page:status). */
  v.strictObject({ type: v.literal('page:mark-anyway') }),
  /** Popup → content script: scroll to the entity's first mention and open its card. */
  v.strictObject({ type: v.literal('page:reveal'), id: ShortText }),
  /**
   * Content script → background, on the page's scan port (lib/dom/background-scanner.ts): scan
   * text blocks with the detection engine (kept out of the page: its tables and their build
   * cost stay in the extension's own process). `seen` is what
   * the page has named in full so far (`PageState.seen`); the answer brings it up to date.
   */
  v.pipe(
    v.strictObject({
      type: v.literal('detect:scan'),
      /** The blocks' texts joined, and each one's length (one string crosses the boundary far cheaper than many). */
      text: v.pipe(v.string(), v.maxLength(MAX_SCAN_CHARS)),
      lengths: v.pipe(v.array(Offset), v.maxLength(MAX_SCAN_TEXTS)),
      seen: v.pipe(v.array(ShortText), v.maxLength(MAX_SEEN_IDS)),
      /** The page's publication date (lib/dom/page-date.ts): dated phrases are read against it. */
      date: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(?:-\d{2})?$/))),
      /** The abbreviations the page has defined so far (`PageState.abbreviations`), as [abbreviation, id] pairs. */
      abbreviations: v.optional(v.pipe(v.array(v.tuple([ShortText, ShortText])), v.maxLength(MAX_ABBREVIATIONS))),
      /** The people whose name alone the page has given to someone else so far (`PageState.namesakes`). */
      namesakes: v.optional(v.pipe(v.array(ShortText), v.maxLength(MAX_SEEN_IDS))),
      /**
       * Text read ahead of the marking pass (`Range.toString`, blocks run together): only the
       * page memory it gives comes back (names in full, abbreviations, namesakes), no results.
       */
      readAhead: v.optional(v.literal(true)),
    }),
    v.check((r) => r.lengths.reduce((sum, n) => sum + n, 0) === r.text.length, 'lengths do not add up to the text'),
  ),
  /**
   * Content script (the scout, lib/dom/scout.ts) → background: does this text, read the cheap
   * way (`textContent`, blocks run together), hold any candidate mention at all?
   */
  v.strictObject({
    type: v.literal('detect:probe'),
    text: v.pipe(v.string(), v.maxLength(MAX_PROBE_CHARS)),
    /** Leading characters that repeat the previous probe's end: their mentions were counted there. */
    overlap: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_PROBE_CHARS))),
  }),
  /** Content script → background: settle ambiguous detection candidates with the NLP resolver (kept out of the page). */
  v.strictObject({
    type: v.literal('detect:resolve'),
    items: v.pipe(v.array(CandidateSchema), v.maxLength(MAX_RESOLVE_ITEMS)),
  }),
  /** Content script → background: everything one context card shows (the fact base stays out of the page). */
  v.strictObject({ type: v.literal('card:get'), id: ShortText }),
  // Saved highlights (issue #7). The background owns the database.
  /** Content script → background: store a highlight. */
  v.strictObject({ type: v.literal('highlight:save'), draft: HighlightDraftSchema }),
  /** The highlights of one page (the background normalises the URL). */
  v.strictObject({
    type: v.literal('highlight:list-for-page'),
    url: PageUrl,
    canonical: v.optional(v.nullable(v.string())),
  }),
  v.strictObject({ type: v.literal('highlight:list-all') }),
  /** Highlights not found on their page the last time it was opened (optionally of one page). */
  v.strictObject({ type: v.literal('highlight:orphans'), url: v.optional(PageUrl) }),
  /** Edit a note, or "keep" an orphan (status back to 'unknown': tried again next visit). */
  v.strictObject({
    type: v.literal('highlight:update'),
    id: HighlightId,
    note: v.optional(v.pipe(v.string(), v.maxLength(MAX_NOTE_CHARS))),
    status: v.optional(v.literal('unknown')),
  }),
  v.strictObject({ type: v.literal('highlight:delete'), id: HighlightId }),
  /** Undo of a delete: puts the record back exactly. */
  v.strictObject({ type: v.literal('highlight:restore'), highlight: HighlightSchema }),
  /** Content script → background: the anchoring outcome on the page it restored. */
  v.strictObject({
    type: v.literal('highlight:report'),
    anchored: v.array(HighlightId),
    orphaned: v.array(HighlightId),
  }),
  /** Content script → background: find saved highlights' anchors in the page text (anchoring stays out of the page). */
  v.strictObject({
    type: v.literal('highlight:anchor'),
    text: v.pipe(v.string(), v.maxLength(MAX_ANCHOR_TEXT_CHARS)),
    anchors: v.pipe(v.array(AnchorSchema), v.maxLength(MAX_ANCHOR_ITEMS)),
  }),
  /** Import, all or nothing, skipping highlights already stored. */
  v.strictObject({ type: v.literal('highlight:import'), highlights: v.array(HighlightSchema) }),
  v.strictObject({ type: v.literal('highlight:delete-all') }),
  /** Background → content script: save the reader's current selection (context menu, shortcut). */
  v.strictObject({ type: v.literal('highlight:save-selection') }),
]);
export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];

/** What each request answers with. */
export interface Responses {
  ping: { ok: true; version: string };
  /** `active`: whether marking runs on this page now; `entities`: ids marked, with mention counts. */
  'page:status': {
    url: string;
    hostname: string;
    active: boolean;
    entities: { id: string; count: number }[];
    /** The document's MIME type: tells the popup it is in the PDF viewer whatever the URL looks like. */
    contentType?: string;
    /**
     * Whether the page is for this lens (lib/detect/relevance.ts): `shown` false when it names
     * nothing Sino-Russian (no marks unless the reader asks, `anyway`); `about` false when only
     * core entities are marked. Absent while it is being judged.
     */
    relevance?: { shown: boolean; about: boolean; anyway: boolean };
    /** The page's publication date as the page lens read it (YYYY-MM-DD or YYYY-MM), if any. */
    date?: string;
  };
  'page:mark-anyway': { ok: boolean };
  /** `ok` is false when the entity has no mention on the page. */
  'page:reveal': { ok: boolean };
  /**
   * The results of the texts where something was found (`at`: the text's index; most texts
   * have none); `seen`: the page's full names after these texts; `topics`: the topics of every
   * entity in the results (the page filters by topic without the fact base).
   */
  'detect:scan': {
    found: (ScanResult & { at: number })[];
    seen: string[];
    /** The page's abbreviations after these texts, as [abbreviation, id] pairs. */
    abbreviations: [string, string][];
    /** The page's namesakes after these texts (`PageState.namesakes`). */
    namesakes: string[];
    topics: Record<string, readonly string[]>;
    /** The entities of the results that are of the context tier (marked only on pages about Russia or China). */
    context: string[];
  };
  /**
   * `hit`: the text holds a candidate, however uncertain. `core`: its mentions of core entities
   * per id, which the page adds up over its probes and judges by `rule` (lib/detect/relevance.ts).
   */
  'detect:probe': { hit: boolean; core: Record<string, number>; rule: RelevanceRule };
  /** One decision per item, in order: true = a mention. */
  'detect:resolve': { accept: boolean[] };
  /** null for an unknown entity id. */
  'card:get': CardData | null;
  'highlight:save': HighlightResult<Highlight>;
  'highlight:list-for-page': HighlightResult<Highlight[]>;
  'highlight:list-all': HighlightResult<Highlight[]>;
  'highlight:orphans': HighlightResult<Highlight[]>;
  'highlight:update': HighlightResult<Highlight>;
  'highlight:delete': HighlightResult<Highlight | null>;
  'highlight:restore': HighlightResult<Highlight>;
  'highlight:report': HighlightResult<{ changed: number }>;
  /** One per anchor, in order: offsets into the text, or null when not found. */
  'highlight:anchor': { found: ({ start: number; end: number } | null)[] };
  'highlight:import': HighlightResult<{ added: number; skipped: number }>;
  'highlight:delete-all': HighlightResult<{ deleted: number }>;
  /** null when there was no usable selection. */
  'highlight:save-selection': HighlightResult<Highlight | null>;
}

/** Highlight requests answer with a value or a reader-facing error (kinds in lib/db/errors.ts). */
export type HighlightResult<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };
export type ResponseFor<T extends RequestType> = Responses[T];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** Returns the validated request, or null when the payload is not one of ours. */
export function parseRequest(raw: unknown): Request | null {
  const result = v.safeParse(RequestSchema, raw);
  return result.success ? result.output : null;
}
