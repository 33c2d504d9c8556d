/**
 * `npm run quality:real [-- --details] [-- --split dev|test]`: scores detection on the real-text
 * corpus (tests/real/corpus.json) by ../shared/eval/labelling.md — document
 * and mention level, development and test parts apart, by language, the
 * confusable traps and the off-topic pages — over whatever texts are present
 * in tests/real/texts/, and names the ones that are missing or changed.
 * `--any-page` scores without the relevance rule (what it costs in recall).
 * `--details` lists every miss and false mark (for the development part only,
 * unless `--split test` asks for the other: rules are never written looking at it).
 * `--missing` prints only the searches that would bring the missing texts back.
 */
import { aliasTable } from '../../lib/detect/bundled-table';
import { createDetector, type Detector } from '../../lib/detect/detector';
import { annotateHtml } from '../../lib/cli/annotate';
import { add, formatScores, scores, type Counts, type Span } from '../quality/metrics';
import { occurrence, pageOf, readCorpus, readText, type RealDocument } from './corpus';

interface Gold extends Span {
  optional: boolean;
}

export interface DocOutcome {
  doc: RealDocument;
  men: Counts;
  docLevel: Counts;
  traps: string[];
  marks: number;
  missed: string[];
  extra: string[];
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

/** Gold spans of a document; throws on a label that is not in the text (a broken recipe). */
export function goldOf(doc: RealDocument, body: string): Gold[] {
  return doc.labels.map(([id, text, n, optional]) => {
    const start = occurrence(body, text, n);
    if (start < 0) throw new Error(`${doc.id}: label ${JSON.stringify([id, text, n])} is not in the text`);
    return { id, start, end: start + text.length, optional: optional === 'optional' };
  });
}

/** Scores one document by the labelling standard's rules (optional labels neither reward nor penalise). */
export async function scoreDocument(
  doc: RealDocument,
  text: string,
  detector: Detector,
  anyPage = false,
): Promise<DocOutcome> {
  const { html, body } = pageOf(text, doc.date);
  const gold = goldOf(doc, body);
  const { mentions } = await annotateHtml(html, detector, { anyPage });
  const used = new Set<number>();
  const men = zero();
  const missed: string[] = [];
  const extra: string[] = [];
  const where = (s: Span) => `${s.id} ${JSON.stringify(body.slice(s.start, s.end))} @${s.start}`;
  for (const p of mentions) {
    const overlaps = (g: Gold) => g.id === p.id && g.start < p.end && p.start < g.end;
    let k = gold.findIndex((g, i) => !used.has(i) && !g.optional && overlaps(g));
    if (k < 0) k = gold.findIndex((g, i) => !used.has(i) && g.optional && overlaps(g));
    if (k < 0) {
      // A second mark inside an optional or already matched label of the same entity is no new mention.
      if (gold.some((g) => overlaps(g) && (g.optional || used.has(gold.indexOf(g))))) continue;
      men.fp++;
      extra.push(where(p));
      continue;
    }
    used.add(k);
    if (!gold[k]!.optional) men.tp++;
  }
  gold.forEach((g, i) => {
    if (!g.optional && !used.has(i)) {
      men.fn++;
      missed.push(where(g));
    }
  });
  const required = new Set(gold.filter((g) => !g.optional).map((g) => g.id));
  const optionalOnly = new Set(gold.filter((g) => g.optional && !required.has(g.id)).map((g) => g.id));
  const predicted = new Set(mentions.map((m) => m.id).filter((id) => !optionalOnly.has(id)));
  const docLevel = zero();
  for (const id of predicted) {
    if (required.has(id)) docLevel.tp++;
    else docLevel.fp++;
  }
  docLevel.fn = required.size - docLevel.tp;
  const traps: string[] = [];
  for (const [t, n, id] of doc.traps) {
    const start = occurrence(body, t, n);
    if (start < 0) throw new Error(`${doc.id}: trap ${JSON.stringify([t, n, id])} is not in the text`);
    const end = start + t.length;
    if (mentions.some((m) => m.id === id && m.start < end && start < m.end))
      traps.push(`${id} on ${JSON.stringify(t)}`);
  }
  return { doc, men, docLevel, traps, marks: mentions.length, missed, extra };
}

export function summarise(name: string, list: readonly DocOutcome[]): string[] {
  const men = list.reduce((c, o) => add(c, o.men), zero());
  const doc = list.reduce((c, o) => add(c, o.docLevel), zero());
  const traps = list.reduce((n, o) => n + o.traps.length, 0);
  return [
    `${name} (${list.length} documents)`,
    formatScores('  document level', scores(doc)),
    formatScores('  mention level ', scores(men)),
    `  confusables linked wrongly: ${traps}`,
  ];
}

/**
 * The searches that rebuild the missing texts, each once with the documents it brings back:
 * a search returns every excerpt its query found, so documents found together cost one look-up.
 * Test documents first (the figures the goals are judged by), then the rest.
 */
function missingByQuery(documents: readonly RealDocument[]): string[] {
  const byQuery = new Map<string, RealDocument[]>();
  for (const doc of documents) {
    if (readText(doc).ok) continue;
    const list = byQuery.get(doc.found);
    if (list) list.push(doc);
    else byQuery.set(doc.found, [doc]);
  }
  const order = [...byQuery].sort(
    ([, a], [, b]) => Number(b.some((d) => d.split === 'test')) - Number(a.some((d) => d.split === 'test')),
  );
  return [
    `${order.length} searches rebuild the ${order.reduce((n, [, list]) => n + list.length, 0)} missing texts:`,
    ...order.map(([found, list]) => `  ${found}\t${list.map((d) => `${d.id} ${d.url}`).join('\t')}`),
  ];
}

async function main(argv: string[]): Promise<number> {
  const details = argv.includes('--details');
  // Without the relevance rule: what the rule costs in recall, and what it saves off-topic.
  const anyPage = argv.includes('--any-page');
  const only = argv.includes('--split') ? argv[argv.indexOf('--split') + 1] : null;
  const corpus = readCorpus();
  // The searches that would bring the missing texts back, and nothing else.
  if (argv.includes('--missing')) {
    process.stdout.write(missingByQuery(corpus.documents).join('\n') + '\n');
    return 0;
  }
  const detector = createDetector(aliasTable);
  const tierOf = (id: string) => detector.tierOf(id);
  const outcomes: DocOutcome[] = [];
  const absent: string[] = [];
  for (const doc of corpus.documents) {
    const state = readText(doc);
    if (!state.ok) {
      absent.push(`  ${state.why === 'missing' ? 'missing' : 'changed'}: ${doc.id} ${doc.url} (${doc.found})`);
      continue;
    }
    outcomes.push(await scoreDocument(doc, state.text, detector, anyPage));
  }
  const lines: string[] = [`Real-text corpus: ${corpus.documents.length} documents, ${outcomes.length} texts present`];
  if (absent.length > 0) {
    lines.push(
      `${absent.length} texts are not here (third-party text is never committed; save each page's excerpt as`,
      `tests/real/texts/ID.txt, exactly as the search that found it returned it; the hash is checked):`,
      ...absent,
    );
  }
  for (const split of ['dev', 'test'] as const) {
    const part = outcomes.filter((o) => o.doc.split === split);
    const topic = part.filter((o) => o.doc.kind === 'topic');
    const off = part.filter((o) => o.doc.kind === 'offtopic');
    lines.push('', ...summarise(`${split === 'dev' ? 'Development' : 'Test'} part, all`, part));
    for (const [name, langs] of [
      ['English', ['en']],
      ['Russian', ['ru']],
      ['Chinese (simplified and traditional)', ['zh-Hans', 'zh-Hant']],
    ] as const) {
      const sub = topic.filter((o) => (langs as readonly string[]).includes(o.doc.lang));
      if (sub.length > 0) lines.push(...summarise(`  ${name}, China–Russia pages`, sub).map((l) => '  ' + l));
    }
    // The goal: a page that never names Russia, China or their affairs (no core label) gets no mark.
    const clean = off.filter((o) => !o.doc.labels.some(([id, , , optional]) => !optional && tierOf(id) === 'core'));
    const marked = clean.filter((o) => o.marks > 0);
    lines.push(
      `  off-topic pages: ${off.length}; of them naming no core entity: ${clean.length}, with any mark: ${marked.length}` +
        (marked.length ? ` (${marked.map((o) => `${o.doc.id}: ${o.marks}`).join(', ')})` : ''),
    );
    const named = off.filter((o) => !clean.includes(o));
    if (named.length > 0) {
      lines.push(
        `  off-topic pages that do name a core entity (their marks are scored above): ` +
          named.map((o) => `${o.doc.id}: ${o.marks} marks`).join(', '),
      );
    }
    if (details && (only === split || (only === null && split === 'dev'))) {
      for (const o of part) {
        for (const x of o.missed) lines.push(`    missed ${o.doc.id}: ${x}`);
        for (const x of o.extra) lines.push(`    extra  ${o.doc.id}: ${x}`);
        for (const x of o.traps) lines.push(`    trap   ${o.doc.id}: ${x}`);
      }
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

if (process.argv[1] && /quality-real\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`quality:real: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
