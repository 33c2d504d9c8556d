/**
 * The figure parser over sentences written in the patterns of real news
 * coverage of China–Russia trade, gas, oil and currency (our own wording), with
 * the traps such coverage holds: page and phone numbers, years and model
 * numbers that are not figures, ranges, "up to", forecasts, changes, parts of
 * a year. Each row lists every figure the parser should find, in order.
 */
import { describe, expect, test } from 'vitest';
import { parseFigures, type Figure } from '../../../lib/figures/parse-figures';
import { splitSentences } from '../../../lib/figures/sentences';
import { parseSeriesUnit } from '../../../lib/figures/units';

/** Articles below are dated 15 March 2024 unless a row says otherwise: "last year" is 2023. */
const PUBLISHED = '2024-03-15';
type Expected = Partial<Figure>;

const usd = (value: number, more: Expected = {}): Expected => ({ unit: 'USD', value, kind: 'level', ...more });
const gas = (value: number, more: Expected = {}): Expected => ({ unit: 'm3', value, kind: 'level', ...more });
const pct = (value: number, more: Expected = {}): Expected => ({ unit: '%', value, kind: 'level', ...more });

/** [sentence, expected figures, article date (default PUBLISHED; null: unknown)] */
const CASES: [string, Expected[], (string | null)?][] = [
  // Levels with a year, as trade, gas, oil and currency reports write them.
  ['Trade between China and Russia reached $190 billion in 2023.', [usd(190e9, { year: 2023, text: '$190 billion' })]],
  ['Bilateral trade hit a record $244.8bn last year, Chinese customs data showed.', [usd(244.8e9, { year: 2023 })]],
  [
    'China–Russia trade grew 26.3% to $240.1 billion in 2023.',
    [pct(26.3, { kind: 'change' }), usd(240.1e9, { year: 2023, step: 0.05e9 })],
  ],
  ['The Power of Siberia pipeline carried 22.7 bcm last year.', [gas(22.7e9, { year: 2023, text: '22.7 bcm' })]],
  ['Gazprom pumped 22.7 billion cubic metres of gas through the line in 2023.', [gas(22.7e9, { year: 2023 })]],
  ['Russia supplied 15.5 bln cubic meters of gas to China in 2022, the company said.', [gas(15.5e9, { year: 2022 })]],
  ["The yuan's share of trading on the Moscow Exchange reached 42% last year.", [pct(42, { year: 2023 })]],
  [
    'In 2023, the yuan accounted for almost 42 per cent of foreign-currency trading in Moscow.',
    [pct(42, { year: 2023, bound: 'almost' })],
  ],
  [
    'Russian crude shipments to China rose to a record 107 million tonnes in 2023.',
    [{ unit: 't', value: 107e6, year: 2023, kind: 'level' }],
  ],
  [
    'Russia sold China about 2.14m barrels a day of oil in 2023.',
    [{ unit: 'bbl/d', value: 2.14e6, year: 2023, bound: 'about' }],
  ],
  [
    'Imports of Russian oil averaged 2.1 million bpd last year.',
    [{ unit: 'bbl/d', value: 2.1e6, year: 2023, kind: 'level' }],
  ],
  ['China accounted for 30.5 per cent of Russia’s trade in 2023.', [pct(30.5, { year: 2023 })]],
  ['Turnover on the exchange hit 34.15 trillion roubles in 2023.', [{ unit: 'RUB', value: 34.15e12, year: 2023 }]],
  ['Two years ago trade stood at US$190 billion.', [usd(190e9, { year: 2022 })]],
  ["Last year's trade of $240 billion beat the 2022 figure.", [usd(240e9, { year: 2023 })]],
  ['Trade was $87 billion in 2018 and $190 billion in 2022.', [usd(87e9, { year: 2018 }), usd(190e9, { year: 2022 })]],
  ['Trade rose from $190bn in 2022 to $240bn in 2023.', [usd(190e9, { year: 2022 }), usd(240e9, { year: 2023 })]],
  [
    "Russia's exports to China totalled $129bn in 2023, while imports came to $111bn.",
    [usd(129e9, { year: 2023 }), usd(111e9, { year: 2023 })],
  ],
  ['More than $200 billion of goods crossed the border last year.', [usd(200e9, { year: 2023, bound: 'over' })]],
  ['Exports to Russia were an estimated $110 billion in 2023.', [usd(110e9, { year: 2023, bound: 'about' })]],
  ['Last year the pipeline carried 22.7 bcm.', [gas(22.7e9, { year: 2023 })], '2024-01'],
  ['Trade reached $240 billion last year, the ministry said.', [usd(240e9, { year: undefined })], null],
  // Ranges and shared units.
  [
    'Estimates of the deal range between $300 billion and $400 billion.',
    [usd(300e9, { high: 400e9, year: undefined })],
  ],
  ['Trade is worth $200-250bn a year, depending on the estimate.', [usd(200e9, { high: 250e9, text: '$200-250bn' })]],
  ['Gas deliveries rose from 15.5 to 22.7 bcm.', [gas(15.5e9, { text: '15.5' }), gas(22.7e9)]],
  ['Flows were 30–35 bcm in 2025.', [gas(30e9, { high: 35e9, kind: 'forecast', year: 2025 })]],
  // Hedges: "up to" is a ceiling, not a measurement.
  ['The pipeline is designed to carry up to 38 bcm a year.', [gas(38e9, { bound: 'up-to' })]],
  ['Trade topped $200 billion for the first time in November.', [usd(200e9, { bound: 'over', partial: true })]],
  // Forecasts and targets.
  ['Trade is expected to reach $300 billion by 2030, officials said.', [usd(300e9, { kind: 'forecast', year: 2030 })]],
  ['Putin and Xi have set a target of $200 billion in annual trade by 2024.', [usd(200e9, { kind: 'forecast' })]],
  ['Analysts say trade could top $250 billion this year.', [usd(250e9, { kind: 'forecast', bound: 'over' })]],
  ['At full capacity the line will carry 38 billion cubic metres annually.', [gas(38e9, { kind: 'forecast' })]],
  ['Trade may grow to $260 billion in 2025.', [usd(260e9, { kind: 'forecast', year: 2025 })]],
  // Changes, not levels.
  [
    'Trade reached $240 billion in 2023, up 26% from a year earlier.',
    [usd(240e9, { year: 2023 }), pct(26, { kind: 'change' })],
  ],
  ["Russia's share of China's oil imports rose by 2.5 percentage points.", [pct(2.5, { kind: 'change' })]],
  ['Chinese exports to Russia jumped 46.9% year-on-year.', [pct(46.9, { kind: 'change' })]],
  // Parts of a year and daily rates: not comparable with a yearly series.
  ['In the first 11 months of 2023 trade reached $218.2 billion.', [usd(218.2e9, { year: 2023, partial: true })]],
  ['Trade in January-February rose to $37 billion.', [usd(37e9, { partial: true })]],
  ['So far this year, trade stands at $120 billion.', [usd(120e9, { year: 2024, partial: true })]],
  [
    'The yuan’s share of global payments reached 4.61% in November 2023, according to SWIFT.',
    [pct(4.61, { year: 2023, partial: true })],
  ],
  ['The pipeline delivered 38.8 million cubic metres a day in December.', [gas(38.8e6, { partial: true })]],
  ['In May 2023 customs data showed trade of $93.8 billion for January-April.', [usd(93.8e9, { partial: true })]],
  // Other currencies and units are read, not converted.
  ['The deal was worth 1.2 trillion yuan.', [{ unit: 'CNY', value: 1.2e12, year: undefined }]],
  ['Xinhua reported 3.5 million tonnes of grain exports since 2019.', [{ unit: 't', value: 3.5e6, year: undefined }]],
  // Numbers that are not figures.
  ['Call our Moscow office on +7 495 123-45-67.', []],
  ['See page 12 of the 2023 customs yearbook, table 4.', []],
  ['The S-400 systems arrived in 2018 and Su-35 jets followed in 2019.', []],
  ['COVID-19 slowed border trade in 2020 and 2021.', []],
  ['The 1969 border clashes are remembered on both sides.', []],
  ['Xi visited Moscow for the 75th anniversary of victory in 2020.', []],
  ['The 4,300 km border runs along the Amur for much of its length.', []],
  ['The fund was set up in Hong Kong with HK$5 billion.', []],
  ['Room 1503, hotline 8-800-555-35-35, open 24/7.', []],
  ['The 5G rollout began in the 2010s.', []],
];

describe('parseFigures', () => {
  test('the table has at least 40 phrasings, traps included', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(CASES.filter(([, expected]) => expected.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  test.each(CASES)('%s', (sentence, expected, published) => {
    const found = parseFigures(sentence, published === null ? {} : { published: published ?? PUBLISHED });
    // A figure without a year has no `year` key; the rows say `year: undefined` to make that explicit.
    expect(found.map((f) => ({ year: undefined, ...f }))).toMatchObject(expected);
    // Offsets point at the figure's text.
    for (const f of found) expect(sentence.slice(f.start, f.end)).toBe(f.text);
  });
});

describe('splitSentences', () => {
  test.each([
    ['Trade hit $244.8bn. Gas rose to 22.7 bcm.', ['Trade hit $244.8bn.', 'Gas rose to 22.7 bcm.']],
    ['The U.S. objected. Mr. Xi did not.', ['The U.S. objected.', 'Mr. Xi did not.']],
    ['Founded in St. Petersburg in 1904. Renamed in 1925!', ['Founded in St. Petersburg in 1904.', 'Renamed in 1925!']],
    ['“It grew,” he said. Then it fell', ['“It grew,” he said.', 'Then it fell']],
  ])('%s', (text, expected) => {
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(expected);
  });
});

describe('parseSeriesUnit', () => {
  test.each([
    ['US$ billion', { unit: 'USD', scale: 1e9 }],
    ['billion cubic metres', { unit: 'm3', scale: 1e9 }],
    ['million tonnes a year', { unit: 't', scale: 1e6 }],
    ['%', { unit: '%', scale: 1 }],
    ['units', null],
  ])('%s', (text, expected) => {
    expect(parseSeriesUnit(text)).toEqual(expected);
  });
});
