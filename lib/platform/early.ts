/**
 * What the content script can start before the page is idle, on long pages
 * only (see startEarly): a tiny script at `document_start`
 * (entrypoints/early.ts) reads the reader's settings once the HTML is parsed;
 * the content script, which runs at `document_idle` in the same isolated
 * world, takes them over. Settings changed in between are followed, so the
 * value handed over is the latest.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_STORAGE_KEY, settingsFromStored } from './page-settings';
import type { Settings } from '../settings/model';
import { LARGE_PAGE_ELEMENTS } from '../dom/long-page';

/** Where the early script leaves its work: a global of our isolated world, never the page's. */
const EARLY = Symbol.for('eurasia-lens.early');
/** Set once the early script has run in this world. */
const STARTED = Symbol.for('eurasia-lens.early-started');

interface Early {
  /** Resolves once the first read is in. */
  ready: Promise<void>;
  /** The stored settings value as it stands now: the first read, or the latest change since. */
  current(): unknown;
  /** Stops following changes. */
  release(): void;
}

type Holder = { [EARLY]?: Early };

export interface EarlyOptions {
  /** More elements than this at DOMContentLoaded make a page long (LARGE_PAGE_ELEMENTS; tests use fewer). */
  largePage?: number;
}

/**
 * Runs at document_start. Most pages get one DOMContentLoaded listener and
 * nothing else. A long page (more than LARGE_PAGE_ELEMENTS elements once its
 * HTML is parsed) keeps the browser busy well past document_idle, when every
 * round trip is slow: there the settings read starts at once, for the content
 * script to take over. Idempotent.
 */
export function startEarly(options: EarlyOptions = {}): void {
  const holder = globalThis as Holder & { [STARTED]?: true };
  if (holder[STARTED]) return;
  holder[STARTED] = true;
  const { largePage = LARGE_PAGE_ELEMENTS } = options;
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      if (document.getElementsByTagName('*').length > largePage) readEarly();
    },
    { once: true },
  );
}

/**
 * Starts the settings read and follows changes until the scout takes over.
 * It keeps the stored value as it is and parses it once, at the hand-over:
 * page-settings' watchPageSettings would parse every change, and bring the
 * settings parser into this script that every page runs.
 */
function readEarly(): void {
  const holder = globalThis as Holder;
  let latest: { value: unknown } | null = null;
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_STORAGE_KEY];
    if (area === 'local' && change) latest = { value: change.newValue };
  };
  const release = () => browser.storage.onChanged.removeListener(onChanged);
  try {
    browser.storage.onChanged.addListener(onChanged);
    const read = browser.storage.local.get(SETTINGS_STORAGE_KEY).then((stored) => {
      latest ??= { value: stored[SETTINGS_STORAGE_KEY] };
      return undefined;
    });
    holder[EARLY] = { ready: read, current: () => latest?.value, release };
  } catch {
    // The extension is going away: the scout will find nothing here and read for itself.
    release();
  }
}

/**
 * The settings the early script read (the latest value, changes included),
 * or null when it did not run. Taking them ends the early script's work.
 */
export function takeEarlySettings(): Promise<Settings> | null {
  const holder = globalThis as Holder;
  const early = holder[EARLY];
  if (!early) return null;
  delete holder[EARLY];
  // The value is taken when the caller resumes, so a change that came after the first read counts.
  return early.ready.then(
    () => {
      early.release();
      return settingsFromStored(early.current());
    },
    (error: unknown) => {
      early.release();
      throw error;
    },
  );
}
