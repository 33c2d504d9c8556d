/**
 * Trust rules for the fact base data: facts state checkable things and leave
 * judgements to named voices; sources carry the publisher readers know; copies
 * of Wikipedia say so; figure series keep up with the cards they sit on; and
 * nothing a reader sees calls the founding essay "the seed". Each rule is also
 * run on a made-up bad record, so a rule that cannot fail is caught here.
 */
import { describe, expect, test } from 'vitest';
import { ENTITY_FILES } from '../../../lib/factbase/files';
import { JUDGEMENT_TERMS, unattributedJudgements } from '../../../lib/factbase/claims';
import { latestYear, staleSeries } from '../../../lib/factbase/freshness';
import { parseEntities, type Entity, type Source } from '../../../lib/factbase/schema';
import { isMirrorUrl, isUnmarkedMirror, splitSourceTitle } from '../../../lib/factbase/sources';
import { readJson, sourcesOf } from './helpers';

const all: Entity[] = ENTITY_FILES.flatMap((file) => parseEntities(readJson(file), file));

const allSources = all.flatMap(sourcesOf);

/** Every string of a record that a card shows to readers. */
function readerText(e: Entity): { where: string; text: string }[] {
  return [
    { where: `${e.id} name`, text: e.name },
    { where: `${e.id} summary`, text: e.summary },
    ...e.aliases.map((text, i) => ({ where: `${e.id} aliases.${i}`, text })),
    ...e.facts.map((f, i) => ({ where: `${e.id} facts.${i}`, text: f.text })),
    ...e.facts.flatMap((f, i) =>
      f.source.kind === 'web' ? [{ where: `${e.id} facts.${i} title`, text: f.source.title }] : [],
    ),
    ...(e.series ?? []).flatMap((s, i) => [
      { where: `${e.id} series.${i} label`, text: s.label },
      { where: `${e.id} series.${i} unit`, text: s.unit },
    ]),
  ];
}

describe('claims and opinions apart', () => {
  test('the judgement list is a real list', () => {
    expect(JUDGEMENT_TERMS.length).toBeGreaterThanOrEqual(20);
  });

  test.each([
    [
      'Putin has led Russia since 2000, a period in which the country grew increasingly authoritarian.',
      ['authoritarian'],
    ],
    ['China and Russia have a marriage of convenience.', ['marriage of convenience']],
    ['Nevsky is a model for resisting the West.', ['a model for']],
    ['Xi won an unprecedented third term.', ['unprecedented']],
    ['China bought cheap Russian oil.', ['cheap']],
  ])('an unattributed judgement is caught: %s', (text, words) => {
    expect(unattributedJudgements(text)).toEqual(words);
  });

  test.each([
    "Blinken called China–Russia ties a 'marriage of convenience'.",
    'The essay argues that Russia grew increasingly authoritarian under Putin.',
    'According to the essay, China bought cheap Russian oil.',
    "The G7 condemned Russia's 'illegal attempt' to annex Crimea.",
    'Russia exported 107 million tonnes of oil to China in 2023.',
  ])('a checkable or attributed statement passes: %s', (text) => {
    expect(unattributedJudgements(text)).toEqual([]);
  });

  test('no fact text or summary carries an unattributed judgement', () => {
    const bad = all.flatMap((e) =>
      [
        { where: `${e.id} summary`, text: e.summary },
        ...e.facts.map((f, i) => ({ where: `${e.id} facts.${i}`, text: f.text })),
      ]
        .map(({ where, text }) => ({ where, words: unattributedJudgements(text) }))
        .filter((x) => x.words.length > 0)
        .map((x) => `${x.where}: ${x.words.join(', ')}`),
    );
    expect(bad).toEqual([]);
  });
});

describe('sources named as readers know them', () => {
  test.each([
    ['Russia Launches Power of Siberia Gas Exports to China (The Moscow Times)', 'The Moscow Times'],
    [
      'Russia vs the U.S.: the 1999 OSCE Istanbul Document (The Red (Team) Analysis Society)',
      'The Red (Team) Analysis Society',
    ],
    ['Treaty of Kyakhta (1727)', null],
    ['China launches $40-billion Silk Road Fund (17 February 2015)', null],
    ['Russia’s Sberbank retreats from Europe (March 2022)', null],
    ['Belarus officially joins SCO, becoming its 10th member state', null],
  ])('the publisher of "%s" is %s', (title, publisher) => {
    expect(splitSourceTitle(title).publisher).toBe(publisher);
  });

  test('every web source title ends with its publisher in parentheses', () => {
    const bare = allSources
      .filter(({ source }) => source.kind === 'web' && splitSourceTitle(source.title).publisher === null)
      .map(({ where, source }) => `${where}: ${source.kind === 'web' ? source.title : ''}`);
    expect(bare).toEqual([]);
  });

  test('the word "seed" appears in no reader-visible text of the fact base', () => {
    const hits = all.flatMap(readerText).filter(({ text }) => /seed/i.test(text));
    expect(hits.map((h) => `${h.where}: ${h.text}`)).toEqual([]);
  });
});

describe('mirrors of Wikipedia say so', () => {
  const mirror = (title: string): Source => ({
    kind: 'web',
    url: 'https://web.archive.org/web/http://piglix.com/piglix/Sino-Soviet_Border_Conflict',
    title,
    quote: 'q',
  });

  test('a mirror, also one behind an archive copy or proxy, is recognised', () => {
    expect(isMirrorUrl('https://wikimili.com/en/Heilongjiang')).toBe(true);
    expect(isMirrorUrl('https://web.archive.org/web/http://piglix.com/piglix/X')).toBe(true);
    expect(isMirrorUrl('https://www.dawn.com/news/1054372')).toBe(false);
    expect(isMirrorUrl('https://en.wikipedia.org/wiki/Treaty_of_Aigun')).toBe(false);
  });

  test('an unmarked mirror title fails and a marked one passes (made-up records)', () => {
    expect(isUnmarkedMirror(mirror('Sino-Soviet Border Conflict (piglix)'))).toBe(true);
    expect(isUnmarkedMirror(mirror('Sino-Soviet Border Conflict (Wikipedia text via piglix.com)'))).toBe(false);
  });

  test('every source on a mirror host says "Wikipedia text via …" in its title', () => {
    const bad = allSources.filter(({ source }) => isUnmarkedMirror(source));
    expect(bad.map((b) => b.where)).toEqual([]);
  });
});

describe('figure series are fresh', () => {
  const web: Source = { kind: 'web', url: 'https://example.org/x', title: 'X (Example)', quote: 'q' };
  const entity = (id: string, periods: string[], factAsOf: string): Entity => ({
    id,
    name: id,
    type: 'concept',
    topics: ['trade-finance'],
    native: {},
    aliases: [id],
    disambiguation: [],
    summary: 's',
    facts: [
      { text: 't', asOf: factAsOf, source: web },
      { text: 't', asOf: '2000', source: web },
    ],
    related: [],
    series: [{ label: id, unit: 'u', points: periods.map((period, i) => ({ period, value: i, source: web })) }],
  });

  test.each([
    ['2019-12-02', 2019],
    ['2014-2019', 2019],
    ['2019-12-2020-03', 2020],
    ['1960s-1980s', null],
    ['13th century', null],
  ])('latestYear(%s) = %s', (value, year) => {
    expect(latestYear(value)).toBe(year);
  });

  test('a series that stops before a fact on its own card is stale (made-up record)', () => {
    expect(staleSeries([entity('a', ['2021', '2022'], '2024')])).toEqual([
      'a: series "a" ends 2022, but a fact on the same card is dated 2024',
    ]);
  });

  test('a series more than a year behind the newest series is stale (made-up records)', () => {
    const problems = staleSeries([entity('new', ['2023', '2025'], '2025'), entity('old', ['2020', '2023'], '2023')]);
    expect(problems).toEqual(['old: series "old" ends 2023, more than 1 year behind the newest series (2025)']);
  });

  test('no series in the fact base is stale', () => {
    expect(staleSeries(all)).toEqual([]);
  });
});
