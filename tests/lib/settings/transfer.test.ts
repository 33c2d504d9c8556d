import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/model';
import { EXPORT_KIND, exportFileName, exportSettingsJson, parseSettingsImport } from '@/lib/settings/transfer';
import { SettingsError } from '@/lib/settings/schema';

const custom: Settings = {
  ...structuredClone(DEFAULT_SETTINGS),
  enabled: false,
  sites: ['example.org'],
  topicsOff: ['energy'],
  density: { mode: 'all', n: 3 },
  hidden: { 'example.org': ['xi-jinping'] },
};

test('export then import gives the same settings', () => {
  const text = exportSettingsJson(custom);
  expect(JSON.parse(text).kind).toBe(EXPORT_KIND);
  expect(text.endsWith('\n')).toBe(true);
  expect(parseSettingsImport(text)).toEqual(custom);
});

test('an export of the v0 format is migrated on import', () => {
  const text = JSON.stringify({ kind: EXPORT_KIND, settings: { paused: true, disabledSites: ['a.org'] } });
  const s = parseSettingsImport(text);
  expect(s.enabled).toBe(false);
  expect(s.sites).toEqual(['a.org']);
});

test('the export file name carries the date', () => {
  expect(exportFileName(new Date('2026-11-28T12:00:00Z'))).toBe('eurasia-lens-settings-2026-11-28.json');
});

describe('bad files are refused with a clear reason', () => {
  test.each<[string, string, RegExp]>([
    ['not JSON', '{ "kind": ', /not valid JSON/],
    ['empty', '', /not valid JSON/],
    ['an array', '[]', /settings object/],
    ['another JSON file', '{"name":"package"}', /not a Eurasia Lens settings export/],
    ['no settings', `{"kind":"${EXPORT_KIND}"}`, /"settings": is missing/],
    [
      'bad field',
      JSON.stringify({ kind: EXPORT_KIND, settings: { ...DEFAULT_SETTINGS, cardDelayMs: 'slow' } }),
      /"settings.cardDelayMs"/,
    ],
    [
      'unknown field',
      JSON.stringify({ kind: EXPORT_KIND, settings: { ...DEFAULT_SETTINGS, evil: true } }),
      /"settings.evil": is not a known setting/,
    ],
    ['newer version', JSON.stringify({ kind: EXPORT_KIND, settings: { ...DEFAULT_SETTINGS, version: 99 } }), /newer/],
    ['too large', ' '.repeat(1_000_001), /too large/],
  ])('%s', (_name, text, reason) => {
    expect(() => parseSettingsImport(text)).toThrow(SettingsError);
    expect(() => parseSettingsImport(text)).toThrow(reason);
  });
});
