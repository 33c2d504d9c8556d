/**
 * The popup/options strings: the three locales have the same keys with the
 * same placeholders, and every key the popup and options code asks for exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { TOPIC_IDS } from '@/lib/factbase/schema';
import { topicMessageKey } from '@/components/ui/labels';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const LOCALES = ['en', 'ru', 'zh_CN'] as const;
const load = (locale: string): Messages =>
  JSON.parse(readFileSync(`assets/public/_locales/${locale}/messages.json`, 'utf8')) as Messages;
const OURS = /^(popup|options|common)_/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

test('ru and zh_CN have every popup/options/common key of en, with the same placeholders', () => {
  const en = load('en');
  const keys = Object.keys(en).filter((k) => OURS.test(k));
  expect(keys.length).toBeGreaterThan(80);
  for (const locale of LOCALES) {
    const messages = load(locale);
    for (const key of keys) {
      const entry = messages[key];
      expect(entry?.message.trim(), `${locale}: ${key}`).toBeTruthy();
      expect(Object.keys(entry?.placeholders ?? {}).sort(), `${locale}: ${key}`).toEqual(
        Object.keys(en[key]!.placeholders ?? {}).sort(),
      );
      // Every declared placeholder is used in the text.
      for (const name of Object.keys(entry?.placeholders ?? {})) {
        expect(entry!.message.toLowerCase(), `${locale}: ${key}`).toContain(`$${name.toLowerCase()}$`);
      }
    }
  }
});

test('every key the popup and options code uses exists (literal keys and the enumerated ones)', () => {
  const en = load('en');
  const used = new Set<string>();
  for (const dir of [
    'components/popup',
    'components/options',
    'components/ui',
    'entrypoints/popup',
    'entrypoints/options',
  ]) {
    for (const file of files(dir)) {
      for (const m of readFileSync(file, 'utf8').matchAll(
        /\b(?:t|translate)\(\s*'((?:popup|options|common)_[a-z_]+)'/g,
      )) {
        used.add(m[1]!);
      }
    }
  }
  const enumerated = [
    ...TOPIC_IDS.map(topicMessageKey),
    ...['browser_page', 'web_store', 'pdf', 'no_answer'].map((r) => `popup_unavailable_${r}`),
    ...['first', 'first_n', 'all'].map((m) => `options_density_${m}`),
    ...['underline', 'tint', 'hover'].map((m) => `options_mark_style_${m}`),
    ...['all_except', 'only'].map((m) => `options_sites_mode_${m}`),
    ...['auto', 'light', 'dark'].map((m) => `options_theme_${m}`),
  ];
  expect(used.size).toBeGreaterThan(50);
  for (const key of [...used, ...enumerated]) expect(en[key], key).toBeDefined();
});
