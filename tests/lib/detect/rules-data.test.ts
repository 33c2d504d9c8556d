/**
 * Data tests for the detection rules (assets/detection/rules.json): valid by
 * their schema, every id a fact-base entity and every entity tiered, every
 * vocabulary reference resolved, every paraphrase compiles, and the file in
 * canonical form (entities sorted by id, prettier's JSON layout).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { describe, expect, test } from 'vitest';
import { bundledFactbase } from '../../../lib/factbase/bundled';
import { ENTITY_TYPES } from '../../../lib/factbase/schema';
import { foldString } from '../../../lib/detect/normalize';
import { compileParaphrase } from '../../../lib/detect/paraphrase';
import { PARAPHRASES, TIER } from '../../../lib/detect/rules';
import { RulesError, parseRules, type RulesData } from '../../../lib/detect/rules-schema';

const file = fileURLToPath(new URL('../../../assets/detection/rules.json', import.meta.url));
const text = readFileSync(file, 'utf8');
const raw = JSON.parse(text) as RulesData;
const ids = new Set(bundledFactbase().entities.map((e) => e.id));
const types = new Set<string>(ENTITY_TYPES);
const clone = (): RulesData => JSON.parse(text) as RulesData;

describe('detection rules data', () => {
  test('is valid against its schema and the fact base', () => {
    expect(() => parseRules(raw, ids, types)).not.toThrow();
  });

  test('every fact-base entity has a tier, and both tiers are used', () => {
    for (const id of ids) expect(['core', 'context'], id).toContain(TIER[id]);
    const tiers = Object.values(TIER);
    expect(tiers.filter((t) => t === 'core').length).toBeGreaterThan(tiers.filter((t) => t === 'context').length);
    expect(tiers).toContain('context');
  });

  test.each([
    [
      'rules for an unknown id',
      (r: RulesData) => (r.entities['no-such-entity'] = { tier: 'core' }),
      /not in the fact base/,
    ],
    ['an entity without rules', (r: RulesData) => delete r.entities['china'], /"china" has no rules/],
    [
      'an unknown vocabulary',
      (r: RulesData) => (r.entities['china']!.not = ['@nonsense']),
      /unknown vocabulary @nonsense/,
    ],
    ['an unknown tier', (r: RulesData) => ((r.entities['china'] as { tier: string }).tier = 'maybe'), /tier/],
    ['capitals in a word list', (r: RulesData) => (r.entities['china']!.yes = ['Porcelain']), /lower case/],
    [
      'an organ of an unknown body',
      (r: RulesData) => (r.entities['us-treasury']!.partOf = ['no-such-state']),
      /"us-treasury" is part of "no-such-state"/,
    ],
    ['an unknown team type', (r: RulesData) => r.teamTypes.push('planet'), /team type "planet"/],
    ['an unknown field', (r: RulesData) => ((r.entities['china'] as Record<string, unknown>)['maybe'] = 1), /china/],
  ])('refuses %s, naming it', (_, spoil, message) => {
    const r = clone();
    spoil(r);
    expect(() => parseRules(r, ids, types)).toThrow(RulesError);
    expect(() => parseRules(r, ids, types)).toThrow(message);
  });

  test('no other name is an alias of an entity (it would be dropped, not marked)', () => {
    const fold = (s: string) => s.toLowerCase().replace(/’/g, "'");
    const aliases = new Map(bundledFactbase().entities.flatMap((e) => e.aliases.map((a) => [fold(a), e.id] as const)));
    expect(raw.otherNames.filter((n) => aliases.has(fold(n))).map((n) => `${n} → ${aliases.get(fold(n))}`)).toEqual([]);
  });

  test('every paraphrase and dated phrase compiles, and dated ranges run forwards', () => {
    expect(PARAPHRASES.length).toBeGreaterThan(20);
    for (const spec of PARAPHRASES) {
      expect(() => compileParaphrase(spec), spec.pattern).not.toThrow();
      if (spec.dated !== undefined) expect(spec.dated.from <= spec.dated.to, spec.pattern).toBe(true);
    }
  });

  test('no two entities share a Chinese initial (the second would silently take the first one’s place)', () => {
    const initials = Object.values(raw.entities).flatMap((e) => (e.hanInitial ? [foldString(e.hanInitial)] : []));
    expect(initials.length).toBeGreaterThan(1);
    expect(new Set(initials).size).toBe(initials.length);
  });

  test('no list holds a Chinese word twice: traditional characters are folded to simplified before matching', () => {
    const twice: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value) && value.every((w) => typeof w === 'string')) {
        const seen = new Map<string, string>();
        for (const w of value as string[]) {
          if (!/\p{Script=Han}/u.test(w)) continue;
          const first = seen.get(foldString(w));
          if (first === undefined) seen.set(foldString(w), w);
          else twice.push(`${path}: ${first} = ${w}`);
        }
      } else if (value !== null && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
      }
    };
    walk(raw, 'rules');
    expect(twice).toEqual([]);
  });

  test('is in canonical form: entities sorted by id, prettier layout', async () => {
    const keys = Object.keys(raw.entities);
    expect(keys).toEqual([...keys].sort());
    expect(text).toBe(await format(text, { parser: 'json', printWidth: 120 }));
  });
});
