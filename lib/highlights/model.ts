/**
 * The shape of a saved highlight, as one valibot schema from which the types
 * are inferred. The anchor follows the W3C Web Annotation selectors: a
 * TextQuoteSelector (exact text plus context) and a TextPositionSelector
 * (character offsets into the page text). Pure module.
 */
import * as v from 'valibot';

/** Context kept on each side of a quote; long enough to tell repeated quotes apart. */
export const MIN_CONTEXT_CHARS = 32;
/** Longest quote we store; longer selections are refused with a message. */
export const MAX_QUOTE_CHARS = 10_000;
/** Longest note we store. */
export const MAX_NOTE_CHARS = 10_000;

const IsoDate = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp'));
const EntityId = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case entity id'));

export const TextQuoteSelectorSchema = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_QUOTE_CHARS)),
  prefix: v.string(),
  suffix: v.string(),
});
export type TextQuoteSelector = v.InferOutput<typeof TextQuoteSelectorSchema>;

export const TextPositionSelectorSchema = v.pipe(
  v.strictObject({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.check((p) => p.end > p.start, 'end must be greater than start'),
);
export type TextPositionSelector = v.InferOutput<typeof TextPositionSelectorSchema>;

export const AnchorSchema = v.strictObject({
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
});
export type Anchor = v.InferOutput<typeof AnchorSchema>;

/** Whether the highlight was found on its page the last time the page was opened. */
export const HIGHLIGHT_STATUSES = ['unknown', 'anchored', 'orphan'] as const;
export type HighlightStatus = (typeof HIGHLIGHT_STATUSES)[number];

export const HighlightSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** Normalised page URL (see url.ts); highlights are grouped and looked up by it. */
  url: v.pipe(v.string(), v.minLength(1)),
  /** The address the reader was on when saving. */
  originalUrl: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  created: IsoDate,
  updated: IsoDate,
  anchor: AnchorSchema,
  note: v.pipe(v.string(), v.maxLength(MAX_NOTE_CHARS)),
  entities: v.array(EntityId),
  status: v.picklist(HIGHLIGHT_STATUSES),
});
export type Highlight = v.InferOutput<typeof HighlightSchema>;

/** What a content script sends to save a highlight; the background fills in the rest. */
export const HighlightDraftSchema = v.strictObject({
  pageUrl: v.pipe(v.string(), v.minLength(1)),
  /** The page's rel=canonical href, if any; used only when it is on the same host. */
  canonical: v.optional(v.nullable(v.string())),
  title: v.string(),
  anchor: AnchorSchema,
  note: v.optional(v.pipe(v.string(), v.maxLength(MAX_NOTE_CHARS))),
  entities: v.array(EntityId),
});
export type HighlightDraft = v.InferOutput<typeof HighlightDraftSchema>;

/**
 * A key that two copies of the same highlight share even when their ids differ:
 * same page, same quote, same context. Used to refuse duplicates on import.
 */
export function highlightKey(h: Pick<Highlight, 'url' | 'anchor'>): string {
  const q = h.anchor.quote;
  return JSON.stringify([h.url, q.exact, q.prefix, q.suffix]);
}
