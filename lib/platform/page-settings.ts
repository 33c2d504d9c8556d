/**
 * The content script's view of the reader's settings: plain
 * `browser.storage.local` and `storage.onChanged`, no storage library and no
 * schema library in the page's bundle. Migrations and strict validation belong
 * to the extension pages (lib/platform/settings-store.ts); this reader only
 * takes each field that has the right shape and falls back to the default for
 * the rest, so a damaged or older value never stops marking.
 */
import { browser } from 'wxt/browser';
import {
  CARD_DELAY_MAX_MS,
  CARD_DELAY_MIN_MS,
  DEFAULT_SETTINGS,
  DENSITY_N_MAX,
  DENSITY_N_MIN,
  SETTINGS_VERSION,
  type Settings,
} from '../settings/model';

/** The key WXT's `local:settings` item uses in `browser.storage.local` (settings-store.ts). */
export const SETTINGS_STORAGE_KEY = 'settings';

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const oneOf = <T extends string>(v: unknown, options: readonly T[]): v is T =>
  typeof v === 'string' && (options as readonly string[]).includes(v);
const wholeBetween = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Settings from whatever is stored: every field that fits is kept, the others are the defaults. */
export function settingsFromStored(raw: unknown): Settings {
  const d = DEFAULT_SETTINGS;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return structuredClone(d);
  const r = raw as Record<string, unknown>;
  const density = r.density as Record<string, unknown> | null | undefined;
  const hidden: Record<string, string[]> = {};
  if (typeof r.hidden === 'object' && r.hidden !== null && !Array.isArray(r.hidden)) {
    for (const [host, ids] of Object.entries(r.hidden as Record<string, unknown>)) {
      if (isStringList(ids)) hidden[host] = [...ids];
    }
  }
  return {
    version: SETTINGS_VERSION,
    enabled: typeof r.enabled === 'boolean' ? r.enabled : d.enabled,
    siteMode: oneOf(r.siteMode, ['all-except', 'only'] as const) ? r.siteMode : d.siteMode,
    sites: isStringList(r.sites) ? [...r.sites] : [...d.sites],
    topicsOff: isStringList(r.topicsOff) ? ([...r.topicsOff] as Settings['topicsOff']) : [...d.topicsOff],
    density:
      typeof density === 'object' &&
      density !== null &&
      oneOf(density.mode, ['first', 'first-n', 'all'] as const) &&
      wholeBetween(density.n, DENSITY_N_MIN, DENSITY_N_MAX)
        ? { mode: density.mode, n: density.n }
        : { ...d.density },
    markStyle: oneOf(r.markStyle, ['underline', 'tint', 'hover'] as const) ? r.markStyle : d.markStyle,
    cardDelayMs: wholeBetween(r.cardDelayMs, CARD_DELAY_MIN_MS, CARD_DELAY_MAX_MS) ? r.cardDelayMs : d.cardDelayMs,
    theme: oneOf(r.theme, ['auto', 'light', 'dark'] as const) ? r.theme : d.theme,
    hidden,
  };
}

/** The current settings (defaults while nothing is stored). */
export async function readPageSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_STORAGE_KEY);
  return settingsFromStored(stored[SETTINGS_STORAGE_KEY]);
}

/** Calls `callback` with the new settings after every change from any context; returns the unwatch function. */
export function watchPageSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_STORAGE_KEY];
    if (area === 'local' && change) callback(settingsFromStored(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Stores `change` applied to the current settings ("Not this" from a card).
 * Only over nothing or over a value in the current format: an older value is
 * the pages' to migrate and a newer one is not ours to overwrite, so either is
 * left alone and the change is refused (false).
 */
export async function changePageSettings(change: (current: Settings) => Settings): Promise<boolean> {
  const stored = (await browser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY] as
    { version?: unknown } | null | undefined;
  if (stored !== undefined && stored !== null && stored.version !== SETTINGS_VERSION) return false;
  await browser.storage.local.set({ [SETTINGS_STORAGE_KEY]: change(settingsFromStored(stored)) });
  return true;
}
