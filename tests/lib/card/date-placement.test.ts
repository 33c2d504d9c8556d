/**
 * Facts placed against the article's date: known by then when their as-of
 * period has ended by the article's day, otherwise after it; the date's place
 * on a chart's time axis.
 */
import { describe, expect, test } from 'vitest';
import { dateOnAxis, daysApart, periodOf, placeFact } from '../../../lib/card/date-placement';

describe('placeFact', () => {
  test.each([
    // [fact as-of, article date, expected]
    ['2019-12-02', '2021-06-01', 'before'],
    ['2021-06-01', '2021-06-01', 'before'],
    ['2021-06-02', '2021-06-01', 'after'],
    ['2021-05', '2021-06-01', 'before'],
    ['2021-06', '2021-06-01', 'after'],
    ['2021-06', '2021-06', 'before'],
    // A year's figure is known only once the year is over.
    ['2021', '2021-06-01', 'after'],
    ['2020', '2021-06-01', 'before'],
    ['2014-2019', '2021-06-01', 'before'],
    ['2019-2022', '2021-06-01', 'after'],
    ['1931-1935', '2021-06', 'before'],
    ['1970s', '1979-12-31', 'before'],
    ['1960s-1980s', '1985-01-01', 'after'],
    ['13th century', '2021-06-01', 'before'],
  ])('a fact of %s against an article of %s: %s', (asOf, published, expected) => {
    expect(placeFact(asOf, published)).toBe(expected);
  });

  test('no article date, or an unreadable one: no placement', () => {
    expect(placeFact('2020', undefined)).toBeUndefined();
    expect(placeFact('2020', 'last week')).toBeUndefined();
    expect(placeFact('sometime', '2021-06-01')).toBeUndefined();
  });
});

describe('periodOf and daysApart', () => {
  test('spans run from the first to the last day', () => {
    expect(periodOf('2024-02')).toEqual([Date.UTC(2024, 1, 1), Date.UTC(2024, 1, 29)]);
    expect(periodOf('1st century')![0]).toBeLessThan(periodOf('2nd century')![0]);
  });

  test('overlapping periods are 0 days apart; others count the gap', () => {
    expect(daysApart('2021', '2021-06-01')).toBe(0);
    expect(daysApart('2021-06-11', '2021-06-01')).toBe(10);
    expect(daysApart('2020', '2021-06-01')).toBe(152);
    expect(daysApart('soon', '2021-06-01')).toBe(Infinity);
  });
});

describe('dateOnAxis', () => {
  // Evenly spaced points, as the chart draws them, for years that are not evenly spaced.
  const points = [
    { x: 40, period: '2018' },
    { x: 129, period: '2022' },
    { x: 218, period: '2023' },
    { x: 308, period: '2024' },
  ];

  test('between two points, by time', () => {
    const mid2020 = dateOnAxis(points, '2020-07-02')!;
    expect(mid2020.side).toBe(0);
    expect(mid2020.x).toBeCloseTo(40 + (129 - 40) * 0.5, 0);
    expect(dateOnAxis(points, '2023')).toEqual({ x: 218, side: 0 });
  });

  test('outside the series: at the nearer end, with the side', () => {
    expect(dateOnAxis(points, '2015-01-01')).toEqual({ x: 40, side: -1 });
    expect(dateOnAxis(points, '2025-05')).toEqual({ x: 308, side: 1 });
    expect(dateOnAxis(points, 'someday')).toBeNull();
  });
});
