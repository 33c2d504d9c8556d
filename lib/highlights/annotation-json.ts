/**
 * Our JSON export: a W3C Web Annotation AnnotationCollection with every
 * highlight as an Annotation (TextQuoteSelector + TextPositionSelector) in one
 * embedded AnnotationPage, and the parser that reads it back. Fields the W3C
 * model has no term for (page title, original URL, anchoring status) carry the
 * `lens:` prefix, declared in the JSON-LD context. Import is all or nothing:
 * the first problem found is reported with where it is, and no highlight is
 * returned. Reads format version 1 (bare ids for non-UUID highlights, no
 * collection id) and version 2. Pure module.
 */
import * as v from 'valibot';
import { highlightIri, idFromAnnotationIri, newUrnUuid } from './annotation-iri';
import { describeIssue, parseJson } from './import-issue';
import { AnchorSchema, HighlightSchema, HIGHLIGHT_STATUSES, type Highlight } from './model';

export const LENS_NS = 'https://eurasia-lens.invalid/ns#';
/** 1: no collection or page id, non-UUID annotation ids bare. 2: every id an absolute IRI. */
export const EXPORT_FORMAT_VERSION = 2;
export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface AnnotationBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format?: 'text/plain';
}

export interface Annotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: AnnotationBody[];
  target: {
    type: 'SpecificResource';
    source: string;
    'lens:originalUrl': string;
    'lens:title': string;
    selector: [Highlight['anchor']['quote'], Highlight['anchor']['position']];
  };
  'lens:status': Highlight['status'];
}

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: 0;
  items: Annotation[];
}

export interface AnnotationCollection {
  '@context': [string, { lens: string }];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  generator: { type: 'Software'; name: string };
  generated: string;
  'lens:formatVersion': number;
  total: number;
  /** The model requires a first page only when there are annotations, and a page never holds none. */
  first?: AnnotationPage;
  last?: string;
}

export interface ExportOptions {
  generated?: Date;
  /** The collection's IRI; a fresh `urn:uuid:` by default, since every export is a new snapshot. */
  id?: string;
  pageId?: string;
}

/** Stored times may carry any offset (older imports); the model wants UTC written with "Z". */
function utc(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString();
}

export function toAnnotation(h: Highlight): Annotation {
  const body: AnnotationBody[] = [];
  if (h.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: h.note, format: 'text/plain' });
  for (const e of h.entities) body.push({ type: 'TextualBody', purpose: 'tagging', value: e });
  return {
    id: highlightIri(h.id),
    type: 'Annotation',
    motivation: h.note ? 'commenting' : 'highlighting',
    created: utc(h.created),
    modified: utc(h.updated),
    ...(body.length ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: h.url,
      'lens:originalUrl': h.originalUrl,
      'lens:title': h.title,
      selector: [h.anchor.quote, h.anchor.position],
    },
    'lens:status': h.status,
  };
}

export function toAnnotationCollection(
  highlights: readonly Highlight[],
  options: ExportOptions = {},
): AnnotationCollection {
  const id = options.id ?? newUrnUuid();
  const pageId = options.pageId ?? newUrnUuid();
  const collection: AnnotationCollection = {
    '@context': [W3C_CONTEXT, { lens: LENS_NS }],
    id,
    type: 'AnnotationCollection',
    label: 'Eurasia Lens highlights',
    generator: { type: 'Software', name: 'Eurasia Lens' },
    generated: (options.generated ?? new Date()).toISOString(),
    'lens:formatVersion': EXPORT_FORMAT_VERSION,
    total: highlights.length,
  };
  if (highlights.length) {
    collection.first = {
      id: pageId,
      type: 'AnnotationPage',
      partOf: id,
      startIndex: 0,
      items: highlights.map(toAnnotation),
    };
    collection.last = pageId;
  }
  return collection;
}

export function exportJson(highlights: readonly Highlight[], options: ExportOptions = {}): string {
  return `${JSON.stringify(toAnnotationCollection(highlights, options), null, 2)}\n`;
}

// ---- import ----

const BodySchema = v.object({
  type: v.literal('TextualBody'),
  purpose: v.picklist(['commenting', 'tagging'], 'must be "commenting" or "tagging"'),
  value: v.string(),
});

const AnnotationSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  type: v.literal('Annotation', 'must be "Annotation"'),
  created: v.string(),
  modified: v.string(),
  body: v.optional(v.array(BodySchema)),
  target: v.object({
    source: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
    'lens:originalUrl': v.optional(v.string()),
    'lens:title': v.optional(v.string()),
    selector: v.tuple(
      [AnchorSchema.entries.quote, AnchorSchema.entries.position],
      'must be [TextQuoteSelector, TextPositionSelector]',
    ),
  }),
  'lens:status': v.optional(v.picklist(HIGHLIGHT_STATUSES)),
});

const CollectionSchema = v.object({
  type: v.literal('AnnotationCollection', 'must be "AnnotationCollection" (is this an Eurasia Lens export?)'),
  'lens:formatVersion': v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'must be 1 or more'))),
  total: v.pipe(v.number(), v.integer(), v.minValue(0)),
  first: v.optional(
    v.union(
      [v.string(), v.object({ items: v.array(v.unknown()), next: v.optional(v.unknown()) })],
      'must be an AnnotationPage with an items list',
    ),
  ),
});

export type ImportResult =
  { ok: true; highlights: Highlight[]; duplicates: number; formatVersion: number } | { ok: false; error: string };

function fromAnnotation(a: v.InferOutput<typeof AnnotationSchema>): unknown {
  const bodies = a.body ?? [];
  return {
    id: idFromAnnotationIri(a.id),
    url: a.target.source,
    originalUrl: a.target['lens:originalUrl'] ?? a.target.source,
    title: a.target['lens:title'] ?? '',
    created: a.created,
    updated: a.modified,
    anchor: { quote: a.target.selector[0], position: a.target.selector[1] },
    note: bodies
      .filter((b) => b.purpose === 'commenting')
      .map((b) => b.value)
      .join('\n\n'),
    entities: bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value),
    status: a['lens:status'] ?? 'unknown',
  };
}

/** The annotations of a collection that holds them all in its embedded first page, or why not. */
function itemsOf(collection: v.InferOutput<typeof CollectionSchema>): unknown[] | string {
  const { first, total } = collection;
  if (first === undefined) {
    return total === 0
      ? []
      : `The file says it holds ${total} highlights but has no page of them; it may be truncated.`;
  }
  if (typeof first === 'string') {
    return 'The file only links to its pages of highlights instead of containing them; export them into one file.';
  }
  if (first.next !== undefined) {
    return 'The file holds the first of several pages of highlights; only single-page exports can be imported.';
  }
  if (first.items.length !== total) {
    return `The file says it holds ${total} highlights but contains ${first.items.length}; it may be truncated.`;
  }
  return first.items;
}

/**
 * Reads an export, already parsed from JSON. Every annotation must be valid;
 * otherwise the result names the first bad one and what is wrong with it.
 * Repeated ids inside the file are counted in `duplicates` and kept once.
 */
export function parseAnnotationCollection(data: unknown): ImportResult {
  const collection = v.safeParse(CollectionSchema, data);
  if (!collection.success) {
    return { ok: false, error: `Not an Eurasia Lens highlights export — ${describeIssue(collection.issues[0])}` };
  }
  const formatVersion = collection.output['lens:formatVersion'] ?? 1;
  if (formatVersion > EXPORT_FORMAT_VERSION) {
    return {
      ok: false,
      error: `The file was written by a newer version of Eurasia Lens (format ${formatVersion}); update the extension to import it.`,
    };
  }
  const items = itemsOf(collection.output);
  if (typeof items === 'string') return { ok: false, error: items };
  const highlights: Highlight[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (let i = 0; i < items.length; i++) {
    const label = `Highlight ${i + 1} of ${items.length}`;
    const annotation = v.safeParse(AnnotationSchema, items[i]);
    if (!annotation.success) return { ok: false, error: `${label}: ${describeIssue(annotation.issues[0])}` };
    const highlight = v.safeParse(HighlightSchema, fromAnnotation(annotation.output));
    if (!highlight.success) return { ok: false, error: `${label}: ${describeIssue(highlight.issues[0])}` };
    if (seen.has(highlight.output.id)) {
      duplicates++;
      continue;
    }
    seen.add(highlight.output.id);
    highlights.push(highlight.output);
  }
  return { ok: true, highlights, duplicates, formatVersion };
}

/** Reads an export file's text; see parseAnnotationCollection. */
export function parseAnnotationJson(fileText: string): ImportResult {
  const data = parseJson(fileText);
  return data.ok ? parseAnnotationCollection(data.value) : data;
}
