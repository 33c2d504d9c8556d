/**
 * Comparing an article's figures with the fact base's sourced series: like with
 * like only (same unit, a whole year the series has, a level rather than a
 * change or a forecast), agreement to the precision either side was written to
 * and within the article's hedge. Uses the real series of the catalogue.
 */
import { describe, expect, test } from 'vitest';
import catalogue from '../../../assets/factbase/catalogue.json';
import { parseEntities, type Entity } from '../../../lib/factbase/schema';
import { checkFigures, compareFigure, namesMeasure } from '../../../lib/figures/compare-figures';
import { parseFigures } from '../../../lib/figures/parse-figures';

const byId = new Map(parseEntities(catalogue, 'catalogue.json').map((e) => [e.id, e]));
const entity = (id: string): Entity => byId.get(id)!;
const names = (e: Entity) => [e.name, ...e.aliases];
const PUBLISHED = '2024-03-15';

/** The verdicts for a sentence about an entity, with the article's and the source's values (null: no article date). */
function verdicts(id: string, sentence: string, published: string | null = PUBLISHED) {
  const e = entity(id);
  return checkFigures([sentence], e.series ?? [], { published: published ?? undefined, names: names(e) }).map((c) => [
    c.verdict,
    c.article,
    c.point.value,
    c.year,
  ]);
}

describe('checkFigures against the catalogue series', () => {
  test.each([
    // Trade in goods, US$ billion: 2018 87, 2022 190, 2023 240, 2024 244.8.
    [
      'china-russia-trade',
      'Trade between China and Russia reached $190 billion in 2023.',
      [['differs', 190, 240, 2023]],
    ],
    ['china-russia-trade', 'Trade hit US$240.1 billion in 2023, customs data showed.', [['agrees', 240.1, 240, 2023]]],
    [
      'china-russia-trade',
      'Trade reached a record $244.8bn last year.',
      [['agrees', 244.8, 244.8, 2024]],
      '2025-01-20',
    ],
    [
      'china-russia-trade',
      'Trade came to roughly $250 billion last year.',
      [['agrees', 250, 244.8, 2024]],
      '2025-01-20',
    ],
    ['china-russia-trade', 'Trade came to $250 billion last year.', [['differs', 250, 244.8, 2024]], '2025-01-20'],
    ['china-russia-trade', 'More than $200 billion of goods crossed the border in 2023.', [['agrees', 200, 240, 2023]]],
    ['china-russia-trade', 'Trade was between $230 billion and $250 billion in 2023.', [['agrees', 230, 240, 2023]]],
    ['china-russia-trade', 'Trade was $0.24 trillion in 2023.', [['agrees', 240, 240, 2023]]],
    [
      'china-russia-trade',
      'Trade rose from $190bn in 2022 to $240bn in 2023.',
      [
        ['agrees', 190, 190, 2022],
        ['agrees', 240, 240, 2023],
      ],
    ],
    // Gas through Power of Siberia, billion cubic metres: 2020 4.1 … 2023 22.7.
    ['power-of-siberia', 'The pipeline carried 22.7 bcm last year.', [['agrees', 22.7, 22.7, 2023]]],
    ['power-of-siberia', 'The pipeline carried 22 bcm in 2023.', [['differs', 22, 22.7, 2023]]],
    ['power-of-siberia', 'Flows reached about 10 billion cubic metres in 2021.', [['agrees', 10, 10.4, 2021]]],
    // The yuan's share of Moscow Exchange currency trading, %: 2022 13, 2023 42.
    ['yuan', "The yuan's share of trading on the Moscow Exchange reached 42% last year.", [['agrees', 42, 42, 2023]]],
    [
      'yuan',
      'In 2023 the yuan took almost 42 per cent of foreign-currency trading in Moscow.',
      [['agrees', 42, 42, 2023]],
    ],
    [
      'yuan',
      "The yuan's share of currency trading on the Moscow Exchange was 30% in 2023.",
      [['differs', 30, 42, 2023]],
    ],
  ] as [string, string, unknown[][], string?][])('%s: %s', (id, sentence, expected, published) => {
    expect(verdicts(id, sentence, published)).toEqual(expected);
  });

  test.each([
    ['china-russia-trade', 'Trade is expected to reach $300 billion by 2030.', 'a forecast'],
    ['china-russia-trade', 'In the first 11 months of 2023 trade reached $218.2 billion.', 'part of a year'],
    ['china-russia-trade', 'Trade grew by $50 billion in 2023.', 'a change'],
    ['china-russia-trade', 'Trade reached $140 billion in 2021.', 'a year the series does not have'],
    ['china-russia-trade', 'Trade reached 1.6 trillion yuan in 2023.', 'another currency'],
    ['china-russia-trade', 'Trade grew 26.3% in 2023.', 'a percentage against a US$ series'],
    [
      'china-russia-trade',
      'Trade reached $240 billion last year.',
      'no article date to read "last year" against',
      null,
    ],
    ['power-of-siberia', 'The pipeline can carry up to 38 bcm a year.', 'a ceiling ("up to")'],
    ['power-of-siberia', 'The pipeline delivered 38.8 million cubic metres a day in December 2023.', 'a daily rate'],
    ['yuan', "The yuan's share of global payments reached 4.61% in 2023.", 'a share of something else'],
  ] as [string, string, string, (string | null)?][])(
    '%s: %s → nothing to compare (%s)',
    (id, sentence, _why, published) => {
      expect(verdicts(id, sentence, published)).toEqual([]);
    },
  );

  test('the same figure repeated in an article is listed once', () => {
    const e = entity('china-russia-trade');
    const sentences = ['Trade reached $240 billion in 2023.', 'As noted, the $240 billion of 2023 was a record.'];
    expect(checkFigures(sentences, e.series!, { published: PUBLISHED })).toHaveLength(1);
  });
});

describe('compareFigure and namesMeasure', () => {
  test('a check keeps the sentence, the series point and its source', () => {
    const e = entity('china-russia-trade');
    const sentence = 'Trade between China and Russia reached $190 billion in 2023.';
    const [figure] = parseFigures(sentence, { published: PUBLISHED });
    const check = compareFigure(figure!, e.series![0]!, sentence);
    expect(check).toMatchObject({ sentence, year: 2023, verdict: 'differs', point: { period: '2023', value: 240 } });
    expect(check?.point.source.quote).toMatch(/240 billion/);
  });

  test('a percentage must name what the series measures, not only the entity', () => {
    const label = entity('yuan').series![0]!.label;
    const own = names(entity('yuan'));
    expect(namesMeasure('The yuan took 42% of currency trading on the Moscow Exchange.', label, own)).toBe(true);
    expect(namesMeasure("The yuan's share reached 42%.", label, own)).toBe(false);
  });
});
