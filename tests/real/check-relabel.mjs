#!/usr/bin/env node
// Checks a relabelling file (additions and removals of labels for the real-text corpus) against the
// corpus, the texts and the fact base, without running the detector.
// usage: node tests/real/check-relabel.mjs FILE.json
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const changes = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const corpus = JSON.parse(readFileSync(new URL('./corpus.json', import.meta.url), 'utf8'));
const factbase = execFileSync(
  'npx',
  ['tsx', new URL('../../lib/cli/factbase.ts', import.meta.url).pathname, '--json'],
  {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  },
);
const ids = new Set(JSON.parse(factbase).map((e) => e.id));
const word = /[\p{L}\p{N}]/u;
const han = /\p{Script=Han}/u;
function count(text, needle) {
  const cjk = han.test(needle[0]) || han.test(needle[needle.length - 1]);
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0;) {
    const ok = cjk || (!word.test(text[at - 1] ?? ' ') && !word.test(text[at + needle.length] ?? ' '));
    if (ok) {
      n++;
      at = text.indexOf(needle, at + needle.length);
    } else at = text.indexOf(needle, at + 1);
  }
  return n;
}
let problems = 0;
const bad = (m) => {
  problems++;
  console.log('  ✗ ' + m);
};
for (const [docId, change] of Object.entries(changes)) {
  const doc = corpus.documents.find((d) => d.id === docId);
  if (!doc) {
    bad(`${docId}: no such document`);
    continue;
  }
  const text = readFileSync(new URL(`./texts/${docId}.txt`, import.meta.url), 'utf8');
  for (const l of change.add ?? []) {
    if (!ids.has(l[0])) bad(`${docId}: unknown id ${l[0]}`);
    if (count(text, l[1]) < l[2]) bad(`${docId}: ${JSON.stringify(l)} — text has fewer whole-word occurrences`);
    if (l[3] !== undefined && l[3] !== 'optional') bad(`${docId}: 4th field must be "optional"`);
    if (doc.labels.some((x) => x[0] === l[0] && x[1] === l[1] && x[2] === l[2]))
      bad(`${docId}: ${JSON.stringify(l)} is already labelled`);
  }
  for (const l of change.remove ?? []) {
    if (!doc.labels.some((x) => x[0] === l[0] && x[1] === l[1] && x[2] === l[2]))
      bad(`${docId}: remove ${JSON.stringify(l)} — no such label`);
  }
  for (const u of change.uncoveredRemove ?? [])
    if (!doc.uncovered.includes(u)) bad(`${docId}: "${u}" is not in uncovered`);
}
console.log(problems ? `${problems} problem(s)` : `ok: ${Object.keys(changes).length} documents changed`);
process.exit(problems ? 1 : 0);
