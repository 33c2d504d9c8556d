/**
 * The highlights database on fake-indexeddb: schema upgrades from every
 * earlier version, the failure cases of issue #7 (quota, blocked upgrade,
 * database that cannot be opened) with no stored highlight lost, and import
 * in one transaction without duplicates.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { HighlightsDbError } from '../../../lib/db/errors';
import { HighlightsDb, openRawDb } from '../../../lib/db/highlights-db';
import { DB_VERSION, MIGRATIONS, STORE } from '../../../lib/db/highlights-schema';
import { exportJson, parseAnnotationJson } from '../../../lib/highlights/annotation-json';
import { highlightKey, type Highlight } from '../../../lib/highlights/model';
import { makeHighlights } from '../highlights/fixtures';

let dbCount = 0;
const freshName = () => `test-highlights-${++dbCount}`;
const byId = (a: Highlight, b: Highlight) => (a.id < b.id ? -1 : 1);

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function kindOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(HighlightsDbError);
    return (error as HighlightsDbError).kind;
  }
  throw new Error('expected a HighlightsDbError');
}

/** How each earlier version stored a highlight: the writer used to build an old database. */
const OLD_SHAPES: Record<number, (h: Highlight) => Record<string, unknown>> = {
  1: (h) => ({
    id: h.id,
    url: h.url,
    originalUrl: h.originalUrl,
    title: h.title,
    created: Date.parse(h.created),
    updated: Date.parse(h.updated),
    quote: { exact: h.anchor.quote.exact, prefix: h.anchor.quote.prefix, suffix: h.anchor.quote.suffix },
    position: { start: h.anchor.position.start, end: h.anchor.position.end },
    note: h.note,
    entities: h.entities,
  }),
  2: (h) => {
    const { status: _status, ...rest } = h;
    return { ...rest, key: highlightKey(h) };
  },
};

describe('schema upgrades', () => {
  test('every earlier version has a writer in this test', () => {
    for (let v = 1; v < DB_VERSION; v++) expect(OLD_SHAPES[v], `version ${v}`).toBeDefined();
  });

  test.each(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1))(
    'upgrade from version %i keeps every highlight and builds the indexes',
    async (version) => {
      const name = freshName();
      // Status did not exist before version 3: an upgraded record comes back as 'unknown'.
      const originals = makeHighlights(25).map((h) => ({ ...h, status: 'unknown' as const }));
      const old = await openRawDb({ name, version });
      for (const h of originals) await old.put(STORE, OLD_SHAPES[version]!(h));
      old.close();

      const db = new HighlightsDb({ name });
      expect((await db.listAll()).sort(byId)).toEqual(originals.sort(byId));
      expect(await db.listByStatus('unknown')).toHaveLength(25);
      expect(await db.listForPage(originals[0]!.url)).toHaveLength(3);
      // The duplicate index works on upgraded data: saving the same passage again adds nothing.
      const again = await db.add({ ...originals[0]!, id: 'other-id' });
      expect(again.id).toBe(originals[0]!.id);
      expect(await db.count()).toBe(25);
      db.close();

      const raw = await openDB(name);
      expect(raw.version).toBe(DB_VERSION);
      expect([...raw.transaction(STORE).store.indexNames].sort()).toEqual(['byEntity', 'byKey', 'byStatus', 'byUrl']);
      raw.close();
    },
  );

  test('a failing migration leaves the old version and every record in place', async () => {
    const name = freshName();
    const originals = makeHighlights(5);
    const old = await openRawDb({ name, version: 2 });
    for (const h of originals) await old.put(STORE, OLD_SHAPES[2]!(h));
    old.close();

    const real = MIGRATIONS[3]!;
    MIGRATIONS[3] = async () => {
      throw new Error('simulated migration bug');
    };
    try {
      expect(await kindOf(new HighlightsDb({ name }).listAll())).toBe('upgrade-failed');
    } finally {
      MIGRATIONS[3] = real;
    }
    const raw = await openDB(name);
    expect(raw.version).toBe(2);
    expect(await raw.count(STORE)).toBe(5);
    raw.close();
    // With the bug fixed, the upgrade goes through.
    expect(await new HighlightsDb({ name }).count()).toBe(5);
  });

  test('a database from a newer version is refused, not touched', async () => {
    const name = freshName();
    const newer = await openDB(name, DB_VERSION + 1, { upgrade: (db) => void db.createObjectStore(STORE) });
    await newer.put(STORE, { keep: true }, 'k');
    newer.close();
    expect(await kindOf(new HighlightsDb({ name }).listAll())).toBe('newer-version');
    const raw = await openDB(name);
    expect(await raw.get(STORE, 'k')).toEqual({ keep: true });
    raw.close();
  });
});

describe('failures tell the reader and lose nothing', () => {
  test('blocked upgrade: a clear error while an old connection is open, then success', async () => {
    const name = freshName();
    const old = await openRawDb({ name, version: 1 });
    await old.put(STORE, OLD_SHAPES[1]!(makeHighlights(1)[0]!));
    const db = new HighlightsDb({ name });
    const error = await db.listAll().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HighlightsDbError);
    expect((error as HighlightsDbError).kind).toBe('blocked');
    expect((error as Error).message).toMatch(/Close the other Eurasia Lens tabs/);
    old.close();
    await vi.waitFor(async () => expect(await db.count()).toBe(1));
  });

  test('an open connection steps aside when a newer version needs the database', async () => {
    const name = freshName();
    const db = new HighlightsDb({ name, version: 2 });
    expect(await db.count()).toBe(0);
    // A newer copy of the code opens version 3: ours closes, theirs upgrades.
    const newer = new HighlightsDb({ name });
    expect(await newer.count()).toBe(0);
    newer.close();
  });

  test('database that cannot be opened: typed error', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
      },
    });
    const db = new HighlightsDb({ name: freshName() });
    const error = await db.listAll().catch((e: unknown) => e);
    expect((error as HighlightsDbError).kind).toBe('unavailable');
    expect((error as Error).message).toMatch(/could not be opened. Nothing was deleted/);
  });

  test('quota exceeded on save: typed error, stored highlights untouched', async () => {
    const db = new HighlightsDb({ name: freshName() });
    const [a, b] = makeHighlights(2);
    await db.add(a!);
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementationOnce(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const error = await db.add(b!).catch((e: unknown) => e);
    expect((error as HighlightsDbError).kind).toBe('quota');
    expect((error as Error).message).toMatch(/storage for Eurasia Lens is full/);
    expect(await db.listAll()).toEqual([a]);
  });

  test('quota exceeded in the middle of an import: nothing is half-imported', async () => {
    const db = new HighlightsDb({ name: freshName() });
    const existing = makeHighlights(3);
    await db.importMany(existing);
    const incoming = makeHighlights(20, 10, 2).map((h, i) => ({ ...h, id: `incoming-${i}`, url: `${h.url}-new` }));
    const realAdd = IDBObjectStore.prototype.add;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 12) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return realAdd.apply(this, args);
    });
    expect(await kindOf(db.importMany(incoming))).toBe('quota');
    vi.restoreAllMocks();
    expect((await db.listAll()).sort(byId)).toEqual(existing.sort(byId));
  });
});

describe('store operations', () => {
  test('export → delete everything → import restores every highlight exactly', async () => {
    const db = new HighlightsDb({ name: freshName() });
    const originals = makeHighlights(60);
    expect(await db.importMany(originals)).toEqual({ added: 60, skipped: 0 });
    const file = exportJson(await db.listAll());
    expect(await db.deleteAll()).toBe(60);
    expect(await db.count()).toBe(0);
    const parsed = parseAnnotationJson(file);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await db.importMany(parsed.highlights)).toEqual({ added: 60, skipped: 0 });
    expect((await db.listAll()).sort(byId)).toEqual(originals.sort(byId));
  });

  test('importing the same highlights twice creates no duplicates (same id or same passage)', async () => {
    const db = new HighlightsDb({ name: freshName() });
    const originals = makeHighlights(10);
    await db.importMany(originals);
    expect(await db.importMany(originals)).toEqual({ added: 0, skipped: 10 });
    const copies = originals.map((h) => ({ ...h, id: `copy-${h.id}` }));
    expect(await db.importMany(copies)).toEqual({ added: 0, skipped: 10 });
    expect(await db.count()).toBe(10);
  });

  test('an invalid record refuses the whole import', async () => {
    const db = new HighlightsDb({ name: freshName() });
    const batch = makeHighlights(5);
    batch[3] = { ...batch[3]!, created: 'not a date' };
    expect(await kindOf(db.importMany(batch))).toBe('invalid');
    expect(await db.count()).toBe(0);
  });

  test('update, delete and undo', async () => {
    const db = new HighlightsDb({ name: freshName() });
    const [h] = makeHighlights(1);
    await db.add(h!);
    const edited = await db.update(h!.id, (x) => ({ ...x, note: 'new note' }));
    expect(edited.note).toBe('new note');
    const deleted = await db.delete(h!.id);
    expect(deleted).toEqual(edited);
    expect(await db.count()).toBe(0);
    await db.restore(deleted!);
    expect(await db.get(h!.id)).toEqual(edited);
    expect(await kindOf(db.update('missing', (x) => x))).toBe('not-found');
  });

  test('status of several highlights in one go', async () => {
    const db = new HighlightsDb({ name: freshName() });
    const hs = makeHighlights(6).map((h) => ({ ...h, status: 'unknown' as const }));
    await db.importMany(hs);
    expect(await db.setStatus([hs[0]!.id, hs[1]!.id, 'missing'], 'orphan')).toBe(2);
    expect((await db.listByStatus('orphan')).map((h) => h.id).sort()).toEqual([hs[0]!.id, hs[1]!.id].sort());
  });
});
