/**
 * Benchmark of saved-highlight export and import (printed by `npm run bench`;
 * not a test, never fails on speed): 5,000 highlights exported as W3C Web
 * Annotation JSON, Markdown and CSV, and the JSON parsed and validated back
 * (the import check). Median of 5 runs each. Also: re-anchoring 100 highlights
 * in the seed article after edits, the work a page load does.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportJson, parseAnnotationJson } from '../../lib/highlights/annotation-json';
import { anchorQuote } from '../../lib/highlights/anchor-quote';
import { describeRange } from '../../lib/highlights/describe-range';
import { exportCsv } from '../../lib/highlights/export-csv';
import { exportMarkdown } from '../../lib/highlights/export-markdown';
import type { Highlight } from '../../lib/highlights/model';
import { foldWhitespace } from '../../lib/highlights/whitespace';
import { mulberry32 as random } from '../support/random';

export const HIGHLIGHT_COUNT = 5_000;
const RUNS = 5;
const SEED = resolve(import.meta.dirname, '../../../shared/dossier/seed-article.txt');

/** 5,000 highlights over 500 pages, quotes of 40–400 characters from the seed article, a note on every third. */
function generate(text: string): Highlight[] {
  const r = random(5);
  const out: Highlight[] = [];
  for (let i = 0; i < HIGHLIGHT_COUNT; i++) {
    const start = Math.floor(r() * (text.length - 500));
    const anchor = describeRange(text, start, start + 40 + Math.floor(r() * 360))!;
    const time = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
    out.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      url: `https://news.example.com/2026/article-${i % 500}`,
      originalUrl: `https://news.example.com/2026/article-${i % 500}?utm_source=rss`,
      title: `Article ${i % 500} about Russia and China`,
      created: time,
      updated: time,
      anchor,
      note: i % 3 === 0 ? `Reader note ${i}: compare with the 2014 contract terms.` : '',
      entities: ['gazprom', 'cnpc', 'power-of-siberia'].slice(0, i % 4),
      status: 'anchored',
    });
  }
  return out;
}

function median(work: () => unknown): { ms: number; result: unknown } {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)]!, result };
}

export interface HighlightsBenchResult {
  jsonMs: number;
  markdownMs: number;
  csvMs: number;
  importMs: number;
  jsonBytes: number;
  anchorMsPerHighlight: number;
}

export function runHighlightsBench(): HighlightsBenchResult {
  const text = readFileSync(SEED, 'utf8');
  const highlights = generate(text);
  const json = median(() => exportJson(highlights));
  const markdown = median(() => exportMarkdown(highlights));
  const csv = median(() => exportCsv(highlights));
  const file = json.result as string;
  const parsed = median(() => parseAnnotationJson(file));
  const back = parsed.result as ReturnType<typeof parseAnnotationJson>;
  if (!back.ok || back.highlights.length !== HIGHLIGHT_COUNT) throw new Error('the exported file did not import back');

  // Re-anchoring: 100 highlights after an ad is inserted and whitespace reflowed (the common page-load case).
  const edited = `Advertisement. Subscribe now.\n\n${text.replace(/ /g, '  ')}`;
  const sample = highlights.slice(0, 100);
  const anchored = median(() => {
    const folded = foldWhitespace(edited);
    return sample.filter((h) => anchorQuote(edited, h.anchor, folded)).length;
  });

  const result: HighlightsBenchResult = {
    jsonMs: json.ms,
    markdownMs: markdown.ms,
    csvMs: csv.ms,
    importMs: parsed.ms,
    jsonBytes: Buffer.byteLength(file),
    anchorMsPerHighlight: anchored.ms / sample.length,
  };
  console.log(`Saved highlights: ${HIGHLIGHT_COUNT} highlights, median of ${RUNS} runs`);
  console.log(`  export W3C JSON   ${result.jsonMs.toFixed(1)} ms (${(result.jsonBytes / 1024 / 1024).toFixed(2)} MB)`);
  console.log(`  export Markdown   ${result.markdownMs.toFixed(1)} ms`);
  console.log(`  export CSV        ${result.csvMs.toFixed(1)} ms`);
  console.log(`  import check      ${result.importMs.toFixed(1)} ms (parse + validate every annotation)`);
  console.log(
    `  re-anchor         ${result.anchorMsPerHighlight.toFixed(2)} ms per highlight (${anchored.result as number}/100 found after edits)`,
  );
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) runHighlightsBench();
