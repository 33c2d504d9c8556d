import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS,
  addSite,
  hideEntity,
  hiddenOn,
  isActiveOn,
  isEntityShown,
  removeSite,
  setSiteActive,
  setTopicOn,
  unhideEntity,
  type Settings,
} from '@/lib/settings/model';
import { parseSettings } from '@/lib/settings/schema';

const base = (): Settings => structuredClone(DEFAULT_SETTINGS);

describe('defaults', () => {
  test('are valid, annotate everywhere and show only the first mention', () => {
    expect(parseSettings(base())).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.enabled).toBe(true);
    expect(DEFAULT_SETTINGS.siteMode).toBe('all-except');
    expect(DEFAULT_SETTINGS.density.mode).toBe('first');
    expect(DEFAULT_SETTINGS.topicsOff).toEqual([]);
    expect(isActiveOn(DEFAULT_SETTINGS, 'news.example.org')).toBe(true);
  });
});

describe('setSiteActive flips one site in one step in both modes', () => {
  test.each([
    ['all-except', 'www.Example.org'],
    ['only', 'example.org'],
    ['all-except', 'news.example.org'],
  ] as const)('%s mode, %s', (siteMode, host) => {
    const s = { ...base(), siteMode };
    const off = setSiteActive(s, host, false);
    expect(isActiveOn(off, host)).toBe(false);
    const on = setSiteActive(off, host, true);
    expect(isActiveOn(on, host)).toBe(true);
    expect(setSiteActive(on, host, true)).toBe(on);
  });

  test('switching a subdomain on removes the listed parent domain that blocked it', () => {
    const s = addSite(base(), 'example.org');
    expect(isActiveOn(s, 'news.example.org')).toBe(false);
    const on = setSiteActive(s, 'news.example.org', true);
    expect(isActiveOn(on, 'news.example.org')).toBe(true);
    expect(on.sites).toEqual([]);
  });

  test('pause wins over the site list', () => {
    expect(isActiveOn({ ...base(), enabled: false }, 'example.org')).toBe(false);
  });
});

test('addSite normalises and ignores duplicates and blanks; removeSite removes', () => {
  let s = addSite(base(), ' WWW.Example.org ');
  s = addSite(s, 'example.org');
  s = addSite(s, '   ');
  expect(s.sites).toEqual(['example.org']);
  expect(removeSite(s, 'example.org').sites).toEqual([]);
});

test('setTopicOn toggles one topic', () => {
  const off = setTopicOn(base(), 'military', false);
  expect(off.topicsOff).toEqual(['military']);
  expect(setTopicOn(off, 'military', false).topicsOff).toEqual(['military']);
  expect(setTopicOn(off, 'military', true).topicsOff).toEqual([]);
});

describe('"Not this"', () => {
  test('hides per site and unhides, dropping empty sites', () => {
    let s = hideEntity(base(), 'www.example.org', 'xi-jinping');
    s = hideEntity(s, 'example.org', 'vladimir-putin');
    expect(hiddenOn(s, 'example.org')).toEqual(['vladimir-putin', 'xi-jinping']);
    expect(hiddenOn(s, 'other.org')).toEqual([]);
    s = unhideEntity(s, 'example.org', 'xi-jinping');
    s = unhideEntity(s, 'example.org', 'vladimir-putin');
    expect(s.hidden).toEqual({});
    expect(parseSettings(s)).toEqual(s);
  });

  test('isEntityShown respects hidden entities and switched-off topics', () => {
    const entity = { id: 'xi-jinping', topics: ['people', 'diplomacy'] };
    expect(isEntityShown(base(), 'a.org', entity)).toBe(true);
    expect(isEntityShown(hideEntity(base(), 'a.org', 'xi-jinping'), 'a.org', entity)).toBe(false);
    expect(isEntityShown(hideEntity(base(), 'b.org', 'xi-jinping'), 'a.org', entity)).toBe(true);
    expect(isEntityShown(setTopicOn(base(), 'diplomacy', false), 'a.org', entity)).toBe(false);
    expect(isEntityShown(setTopicOn(base(), 'energy', false), 'a.org', entity)).toBe(true);
  });
});
