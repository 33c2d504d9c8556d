/**
 * Adds the labellers' new documents (tests/real/parts/*.json, with the texts
 * they saved) to corpus.json: records each text's sha256 and length, and fixes
 * the split once — within each language group and kind, new documents ordered
 * by the hash of their id, every third one to `test`. corpus.json is the
 * record: a document already in it is kept exactly as it is there (relabels
 * are made on corpus.json), whatever its part file now says.
 * Run: npx tsx tests/real/merge-parts.ts && npx prettier --write tests/real/corpus.json
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { REAL_DIR, TEXTS_DIR, sha256, type Corpus, type RealDocument } from './corpus';

const old = existsSync(REAL_DIR + 'corpus.json')
  ? new Map((JSON.parse(readFileSync(REAL_DIR + 'corpus.json', 'utf8')) as Corpus).documents.map((d) => [d.id, d]))
  : new Map<string, RealDocument>();
const docs: RealDocument[] = [...old.values()];
for (const file of readdirSync(REAL_DIR + 'parts')
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const part = JSON.parse(readFileSync(`${REAL_DIR}parts/${file}`, 'utf8')) as { documents: RealDocument[] };
  for (const d of part.documents) {
    if (old.has(d.id)) continue;
    const text = readFileSync(`${TEXTS_DIR}${d.id}.txt`, 'utf8');
    docs.push({
      id: d.id,
      url: d.url,
      found: d.found,
      lang: d.lang,
      kind: d.kind,
      topic: d.topic,
      genre: d.genre,
      date: d.date ?? null,
      sha256: sha256(text),
      length: text.length,
      split: 'dev',
      labels: d.labels ?? [],
      traps: d.traps ?? [],
      uncovered: d.uncovered ?? [],
    });
  }
}
const group = (d: RealDocument) => `${d.lang.startsWith('zh') ? 'zh' : d.lang}/${d.kind}`;
for (const g of new Set(docs.map(group))) {
  const fresh = docs
    .filter((d) => group(d) === g && !old.has(d.id))
    .sort((a, b) => (sha256(a.id) < sha256(b.id) ? -1 : 1));
  fresh.forEach((d, k) => (d.split = k % 3 === 2 ? 'test' : 'dev'));
}
docs.sort((a, b) => (a.id < b.id ? -1 : 1));
writeFileSync(REAL_DIR + 'corpus.json', JSON.stringify({ documents: docs }, null, 2) + '\n');
console.log(`${docs.length} documents, ${docs.filter((d) => d.split === 'test').length} in the test part`);
