/**
 * Settings export and import as a JSON file. The file wraps the settings in a
 * small envelope so a stray JSON file is recognised as "not ours". Pure module.
 */
import type { Settings } from './model';
import { migrateSettings } from './migrate';
import { parseSettings, SettingsError } from './schema';

export const EXPORT_KIND = 'eurasia-lens-settings';
/** A settings file is a few kilobytes; anything this big is not one. */
export const MAX_IMPORT_BYTES = 1_000_000;

export interface SettingsFile {
  kind: typeof EXPORT_KIND;
  settings: Settings;
}

/** The text of an export file (stable key order, two-space indent, final newline). */
export function exportSettingsJson(settings: Settings): string {
  const file: SettingsFile = { kind: EXPORT_KIND, settings };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function exportFileName(date: Date): string {
  return `eurasia-lens-settings-${date.toISOString().slice(0, 10)}.json`;
}

/**
 * Reads an export file (of this or an earlier version) and returns validated
 * settings. Throws a SettingsError with a reason a reader can act on; the
 * caller stores nothing unless this returns.
 */
export function parseSettingsImport(text: string): Settings {
  if (text.length > MAX_IMPORT_BYTES) throw new SettingsError('', 'the file is too large to be a settings file');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SettingsError('', `the file is not valid JSON (${(error as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new SettingsError('', 'the file does not hold a settings object');
  }
  const envelope = data as { kind?: unknown; settings?: unknown };
  if (envelope.kind !== EXPORT_KIND) {
    throw new SettingsError(
      'kind',
      `the file is not a Eurasia Lens settings export (expected "kind": "${EXPORT_KIND}")`,
    );
  }
  if (envelope.settings === undefined) throw new SettingsError('settings', 'is missing');
  try {
    return parseSettings(migrateSettings(envelope.settings));
  } catch (error) {
    if (error instanceof SettingsError) {
      throw new SettingsError(error.field ? `settings.${error.field}` : 'settings', error.reason);
    }
    throw error;
  }
}
