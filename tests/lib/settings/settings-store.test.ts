import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, setTopicOn, type Settings } from '@/lib/settings/model';
import {
  clearSettings,
  getSettings,
  replaceSettings,
  SETTINGS_KEY,
  updateSettings,
  watchSettings,
} from '@/lib/platform/settings-store';

const storageKey = SETTINGS_KEY.replace('local:', '');

beforeEach(() => {
  fakeBrowser.reset();
});

test('nothing stored reads as the defaults', async () => {
  expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
});

test('a stored v0 value is migrated on read and written back', async () => {
  await fakeBrowser.storage.local.set({ [storageKey]: { paused: true, disabledSites: ['www.a.org'], topics: {} } });
  const s = await getSettings();
  expect(s.enabled).toBe(false);
  expect(s.sites).toEqual(['a.org']);
  const stored = (await fakeBrowser.storage.local.get(storageKey))[storageKey];
  expect(stored).toEqual(s);
});

test('a damaged stored value keeps its good fields', async () => {
  await fakeBrowser.storage.local.set({ [storageKey]: { ...DEFAULT_SETTINGS, markStyle: 'tint', theme: 42 } });
  const s = await getSettings();
  expect(s.markStyle).toBe('tint');
  expect(s.theme).toBe('auto');
});

test('updateSettings stores the change and watchers see it', async () => {
  const seen: Settings[] = [];
  const unwatch = watchSettings((s) => seen.push(s));
  await updateSettings((s) => setTopicOn(s, 'energy', false));
  expect((await getSettings()).topicsOff).toEqual(['energy']);
  await expect.poll(() => seen.length).toBe(1);
  expect(seen[0]?.topicsOff).toEqual(['energy']);
  unwatch();
});

test('an invalid update throws and stores nothing', async () => {
  await updateSettings((s) => ({ ...s, markStyle: 'tint' }));
  await expect(updateSettings((s) => ({ ...s, cardDelayMs: -5 }))).rejects.toThrow(/"cardDelayMs"/);
  expect((await getSettings()).markStyle).toBe('tint');
  expect((await getSettings()).cardDelayMs).toBe(DEFAULT_SETTINGS.cardDelayMs);
});

test('replaceSettings and clearSettings', async () => {
  await replaceSettings({ ...DEFAULT_SETTINGS, theme: 'dark' });
  expect((await getSettings()).theme).toBe('dark');
  await clearSettings();
  expect(await fakeBrowser.storage.local.get(storageKey)).toEqual({});
  expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
});

test('a value from a newer build is read as far as possible and never overwritten', async () => {
  const newer = { ...DEFAULT_SETTINGS, version: 2, markStyle: 'tint', futureField: true };
  await fakeBrowser.storage.local.set({ [storageKey]: newer });
  const s = await getSettings();
  expect(s.markStyle).toBe('tint');
  expect((await fakeBrowser.storage.local.get(storageKey))[storageKey]).toEqual(newer);
});
