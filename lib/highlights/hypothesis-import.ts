/**
 * Reads the JSON export of the Hypothesis annotation client (an object with an
 * `annotations` array, as its sidebar's "Export" writes it; the `rows` of an
 * API search answer are read the same way) into highlights.
 *
 * Each annotation's quoted passage (its TextQuoteSelector, with the
 * TextPositionSelector as a position hint) becomes the highlight; its text
 * becomes the note; each tag that names a fact-base entity becomes that
 * entity, and the other tags are kept at the end of the note. Page notes and
 * replies quote no passage, so there is nothing to anchor: they are counted,
 * not imported. Any malformed annotation refuses the whole file, naming it.
 * Pure module.
 */
import * as v from 'valibot';
import { describeIssue } from './import-issue';
import {
  HighlightSchema,
  MAX_QUOTE_CHARS,
  type Highlight,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './model';
import { noEntityTags, tagKey, type TagResolver } from './entity-tags';
import { normalizePageUrl } from './url';

/** Stored ids of imported Hypothesis annotations: their own id behind this prefix, so re-imports are recognised. */
export const HYPOTHESIS_ID_PREFIX = 'hypothesis-';
/** Hypothesis ids are 22 characters; anything near the stored id's limit is not one. */
const MAX_HYPOTHESIS_ID = 180;
/** How the tags that name no entity are introduced in the note. */
export const KEPT_TAGS_LABEL = 'Tags:';

const Timestamp = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp'));

const HypothesisAnnotationSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_HYPOTHESIS_ID)),
  uri: v.optional(v.string()),
  text: v.optional(v.string(), ''),
  tags: v.optional(v.array(v.string()), []),
  created: Timestamp,
  updated: v.optional(Timestamp),
  references: v.optional(v.array(v.string()), []),
  document: v.optional(
    v.object({
      title: v.optional(v.union([v.string(), v.array(v.string())], 'must be a string or a list of strings')),
    }),
  ),
  target: v.pipe(
    v.array(
      v.object({
        source: v.optional(v.string()),
        selector: v.optional(v.array(v.looseObject({ type: v.string() }))),
      }),
    ),
    v.minLength(1, 'must name the annotated document'),
  ),
});
type HypothesisAnnotation = v.InferOutput<typeof HypothesisAnnotationSchema>;

const QuoteSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(
    v.string(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(MAX_QUOTE_CHARS, `is longer than the ${MAX_QUOTE_CHARS} characters a highlight can hold`),
  ),
  prefix: v.optional(v.string(), ''),
  suffix: v.optional(v.string(), ''),
});

const PositionSchema = v.pipe(
  v.object({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.check((p) => p.end > p.start, 'end must be greater than start'),
);

const ExportSchema = v.union(
  [v.object({ annotations: v.array(v.unknown()) }), v.object({ rows: v.array(v.unknown()) })],
  'must have an "annotations" list',
);

export interface HypothesisImport {
  highlights: Highlight[];
  /** Annotations that appear more than once in the file (same id), kept once. */
  duplicates: number;
  /** Page notes: annotations of a whole page, with no quoted passage. */
  pageNotes: number;
  /** Replies to other annotations; they quote nothing either. */
  replies: number;
  /** Tags that became entities, and tags kept in the note. */
  tagsLinked: number;
  tagsKept: number;
}

export type HypothesisResult = ({ ok: true } & HypothesisImport) | { ok: false; error: string };

/** Whether parsed JSON looks like a Hypothesis export (so errors can speak of its annotations). */
export function looksLikeHypothesisExport(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    (Array.isArray((data as { annotations?: unknown }).annotations) || Array.isArray((data as { rows?: unknown }).rows))
  );
}

function isWebAddress(s: string | undefined): s is string {
  return !!s && /^https?:\/\//i.test(s.trim());
}

/** The annotated page: the target's source, or the annotation's uri when only that is a web address. */
function pageOf(a: HypothesisAnnotation): string | null {
  const source = a.target[0]?.source?.trim();
  const uri = a.uri?.trim();
  if (isWebAddress(source)) return source;
  if (isWebAddress(uri)) return uri;
  return source || uri || null;
}

function titleOf(a: HypothesisAnnotation): string {
  const title = a.document?.title;
  return (Array.isArray(title) ? (title[0] ?? '') : (title ?? '')).trim();
}

interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** The quote and position selectors of the first target, a reason it is malformed, or null for no quote. */
function selectorsOf(a: HypothesisAnnotation): Selectors | string | null {
  const selectors = a.target[0]?.selector ?? [];
  const qi = selectors.findIndex((s) => s.type === 'TextQuoteSelector');
  if (qi < 0) return null;
  const quote = v.safeParse(QuoteSchema, selectors[qi]);
  if (!quote.success) return describeIssue(quote.issues[0], `target.0.selector.${qi}`);
  const pi = selectors.findIndex((s) => s.type === 'TextPositionSelector');
  let position: TextPositionSelector;
  if (pi >= 0) {
    const parsed = v.safeParse(PositionSchema, selectors[pi]);
    if (!parsed.success) return describeIssue(parsed.issues[0], `target.0.selector.${pi}`);
    position = parsed.output;
  } else {
    // Anchoring tries the stored position only as a hint and then finds the quote by its
    // text and context, so a placeholder at the start of the page costs nothing.
    position = { type: 'TextPositionSelector', start: 0, end: quote.output.exact.length };
  }
  return { quote: quote.output, position };
}

/** Tags, once each (compared as tags are), split into entity ids and tags kept as text. */
function splitTags(tags: readonly string[], resolveTag: TagResolver): { entities: string[]; kept: string[] } {
  const seen = new Set<string>();
  const entities = new Set<string>();
  const kept: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tagKey(tag);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const id = resolveTag(tag);
    if (id) entities.add(id);
    else kept.push(tag);
  }
  return { entities: [...entities].sort(), kept };
}

function noteOf(text: string, kept: readonly string[]): string {
  const parts = [text.trim()];
  if (kept.length) parts.push(`${KEPT_TAGS_LABEL} ${kept.join(', ')}`);
  return parts.filter(Boolean).join('\n\n');
}

function utc(iso: string): string {
  return new Date(iso).toISOString();
}

/**
 * Reads a Hypothesis export, already parsed from JSON. `resolveTag` maps a tag
 * to the entity id it names (see entity-tags.ts).
 */
export function parseHypothesisExport(data: unknown, resolveTag: TagResolver = noEntityTags): HypothesisResult {
  const file = v.safeParse(ExportSchema, data);
  if (!file.success) return { ok: false, error: `Not a Hypothesis export — ${describeIssue(file.issues[0])}` };
  const items = 'annotations' in file.output ? file.output.annotations : file.output.rows;
  const out: HypothesisImport = { highlights: [], duplicates: 0, pageNotes: 0, replies: 0, tagsLinked: 0, tagsKept: 0 };
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const raw = items[i];
    const rawId = raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string' ? ` (id ${raw.id})` : '';
    const label = `Hypothesis annotation ${i + 1} of ${items.length}${rawId}`;
    const parsed = v.safeParse(HypothesisAnnotationSchema, raw);
    if (!parsed.success) return { ok: false, error: `${label}: ${describeIssue(parsed.issues[0])}` };
    const a = parsed.output;
    if (a.references.length) {
      out.replies++;
      continue;
    }
    const selectors = selectorsOf(a);
    if (typeof selectors === 'string') return { ok: false, error: `${label}: ${selectors}` };
    if (!selectors) {
      out.pageNotes++;
      continue;
    }
    const page = pageOf(a);
    if (!page) return { ok: false, error: `${label}: target.0.source: the annotated page's address is missing` };
    const id = `${HYPOTHESIS_ID_PREFIX}${a.id}`;
    if (seen.has(id)) {
      out.duplicates++;
      continue;
    }
    seen.add(id);
    const { entities, kept } = splitTags(a.tags, resolveTag);
    const created = utc(a.created);
    const candidate: Highlight = {
      id,
      url: normalizePageUrl(page),
      originalUrl: page,
      title: titleOf(a),
      created,
      updated: a.updated ? utc(a.updated) : created,
      anchor: selectors,
      note: noteOf(a.text, kept),
      entities,
      status: 'unknown',
    };
    const highlight = v.safeParse(HighlightSchema, candidate);
    if (!highlight.success) {
      const issue = highlight.issues[0];
      const why =
        v.getDotPath(issue) === 'note'
          ? `its text and tags come to ${candidate.note.length} characters; a highlight's note holds at most ${issue.requirement as number}`
          : describeIssue(issue);
      return { ok: false, error: `${label}: ${why}` };
    }
    out.tagsLinked += entities.length;
    out.tagsKept += kept.length;
    out.highlights.push(highlight.output);
  }
  return { ok: true, ...out };
}
