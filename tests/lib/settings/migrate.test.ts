import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '@/lib/settings/model';
import { migrateSettings, versionOf } from '@/lib/settings/migrate';
import { parseSettings, SettingsError } from '@/lib/settings/schema';

describe('v0 → v1', () => {
  test('maps pause, disabled sites and topic switches', () => {
    const v0 = {
      paused: true,
      disabledSites: ['WWW.Example.org', 'news.site.com', 'example.org', ' '],
      topics: { military: false, energy: true, history: false, sport: false },
    };
    const v1 = parseSettings(migrateSettings(v0));
    expect(v1).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      siteMode: 'all-except',
      sites: ['example.org', 'news.site.com'],
      topicsOff: ['military', 'history'],
    });
  });

  test('an empty v0 object becomes the defaults', () => {
    expect(parseSettings(migrateSettings({}))).toEqual(DEFAULT_SETTINGS);
  });

  test('a damaged v0 value names its field', () => {
    expect(() => migrateSettings({ paused: 'no' })).toThrow(/"paused"/);
    expect(() => migrateSettings({ disabledSites: 'a.org' })).toThrow(/"disabledSites"/);
  });
});

test('a current value passes through unchanged', () => {
  const current = { ...structuredClone(DEFAULT_SETTINGS), markStyle: 'tint' };
  expect(migrateSettings(current)).toEqual(current);
});

test('a value from a newer version is refused, not guessed at', () => {
  expect(() => migrateSettings({ ...DEFAULT_SETTINGS, version: SETTINGS_VERSION + 1 })).toThrow(SettingsError);
  expect(() => migrateSettings({ ...DEFAULT_SETTINGS, version: SETTINGS_VERSION + 1 })).toThrow(/newer version/);
});

test('versionOf reads the in-value version', () => {
  expect(versionOf({})).toBe(0);
  expect(versionOf({ version: 1 })).toBe(1);
  expect(() => versionOf({ version: '1' })).toThrow(/"version"/);
  expect(() => versionOf(42)).toThrow(SettingsError);
});
