/**
 * Places a card's facts against the date of the article being read: known by
 * then ("before") or only later ("after"), how far from it, and where that
 * date falls on a series chart's time axis. Pure module.
 */

/** Before or after the article's date; the attribute value `data-relative` carries. */
export type Relative = 'before' | 'after';

const DAY_MS = 864e5;

function utc(year: number, month = 0, day = 1): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.getTime();
}

/** First and last moment (UTC day starts) of a YYYY, YYYY-MM or YYYY-MM-DD value. */
function single(value: string): [number, number] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) {
    const day = utc(y, Number(m[2]) - 1, Number(m[3]));
    return [day, day];
  }
  if (m[2]) return [utc(y, Number(m[2]) - 1), utc(y, Number(m[2])) - DAY_MS];
  return [utc(y), utc(y + 1) - DAY_MS];
}

/**
 * The span an as-of value covers, as [first day, last day] in ms: a date, a
 * month, a year, a range of those ("2014-2019"), a decade ("1970s",
 * "1960s-1980s") or a century ("13th century"). Null for anything else.
 */
export function periodOf(value: string): [number, number] | null {
  const one = single(value);
  if (one) return one;
  const range = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)-(\d{4}(?:-\d{2}(?:-\d{2})?)?)$/.exec(value);
  if (range) {
    const from = single(range[1]!);
    const to = single(range[2]!);
    return from && to ? [from[0], to[1]] : null;
  }
  const decades = /^(\d{3})0s(?:-(\d{3})0s)?$/.exec(value);
  if (decades) return [utc(Number(decades[1]) * 10), utc(Number(decades[2] ?? decades[1]) * 10 + 10) - DAY_MS];
  const century = /^(\d{1,2})(?:st|nd|rd|th) century$/.exec(value);
  if (century) return [utc((Number(century[1]) - 1) * 100 + 1), utc(Number(century[1]) * 100 + 1) - DAY_MS];
  return null;
}

/**
 * Whether a fact dated `asOf` was known by the article's date: its period has
 * ended by the article's last day ("2021-05" before an article of 1 June 2021;
 * a yearly figure for 2021 only after it). Undefined without a usable date.
 */
export function placeFact(asOf: string, published: string | undefined): Relative | undefined {
  const article = published === undefined ? null : periodOf(published);
  const fact = periodOf(asOf);
  if (!article || !fact) return undefined;
  return fact[1] <= article[1] ? 'before' : 'after';
}

/** Days between a fact's period and the article's date (0 when they overlap); Infinity when either is unusable. */
export function daysApart(asOf: string, published: string): number {
  const article = periodOf(published);
  const fact = periodOf(asOf);
  if (!article || !fact) return Infinity;
  return Math.max(0, fact[0] - article[1], article[0] - fact[1]) / DAY_MS;
}

/**
 * Where `date` falls along a chart's points (each at the middle of its
 * period), by linear interpolation between neighbours; `side` is -1 or 1 when
 * the date lies before the first or after the last point (x is then that end).
 */
export function dateOnAxis(
  points: readonly { x: number; period: string }[],
  date: string,
): { x: number; side: -1 | 0 | 1 } | null {
  const at = periodOf(date);
  const times = points.map((p) => {
    const span = periodOf(p.period);
    return span ? (span[0] + span[1]) / 2 : NaN;
  });
  if (!at || points.length === 0 || times.some(Number.isNaN)) return null;
  const t = (at[0] + at[1]) / 2;
  if (t <= times[0]!) return { x: points[0]!.x, side: t < times[0]! ? -1 : 0 };
  for (let i = 1; i < points.length; i++) {
    const t1 = times[i]!;
    if (t <= t1) {
      const t0 = times[i - 1]!;
      const x0 = points[i - 1]!.x;
      return { x: Math.round((x0 + ((t - t0) / (t1 - t0 || 1)) * (points[i]!.x - x0)) * 100) / 100, side: 0 };
    }
  }
  return { x: points[points.length - 1]!.x, side: 1 };
}
