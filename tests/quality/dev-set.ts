/**
 * The labelled development set: the seed essay (read at run time from the
 * dossier, never copied), news-style articles written for this project and
 * confusable controls, each run through exactly the command-line tool's code
 * (happy-dom + collectTextBlocks + detectBlocks + resolveWithNlp).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { annotateHtml, type FileResult } from '../../lib/cli/annotate';
import type { Detector } from '../../lib/detect/detector';

export const DEV_SET_DIR = fileURLToPath(new URL('../fixtures/dev-set/', import.meta.url));
export const SEED_PATH = fileURLToPath(new URL('../../../shared/dossier/seed-article.txt', import.meta.url));

/** A labelled mention: entity id, exact text, and which occurrence of that text in the body text (1-based). */
export type Label = [id: string, text: string, occurrence: number];

export interface Labels {
  /** Documents labelled by hand before the detector first ran on them: an unbiased check. */
  blind: string[];
  /** Per document name ("seed" or an HTML file name): every mention. Controls have none. */
  documents: Record<string, Label[]>;
}

export function readLabels(): Labels {
  return JSON.parse(readFileSync(DEV_SET_DIR + 'labels.json', 'utf8')) as Labels;
}

/** The seed essay as an HTML document: one paragraph per line, text set as text (never parsed as HTML). */
export function seedHtml(): string {
  const text = readFileSync(SEED_PATH, 'utf8');
  const window = new Window();
  const doc = window.document;
  const lines = text.split('\n').filter((l) => l.trim().length > 0);
  lines.forEach((line, i) => {
    // The title and the all-capital lines are headings, the rest paragraphs.
    const el = doc.createElement(i === 0 ? 'h1' : line === line.toUpperCase() ? 'h2' : 'p');
    el.textContent = line;
    doc.body.appendChild(el);
  });
  const html = '<!doctype html><html><body>' + doc.body.innerHTML + '</body></html>';
  void window.happyDOM.close();
  return html;
}

export interface DevDocument {
  name: string;
  html: string;
  control: boolean;
}

/** Every document of the development set; controls are the files named control-*.html. */
export function devDocuments(): DevDocument[] {
  const files = readdirSync(DEV_SET_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort();
  return [
    { name: 'seed', html: seedHtml(), control: false },
    ...files.map((f) => ({ name: f, html: readFileSync(DEV_SET_DIR + f, 'utf8'), control: f.startsWith('control-') })),
  ];
}

/** The body text of a document, as the tool's offsets see it. */
export function bodyText(html: string): string {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true } });
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  const text = doc.body.textContent ?? '';
  void window.happyDOM.close();
  return text;
}

/** Turns a labelled [id, text, occurrence] into offsets in `body`; throws on a label that does not fit. */
export function labelOffsets(body: string, label: Label, doc: string): { id: string; start: number; end: number } {
  const [id, text, occurrence] = label;
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = body.indexOf(text, at + 1);
    if (at < 0) throw new Error(`${doc}: label ${JSON.stringify(label)} not found in the text`);
  }
  return { id, start: at, end: at + text.length };
}

/** Which occurrence of `text` in `body` starts at `start` (1-based). */
export function occurrenceOf(body: string, text: string, start: number): number {
  let n = 0;
  for (let at = body.indexOf(text); at >= 0 && at <= start; at = body.indexOf(text, at + 1)) n++;
  return n;
}

/**
 * The entity files this set was labelled against: mentions of entities added
 * to the fact base later are not in its labels, and are left out of its scores.
 */
const LABELLED_AGAINST = ['catalogue.json', 'extra-1.json', 'extra-2.json'];
const labelledIds = new Set(
  LABELLED_AGAINST.flatMap((f) =>
    (
      JSON.parse(readFileSync(fileURLToPath(new URL(`../../assets/factbase/${f}`, import.meta.url)), 'utf8')) as {
        id: string;
      }[]
    ).map((e) => e.id),
  ),
);

/**
 * What the tool finds in a document, without the names nested in longer
 * phrases: this set was labelled before they were mentions ("a name inside a
 * longer labelled name or paraphrase is not labelled separately"), and
 * against the entities of LABELLED_AGAINST.
 */
export async function annotateDocument(doc: DevDocument, detector: Detector): Promise<FileResult> {
  const result = await annotateHtml(doc.html, detector);
  const mentions = result.mentions.filter((m) => !m.nested && labelledIds.has(m.id));
  return { entities: [...new Set(mentions.map((m) => m.id))].sort(), mentions };
}
