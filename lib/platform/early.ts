/**
 * What the content script can start before the page has loaded. A tiny
 * script at `document_start` (entrypoints/early.content.ts) reads the
 * reader's settings and wakes the extension's service worker (detection runs
 * there) while the page is still loading; the main content script, which runs
 * at `document_idle` in the same isolated world, takes both over instead of
 * waiting for them then. Settings changed in between are followed, so the
 * value handed over is the latest.
 */
import { browser } from 'wxt/browser';
import { WAKE_PORT } from '../dom/lifeline';
import { SETTINGS_STORAGE_KEY, settingsFromStored } from './page-settings';
import type { Settings } from '../settings/model';

/** Where the early script leaves its work: a global of our isolated world, never the page's. */
const EARLY = Symbol.for('eurasia-lens.early');

interface Early {
  /** Resolves once the first read is in. */
  ready: Promise<void>;
  /** The stored settings value as it stands now: the first read, or the latest change since. */
  current(): unknown;
  /** Stops following changes and lets the wake port go. */
  release(): void;
}

type Holder = { [EARLY]?: Early };

/** Runs at document_start: starts the settings read and wakes the service worker. Idempotent. */
export function startEarly(): void {
  const holder = globalThis as Holder;
  if (holder[EARLY]) return;
  let latest: { value: unknown } | null = null;
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_STORAGE_KEY];
    if (area === 'local' && change) latest = { value: change.newValue };
  };
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  const release = () => {
    browser.storage.onChanged.removeListener(onChanged);
    try {
      port?.disconnect();
    } catch {
      // already gone
    }
    port = null;
  };
  try {
    browser.storage.onChanged.addListener(onChanged);
    const read = browser.storage.local.get(SETTINGS_STORAGE_KEY).then((stored) => {
      latest ??= { value: stored[SETTINGS_STORAGE_KEY] };
      return undefined;
    });
    holder[EARLY] = { ready: read, current: () => latest?.value, release };
  } catch {
    // The extension is going away: the main script will find nothing here and read for itself.
    release();
    return;
  }
  try {
    // A stopped worker takes a while to start; asking now hides that behind the page's own loading.
    const wake = browser.runtime.connect({ name: WAKE_PORT });
    port = wake;
    wake.onDisconnect.addListener(() => {
      if (port === wake) port = null;
    });
  } catch {
    // Waking is only a head start: the scan port wakes the worker anyway.
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
