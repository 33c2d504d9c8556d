/**
 * The content script's settings reader (lib/platform/page-settings.ts): plain
 * storage, each field kept when it fits, defaults otherwise, change events
 * followed, and "Not this" written only over a value in the current format.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  changePageSettings,
  readPageSettings,
  settingsFromStored,
  SETTINGS_STORAGE_KEY,
  watchPageSettings,
} from '@/lib/platform/page-settings';
import { SETTINGS_KEY } from '@/lib/platform/settings-store';
import { DEFAULT_SETTINGS, hideEntity, type Settings } from '@/lib/settings/model';

const full: Settings = {
  ...structuredClone(DEFAULT_SETTINGS),
  enabled: false,
  siteMode: 'only',
  sites: ['a.org'],
  topicsOff: ['military'],
  density: { mode: 'first-n', n: 4 },
  markStyle: 'tint',
  cardDelayMs: 900,
  theme: 'dark',
  hidden: { 'a.org': ['vladimir-putin'] },
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settingsFromStored', () => {
  test('the key is the one the pages write (settings-store.ts)', () => {
    expect(`local:${SETTINGS_STORAGE_KEY}`).toBe(SETTINGS_KEY);
  });

  test('a valid value reads back exactly', () => {
    expect(settingsFromStored(structuredClone(full))).toEqual(full);
  });

  test.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'settings'],
    ['an array', [1, 2]],
  ])('%s reads as the defaults', (_name, raw) => {
    expect(settingsFromStored(raw)).toEqual(DEFAULT_SETTINGS);
  });

  test.each([
    ['enabled', 'yes'],
    ['siteMode', 'never'],
    ['sites', 'a.org'],
    ['topicsOff', [1]],
    ['density', { mode: 'all', n: 0 }],
    ['markStyle', 'blink'],
    ['cardDelayMs', 99_999],
    ['theme', 'sepia'],
  ] as const)('a damaged %s falls back to its default, the rest is kept', (field, bad) => {
    const read = settingsFromStored({ ...structuredClone(full), [field]: bad });
    expect(read[field]).toEqual(DEFAULT_SETTINGS[field]);
    expect({ ...read, [field]: full[field] }).toEqual(full);
  });

  test('hidden keeps the sites whose value is a list of ids, drops the others', () => {
    const read = settingsFromStored({ ...full, hidden: { 'a.org': ['x'], 'b.org': 'x', 'c.org': [1] } });
    expect(read.hidden).toEqual({ 'a.org': ['x'] });
  });
});

describe('storage', () => {
  test('reads what the pages stored, and follows changes', async () => {
    expect(await readPageSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.local.set({ settings: full });
    expect(await readPageSettings()).toEqual(full);
    const seen: Settings[] = [];
    const stop = watchPageSettings((s) => seen.push(s));
    await fakeBrowser.storage.local.set({ settings: { ...full, theme: 'light' } });
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    stop();
    await fakeBrowser.storage.local.set({ settings: full });
    expect(seen.map((s) => s.theme)).toEqual(['light']);
  });

  test('"Not this" is written over nothing or a current value', async () => {
    expect(await changePageSettings((s) => hideEntity(s, 'a.org', 'xi-jinping'))).toBe(true);
    expect((await readPageSettings()).hidden).toEqual({ 'a.org': ['xi-jinping'] });
    await fakeBrowser.storage.local.set({ settings: full });
    expect(await changePageSettings((s) => hideEntity(s, 'a.org', 'xi-jinping'))).toBe(true);
    expect((await readPageSettings()).hidden).toEqual({ 'a.org': ['vladimir-putin', 'xi-jinping'] });
  });

  test.each([
    ['an older (v0) value', { paused: true, disabledSites: ['a.org'], topics: {} }],
    ['a newer value', { ...full, version: 99 }],
  ])('"Not this" leaves %s alone', async (_name, stored) => {
    await fakeBrowser.storage.local.set({ settings: stored });
    expect(await changePageSettings((s) => hideEntity(s, 'a.org', 'xi-jinping'))).toBe(false);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(stored);
  });
});
