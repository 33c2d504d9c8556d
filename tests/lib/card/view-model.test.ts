import { describe, expect, test } from 'vitest';
import {
  buildCardData,
  formatAsOf,
  formatValue,
  layoutSeries,
  mentionPosition,
  niceStep,
  seriesSources,
  sourceHost,
  sourceLabel,
  stepIndex,
  ESSAY_PUBLICATION,
  ESSAY_TITLE,
} from '../../../lib/card/view-model';
import { parseEntities, parseMeta, type Series } from '../../../lib/factbase/schema';
import catalogue from '../../../assets/factbase/catalogue.json';
import metaJson from '../../../assets/factbase/meta.json';

// The catalogue file alone (validated), so these tests do not depend on the other files.
const entities = parseEntities(catalogue, 'catalogue.json');
const factbase = { meta: parseMeta(metaJson), byId: new Map(entities.map((e) => [e.id, e])) };

describe('formatAsOf', () => {
  test.each([
    ['2000', 'en', '2000'],
    ['2023-03', 'en', 'Mar 2023'],
    ['2022-02-04', 'en', 'Feb 4, 2022'],
    ['2014-2019', 'en', '2014–2019'],
    ['2019-12-2020-03', 'en', 'Dec 2019–Mar 2020'],
    ['1970s', 'en', '1970s'],
    ['1960s-1980s', 'en', '1960s–1980s'],
    ['13th century', 'en', '13th century'],
  ])('%s in %s → %s', (asOf, locale, expected) => {
    expect(formatAsOf(asOf, locale)).toBe(expected);
  });

  test('the month name follows the locale', () => {
    const ru = formatAsOf('2023-03', 'ru');
    expect(ru).toContain('2023');
    expect(ru).toMatch(/мар/);
  });

  test('an impossible month is shown as written', () => {
    expect(formatAsOf('2023-13')).toBe('2023–13');
  });
});

describe('buildCardData', () => {
  test('returns the entity, names of its related entities and the fact-base meta', () => {
    const data = buildCardData('vladimir-putin', factbase.byId, factbase.meta);
    expect(data).not.toBeNull();
    expect(data!.entity.name).toBe('Vladimir Putin');
    const known = factbase.byId.get('vladimir-putin')!.related.filter((id) => factbase.byId.has(id));
    expect(known.length).toBeGreaterThan(0);
    expect(data!.related.map((r) => r.id)).toEqual(known);
    for (const r of data!.related) expect(r.name).toBe(factbase.byId.get(r.id)!.name);
    expect(data!.meta.version).toBe(factbase.meta.version);
    expect(data!.meta.reviewed).toBe(factbase.meta.reviewed);
  });

  test('an unknown id gives null', () => {
    expect(buildCardData('no-such-entity', factbase.byId, factbase.meta)).toBeNull();
  });
});

describe('mentions', () => {
  const page = ['a', 'b', 'a', 'c', 'a'].map((id, n) => ({ id, n }));
  test('position counts only mentions of the same entity', () => {
    expect(mentionPosition(page, (m) => m.id, 'a', page[2]!)).toEqual({ index: 1, total: 3 });
    expect(mentionPosition(page, (m) => m.id, 'b', null)).toEqual({ index: -1, total: 1 });
    expect(mentionPosition(page, (m) => m.id, 'z', null)).toEqual({ index: -1, total: 0 });
  });
  test.each([
    [{ index: 0, total: 3 }, 1, 1],
    [{ index: 2, total: 3 }, 1, 0],
    [{ index: 0, total: 3 }, -1, 2],
    [{ index: -1, total: 3 }, 1, 0],
    [{ index: -1, total: 3 }, -1, 2],
    [{ index: -1, total: 0 }, 1, -1],
  ] as const)('stepIndex(%o, %i) = %i', (pos, dir, expected) => {
    expect(stepIndex(pos, dir)).toBe(expected);
  });
});

describe('chart layout', () => {
  const seed = { kind: 'seed' as const, quote: 'bilateral trade hit a record' };
  const web = { kind: 'web' as const, url: 'https://example.org/t', title: 'T', quote: 'q' };
  const series: Series = {
    label: 'Trade',
    unit: 'USD bn',
    points: [
      { period: '2021', value: 147, source: web },
      { period: '2022', value: 190, source: web },
      { period: '2023', value: 240, source: seed },
    ],
  };
  const box = { width: 200, height: 100, padding: { top: 10, right: 10, bottom: 20, left: 30 } };

  test('points spread evenly across the inner width, in order', () => {
    const l = layoutSeries(series, box);
    expect(l.points.map((p) => p.x)).toEqual([30, 110, 190]);
  });

  test('positive values are measured from zero; higher values sit higher', () => {
    const l = layoutSeries(series, box);
    expect(l.axisMin).toBe(0);
    expect(l.axisMax).toBeGreaterThanOrEqual(240);
    expect(l.baseline).toBe(80);
    const ys = l.points.map((p) => p.y);
    expect(ys[0]).toBeGreaterThan(ys[1]!);
    expect(ys[1]).toBeGreaterThan(ys[2]!);
    for (const y of ys) expect(y).toBeGreaterThanOrEqual(10);
    expect(l.path).toBe(l.points.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join(' '));
  });

  test('negative values widen the axis below zero', () => {
    const l = layoutSeries({ ...series, points: series.points.map((p, i) => ({ ...p, value: i - 1 })) }, box);
    expect(l.axisMin).toBeLessThanOrEqual(-1);
    expect(l.axisMax).toBeGreaterThanOrEqual(1);
    for (const p of l.points) expect(p.y).toBeLessThanOrEqual(80);
  });

  test('a flat series still gets a non-empty axis', () => {
    const l = layoutSeries({ ...series, points: series.points.map((p) => ({ ...p, value: 5 })) }, box);
    expect(l.axisMax).toBeGreaterThan(l.axisMin);
    expect(l.points.every((p) => Number.isFinite(p.y))).toBe(true);
  });

  test.each([
    [240, 100],
    [9, 5],
    [0.4, 0.1],
    [0, 1],
  ])('niceStep(%s) = %s', (span, step) => {
    expect(niceStep(span)).toBeCloseTo(step);
  });

  test('sources are listed once each, in first-seen order', () => {
    expect(seriesSources(series)).toEqual([web, seed]);
  });

  test('values are formatted compactly', () => {
    expect(formatValue(240000)).toBe('240K');
    expect(formatValue(190)).toBe('190');
  });
});

test('sourceHost strips www. and ignores seed sources', () => {
  expect(sourceHost({ kind: 'web', url: 'https://www.latimes.com/x', title: 't', quote: 'q' })).toBe('latimes.com');
  expect(sourceHost({ kind: 'seed', quote: 'q' })).toBeNull();
});

describe('sourceLabel', () => {
  test('a web source shows its headline and the publisher named in its title', () => {
    const source = {
      kind: 'web' as const,
      url: 'https://www.themoscowtimes.com/2019/12/02/x',
      title: 'Russia Launches Power of Siberia Gas Exports to China (The Moscow Times)',
      quote: 'q',
    };
    expect(sourceLabel(source)).toEqual({
      headline: 'Russia Launches Power of Siberia Gas Exports to China',
      publisher: 'The Moscow Times',
    });
  });

  test('a title without a publisher falls back to the host', () => {
    const source = {
      kind: 'web' as const,
      url: 'https://www.latimes.com/x',
      title: 'Treaty of Kyakhta (1727)',
      quote: 'q',
    };
    expect(sourceLabel(source)).toEqual({ headline: 'Treaty of Kyakhta (1727)', publisher: 'latimes.com' });
  });

  test('the founding essay is named by its title and publication, never by its internal kind', () => {
    const label = sourceLabel({ kind: 'seed', quote: 'q' });
    expect(label).toEqual({ headline: ESSAY_TITLE, publisher: ESSAY_PUBLICATION });
    expect(JSON.stringify(label)).not.toMatch(/seed/i);
  });

  test('every source of the catalogue gets a publisher', () => {
    const sources = entities.flatMap((e) => e.facts.map((f) => f.source));
    expect(sources.filter((s) => sourceLabel(s).publisher === null)).toEqual([]);
  });
});
