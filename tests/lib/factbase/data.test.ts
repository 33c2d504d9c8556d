/**
 * Data tests for the bundled fact base, in the manner of Dark Reader's config
 * tests: each file validates, is sorted and canonical, and every fact can be
 * traced to its source.
 */
import { describe, expect, test } from 'vitest';
import { ENTITY_FILES, META_FILE } from '../../../lib/factbase/files';
import { loadFactbase } from '../../../lib/factbase/load';
import { MAX_QUOTE_WORDS, TOPIC_IDS, parseEntities, parseMeta, type Entity } from '../../../lib/factbase/schema';
import { canonical, readDossierIds, readJson, readSeed, readText, wordCount, sourcesOf } from './helpers';

const seed = readSeed();
/** Parse errors are kept so that one broken file fails its own test instead of the whole suite. */
const parseErrors = new Map<string, unknown>();
const byFile = new Map<string, Entity[]>(
  ENTITY_FILES.map((file) => {
    try {
      return [file, parseEntities(readJson(file), file)];
    } catch (err) {
      parseErrors.set(file, err);
      return [file, []];
    }
  }),
);
const all = [...byFile.values()].flat();

describe('meta.json', () => {
  test('validates and lists every topic of the schema once, in order', () => {
    const meta = parseMeta(readJson(META_FILE));
    expect(meta.topics.map((t) => t.id)).toEqual([...TOPIC_IDS]);
  });

  test('is in canonical form', () => {
    const text = readText(META_FILE);
    expect(canonical(JSON.parse(text))).toBe(text);
  });
});

describe.each(ENTITY_FILES)('%s', (file) => {
  const text = readText(file);
  const entities = byFile.get(file)!;

  test('every record validates against the schema', () => {
    expect(parseErrors.get(file)).toBeUndefined();
    expect(entities.length).toBeGreaterThan(0);
  });

  test('is in canonical form (re-serialising reproduces it byte for byte)', () => {
    expect(canonical(JSON.parse(text))).toBe(text);
  });

  test('ids are unique and sorted', () => {
    const ids = entities.map((e) => e.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  test('every fact has an as-of date and a source', () => {
    for (const e of entities) {
      for (const f of e.facts) {
        expect(f.asOf, e.id).toMatch(/\S/);
        expect(['seed', 'web'], e.id).toContain(f.source.kind);
        expect(f.source.quote, e.id).toMatch(/\S/);
      }
    }
  });

  test('seed quotes are verbatim substrings of the seed essay', () => {
    const bad = entities.flatMap(sourcesOf).filter((s) => s.source.kind === 'seed' && !seed.includes(s.source.quote));
    expect(bad.map((b) => `${b.where}: ${b.source.quote}`)).toEqual([]);
  });

  test('web sources have an https URL and a title', () => {
    for (const { where, source } of entities.flatMap(sourcesOf)) {
      if (source.kind !== 'web') continue;
      expect(new URL(source.url).protocol, where).toBe('https:');
      expect(source.title.trim(), where).not.toBe('');
    }
  });

  test(`locator quotes have at most ${MAX_QUOTE_WORDS} words`, () => {
    const long = entities.flatMap(sourcesOf).filter((s) => wordCount(s.source.quote) > MAX_QUOTE_WORDS);
    expect(long.map((l) => l.where)).toEqual([]);
  });

  test('native names are in the right script', () => {
    for (const e of entities) {
      if (e.native.ru !== undefined) expect(e.native.ru, e.id).toMatch(/[\u0400-\u04FF]/);
      if (e.native.zh !== undefined) expect(e.native.zh, e.id).toMatch(/[\u3400-\u9FFF]/);
    }
  });

  test('series points are in time order', () => {
    for (const e of entities) {
      for (const s of e.series ?? []) {
        const periods = s.points.map((p) => p.period);
        expect(periods, e.id).toEqual([...periods].sort());
      }
    }
  });
});

describe('the fact base as a whole', () => {
  test('loads: ids unique across files, related ids resolve, shared aliases carry rules', () => {
    const files = Object.fromEntries(ENTITY_FILES.map((f) => [f, readJson(f)]));
    const fb = loadFactbase(readJson(META_FILE), files);
    expect(fb.entities.length).toBe(all.length);
    expect(fb.byId.size).toBe(all.length);
  });

  test('every related id resolves to another entity', () => {
    const ids = new Set(all.map((e) => e.id));
    const dangling = all.flatMap((e) =>
      e.related.filter((r) => !ids.has(r) || r === e.id).map((r) => `${e.id} -> ${r}`),
    );
    expect(dangling).toEqual([]);
  });

  test('no alias maps to two entities unless both record a disambiguation rule for it', () => {
    const owners = new Map<string, Entity[]>();
    for (const e of all) for (const a of e.aliases) owners.set(a, [...(owners.get(a) ?? []), e]);
    const missing: string[] = [];
    for (const [alias, list] of owners) {
      if (list.length < 2) continue;
      for (const e of list) if (!e.disambiguation.some((d) => d.alias === alias)) missing.push(`${e.id}: ${alias}`);
    }
    expect(missing).toEqual([]);
  });

  // Aliases that are ordinary words or short, overloaded forms: each is either absent or gated by a rule.
  const RISKY = ['Turkey', 'turkey', 'Mir', 'mir', 'bricks', 'Bricks', 'trump', 'Trump', 'Xi', 'Mao', 'Deng', 'Biden'];
  RISKY.push('Arctic', 'Kremlin', 'Moscow', 'America', 'US', 'UN', 'EU', 'PLA', 'SCO', 'BRI', 'CCP', 'CPC', 'Mongolia');
  test.each(RISKY)('the risky alias %s is absent or carries a rule', (alias) => {
    const unguarded = all.filter((e) => e.aliases.includes(alias) && !e.disambiguation.some((d) => d.alias === alias));
    expect(unguarded.map((e) => e.id)).toEqual([]);
  });

  test('lower-case "china" (porcelain) is never an alias', () => {
    expect(all.filter((e) => e.aliases.includes('china')).map((e) => e.id)).toEqual([]);
  });

  test('the catalogue holds every one of the 134 dossier entities', () => {
    const dossierIds = readDossierIds();
    expect(dossierIds).toHaveLength(134);
    const catalogueIds = byFile.get('catalogue.json')!.map((e) => e.id);
    expect(catalogueIds.sort()).toEqual([...dossierIds].sort());
  });

  test('the bilateral-trade and Power of Siberia records carry a data series', () => {
    for (const id of ['china-russia-trade', 'power-of-siberia']) {
      const e = all.find((x) => x.id === id);
      expect(e?.series?.[0]?.points.length ?? 0, id).toBeGreaterThanOrEqual(2);
    }
  });
});
