/**
 * `npm run factbase -- [--json] [--dir DIR]`: validates the fact base files
 * (assets/factbase/ unless --dir says otherwise) and prints either the public
 * JSON array (--json) or a short summary for people. Invalid data: exit code 1
 * and the FactbaseError message on stderr.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportEntity } from '../factbase/export';
import { ENTITY_FILES, META_FILE } from '../factbase/files';
import { loadFactbase, type Factbase } from '../factbase/load';
import { FactbaseError } from '../factbase/schema';

const DEFAULT_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../assets/factbase');
/** The labelled real-text corpus (tests/real): what coverage is measured over. */
const CORPUS_FILE = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../tests/real/corpus.json');

interface CorpusRecord {
  kind: string;
  labels: [string, string, number, string?][];
  uncovered: string[];
}

/**
 * Coverage as it is measured: over the China–Russia pages of the real-text
 * corpus, the relevant things each page names (distinct per page) that have
 * an entity (its required labels) against those that have none (`uncovered`).
 * Null when the corpus file is absent.
 */
export function corpusCoverage(file = CORPUS_FILE): { covered: number; uncovered: number } | null {
  let documents: CorpusRecord[];
  try {
    documents = (JSON.parse(readFileSync(file, 'utf8')) as { documents: CorpusRecord[] }).documents;
  } catch {
    return null;
  }
  let covered = 0;
  let uncovered = 0;
  for (const d of documents.filter((x) => x.kind === 'topic')) {
    covered += new Set(d.labels.filter((l) => l[3] !== 'optional').map((l) => l[0])).size;
    uncovered += d.uncovered.length;
  }
  return { covered, uncovered };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function readJson(dir: string, file: string): unknown {
  const path = resolve(dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new FactbaseError(`${file}: cannot read ${path}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new FactbaseError(`${file}: invalid JSON: ${(err as Error).message}`);
  }
}

/** Reads and validates the files in `dir`. */
export function loadFromDir(dir: string): Factbase {
  const files: Record<string, unknown> = {};
  for (const file of ENTITY_FILES) files[file] = readJson(dir, file);
  return loadFactbase(readJson(dir, META_FILE), files);
}

function countBy<T>(items: T[], key: (item: T) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const k of key(item)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** The human-readable summary: version, review date, counts by topic and by type. */
export function describe(fb: Factbase): string {
  const facts = fb.entities.flatMap((e) => e.facts);
  const seed = facts.filter((f) => f.source.kind === 'seed').length;
  const lines = [
    `Eurasia Lens fact base ${fb.meta.version}, reviewed ${fb.meta.reviewed}`,
    `${fb.entities.length} entities, ${facts.length} facts (${seed} from the founding essay, ${facts.length - seed} from web pages)`,
    '',
    'By topic:',
  ];
  const byTopic = countBy(fb.entities, (e) => e.topics);
  for (const topic of fb.meta.topics) {
    lines.push(`  ${topic.label.padEnd(24)} ${String(byTopic.get(topic.id) ?? 0).padStart(4)}`);
  }
  const coverage = corpusCoverage();
  if (coverage) {
    const all = coverage.covered + coverage.uncovered;
    lines.splice(
      2,
      0,
      `Coverage of the real-text corpus's China–Russia pages: ${coverage.covered} of ${all} named things have an entity (${((100 * coverage.covered) / Math.max(1, all)).toFixed(1)} %)`,
    );
  }
  lines.push('', 'By type:');
  const byType = [...countBy(fb.entities, (e) => [e.type])].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [type, n] of byType) lines.push(`  ${type.padEnd(24)} ${String(n).padStart(4)}`);
  return lines.join('\n') + '\n';
}

export function runFactbaseCli(args: string[]): CliResult {
  let dir = DEFAULT_DIR;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--dir' && args[i + 1] !== undefined) dir = resolve(args[++i]!);
    else return { code: 2, stdout: '', stderr: `unknown argument: ${arg}\nusage: factbase [--json] [--dir DIR]\n` };
  }
  try {
    const fb = loadFromDir(dir);
    const stdout = json ? JSON.stringify(fb.entities.map(exportEntity), null, 2) + '\n' : describe(fb);
    return { code: 0, stdout, stderr: '' };
  } catch (err) {
    if (err instanceof FactbaseError) return { code: 1, stdout: '', stderr: err.message + '\n' };
    throw err;
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const result = runFactbaseCli(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
