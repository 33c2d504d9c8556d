/**
 * The likely names (assets/detection/likely-names.json) are a hint for fetching the page lens
 * early: each must be a name of a core entity (or a stem of its case forms), or the hint would
 * fetch the script for pages the probe then turns away.
 */
import { describe, expect, test } from 'vitest';
import { aliasTable } from '@/lib/detect/bundled-table';
import { createDetector, newPageState } from '@/lib/detect/detector';
import { LIKELY_NAMES, namesLikely } from '@/lib/dom/likely-names';

const detector = createDetector(aliasTable);

describe('likely names', () => {
  test.each(LIKELY_NAMES.map((n) => [n]))('%s is (the stem of) a core entity’s name', (name) => {
    // A stem stands for its case forms: the nominative ending makes it whole (Росси → Россия, Москв → Москва).
    const whole = name.endsWith('*') ? ['я', 'й', 'а', 'ь', ''].map((end) => name.slice(0, -1) + end) : [name];
    const found = whole.flatMap((text) => {
      const { mentions, pending } = detector.scan(text, newPageState());
      // Certain, or waiting for the resolver (Кремль alone may be any kremlin).
      return [...mentions, ...pending].filter((m) => m.start === 0 && m.end === text.length);
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => detector.tierOf(m.id) === 'core')).toBe(true);
  });

  test.each([
    ['Putin arrived.', true],
    ['В России и Китае', true],
    ['Москвой', true],
    ['中国外交部表示', true],
    ['中國外交部表示', true],
    ['RUSSIA AND CHINA', true],
    ['Rain in the afternoon, clearing later.', false],
    ['A Chinatown bakery reopened.', false],
    ['Russian dolls and Chinese lanterns', false],
    ['Moscow Mule', true],
    ['ПУТИН ПРИБЫЛ', true],
    ['Путинизм', true],
    ['Kremlinology', false],
  ])('%s: %s', (text, likely) => {
    expect(namesLikely(text)).toBe(likely);
  });
});
