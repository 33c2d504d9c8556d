/**
 * Freshness of figure series: a chart must not stop before the facts printed
 * beside it on the same card, nor lag the other series of the fact base by more
 * than one reporting year. Pure module.
 */
import type { Entity } from './schema';

/**
 * How many years a series may trail the newest series of the fact base. One,
 * because yearly figures (customs, company reports) come out at different times
 * of the following year; two means nobody looked.
 */
export const MAX_SERIES_LAG_YEARS = 1;

/** The latest calendar year an as-of value or period names; decades and centuries name none. */
export function latestYear(value: string): number | null {
  const years = [...value.matchAll(/\d{4}(?!s)/g)].map((m) => Number(m[0]));
  return years.length === 0 ? null : Math.max(...years);
}

function newestPoint(points: readonly { period: string }[]): number | null {
  const years = points.map((p) => latestYear(p.period)).filter((y): y is number => y !== null);
  return years.length === 0 ? null : Math.max(...years);
}

/** One message per stale series: "id: series "label" ends YEAR, …". Empty when all are current. */
export function staleSeries(entities: readonly Entity[]): string[] {
  const all = entities.flatMap((e) =>
    (e.series ?? []).map((s) => ({ entity: e, series: s, end: newestPoint(s.points) })),
  );
  const newest = Math.max(...all.map((s) => s.end ?? -Infinity));
  const problems: string[] = [];
  for (const { entity, series, end } of all) {
    const where = `${entity.id}: series "${series.label}"`;
    if (end === null) {
      problems.push(`${where} has no dated point`);
      continue;
    }
    const factYears = entity.facts.map((f) => latestYear(f.asOf)).filter((y): y is number => y !== null);
    const cardNewest = factYears.length === 0 ? null : Math.max(...factYears);
    if (cardNewest !== null && end < cardNewest) {
      problems.push(`${where} ends ${end}, but a fact on the same card is dated ${cardNewest}`);
    }
    if (end < newest - MAX_SERIES_LAG_YEARS) {
      problems.push(
        `${where} ends ${end}, more than ${MAX_SERIES_LAG_YEARS} year behind the newest series (${newest})`,
      );
    }
  }
  return problems;
}
