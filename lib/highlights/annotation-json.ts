/**
 * Our JSON export: a W3C Web Annotation AnnotationCollection with every
 * highlight as an Annotation (TextQuoteSelector + TextPositionSelector), and
 * the parser that reads it back. Fields the W3C model has no term for (page
 * title, original URL, anchoring status) carry the `lens:` prefix, declared
 * in the JSON-LD context. Import is all or nothing: the first problem found is
 * reported with where it is, and no highlight is returned. Pure module.
 */
import * as v from 'valibot';
import { AnchorSchema, HighlightSchema, HIGHLIGHT_STATUSES, type Highlight } from './model';

export const LENS_NS = 'https://eurasia-lens.invalid/ns#';
export const EXPORT_FORMAT_VERSION = 1;
const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    source: string;
    'lens:originalUrl': string;
    'lens:title': string;
    selector: [Highlight['anchor']['quote'], Highlight['anchor']['position']];
  };
  'lens:status': Highlight['status'];
}

export interface AnnotationCollection {
  '@context': [string, { lens: string }];
  type: 'AnnotationCollection';
  label: string;
  generator: { type: 'Software'; name: string };
  generated: string;
  'lens:formatVersion': number;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: Annotation[] };
}

export function toAnnotation(h: Highlight): Annotation {
  const body: AnnotationBody[] = [];
  if (h.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: h.note, format: 'text/plain' });
  for (const e of h.entities) body.push({ type: 'TextualBody', purpose: 'tagging', value: e });
  return {
    id: UUID.test(h.id) ? `urn:uuid:${h.id}` : h.id,
    type: 'Annotation',
    motivation: h.note ? 'commenting' : 'highlighting',
    created: h.created,
    modified: h.updated,
    ...(body.length ? { body } : {}),
    target: {
      source: h.url,
      'lens:originalUrl': h.originalUrl,
      'lens:title': h.title,
      selector: [h.anchor.quote, h.anchor.position],
    },
    'lens:status': h.status,
  };
}

export function toAnnotationCollection(highlights: readonly Highlight[], generated = new Date()): AnnotationCollection {
  return {
    '@context': [W3C_CONTEXT, { lens: LENS_NS }],
    type: 'AnnotationCollection',
    label: 'Eurasia Lens highlights',
    generator: { type: 'Software', name: 'Eurasia Lens' },
    generated: generated.toISOString(),
    'lens:formatVersion': EXPORT_FORMAT_VERSION,
    total: highlights.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: highlights.map(toAnnotation) },
  };
}

export function exportJson(highlights: readonly Highlight[], generated = new Date()): string {
  return `${JSON.stringify(toAnnotationCollection(highlights, generated), null, 2)}\n`;
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
  total: v.pipe(v.number(), v.integer(), v.minValue(0)),
  first: v.object({ items: v.array(v.unknown()) }),
});

export type ImportResult = { ok: true; highlights: Highlight[]; duplicates: number } | { ok: false; error: string };

function where(issue: v.BaseIssue<unknown>): string {
  return v.getDotPath(issue) ?? '(top level)';
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = where(issue);
  const got = issue.input === undefined ? 'it is missing' : `got ${JSON.stringify(issue.input)?.slice(0, 60)}`;
  return `${path}: ${issue.message.replace(/^Invalid [^:]+: /, '')} (${got})`;
}

function fromAnnotation(a: v.InferOutput<typeof AnnotationSchema>): unknown {
  const bodies = a.body ?? [];
  return {
    id: a.id.startsWith('urn:uuid:') ? a.id.slice('urn:uuid:'.length) : a.id,
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

/**
 * Reads an export file. Every annotation must be valid; otherwise the result
 * names the first bad one and what is wrong with it. Repeated ids inside the
 * file are counted in `duplicates` and kept once.
 */
export function parseAnnotationJson(fileText: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(fileText);
  } catch (error) {
    return { ok: false, error: `The file is not valid JSON: ${(error as Error).message}` };
  }
  const collection = v.safeParse(CollectionSchema, data);
  if (!collection.success) {
    return { ok: false, error: `Not an Eurasia Lens highlights export — ${describeIssue(collection.issues[0])}` };
  }
  const items = collection.output.first.items;
  if (items.length !== collection.output.total) {
    return {
      ok: false,
      error: `The file says it holds ${collection.output.total} highlights but contains ${items.length}; it may be truncated.`,
    };
  }
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
  return { ok: true, highlights, duplicates };
}
