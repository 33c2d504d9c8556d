import { describe, expect, test } from 'vitest';
import { exportJson, parseAnnotationJson, toAnnotationCollection } from '../../../lib/highlights/annotation-json';
import { makeHighlights } from './fixtures';

const highlights = makeHighlights(40);

function refused(text: string): string {
  const r = parseAnnotationJson(text);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.error;
}

describe('W3C Web Annotation export', () => {
  test('is an AnnotationCollection with quote and position selectors', () => {
    const c = toAnnotationCollection(highlights, new Date('2026-11-28T00:00:00Z'));
    expect(c.type).toBe('AnnotationCollection');
    expect(c['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(c.total).toBe(40);
    const a = c.first.items[0]!;
    expect(a.type).toBe('Annotation');
    expect(a.id).toMatch(/^urn:uuid:/);
    expect(a.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(a.motivation).toBe('commenting'); // highlight 0 has a note
    expect(c.first.items[1]!.motivation).toBe('highlighting');
    expect(a.body?.find((b) => b.purpose === 'commenting')?.value).toBe(highlights[0]!.note);
  });

  test('export then import gives back every highlight exactly', () => {
    const r = parseAnnotationJson(exportJson(highlights));
    expect(r).toEqual({ ok: true, highlights, duplicates: 0 });
  });

  test('an id repeated inside the file is kept once', () => {
    const c = toAnnotationCollection(highlights.slice(0, 3));
    c.first.items.push(c.first.items[0]!);
    c.total = 4;
    const r = parseAnnotationJson(JSON.stringify(c));
    expect(r.ok && r.highlights.length).toBe(3);
    expect(r.ok && r.duplicates).toBe(1);
  });
});

describe('import refuses bad files and names the problem', () => {
  const good = () => toAnnotationCollection(highlights.slice(0, 5));

  test('not JSON', () => {
    expect(refused('{"type": "AnnotationCollection", ')).toMatch(/not valid JSON/);
  });

  test('some other JSON', () => {
    expect(refused(JSON.stringify({ settings: true }))).toMatch(/Not an Eurasia Lens highlights export — type/);
  });

  test('a truncated collection', () => {
    const c = good();
    c.first.items.pop();
    expect(refused(JSON.stringify(c))).toMatch(/says it holds 5 highlights but contains 4/);
  });

  test('one bad annotation among good ones: all refused, the bad one named', () => {
    const c = good() as unknown as { first: { items: Record<string, unknown>[] } };
    const target = c.first.items[3]!.target as { selector: Record<string, unknown>[] };
    target.selector[0] = { ...target.selector[0], exact: '' };
    const error = refused(JSON.stringify(c));
    expect(error).toMatch(/^Highlight 4 of 5: target\.selector\.0\.exact/);
    expect(error).toMatch(/must not be empty/);
  });

  test('a bad date', () => {
    const c = good() as unknown as { first: { items: Record<string, unknown>[] } };
    c.first.items[1]!.created = 'yesterday';
    expect(refused(JSON.stringify(c))).toMatch(/^Highlight 2 of 5: created: must be an ISO 8601 timestamp/);
  });

  test('a position whose end is before its start', () => {
    const c = good() as unknown as { first: { items: { target: { selector: Record<string, unknown>[] } }[] } };
    c.first.items[0]!.target.selector[1] = { type: 'TextPositionSelector', start: 10, end: 5 };
    expect(refused(JSON.stringify(c))).toMatch(/^Highlight 1 of 5: .*end must be greater than start/);
  });

  test('a missing target', () => {
    const c = good() as unknown as { first: { items: Record<string, unknown>[] } };
    delete c.first.items[2]!.target;
    expect(refused(JSON.stringify(c))).toMatch(/^Highlight 3 of 5: target: .*it is missing/);
  });

  test('an entity id that is not an id', () => {
    const c = good() as unknown as { first: { items: { body?: Record<string, unknown>[] }[] } };
    c.first.items[0]!.body = [{ type: 'TextualBody', purpose: 'tagging', value: '<script>' }];
    expect(refused(JSON.stringify(c))).toMatch(/^Highlight 1 of 5: entities\.0: must be a kebab-case entity id/);
  });
});
