import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/model';
import { parseSettings, repairSettings, SettingsError } from '@/lib/settings/schema';

const valid = (): Settings => structuredClone(DEFAULT_SETTINGS);

describe('parseSettings names the bad field', () => {
  test.each<[string, (s: Record<string, unknown>) => void, string]>([
    ['enabled not boolean', (s) => (s.enabled = 'yes'), 'enabled'],
    ['unknown site mode', (s) => (s.siteMode = 'never'), 'siteMode'],
    ['site with a path', (s) => (s.sites = ['example.org/news']), 'sites.0'],
    ['site with www.', (s) => (s.sites = ['www.example.org']), 'sites.0'],
    ['unknown topic', (s) => (s.topicsOff = ['sport']), 'topicsOff.0'],
    ['density n zero', (s) => (s.density = { mode: 'first-n', n: 0 }), 'density.n'],
    ['density n fractional', (s) => (s.density = { mode: 'first-n', n: 2.5 }), 'density.n'],
    ['unknown density mode', (s) => (s.density = { mode: 'some', n: 3 }), 'density.mode'],
    ['mark style', (s) => (s.markStyle = 'bold'), 'markStyle'],
    ['negative delay', (s) => (s.cardDelayMs = -1), 'cardDelayMs'],
    ['theme', (s) => (s.theme = 'blue'), 'theme'],
    ['hidden not ids', (s) => (s.hidden = { 'a.org': ['Not An Id'] }), 'hidden.a.org.0'],
    ['wrong version', (s) => (s.version = 7), 'version'],
    ['unknown field', (s) => (s.colour = 'red'), 'colour'],
    ['missing field', (s) => delete s.theme, 'theme'],
  ])('%s', (_name, damage, field) => {
    const s = valid() as unknown as Record<string, unknown>;
    damage(s);
    let caught: unknown;
    try {
      parseSettings(s);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SettingsError);
    expect((caught as SettingsError).field).toBe(field);
    expect((caught as SettingsError).message).toContain(`"${field}"`);
  });

  test('a non-object is refused', () => {
    expect(() => parseSettings(null)).toThrow(SettingsError);
    expect(() => parseSettings([1])).toThrow(SettingsError);
  });

  test('accepts a full non-default value unchanged', () => {
    const s: Settings = {
      version: 1,
      enabled: false,
      siteMode: 'only',
      sites: ['example.org', 'xn--80ak6aa92e.com'],
      topicsOff: ['military', 'history'],
      density: { mode: 'first-n', n: 5 },
      markStyle: 'tint',
      cardDelayMs: 0,
      theme: 'dark',
      hidden: { 'example.org': ['xi-jinping'] },
    };
    expect(parseSettings(structuredClone(s))).toEqual(s);
  });
});

describe('repairSettings', () => {
  test('keeps valid fields and defaults the damaged ones', () => {
    const raw = { ...valid(), enabled: false, theme: 'purple', density: 'lots', extra: 1 };
    const { settings, problems } = repairSettings(raw);
    expect(settings.enabled).toBe(false);
    expect(settings.theme).toBe(DEFAULT_SETTINGS.theme);
    expect(settings.density).toEqual(DEFAULT_SETTINGS.density);
    expect(problems.map((p) => p.field).sort()).toEqual(['density', 'theme']);
    expect(parseSettings(settings)).toEqual(settings);
  });

  test('a non-object becomes the defaults', () => {
    expect(repairSettings('garbage').settings).toEqual(DEFAULT_SETTINGS);
  });
});
