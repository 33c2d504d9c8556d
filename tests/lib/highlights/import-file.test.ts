/**
 * The highlights page's one import path: which of the three formats a file
 * is, and what importing it would do, said before anything is written.
 */
import { describe, expect, test } from 'vitest';
import { bundledFactbase } from '../../../lib/factbase/bundled';
import { exportJson, toAnnotationCollection } from '../../../lib/highlights/annotation-json';
import { entityTagResolver } from '../../../lib/highlights/entity-tags';
import { parseImportFile, planImport, type ParsedImport } from '../../../lib/highlights/import-file';
import type { Highlight } from '../../../lib/highlights/model';
import { makeHighlights } from './fixtures';
import { hypAnnotation, hypExport } from './hypothesis-fixtures';

const resolveTag = entityTagResolver(bundledFactbase().entities);

function parsed(text: string): ParsedImport {
  const r = parseImportFile(text, resolveTag);
  if (!r.ok) throw new Error(r.error);
  return r;
}

/** An export as format version 1 wrote it. */
function versionOne(list: readonly Highlight[]): string {
  const c = toAnnotationCollection(list) as unknown as Record<string, unknown>;
  const page = c.first as Record<string, unknown> & { items: { id: string }[] };
  delete c.id;
  delete c.last;
  delete page.id;
  delete page.partOf;
  c['lens:formatVersion'] = 1;
  page.items.forEach((a, i) => (a.id = /^[0-9a-f-]{36}$/i.test(list[i]!.id) ? `urn:uuid:${list[i]!.id}` : list[i]!.id));
  return JSON.stringify(c);
}

describe('which format a file is', () => {
  const list = [...makeHighlights(4), { ...makeHighlights(1, 1, 9)[0]!, id: 'legacy-7' }];

  test('our current export', () => {
    const r = parsed(exportJson(list));
    expect(r.format).toBe('lens-2');
    expect(r.highlights).toEqual(list);
  });

  test('our older export (bare ids, lens:formatVersion 1)', () => {
    const r = parsed(versionOne(list));
    expect(r.format).toBe('lens-1');
    expect(r.highlights).toEqual(list);
  });

  test('a Hypothesis export', () => {
    const r = parsed(
      hypExport([
        hypAnnotation('Gazprom and CNPC finally signed', { tags: ['Gazprom', 'deals'] }),
        hypAnnotation(null, { text: 'page note' }),
      ]),
    );
    expect(r.format).toBe('hypothesis');
    expect(r.highlights).toHaveLength(1);
    expect(r.highlights[0]!.entities).toEqual(['gazprom']);
    expect([r.notImportable, r.tagsLinked, r.tagsKept]).toEqual([1, 1, 1]);
  });

  test('a file with a byte order mark', () => {
    expect(parsed(`\uFEFF${exportJson(list)}`).highlights).toHaveLength(5);
  });

  test.each([
    ['not JSON', 'annotations: []', /^The file is not valid JSON/],
    [
      'JSON of something else',
      '{"settings": {"theme": "dark"}}',
      /^This file is neither an Eurasia Lens .* nor a Hypothesis export/,
    ],
    ['a list', '[1, 2, 3]', /^This file is neither/],
    ['an annotations field that is no list', '{"annotations": 5}', /^This file is neither/],
    [
      'a typed object of another kind',
      '{"type": "OrderedCollection"}',
      /^Not an Eurasia Lens highlights export — type/,
    ],
  ])('refused: %s', (_name, text, message) => {
    const r = parseImportFile(text, resolveTag);
    expect(r.ok ? '' : r.error).toMatch(message);
  });
});

describe('what importing would do', () => {
  // 42 highlights on 9 pages, of which 3 are already stored.
  const file = makeHighlights(42, 9, 3);
  const others = makeHighlights(5, 2, 99).map((h, i) => ({
    ...h,
    id: `other-${i}`,
    url: `https://elsewhere.example/${i}`,
  }));
  const stored = [file[0]!, { ...file[10]!, id: 'saved-here-under-another-id' }, file[41]!, ...others];

  test('"42 highlights on 9 pages, 3 already here"', () => {
    const plan = planImport(parsed(exportJson(file)), stored);
    expect([plan.highlights.length, plan.pages, plan.alreadyHere]).toEqual([42, 9, 3]);
    expect(plan.fresh).toHaveLength(39);
    expect(plan.fresh.map((h) => h.id)).not.toContain(file[10]!.id);
  });

  test('the same passage twice in one file is one new highlight', () => {
    const twice = [file[5]!, { ...file[5]!, id: 'copy-of-5' }];
    const plan = planImport(parsed(exportJson(twice)), []);
    expect([plan.fresh.length, plan.repeated]).toEqual([1, 1]);
  });

  test('an old export and a new export of the same highlights add nothing the second time', () => {
    const list = [...makeHighlights(6), { ...makeHighlights(1, 1, 5)[0]!, id: 'legacy-7' }];
    const first = planImport(parsed(versionOne(list)), []);
    expect(first.fresh).toHaveLength(7);
    const second = planImport(parsed(exportJson(list)), first.fresh);
    expect([second.fresh.length, second.alreadyHere]).toEqual([0, 7]);
    const third = planImport(parsed(versionOne(list)), first.fresh);
    expect(third.fresh).toHaveLength(0);
  });

  test('a Hypothesis file imported twice adds nothing the second time', () => {
    const text = hypExport([hypAnnotation('Gazprom and CNPC finally signed'), hypAnnotation('the Power of Siberia')]);
    const once = planImport(parsed(text), []);
    expect(once.fresh).toHaveLength(2);
    expect(planImport(parsed(text), once.fresh).alreadyHere).toBe(2);
  });
});
