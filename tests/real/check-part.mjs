#!/usr/bin/env node
// Checks a labeller's part file of the real-text corpus without running the detector:
// every text file exists, every label's text occurs (as a whole word, n-th occurrence)
// and names a known entity id, and every page address is not reserved.
// usage: node tests/real/check-part.mjs tests/real/parts/NAME.json (parts are merged into corpus.json by merge-parts.ts)
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { TOPICS, factbaseIds, occurrences } from './labelling-tools.mjs';

const file = process.argv[2];
const part = JSON.parse(readFileSync(file, 'utf8'));
const ids = factbaseIds();
let problems = 0;
const bad = (m) => {
  problems++;
  console.log('  ✗ ' + m);
};

for (const d of part.documents) {
  const path = new URL(`texts/${d.id}.txt`, import.meta.url);
  if (!existsSync(path)) {
    bad(`${d.id}: no text file tests/real/texts/${d.id}.txt`);
    continue;
  }
  const text = readFileSync(path, 'utf8');
  for (const k of ['id', 'url', 'found', 'lang', 'kind', 'topic', 'genre']) if (!d[k]) bad(`${d.id}: missing ${k}`);
  if (!['en', 'ru', 'zh-Hans', 'zh-Hant'].includes(d.lang)) bad(`${d.id}: lang ${d.lang}`);
  if (!['topic', 'offtopic'].includes(d.kind)) bad(`${d.id}: kind ${d.kind}`);
  if (d.kind === 'topic' && !TOPICS.includes(d.topic))
    bad(`${d.id}: topic ${d.topic} is not one of ${TOPICS.join(', ')}`);
  try {
    execFileSync('node', [new URL('../../../shared/eval/reserved-check.mjs', import.meta.url).pathname, d.url]);
  } catch {
    bad(`${d.id}: ${d.url} is RESERVED (or a bad address) — drop this document`);
  }
  for (const l of d.labels ?? []) {
    const [id, t, n, opt] = l;
    if (!ids.has(id)) bad(`${d.id}: unknown entity id ${id} (${JSON.stringify(t)})`);
    if (opt !== undefined && opt !== 'optional') bad(`${d.id}: 4th field must be "optional": ${JSON.stringify(l)}`);
    const occ = occurrences(text, t);
    if (occ.length < n)
      bad(`${d.id}: label ${JSON.stringify(l)} — only ${occ.length} whole-word occurrence(s) of that text`);
  }
  for (const tr of d.traps ?? []) {
    const [t, n, id] = tr;
    if (!ids.has(id)) bad(`${d.id}: trap names unknown id ${id}`);
    if (occurrences(text, t).length < n) bad(`${d.id}: trap ${JSON.stringify(tr)} not found`);
  }
  const sha = createHash('sha256').update(text, 'utf8').digest('hex');
  console.log(
    `${d.id}: ${d.lang} ${d.kind} ${d.topic} — ${text.length} chars, ${(d.labels ?? []).length} labels, sha256 ${sha.slice(0, 12)}`,
  );
}
console.log(problems ? `${problems} problem(s)` : `ok: ${part.documents.length} documents`);
process.exit(problems ? 1 : 0);
