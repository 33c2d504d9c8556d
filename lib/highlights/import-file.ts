/**
 * One entry point for every file the highlights page imports: it tells our
 * own exports (format version 1 or 2) from a Hypothesis export, reads it all
 * or nothing, and then says what importing it would do against what is stored
 * already, before anything is written. Pure module.
 */
import { parseAnnotationCollection } from './annotation-json';
import { noEntityTags, type TagResolver } from './entity-tags';
import { looksLikeHypothesisExport, parseHypothesisExport } from './hypothesis-import';
import { parseJson } from './import-issue';
import { highlightKey, type Highlight } from './model';

export type ImportFormat = 'lens-1' | 'lens-2' | 'hypothesis';

export interface ParsedImport {
  format: ImportFormat;
  /** Every importable highlight, each id once. */
  highlights: Highlight[];
  /** Entries repeated inside the file, counted once in `highlights`. */
  repeated: number;
  /** Entries that quote no passage (Hypothesis page notes and replies), so cannot become highlights. */
  notImportable: number;
  /** Hypothesis tags that became entities / were kept in the note. */
  tagsLinked: number;
  tagsKept: number;
}

export type ParseImportResult = ({ ok: true } & ParsedImport) | { ok: false; error: string };

export function parseImportFile(fileText: string, resolveTag: TagResolver = noEntityTags): ParseImportResult {
  const json = parseJson(fileText);
  if (!json.ok) return json;
  const data = json.value;
  const type = data && typeof data === 'object' ? (data as { type?: unknown }).type : undefined;
  if (type === undefined && looksLikeHypothesisExport(data)) {
    const hyp = parseHypothesisExport(data, resolveTag);
    if (!hyp.ok) return hyp;
    return {
      ok: true,
      format: 'hypothesis',
      highlights: hyp.highlights,
      repeated: hyp.duplicates,
      notImportable: hyp.pageNotes + hyp.replies,
      tagsLinked: hyp.tagsLinked,
      tagsKept: hyp.tagsKept,
    };
  }
  if (type === undefined) {
    return {
      ok: false,
      error:
        'This file is neither an Eurasia Lens highlights export (a Web Annotation "AnnotationCollection") ' +
        'nor a Hypothesis export (an "annotations" list).',
    };
  }
  const lens = parseAnnotationCollection(data);
  if (!lens.ok) return lens;
  return {
    ok: true,
    format: lens.formatVersion === 1 ? 'lens-1' : 'lens-2',
    highlights: lens.highlights,
    repeated: lens.duplicates,
    notImportable: 0,
    tagsLinked: 0,
    tagsKept: 0,
  };
}

/** What importing a parsed file would do, shown to the reader before anything is written. */
export interface ImportPlan extends ParsedImport {
  /** Distinct pages the file's highlights are on. */
  pages: number;
  /** Highlights of the file already stored (same id, or same page, quote and context). */
  alreadyHere: number;
  /** The highlights that importing would add. */
  fresh: Highlight[];
}

/**
 * Compares a parsed file with the stored highlights, by the same rules the
 * database applies when it imports (id, then page + quote + context).
 */
export function planImport(parsed: ParsedImport, stored: readonly Highlight[]): ImportPlan {
  const storedIds = new Set(stored.map((h) => h.id));
  const storedKeys = new Set(stored.map(highlightKey));
  const fileKeys = new Set<string>();
  const fresh: Highlight[] = [];
  let alreadyHere = 0;
  let repeated = parsed.repeated;
  for (const h of parsed.highlights) {
    const key = highlightKey(h);
    if (storedIds.has(h.id) || storedKeys.has(key)) alreadyHere++;
    else if (fileKeys.has(key)) repeated++;
    else fresh.push(h);
    fileKeys.add(key);
  }
  return {
    ...parsed,
    repeated,
    pages: new Set(parsed.highlights.map((h) => h.url)).size,
    alreadyHere,
    fresh,
  };
}
