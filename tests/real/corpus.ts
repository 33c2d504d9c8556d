/**
 * The real-text corpus: excerpts of real public news pages, kept as a recipe
 * (address, how it was found, sha256 and length of the text as obtained) with
 * their labels in corpus.json. The texts are third-party and never committed:
 * they live in tests/real/texts/ (git-ignored), one `<id>.txt` each, and are
 * checked by hash before they are scored. Labels follow
 * ../shared/eval/labelling.md and were made before the detector ran on them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { occurrences } from './labelling-tools.mjs';

export const REAL_DIR = fileURLToPath(new URL('./', import.meta.url));
export const TEXTS_DIR = REAL_DIR + 'texts/';

export type Lang = 'en' | 'ru' | 'zh-Hans' | 'zh-Hant';
/** [entity id, exact text, occurrence (1-based, whole-word), "optional"?] */
export type RealLabel = [id: string, text: string, occurrence: number, optional?: 'optional'];
/** [exact text, occurrence, the entity id it must not get] */
export type Trap = [text: string, occurrence: number, id: string];

export interface RealDocument {
  id: string;
  url: string;
  found: string;
  lang: Lang;
  kind: 'topic' | 'offtopic';
  topic: string;
  genre: string;
  date: string | null;
  sha256: string;
  length: number;
  /** Fixed once, before the detector ran: rules may be written looking at `dev`, never at `test`. */
  split: 'dev' | 'test';
  labels: RealLabel[];
  traps: Trap[];
  /** Relevant named things in the text that the fact base has no entity for (fact-base coverage). */
  uncovered: string[];
}

export interface Corpus {
  documents: RealDocument[];
}

export function readCorpus(): Corpus {
  return JSON.parse(readFileSync(REAL_DIR + 'corpus.json', 'utf8')) as Corpus;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export type TextState = { ok: true; text: string } | { ok: false; why: 'missing' | 'changed' };

/** The document's text if it is present and is the text the recipe names (same hash and length). */
export function readText(doc: RealDocument): TextState {
  const path = `${TEXTS_DIR}${doc.id}.txt`;
  if (!existsSync(path)) return { ok: false, why: 'missing' };
  const text = readFileSync(path, 'utf8');
  if (text.length !== doc.length || sha256(text) !== doc.sha256) return { ok: false, why: 'changed' };
  return { ok: true, text };
}

/** Stored excerpts may open with the page's date as " date YYYY-MM-DD ": metadata, not body text. */
const DATE_PREFIX = /^\s*date (\d{4}-\d{2}-\d{2}) /;

/**
 * The excerpt as a page: its date (if it opens with one, or else the recipe's) as the
 * `article:published_time` meta tag, and each line a paragraph, so that
 * `body.textContent` is the text itself with the lines joined by newlines.
 */
export function pageOf(text: string, date: string | null = null): { html: string; body: string } {
  const m = DATE_PREFIX.exec(text);
  const body = m ? text.slice(m[0].length) : text;
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // The date the page carries: the excerpt's own, else the one its address or byline showed the labeller.
  const published = m?.[1] ?? date;
  const head = published ? `<meta property="article:published_time" content="${published}">` : '';
  const paragraphs = body.split('\n').map((line) => `<p>${escape(line)}</p>`);
  return { html: `<!doctype html><html><head>${head}</head><body>${paragraphs.join('\n')}</body></html>`, body };
}

/**
 * Start of the n-th occurrence of `needle` in `text` by the labelling
 * standard (case-sensitive, non-overlapping, left to right; no letter or digit
 * touching a name, except a Chinese one), as the labellers' checks count it;
 * -1 when there are fewer.
 */
export function occurrence(text: string, needle: string, n: number): number {
  return occurrences(text, needle)[n - 1] ?? -1;
}
