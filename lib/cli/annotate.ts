/**
 * `npm run annotate -- [--json] FILE.html ...`: the command-line twin of the
 * content script. Parses each local HTML file with happy-dom (no network, no
 * scripts), extracts text with the same `collectTextBlocks`, detects with the
 * same `detectBlocks` and detector, and resolves uncertain candidates with
 * `resolveWithNlp` in-process (the background does the same for the page).
 * Prints every mention the extension would mark, whatever the density
 * setting, plus the names nested in descriptive phrases (which overlap them);
 * on a page that is not about Russia or China, only what the relevance rule
 * lets through (`--any-page`: everything). Offsets are into
 * `document.body.textContent`.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Window } from 'happy-dom';
import { aliasTable } from '../detect/bundled-table';
import { createDetector, newPageState, type Detector } from '../detect/detector';
import { resolveWithNlp } from '../detect/nlp-resolve';
import { admitted, relevanceFromCounts } from '../detect/relevance';
import { coreCounts } from '../detect/scan-service';
import { judgeByProbes } from '../dom/scout';
import { RELEVANCE } from '../detect/rules';
import type { Mention } from '../detect/types';
import { detectBlocks } from '../dom/detect-blocks';
import { readPageDate } from '../dom/page-date';
import { collectTextBlocks } from '../dom/text-blocks';

export interface FileResult {
  /** Every entity mentioned, nested mentions included, sorted. */
  entities: string[];
  /** By start, a phrase before the names nested in it (flagged `nested`). */
  mentions: Mention[];
}

/** Offsets of every text node of `root` within `root.textContent`. */
function textOffsets(root: Node): Map<Text, number> {
  const offsets = new Map<Text, number>();
  let at = 0;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      offsets.set(node as Text, at);
      at += (node as Text).data.length;
      continue;
    }
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return offsets;
}

export interface AnnotateOptions {
  /** The page's address, for the date it may hold (a local file has none). */
  url?: string;
  /** Every mention, even on a page that is not about Russia or China (as the popup's "mark anyway"). */
  anyPage?: boolean;
}

/**
 * Annotates one HTML document given as text: the mentions the extension finds
 * on it, nested ones included, after the relevance rule (lib/detect/relevance.ts).
 */
export async function annotateHtml(
  html: string,
  detector: Detector,
  options: AnnotateOptions = {},
): Promise<FileResult> {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    const body = doc.body as unknown as Node | null;
    if (!body) return { entities: [], mentions: [] };
    const blocks = collectTextBlocks(body);
    const page = newPageState();
    const date = readPageDate(doc as unknown as Document, options.url ?? '');
    if (date) page.date = date.date;
    const found = await detectBlocks(blocks, detector, page, async (p) => resolveWithNlp(p));
    const offsets = textOffsets(body);
    const mentions: Mention[] = [];
    for (const { block, mention } of found) {
      const part = block.parts.find((p) => p.start <= mention.start && mention.end <= p.end)!;
      const base = offsets.get(part.node)! + (mention.start - part.start);
      const at = { id: mention.id, text: mention.text, start: base, end: base + (mention.end - mention.start) };
      mentions.push(mention.nested ? { ...at, nested: true } : at);
    }
    mentions.sort((a, b) => a.start - b.start || b.end - a.end);
    // Relevance is judged as the page lens judges it: from the texts the scout probes.
    const relevance =
      (await judgeByProbes(body as unknown as Element, (text, overlap) => ({
        core: coreCounts(text, detector, overlap),
        rule: RELEVANCE,
      }))) ?? relevanceFromCounts({}, RELEVANCE);
    const tierOf = (id: string) => detector.tierOf(id);
    const shown = options.anyPage ? mentions : mentions.filter((m) => admitted(m.id, relevance, tierOf));
    const entities = [...new Set(shown.map((m) => m.id))].sort();
    return { entities, mentions: shown };
  } finally {
    await window.happyDOM.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const anyPage = argv.includes('--any-page');
  const files = argv.filter((a) => a !== '--json' && a !== '--any-page');
  if (files.length === 0) {
    process.stderr.write('usage: npm run annotate -- [--json] [--any-page] FILE.html ...\n');
    return 2;
  }
  const detector = createDetector(aliasTable);
  const results: Record<string, FileResult> = {};
  let failed = false;
  for (const file of files) {
    let html: string;
    try {
      html = await readFile(file, 'utf8');
    } catch (error) {
      process.stderr.write(`annotate: cannot read ${file}: ${(error as Error).message}\n`);
      failed = true;
      continue;
    }
    const result = await annotateHtml(html, detector, { anyPage });
    results[basename(file)] = result;
    if (!json) {
      process.stdout.write(`${file}: ${result.mentions.length} mentions of ${result.entities.length} entities\n`);
      process.stdout.write(`  entities: ${result.entities.join(', ') || '(none)'}\n`);
      for (const m of result.mentions) {
        process.stdout.write(`  ${m.start}-${m.end}\t${m.id}\t${JSON.stringify(m.text)}\n`);
      }
    }
  }
  if (json) {
    // The shared interface: four keys per mention; a nested one is told apart by overlapping its phrase.
    const plain = (r: FileResult) => ({
      entities: r.entities,
      mentions: r.mentions.map(({ id, text, start, end }) => ({ id, text, start, end })),
    });
    const out = Object.fromEntries(Object.entries(results).map(([name, r]) => [name, plain(r)]));
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  }
  return failed ? 1 : 0;
}

// Run only as a script, not when imported by tests.
if (process.argv[1] && /annotate\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`annotate: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
