/** Pure helpers behind the options page (they live next to its components). */
import { describe, expect, test } from 'vitest';
import { foldForSearch, searchEntities } from '@/components/options/entity-search';
import { markedIndexes, parseSample } from '@/components/options/sample-text';
import { hostFromInput } from '@/components/options/SitesSection';
import { bundledFactbase } from '@/lib/factbase/bundled';

const factbase = bundledFactbase();

describe('fact-base search finds an entity by any alias in any script', () => {
  test.each([
    ['putin', 'vladimir-putin'],
    ['ПУТИН', 'vladimir-putin'],
    ['Путина', 'vladimir-putin'],
    ['普京', 'vladimir-putin'],
    ['习近平', 'xi-jinping'],
    ['Си Цзиньпин', 'xi-jinping'],
    ['  gazprom ', 'gazprom'],
    ['Ｇａｚｐｒｏｍ', 'gazprom'],
  ])('%s → %s', (query, id) => {
    expect(searchEntities(factbase.entities, query).map((e) => e.id)).toContain(id);
  });

  test('an exact name ranks before names that merely contain the query', () => {
    const ids = searchEntities(factbase.entities, 'Moscow').map((e) => e.id);
    expect(ids[0]).toBe('moscow');
    expect(ids.length).toBeGreaterThan(1);
  });

  test('an empty query lists everything; nonsense finds nothing', () => {
    expect(searchEntities(factbase.entities, '  ')).toHaveLength(factbase.entities.length);
    expect(searchEntities(factbase.entities, 'qqqzzzxx')).toEqual([]);
  });

  test('folding keeps Cyrillic and CJK letters and drops Latin accents', () => {
    expect(foldForSearch('Ёлкин Café 北京')).toBe('елкин cafe 北京');
  });
});

describe('preview sample', () => {
  const segments = parseSample('[a|A] and [b|B], then [a|A again] and [a|A3].');

  test('parses marked mentions and plain text', () => {
    expect(segments).toEqual([
      { id: 'a', text: 'A' },
      { text: ' and ' },
      { id: 'b', text: 'B' },
      { text: ', then ' },
      { id: 'a', text: 'A again' },
      { text: ' and ' },
      { id: 'a', text: 'A3' },
      { text: '.' },
    ]);
  });

  test.each([
    [1, [0, 2]],
    [2, [0, 2, 4]],
    [Infinity, [0, 2, 4, 6]],
  ])('marks the first %s mention(s) of each entity', (limit, expected) => {
    expect([...markedIndexes(segments, limit)].sort((x, y) => x - y)).toEqual(expected);
  });

  test('every sample entity of every locale exists in the fact base', async () => {
    const { readFileSync } = await import('node:fs');
    for (const locale of ['en', 'ru', 'zh_CN']) {
      const messages = JSON.parse(readFileSync(`assets/public/_locales/${locale}/messages.json`, 'utf8')) as Record<
        string,
        { message: string }
      >;
      const sample = parseSample(messages.options_preview_sample!.message);
      const ids = sample.flatMap((s) => ('id' in s ? [s.id] : []));
      expect(ids.length).toBeGreaterThan(3);
      for (const id of ids) expect(factbase.byId.has(id), `${locale}: ${id}`).toBe(true);
    }
  });
});

test.each([
  ['example.org', 'example.org'],
  ['https://www.example.org/news?id=1', 'www.example.org'],
  ['news.example.org/path', 'news.example.org'],
  ['  lenta.ru  ', 'lenta.ru'],
])('site input %s → %s', (input, host) => {
  expect(hostFromInput(input)).toBe(host);
});
