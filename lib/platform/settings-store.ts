/**
 * The reader's settings in extension storage (`local:settings`), shared by the
 * content scripts, the popup and the options page; every change reaches the
 * others through storage change events.
 *
 * Versioning: the format version is kept inside the value (`version`) and
 * migrated by lib/settings/migrate.ts on every read. WXT's own item versioning
 * is keyed on a metadata entry that values written before versioning never had
 * (WXT takes a missing entry to mean version 1), so it cannot recognise the v0
 * format; the in-value version can. A migrated or repaired value is written
 * back the first time it is read with getSettings().
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from '../settings/model';
import { migrateSettings } from '../settings/migrate';
import { parseSettings, repairSettings } from '../settings/schema';

export const SETTINGS_KEY = 'local:settings' as const;

/** Typed item; `fallback` supplies the defaults while nothing is stored. */
export const settingsItem = storage.defineItem<Settings>(SETTINGS_KEY, {
  fallback: DEFAULT_SETTINGS,
});

/**
 * Current settings from any stored value: migrated, then repaired field by
 * field. `writeBack` says whether the result should replace the stored value
 * (never for a value from a newer build, which an older one must not overwrite).
 */
export function readStored(raw: unknown): { settings: Settings; writeBack: boolean } {
  if (raw === null || raw === undefined) return { settings: structuredClone(DEFAULT_SETTINGS), writeBack: false };
  let migrated: unknown;
  let writeBack = true;
  try {
    migrated = migrateSettings(raw);
  } catch {
    // Unreadable or from a newer build: use whatever fields still fit, store nothing.
    migrated = raw;
    writeBack = false;
  }
  const settings = repairSettings(migrated).settings;
  return { settings, writeBack: writeBack && JSON.stringify(raw) !== JSON.stringify(settings) };
}

export async function getSettings(): Promise<Settings> {
  const { settings, writeBack } = readStored(await settingsItem.getValue());
  if (writeBack) await settingsItem.setValue(settings);
  return settings;
}

/**
 * Applies `change` to the current settings and stores the result. The result
 * is validated first; an invalid one throws and nothing is stored.
 */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(change(await getSettings()));
  await settingsItem.setValue(next);
  return next;
}

/** Replaces all settings (import); validated first, nothing stored when invalid. */
export async function replaceSettings(settings: Settings): Promise<Settings> {
  return updateSettings(() => settings);
}

/** Removes the stored settings; readers see the defaults again. */
export async function clearSettings(): Promise<void> {
  await settingsItem.removeValue();
}

/** Calls `callback` with the new settings after every change from any context; returns the unwatch function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(readStored(value).settings));
}
