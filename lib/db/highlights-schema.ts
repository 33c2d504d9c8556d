/**
 * The versions of the highlights database and the migration from each one to
 * the next. Opening at version N runs the steps after the stored version up to
 * N inside the one `versionchange` transaction, so a failed step leaves the
 * database at its old version with every record intact.
 *
 * v1: store `highlights` (key `id`), index `byUrl`; times as epoch
 *     milliseconds, `quote` and `position` as separate plain objects.
 * v2: W3C-style `anchor` ({ quote: TextQuoteSelector, position:
 *     TextPositionSelector }), ISO 8601 times, a duplicate key `key` with
 *     index `byKey`, and a multi-entry index `byEntity`.
 * v3: anchoring `status` ('unknown' | 'anchored' | 'orphan') with index `byStatus`.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { highlightKey, type Anchor } from '../highlights/model';

export const DB_NAME = 'eurasia-lens-highlights';
export const DB_VERSION = 3;
export const STORE = 'highlights';

type Db = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;
type Migration = (db: Db, tx: UpgradeTx) => Promise<void>;

/** Rewrites every record of the store with `change`; the cursor runs inside the upgrade. */
async function rewriteAll(tx: UpgradeTx, change: (record: Record<string, unknown>) => Record<string, unknown>) {
  let cursor = await tx.objectStore(STORE).openCursor();
  while (cursor) {
    await cursor.update(change(cursor.value as Record<string, unknown>));
    cursor = await cursor.continue();
  }
}

function isoOf(value: unknown): string {
  const date = new Date(typeof value === 'number' || typeof value === 'string' ? value : Date.now());
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

/** MIGRATIONS[v] upgrades a database at version v - 1 to version v. */
export const MIGRATIONS: Record<number, Migration> = {
  1: async (db) => {
    const store = db.createObjectStore(STORE, { keyPath: 'id' });
    store.createIndex('byUrl', 'url');
  },
  2: async (_db, tx) => {
    await rewriteAll(tx, (old) => {
      const quote = (old.quote ?? {}) as { exact?: string; prefix?: string; suffix?: string };
      const position = (old.position ?? {}) as { start?: number; end?: number };
      const anchor: Anchor = {
        quote: {
          type: 'TextQuoteSelector',
          exact: quote.exact ?? '',
          prefix: quote.prefix ?? '',
          suffix: quote.suffix ?? '',
        },
        position: { type: 'TextPositionSelector', start: position.start ?? 0, end: position.end ?? 0 },
      };
      const { quote: _q, position: _p, ...rest } = old;
      const url = String(old.url ?? '');
      return {
        ...rest,
        created: isoOf(old.created),
        updated: isoOf(old.updated ?? old.created),
        anchor,
        key: highlightKey({ url, anchor }),
      };
    });
    const store = tx.objectStore(STORE);
    store.createIndex('byKey', 'key');
    store.createIndex('byEntity', 'entities', { multiEntry: true });
  },
  3: async (_db, tx) => {
    await rewriteAll(tx, (old) => ({ ...old, status: old.status ?? 'unknown' }));
    tx.objectStore(STORE).createIndex('byStatus', 'status');
  },
};
