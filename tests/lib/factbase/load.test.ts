/**
 * The loader's cross-file checks and its error messages, exercised on broken
 * copies of the real catalogue held in memory.
 */
import { describe, expect, test } from 'vitest';
import { loadFactbase } from '../../../lib/factbase/load';
import { FactbaseError } from '../../../lib/factbase/schema';
import { readJson } from './helpers';

type Raw = Record<string, unknown> & { id?: string };

const meta = readJson('meta.json');
const catalogue = readJson('catalogue.json') as Raw[];

/** A deep copy of the catalogue, so each test can break it freely. */
function copy(): Raw[] {
  return structuredClone(catalogue);
}

function find(entities: Raw[], id: string): Raw {
  const e = entities.find((x) => x.id === id);
  if (!e) throw new Error(`test fixture: no entity ${id}`);
  return e;
}

function errorOf(run: () => unknown): FactbaseError {
  try {
    run();
  } catch (err) {
    if (err instanceof FactbaseError) return err;
    throw err;
  }
  throw new Error('expected a FactbaseError');
}

describe('loadFactbase', () => {
  test('loads the catalogue alone: sorted entities and an index by id', () => {
    const fb = loadFactbase(meta, { 'catalogue.json': catalogue });
    expect(fb.entities.length).toBe(catalogue.length);
    expect(fb.byId.get('vladimir-putin')?.name).toBe('Vladimir Putin');
    const ids = fb.entities.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
  });

  test('merges several files and sorts the result by id', () => {
    const entities = copy();
    const first = entities.slice(0, 60);
    const rest = entities.slice(60);
    const fb = loadFactbase(meta, { 'b.json': rest, 'a.json': first });
    expect(fb.entities.map((e) => e.id)).toEqual(catalogue.map((e) => e.id));
  });

  // Each row breaks one field of a copy and names what the message must contain.
  test.each([
    ['a bad as-of date', 'russia', (e: Raw) => ((e.facts as Raw[])[1]!.asOf = 'recently'), 'facts.1.asOf'],
    ['a missing source', 'china', (e: Raw) => delete (e.facts as Raw[])[0]!.source, 'facts.0.source'],
    ['an http URL', 'gazprom', (e: Raw) => (((e.facts as Raw[])[0]!.source as Raw).url = 'http://example.com/'), 'url'],
    ['a long summary', 'brics', (e: Raw) => (e.summary = 'x'.repeat(241)), 'summary'],
    ['an unknown topic', 'nato', (e: Raw) => (e.topics = ['sport']), 'topics.0'],
    ['an unknown type', 'moscow', (e: Raw) => (e.type = 'metropolis'), 'type'],
    ['a single fact', 'su-35', (e: Raw) => (e.facts = (e.facts as Raw[]).slice(0, 1)), 'facts'],
    ['a stray key', 'iran', (e: Raw) => (e.colour = 'green'), 'colour'],
  ])('%s is reported with the entity id and the field', (_label, id, breakIt, field) => {
    const entities = copy();
    breakIt(find(entities, id));
    const err = errorOf(() => loadFactbase(meta, { 'catalogue.json': entities }));
    expect(err.message).toContain('catalogue.json');
    expect(err.message).toContain(`"${id}"`);
    expect(err.message).toContain(field);
  });

  test('a long locator quote is rejected', () => {
    const entities = copy();
    const fact = (find(entities, 'ukraine').facts as Raw[])[0]!;
    (fact.source as Raw).quote = 'one two three four five six seven eight nine ten eleven twelve thirteen';
    expect(errorOf(() => loadFactbase(meta, { 'catalogue.json': entities })).message).toMatch(
      /"ukraine", field "facts\.0\.source\.quote"/,
    );
  });

  test('an unknown related id is reported', () => {
    const entities = copy();
    find(entities, 'kremlin').related = ['moscow', 'atlantis'];
    expect(errorOf(() => loadFactbase(meta, { 'catalogue.json': entities })).message).toBe(
      'catalogue.json: entity "kremlin", field "related.1": unknown id "atlantis"',
    );
  });

  test('a duplicate id across files is reported with both files', () => {
    const dup = copy().filter((e) => e.id === 'yuan');
    const message = errorOf(() => loadFactbase(meta, { 'catalogue.json': catalogue, 'extra.json': dup })).message;
    expect(message).toContain('extra.json: entity "yuan", field "id": duplicate id (also in catalogue.json)');
  });

  test('an unsorted file is reported', () => {
    const entities = copy();
    const [a, b] = [entities[3]!, entities[4]!];
    entities[3] = b;
    entities[4] = a;
    expect(errorOf(() => loadFactbase(meta, { 'catalogue.json': entities })).message).toContain(
      `entity "${a.id}", field "id": not sorted by id`,
    );
  });

  test('an alias shared by two entities needs a rule on each side', () => {
    const entities = copy();
    // "Mir" is guarded on the payment system; giving it to the Mir-less Moscow entity must fail on Moscow.
    (find(entities, 'moscow').aliases as string[]).push('Mir');
    const err = errorOf(() => loadFactbase(meta, { 'catalogue.json': entities }));
    expect(err.message).toContain('entity "moscow", field "aliases.');
    expect(err.message).toContain('"Mir" is shared with mir-payment-system');
  });

  test('a shared alias with rules on both sides is accepted', () => {
    const entities = copy();
    const moscow = find(entities, 'moscow');
    (moscow.aliases as string[]).push('Mir');
    (moscow.disambiguation as Raw[]).push({ alias: 'Mir', rule: 'context', note: 'test only' });
    expect(() => loadFactbase(meta, { 'catalogue.json': entities })).not.toThrow();
  });

  test('a disambiguation entry must name one of the aliases', () => {
    const entities = copy();
    (find(entities, 'swift').disambiguation as Raw[]).push({ alias: 'Swiftly', rule: 'context', note: 'not an alias' });
    expect(errorOf(() => loadFactbase(meta, { 'catalogue.json': entities })).message).toContain('entity "swift"');
  });

  test('broken meta is reported with its field', () => {
    const badMeta = { ...(meta as Raw), reviewed: '28/11/2026' };
    expect(errorOf(() => loadFactbase(badMeta, { 'catalogue.json': catalogue })).message).toBe(
      'meta.json, field "reviewed": must be YYYY-MM-DD',
    );
  });

  test('a file that is not an array is reported by name', () => {
    expect(errorOf(() => loadFactbase(meta, { 'extra-1.json': { id: 'x' } })).message).toBe(
      'extra-1.json: expected an array of entities',
    );
  });
});
