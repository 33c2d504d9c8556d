/**
 * Node benchmarks of the detection engine (printed by `npm run bench`; not tests):
 * - throughput of `scan` on 5 MB of generated news-like text (median of 5 runs),
 *   beside a plain RegExp scan for one alias over the same text;
 * - alias scaling: the matcher built from 1,000 and from 50,000 synthetic
 *   aliases, matching the same text;
 * - building the detector from the bundled table: the first build in the
 *   process (cold code, as in a page), the median of later builds, the first
 *   scans, and the memory a detector holds.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { encodeEntity, readTable, tableAliases, type AliasTable } from '../../lib/detect/alias-table';
import { aliasTable } from '../../lib/detect/bundled-table';
import { createDetector, newPageState, type Detector } from '../../lib/detect/detector';
import { mulberry32 as random } from '../support/random';

/** Goals from the issue. */
export const THROUGHPUT_GOAL_MB_S = 50;
export const SCALING_GOAL_RATIO = 1.5;
const RUNS = 5;
const MB = 1024 * 1024;

const WORDS = (
  'the of and to in a is that for on with as was by at it from said an be has have had were officials ' +
  'government minister talks agreement trade energy gas oil pipeline market prices sanctions exports imports ' +
  'percent billion year years week month analysts economy bank currency military exercise border treaty ' +
  'president leader visit summit statement cooperation security region capital country countries policy ' +
  'would could after before while since during between against under over about more than most new first'
).split(' ');
const NAMES = [
  'Vladimir Putin',
  'Xi Jinping',
  "Putin's",
  'China',
  'Russia',
  'Beijing',
  'Moscow',
  'the Kremlin',
  'Power of Siberia 2',
  'Shanghai Cooperation Organisation',
  'SCO',
  'BRICS',
  'Gazprom',
  'yuan',
  'Sergei Lavrov',
  'South China Sea',
];
const RUSSIAN =
  'Президент России Владимир Путин провёл переговоры с председателем КНР Си Цзиньпином в Кремле. Товарооборот между странами вырос.';
const CHINESE = '国家主席习近平在北京同俄罗斯总统普京举行会谈，双方同意深化中俄关系并推动上海合作组织合作。';

/** ~`bytes` characters of paragraphs: a name every ~150 words, some Russian and Chinese paragraphs. */
export function generateText(bytes: number, seed = 11): string {
  const rnd = random(seed);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    let p: string;
    const kind = rnd();
    if (kind < 0.04) p = RUSSIAN;
    else if (kind < 0.08) p = CHINESE;
    else {
      const words: string[] = [];
      const n = 60 + Math.floor(rnd() * 120);
      for (let i = 0; i < n; i++) {
        if (rnd() < 1 / 150) words.push(NAMES[Math.floor(rnd() * NAMES.length)]!);
        else words.push(WORDS[Math.floor(rnd() * WORDS.length)]!);
        if (i % 17 === 16) words[words.length - 1] += '.';
      }
      p = words.join(' ');
      p = p[0]!.toUpperCase() + p.slice(1) + '.';
    }
    paragraphs.push(p);
    size += p.length + 1;
  }
  return paragraphs.join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Timing {
  /** Median wall-clock milliseconds. */
  wall: number;
  /** Median CPU milliseconds of this process (user + system): steadier on a shared machine. */
  cpu: number;
}

/** Medians of `fn` over RUNS runs, after one warm-up run. */
function time(fn: () => unknown): Timing {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const mbs = (mb: number, ms: number) => mb / (ms / 1000);
const fmt = (mb: number, t: Timing) =>
  `${t.wall.toFixed(1)} ms wall (${mbs(mb, t.wall).toFixed(1)} MB/s), ${t.cpu.toFixed(1)} ms CPU (${mbs(mb, t.cpu).toFixed(1)} MB/s)`;

function scanAll(detector: Detector, text: string): number {
  const r = detector.scan(text, newPageState());
  return r.mentions.length + r.pending.length;
}

/** A table of `n` synthetic aliases: two or three capitalised pseudo-words each. */
export function syntheticTable(n: number, seed = 5): AliasTable {
  const rnd = random(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const word = () => {
    const len = 4 + Math.floor(rnd() * 6);
    let w = '';
    for (let i = 0; i < len; i++) w += letters[Math.floor(rnd() * 26)]!;
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const entities: string[] = [];
  for (let i = 0; i < n; i++) {
    const alias = Array.from({ length: 2 + Math.floor(rnd() * 2) }, word).join(' ');
    entities.push(
      encodeEntity({
        id: `synthetic-${i}`,
        topicBits: 1,
        team: false,
        context: false,
        related: [],
        aliases: [[alias, 0]],
      }),
    );
  }
  // The real table's aliases too, so both matchers find the same mentions in the text.
  const real = readTable(aliasTable);
  real.ids.forEach((id, e) => {
    const aliases = real.aliases[e]!.map((a, k) => [a, real.rules[e]![k]!] as const);
    entities.push(
      encodeEntity({
        id,
        topicBits: 1,
        team: real.team[e]!,
        context: real.context[e]!,
        phrase: real.phrase[e]!,
        place: real.place[e]!,
        related: [],
        aliases,
      }),
    );
  });
  return { version: 6, topics: aliasTable.topics, entities };
}

/** A garbage collection on demand, for the memory figures. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return () => gc?.();
}

/** Bytes in use: the JS heap plus array buffers (the typed arrays of the tries live there). */
function used(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const ENGLISH_SAMPLE = 'Chinese leader Xi Jinping met Vladimir Putin in the Kremlin to discuss trade.';
const RUSSIAN_SAMPLE = 'Путин и Си Цзиньпин обсудили торговлю между Россией и Китаем.';

/**
 * Build time and memory of a detector for the bundled table. Run first: the
 * first build sees cold code, as in a page. The detector builds its trie in
 * parts, one per first letter, when a scanned word first needs one: the first
 * scans include that work.
 */
function buildBench(log: (line: string) => void): { coldMs: number; warmMs: number; heapKB: number } {
  const t0 = performance.now();
  const cold = createDetector(aliasTable);
  const coldMs = performance.now() - t0;
  const t1 = performance.now();
  cold.scan(ENGLISH_SAMPLE, newPageState());
  const firstScan = performance.now() - t1;
  const t2 = performance.now();
  cold.scan(RUSSIAN_SAMPLE, newPageState());
  const firstCyrillic = performance.now() - t2;
  const sample = generateText(64 * 1024, 7);
  const t3 = performance.now();
  cold.scan(sample, newPageState());
  const firstSample = performance.now() - t3;
  const builds: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    createDetector(aliasTable);
    builds.push(performance.now() - t);
  }
  const warmMs = median(builds);
  // Memory: detectors kept alive after a mixed English, Russian and Chinese text built their parts.
  const gc = collector();
  gc();
  const before = used();
  const kept = Array.from({ length: RUNS }, () => {
    const d = createDetector(aliasTable);
    d.scan(sample, newPageState());
    return d;
  });
  gc();
  const heapKB = (used() - before) / RUNS / 1024;
  log(
    `  detector build, bundled table: first ${coldMs.toFixed(1)} ms (cold code), then median ${warmMs.toFixed(2)} ms;` +
      ` first scans (they build the trie parts they need): English sentence ${firstScan.toFixed(1)} ms,` +
      ` Russian sentence ${firstCyrillic.toFixed(1)} ms, then 64 KB of mixed text ${firstSample.toFixed(1)} ms`,
  );
  log(`  detector memory after 64 KB of mixed text: ${heapKB.toFixed(0)} KiB per detector (${kept.length} kept)`);
  return { coldMs, warmMs, heapKB };
}

export interface EngineBenchResult {
  textMB: number;
  engineMBs: number;
  regexMBs: number;
  mentions: number;
  scaling: { small: number; large: number; ratio: number };
  build: { coldMs: number; warmMs: number; heapKB: number };
}

export function runEngineBench(log: (line: string) => void = console.log): EngineBenchResult {
  log(`Engine benchmark (Node ${process.version}), median of ${RUNS} runs`);
  const build = buildBench(log);
  const text = generateText(5 * MB);
  const textMB = text.length / MB;
  log(`  text of ${textMB.toFixed(2)} MB`);

  const detector = createDetector(aliasTable);
  const mentions = scanAll(detector, text);
  const engine = time(() => scanAll(detector, text));
  const engineMBs = mbs(textMB, Math.min(engine.wall, engine.cpu));
  const regex = /\bPutin\b/g;
  const regexTime = time(() => {
    let n = 0;
    regex.lastIndex = 0;
    while (regex.exec(text)) n++;
    return n;
  });
  const regexMBs = mbs(textMB, Math.min(regexTime.wall, regexTime.cpu));
  const aliasCount = [...tableAliases(aliasTable)].length;
  const load = loadavg()[0]!.toFixed(1);
  log(`  machine: ${cpus().length} cores, load average ${load} (wall-clock figures suffer when it exceeds the cores)`);
  log(`  engine, ${aliasCount} aliases + generated case forms, ${mentions} matches: ${fmt(textMB, engine)}`);
  log(`    [goal ≥ ${THROUGHPUT_GOAL_MB_S} MB/s: ${engineMBs >= THROUGHPUT_GOAL_MB_S ? 'met' : 'NOT met'}]`);
  log(`  RegExp /\\bPutin\\b/g, one alias (the floor): ${fmt(textMB, regexTime)}`);

  const small = createDetector(syntheticTable(1_000));
  const large = createDetector(syntheticTable(50_000));
  const smallTime = time(() => scanAll(small, text));
  const largeTime = time(() => scanAll(large, text));
  const ratio = largeTime.cpu / smallTime.cpu;
  log(`  alias scaling, same text: 1,000 synthetic aliases ${fmt(textMB, smallTime)}`);
  log(`                           50,000 synthetic aliases ${fmt(textMB, largeTime)}`);
  log(
    `    ratio ${ratio.toFixed(2)}× (CPU)  [goal ≤ ${SCALING_GOAL_RATIO}×: ${ratio <= SCALING_GOAL_RATIO ? 'met' : 'NOT met'}]`,
  );
  return {
    textMB,
    engineMBs,
    regexMBs,
    mentions,
    scaling: { small: smallTime.cpu, large: largeTime.cpu, ratio },
    build,
  };
}
