#!/usr/bin/env node
// Checks a relabelling file (additions and removals of labels for the real-text corpus) against the
// corpus, the texts and the fact base, without running the detector.
// usage: node tests/real/check-relabel.mjs FILE.json
import { readFileSync } from 'node:fs';
import { factbaseIds, occurrences } from './labelling-tools.mjs';

const changes = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const corpus = JSON.parse(readFileSync(new URL('./corpus.json', import.meta.url), 'utf8'));
const ids = factbaseIds();
const count = (text, needle) => occurrences(text, needle).length;
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
