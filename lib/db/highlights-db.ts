/**
 * The highlights database (IndexedDB through idb). Lives in the extension's
 * own origin: the background owns it, content scripts ask through messages.
 * Every failure comes out as a HighlightsDbError; writes happen in single
 * transactions, so a failed write changes nothing.
 */
import { openDB, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import * as v from 'valibot';
import { HighlightSchema, highlightKey, type Highlight } from '../highlights/model';
import { HighlightsDbError, toDbError } from './errors';
import { DB_NAME, DB_VERSION, MIGRATIONS, STORE } from './highlights-schema';

type Db = IDBPDatabase<unknown>;
type StoredHighlight = Highlight & { key: string };
type Store = IDBPObjectStore<unknown, [typeof STORE], typeof STORE, 'readwrite'>;

export interface OpenOptions {
  name?: string;
  /** Open at an older schema version (tests build old databases this way). */
  version?: number;
}

/** Opens (and upgrades) the database; rejects with a HighlightsDbError. */
export async function openRawDb(options: OpenOptions & { onStale?: () => void } = {}): Promise<Db> {
  const name = options.name ?? DB_NAME;
  const target = options.version ?? DB_VERSION;
  let migrationError: unknown;
  return new Promise<Db>((resolve, reject) => {
    let settled = false;
    const fail = (error: HighlightsDbError) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    let opening: ReturnType<typeof openDB>;
    try {
      opening = openDB(name, target, {
        upgrade(db, oldVersion, _newVersion, tx) {
          // Its failure is reported through the open request below.
          tx.done.catch(() => undefined);
          let chain = Promise.resolve();
          for (let version = oldVersion + 1; version <= target; version++) {
            const step = MIGRATIONS[version];
            if (!step) throw new Error(`No migration to version ${version}`);
            chain = chain.then(() => step(db, tx));
          }
          chain.catch((error: unknown) => {
            migrationError = error;
            try {
              tx.abort();
            } catch {
              // already finished
            }
          });
        },
        blocked(currentVersion) {
          fail(new HighlightsDbError('blocked', `open at version ${currentVersion}, needed ${target}`));
        },
        blocking() {
          // A newer version wants to open: step aside so its upgrade can run.
          options.onStale?.();
        },
        terminated() {
          options.onStale?.();
        },
      });
    } catch (error) {
      // indexedDB missing or refusing outright (some private modes).
      fail(toDbError(error));
      return;
    }
    opening.then(
      (db) => {
        if (settled) {
          // We already told the caller it was blocked; they will open again.
          db.close();
          return;
        }
        settled = true;
        resolve(db);
      },
      (error: unknown) => {
        if (migrationError !== undefined) {
          const detail = migrationError instanceof Error ? migrationError.message : String(migrationError);
          fail(new HighlightsDbError('upgrade-failed', detail, { cause: migrationError }));
        } else {
          fail(toDbError(error));
        }
      },
    );
  });
}

/**
 * Runs `work` in `tx` and waits for the commit. If anything fails the
 * transaction is aborted, so none of its writes happen.
 */
async function settle<T>(tx: { abort(): void; done: Promise<void> }, work: () => Promise<T>): Promise<T> {
  try {
    const out = await work();
    await tx.done;
    return out;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

function strip(record: StoredHighlight): Highlight {
  const { key: _key, ...highlight } = record;
  return highlight;
}

function validated(h: Highlight): StoredHighlight {
  const result = v.safeParse(HighlightSchema, h);
  if (!result.success) {
    const issue = result.issues[0];
    throw new HighlightsDbError('invalid', `${v.getDotPath(issue) ?? 'record'}: ${issue.message}`);
  }
  return { ...result.output, key: highlightKey(result.output) };
}

export interface ImportOutcome {
  added: number;
  /** Already stored (same id, or same page, quote and context). */
  skipped: number;
}

/**
 * The store. The connection is opened on first use and re-opened after the
 * browser or a newer version closes it.
 */
export class HighlightsDb {
  #db: Promise<Db> | null = null;
  #conn: Db | null = null;

  constructor(private readonly options: OpenOptions = {}) {}

  #stale = () => {
    this.#conn?.close();
    this.#conn = null;
    this.#db = null;
  };

  #open(): Promise<Db> {
    if (!this.#db) {
      this.#db = openRawDb({ ...this.options, onStale: this.#stale }).then(
        (db) => (this.#conn = db),
        (error: unknown) => {
          this.#db = null;
          throw error;
        },
      );
    }
    return this.#db;
  }

  /** Runs `work` and converts whatever it throws. */
  async #run<T>(work: (db: Db) => Promise<T>): Promise<T> {
    const db = await this.#open();
    try {
      return await work(db);
    } catch (error) {
      throw toDbError(error, 'unavailable');
    }
  }

  /** Runs `work` in one read-write transaction over the store. */
  #write<T>(work: (store: Store) => Promise<T>): Promise<T> {
    return this.#run((db) => {
      const tx = db.transaction(STORE, 'readwrite');
      return settle(tx, () => work(tx.store));
    });
  }

  close(): void {
    this.#stale();
  }

  get(id: string): Promise<Highlight | undefined> {
    return this.#run(async (db) => {
      const r = (await db.get(STORE, id)) as StoredHighlight | undefined;
      return r && strip(r);
    });
  }

  listAll(): Promise<Highlight[]> {
    return this.#run(async (db) => ((await db.getAll(STORE)) as StoredHighlight[]).map(strip));
  }

  listForPage(url: string): Promise<Highlight[]> {
    return this.#run(async (db) => ((await db.getAllFromIndex(STORE, 'byUrl', url)) as StoredHighlight[]).map(strip));
  }

  listByStatus(status: Highlight['status']): Promise<Highlight[]> {
    return this.#run(async (db) =>
      ((await db.getAllFromIndex(STORE, 'byStatus', status)) as StoredHighlight[]).map(strip),
    );
  }

  count(): Promise<number> {
    return this.#run((db) => db.count(STORE));
  }

  /**
   * Stores a new highlight. Saving the same passage of the same page again
   * returns the stored one instead of a copy.
   */
  async add(highlight: Highlight): Promise<Highlight> {
    const record = validated(highlight);
    return this.#write(async (store) => {
      const same = (await store.index('byKey').get(record.key)) as StoredHighlight | undefined;
      if (same) return strip(same);
      await store.add(record);
      return strip(record);
    });
  }

  /** Replaces a stored highlight (note edits, status); fails if it is gone. */
  update(id: string, change: (h: Highlight) => Highlight): Promise<Highlight> {
    return this.#write(async (store) => {
      const current = (await store.get(id)) as StoredHighlight | undefined;
      if (!current) throw new HighlightsDbError('not-found');
      const next = validated({ ...change(strip(current)), id });
      await store.put(next);
      return strip(next);
    });
  }

  /** Sets the anchoring status of several highlights in one transaction. */
  setStatus(ids: readonly string[], status: Highlight['status']): Promise<number> {
    return this.#write(async (store) => {
      let changed = 0;
      for (const id of ids) {
        const current = (await store.get(id)) as StoredHighlight | undefined;
        if (current && current.status !== status) {
          await store.put({ ...current, status });
          changed++;
        }
      }
      return changed;
    });
  }

  /** Deletes one highlight and returns it (so the caller can offer undo). */
  delete(id: string): Promise<Highlight | undefined> {
    return this.#write(async (store) => {
      const current = (await store.get(id)) as StoredHighlight | undefined;
      if (current) await store.delete(id);
      return current && strip(current);
    });
  }

  /** Puts back a deleted highlight exactly as it was (undo). */
  async restore(highlight: Highlight): Promise<Highlight> {
    const record = validated(highlight);
    return this.#write(async (store) => {
      await store.put(record);
      return strip(record);
    });
  }

  /**
   * Imports in ONE transaction: either every new highlight is stored or none
   * is. Highlights already stored (by id, or by page + quote + context) are
   * skipped, so importing the same file twice creates nothing new.
   */
  async importMany(highlights: readonly Highlight[]): Promise<ImportOutcome> {
    const records = highlights.map(validated);
    return this.#write(async (store) => {
      const byKey = store.index('byKey');
      const keys = new Set<string>();
      let added = 0;
      let skipped = 0;
      for (const record of records) {
        const known =
          keys.has(record.key) ||
          (await store.getKey(record.id)) !== undefined ||
          (await byKey.getKey(record.key)) !== undefined;
        if (known) {
          skipped++;
          continue;
        }
        keys.add(record.key);
        await store.add(record);
        added++;
      }
      return { added, skipped };
    });
  }

  /** Removes every highlight ("delete all my data"); returns how many there were. */
  deleteAll(): Promise<number> {
    return this.#write(async (store) => {
      const n = await store.count();
      await store.clear();
      return n;
    });
  }
}
