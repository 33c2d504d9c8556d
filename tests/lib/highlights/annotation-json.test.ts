import { describe, expect, test } from 'vitest';
import { HIGHLIGHT_IRI_BASE } from '../../../lib/highlights/annotation-iri';
import {
  EXPORT_FORMAT_VERSION,
  exportJson,
  parseAnnotationJson,
  toAnnotationCollection,
  type AnnotationCollection,
} from '../../../lib/highlights/annotation-json';
import { entityTagResolver } from '../../../lib/highlights/entity-tags';
import { parseHypothesisExport } from '../../../lib/highlights/hypothesis-import';
import type { Highlight } from '../../../lib/highlights/model';
import { makeHighlights } from './fixtures';
import { hypAnnotation, hypExport } from './hypothesis-fixtures';
import { checkAnnotationCollection, describeFindings } from './web-annotation-conformance';

const highlights = makeHighlights(40);
const GENERATED = new Date('2026-11-28T00:00:00Z');

function refused(text: string): string {
  const r = parseAnnotationJson(text);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.error;
}

/** Every export these tests write goes through here, so each one is checked against the model. */
function exported(list: readonly Highlight[]): { text: string; json: AnnotationCollection } {
  const text = exportJson(list, { generated: GENERATED });
  const json = JSON.parse(text) as AnnotationCollection;
  const found = checkAnnotationCollection(json);
  expect(found, describeFindings(found)).toEqual([]);
  return { text, json };
}

/** Highlights whose stored ids are not UUIDs: older imports and awkward strings. */
const oddIds = makeHighlights(6, 2, 7).map((h, i) => ({
  ...h,
  id: ['legacy-7', 'id with spaces', 'a/b?c#d', '中俄-标注', '100%', 'x'][i]!,
}));

/** The three-highlight sample the W3C test suite was run on: a note, tags, and a non-UUID id. */
const sample: Highlight[] = [
  { ...highlights[0]!, note: 'A note' },
  { ...highlights[1]!, entities: ['gazprom', 'power-of-siberia'] },
  { ...highlights[2]!, id: 'imported-1' },
];

function hypothesisHighlights(): Highlight[] {
  const r = parseHypothesisExport(
    JSON.parse(
      hypExport([
        hypAnnotation('Gazprom and CNPC finally signed', { text: 'Finally.', tags: ['Gazprom', 'pipelines'] }),
        hypAnnotation('the Power of Siberia', { created: '2025-01-02T03:04:05.678901+05:30' }),
      ]),
    ),
    entityTagResolver([{ id: 'gazprom', name: 'Gazprom', aliases: ['Gazprom'] }]),
  );
  if (!r.ok) throw new Error(r.error);
  return r.highlights;
}

describe('W3C Web Annotation export', () => {
  test('is an AnnotationCollection with quote and position selectors', () => {
    const c = toAnnotationCollection(highlights, { generated: GENERATED });
    expect(c.type).toBe('AnnotationCollection');
    expect(c['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(c['lens:formatVersion']).toBe(EXPORT_FORMAT_VERSION);
    expect(c.total).toBe(40);
    const a = c.first!.items[0]!;
    expect(a.type).toBe('Annotation');
    expect(a.id).toMatch(/^urn:uuid:/);
    expect(a.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(a.motivation).toBe('commenting'); // highlight 0 has a note
    expect(c.first!.items[1]!.motivation).toBe('highlighting');
    expect(a.body?.find((b) => b.purpose === 'commenting')?.value).toBe(highlights[0]!.note);
    expect(checkAnnotationCollection(c)).toEqual([]);
  });

  test('the collection and its page have IRIs; the page is linked both ways', () => {
    const c = toAnnotationCollection(highlights, { generated: GENERATED });
    expect(c.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(c.first!.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(c.first!.id).not.toBe(c.id);
    expect(c.first!.partOf).toBe(c.id);
    expect(c.last).toBe(c.first!.id);
    expect(c.first!.startIndex).toBe(0);
    expect(checkAnnotationCollection(c)).toEqual([]);
  });

  test.each([
    ['40 highlights with UUID ids', highlights],
    ['the three-highlight sample', sample],
    ['non-UUID ids', oddIds],
    ['one highlight', highlights.slice(3, 4)],
    ['highlights imported from Hypothesis', hypothesisHighlights()],
  ])('%s: conforms to the model', (_name, list) => {
    const { json } = exported(list);
    expect(json.total).toBe(list.length);
    expect(json.first!.items).toHaveLength(list.length);
  });

  test('no highlights: a conforming empty collection, without a page (a page never holds none)', () => {
    const { text, json } = exported([]);
    expect(json.total).toBe(0);
    expect(json.first).toBeUndefined();
    expect(parseAnnotationJson(text)).toEqual({ ok: true, highlights: [], duplicates: 0, formatVersion: 2 });
  });

  test('a non-UUID id is exported as a stable IRI, the same in every export', () => {
    const one = exported(oddIds).json.first!.items.map((a) => a.id);
    const two = exported([...oddIds].reverse()).json.first!.items.map((a) => a.id);
    expect(one[0]).toBe(`${HIGHLIGHT_IRI_BASE}legacy-7`);
    expect(one[1]).toBe(`${HIGHLIGHT_IRI_BASE}id%20with%20spaces`);
    expect([...two].reverse()).toEqual(one);
  });

  test('times stored with an offset are exported in UTC with "Z", as the model requires', () => {
    const h = { ...highlights[0]!, created: '2026-01-01T08:00:00+08:00', updated: '2026-01-01T09:30:00.5+08:00' };
    const a = exported([h]).json.first!.items[0]!;
    expect(a.created).toBe('2026-01-01T00:00:00.000Z');
    expect(a.modified).toBe('2026-01-01T01:30:00.500Z');
  });

  test('export then import gives back every highlight exactly, whatever its id', () => {
    expect(parseAnnotationJson(exported(highlights).text)).toEqual({
      ok: true,
      highlights,
      duplicates: 0,
      formatVersion: 2,
    });
    const back = parseAnnotationJson(exported(oddIds).text);
    expect(back.ok && back.highlights).toEqual(oddIds);
  });

  test('an id repeated inside the file is kept once', () => {
    const c = toAnnotationCollection(highlights.slice(0, 3));
    c.first!.items.push(c.first!.items[0]!);
    c.total = 4;
    const r = parseAnnotationJson(JSON.stringify(c));
    expect(r.ok && r.highlights.length).toBe(3);
    expect(r.ok && r.duplicates).toBe(1);
  });
});

describe('older exports (format version 1) still import, to the same ids', () => {
  /** What version 1 wrote: no collection or page id, non-UUID ids bare, no version-2 fields. */
  function versionOne(list: readonly Highlight[]): Record<string, unknown> {
    const c = toAnnotationCollection(list, { generated: GENERATED }) as unknown as Record<string, unknown>;
    const page = c.first as { id?: string; partOf?: string; items: { id: string; target: Record<string, unknown> }[] };
    delete c.id;
    delete c.last;
    delete page.id;
    delete page.partOf;
    c['lens:formatVersion'] = 1;
    page.items.forEach((a, i) => {
      const id = list[i]!.id;
      a.id = /^[0-9a-f-]{36}$/i.test(id) ? `urn:uuid:${id}` : id;
      delete a.target.type;
    });
    return c;
  }

  test('the version-1 shape is what the model refuses: no collection id, bare annotation ids', () => {
    const found = checkAnnotationCollection(versionOne(sample));
    expect(found.map((f) => `${f.rule} at ${f.path}`)).toEqual([
      '5.1 collection id at id',
      '5.2 page id at first.id',
      '3.1 annotation id at first.items.2.id',
    ]);
  });

  test('reads back the same highlights as the new format', () => {
    const old = parseAnnotationJson(JSON.stringify(versionOne([...highlights.slice(0, 5), ...oddIds])));
    const now = parseAnnotationJson(exported([...highlights.slice(0, 5), ...oddIds]).text);
    expect(old.ok && old.formatVersion).toBe(1);
    expect(old.ok && old.highlights).toEqual(now.ok && now.highlights);
  });

  test('a file without a version is read as version 1', () => {
    const c = versionOne(highlights.slice(0, 2));
    delete c['lens:formatVersion'];
    const r = parseAnnotationJson(JSON.stringify(c));
    expect(r.ok && r.formatVersion).toBe(1);
  });
});

describe('import refuses bad files and names the problem', () => {
  const good = () => toAnnotationCollection(highlights.slice(0, 5));
  type Loose = { first: { items: Record<string, unknown>[] } } & Record<string, unknown>;
  const loose = () => good() as unknown as Loose;

  test('not JSON', () => {
    expect(refused('{"type": "AnnotationCollection", ')).toMatch(/not valid JSON/);
  });

  test('some other JSON', () => {
    expect(refused(JSON.stringify({ settings: true }))).toMatch(/Not an Eurasia Lens highlights export — type/);
  });

  test('a truncated collection', () => {
    const c = good();
    c.first!.items.pop();
    expect(refused(JSON.stringify(c))).toMatch(/says it holds 5 highlights but contains 4/);
  });

  test('a collection that claims highlights but has no page', () => {
    const c = loose();
    delete (c as Partial<Loose>).first;
    expect(refused(JSON.stringify(c))).toMatch(/says it holds 5 highlights but has no page/);
  });

  test('a collection whose pages are only linked', () => {
    const c = loose() as Record<string, unknown>;
    c.first = 'https://annotations.example/page1';
    expect(refused(JSON.stringify(c))).toMatch(/only links to its pages/);
  });

  test('the first of several pages', () => {
    const c = loose();
    (c.first as Record<string, unknown>).next = 'https://annotations.example/page2';
    expect(refused(JSON.stringify(c))).toMatch(/first of several pages/);
  });

  test('a file from a newer version of the extension', () => {
    const c = loose();
    c['lens:formatVersion'] = EXPORT_FORMAT_VERSION + 1;
    expect(refused(JSON.stringify(c))).toMatch(/newer version of Eurasia Lens \(format 3\)/);
  });

  test('one bad annotation among good ones: all refused, the bad one named', () => {
    const c = loose();
    const target = c.first.items[3]!.target as { selector: Record<string, unknown>[] };
    target.selector[0] = { ...target.selector[0], exact: '' };
    const error = refused(JSON.stringify(c));
    expect(error).toMatch(/^Highlight 4 of 5: target\.selector\.0\.exact/);
    expect(error).toMatch(/must not be empty/);
  });

  test('a bad date', () => {
    const c = loose();
    c.first.items[1]!.created = 'yesterday';
    expect(refused(JSON.stringify(c))).toMatch(/^Highlight 2 of 5: created: must be an ISO 8601 timestamp/);
  });

  test('a position whose end is before its start', () => {
    const c = loose();
    (c.first.items[0]!.target as { selector: unknown[] }).selector[1] = {
      type: 'TextPositionSelector',
      start: 10,
      end: 5,
    };
    expect(refused(JSON.stringify(c))).toMatch(/^Highlight 1 of 5: .*end must be greater than start/);
  });

  test('a missing target', () => {
    const c = loose();
    delete c.first.items[2]!.target;
    expect(refused(JSON.stringify(c))).toMatch(/^Highlight 3 of 5: target: .*it is missing/);
  });

  test('an entity id that is not an id', () => {
    const c = loose();
    c.first.items[0]!.body = [{ type: 'TextualBody', purpose: 'tagging', value: '<script>' }];
    expect(refused(JSON.stringify(c))).toMatch(/^Highlight 1 of 5: entities\.0: must be a kebab-case entity id/);
  });
});
