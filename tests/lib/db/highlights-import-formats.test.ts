/**
 * Importing each file format into the database the way the highlights page
 * does (read the file, plan against what is stored, write the new ones in one
 * transaction): a second import of the same highlights, in any of our two
 * formats or from Hypothesis, adds nothing, and a refused file writes nothing.
 */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { HighlightsDb } from '../../../lib/db/highlights-db';
import { bundledFactbase } from '../../../lib/factbase/bundled';
import { exportJson, toAnnotationCollection } from '../../../lib/highlights/annotation-json';
import { entityTagResolver } from '../../../lib/highlights/entity-tags';
import { parseImportFile, planImport } from '../../../lib/highlights/import-file';
import type { Highlight } from '../../../lib/highlights/model';
import { makeHighlights } from '../highlights/fixtures';
import { hypAnnotation, hypExport } from '../highlights/hypothesis-fixtures';
import { checkAnnotationCollection, describeFindings } from '../highlights/web-annotation-conformance';

let n = 0;
const resolveTag = entityTagResolver(bundledFactbase().entities);
const byId = (a: Highlight, b: Highlight) => (a.id < b.id ? -1 : 1);

/** The page's import: parse, plan, confirm, write. */
async function importFile(db: HighlightsDb, text: string) {
  const parsed = parseImportFile(text, resolveTag);
  if (!parsed.ok) throw new Error(parsed.error);
  const plan = planImport(parsed, await db.listAll());
  const outcome = await db.importMany(plan.fresh);
  return { plan, outcome };
}

function versionOne(list: readonly Highlight[]): string {
  const c = toAnnotationCollection(list) as unknown as Record<string, unknown>;
  const page = c.first as Record<string, unknown> & { items: { id: string }[] };
  for (const key of ['id', 'last']) delete c[key];
  for (const key of ['id', 'partOf']) delete page[key];
  c['lens:formatVersion'] = 1;
  page.items.forEach((a, i) => (a.id = /^[0-9a-f-]{36}$/i.test(list[i]!.id) ? `urn:uuid:${list[i]!.id}` : list[i]!.id));
  return JSON.stringify(c);
}

describe('import into the database, format by format', () => {
  const list = [...makeHighlights(8, 3), { ...makeHighlights(1, 1, 4)[0]!, id: 'legacy-7' }];

  test('old export, then new export of the same highlights: stored once, exactly', async () => {
    const db = new HighlightsDb({ name: `formats-${++n}` });
    expect((await importFile(db, versionOne(list))).outcome).toEqual({ added: 9, skipped: 0 });
    const again = await importFile(db, exportJson(list));
    expect(again.plan.alreadyHere).toBe(9);
    expect(again.outcome).toEqual({ added: 0, skipped: 0 });
    expect((await db.listAll()).sort(byId)).toEqual([...list].sort(byId));
  });

  test('a new export (conforming), deleted, imported back: the same records under the same ids', async () => {
    const db = new HighlightsDb({ name: `formats-${++n}` });
    await db.importMany(list);
    const file = exportJson(await db.listAll());
    const findings = checkAnnotationCollection(JSON.parse(file));
    expect(findings, describeFindings(findings)).toEqual([]);
    await db.deleteAll();
    expect((await importFile(db, file)).outcome.added).toBe(9);
    expect((await db.listAll()).sort(byId)).toEqual([...list].sort(byId));
  });

  test('a Hypothesis export twice: the second time adds nothing', async () => {
    const db = new HighlightsDb({ name: `formats-${++n}` });
    const text = hypExport([
      hypAnnotation('Gazprom and CNPC finally signed', { tags: ['Gazprom', 'cnpc', 'deals'], text: 'Signed.' }),
      hypAnnotation('the Power of Siberia'),
      hypAnnotation(null, { text: 'a page note' }),
    ]);
    const first = await importFile(db, text);
    expect(first.outcome).toEqual({ added: 2, skipped: 0 });
    expect(first.plan.notImportable).toBe(1);
    const second = await importFile(db, text);
    expect([second.plan.alreadyHere, second.outcome.added]).toEqual([2, 0]);
    const stored = await db.listAll();
    expect(stored.map((h) => h.entities).sort()).toEqual([[], ['cnpc', 'gazprom']]);
    expect(stored.find((h) => h.entities.length)!.note).toBe('Signed.\n\nTags: deals');
  });

  test('a refused file writes nothing', async () => {
    const db = new HighlightsDb({ name: `formats-${++n}` });
    await db.importMany(list.slice(0, 2));
    const bad = hypExport([hypAnnotation('the Power of Siberia'), hypAnnotation('a second line', { created: 'soon' })]);
    await expect(importFile(db, bad)).rejects.toThrow(/Hypothesis annotation 2 of 2 .*created/);
    expect(await db.count()).toBe(2);
  });
});
