/**
 * The real-text corpus recipe (corpus.json) is well formed, whether or not
 * the texts are present: enough documents of each kind and language, every
 * topic covered, every label naming a fact-base entity, no reserved page,
 * the split fixed at about a third. Where a text is present, its labels are
 * found in it. The scores themselves: `npm run quality:real`.
 */
import { describe, expect, test } from 'vitest';
import { bundledFactbase } from '../../lib/factbase/bundled';
import { isReserved } from '../../../shared/eval/reserved-check.mjs';
import { occurrence, pageOf, readCorpus, readText } from './corpus';
import { TOPICS } from './labelling-tools.mjs';

const { documents } = readCorpus();
const ids = new Set(bundledFactbase().entities.map((e) => e.id));

describe('real-text corpus recipe', () => {
  test('at least 90 excerpts: 65 on China–Russia matters over all nine topics, 25 off-topic', () => {
    expect(documents.length).toBeGreaterThanOrEqual(90);
    const topic = documents.filter((d) => d.kind === 'topic');
    expect(topic.length).toBeGreaterThanOrEqual(65);
    expect(documents.filter((d) => d.kind === 'offtopic').length).toBeGreaterThanOrEqual(25);
    expect(new Set(topic.map((d) => d.topic))).toEqual(new Set(TOPICS));
  });

  test('at least a fifth in Russian and Chinese, with simplified and traditional characters', () => {
    const other = documents.filter((d) => d.lang !== 'en');
    expect(other.length / documents.length).toBeGreaterThanOrEqual(0.2);
    for (const lang of ['ru', 'zh-Hans', 'zh-Hant']) expect(documents.some((d) => d.lang === lang)).toBe(true);
  });

  test('split once by document: about a third in the test part, in each language group', () => {
    const share = documents.filter((d) => d.split === 'test').length / documents.length;
    expect(share).toBeGreaterThan(0.28);
    expect(share).toBeLessThan(0.38);
    for (const group of ['en', 'ru', 'zh']) {
      const docs = documents.filter((d) => d.lang.startsWith(group));
      expect(docs.some((d) => d.split === 'test')).toBe(true);
    }
  });

  test('every record is a recipe: address, how it was found, hash and length; no reserved page', () => {
    const seen = new Set<string>();
    for (const d of documents) {
      expect(d.url, d.id).toMatch(/^https?:\/\//);
      expect(d.found, d.id).toMatch(/\S/);
      expect(d.sha256, d.id).toMatch(/^[0-9a-f]{64}$/);
      expect(d.length, d.id).toBeGreaterThan(100);
      expect(isReserved(d.url), `${d.id} ${d.url} is reserved for independent evaluation`).toBe(false);
      expect(seen.has(d.url), `${d.url} twice`).toBe(false);
      seen.add(d.url);
    }
  });

  test('labels and traps name fact-base entities', () => {
    for (const d of documents) {
      for (const [id] of d.labels) expect(ids.has(id), `${d.id}: ${id}`).toBe(true);
      for (const [, , id] of d.traps) expect(ids.has(id), `${d.id}: trap ${id}`).toBe(true);
    }
  });

  test('where a text is present, every label and trap is found in it', () => {
    for (const d of documents) {
      const state = readText(d);
      if (!state.ok) continue;
      const { body } = pageOf(state.text, d.date);
      for (const [id, text, n] of d.labels)
        expect(occurrence(body, text, n), `${d.id}: ${id} ${text} #${n}`).toBeGreaterThanOrEqual(0);
      for (const [text, n] of d.traps)
        expect(occurrence(body, text, n), `${d.id}: trap ${text} #${n}`).toBeGreaterThanOrEqual(0);
    }
  });
});
