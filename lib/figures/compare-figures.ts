/**
 * Compares the figures an article states with the fact base's sourced series
 * for the same year. Only like with like: a level (not a change or a
 * forecast), for a whole year, in the series' own unit. The outcome is
 * "agrees" when the two are the same to the precision either was written to
 * (and within the article's hedge: "about", "more than", a range), else
 * "differs"; neither side is called right. Pure module.
 */
import type { Series } from '../factbase/schema';
import { parseFigures, type Figure } from './parse-figures';
import { parseSeriesUnit } from './units';

export type FigureVerdict = 'agrees' | 'differs';

export interface FigureCheck {
  /** The sentence the figure was read from. */
  sentence: string;
  figure: Figure;
  year: number;
  series: Series;
  point: Series['points'][number];
  /** The article's figure (and a range's upper end) in the series' unit. */
  article: number;
  articleHigh?: number;
  verdict: FigureVerdict;
}

/** "About $240 billion" agrees with a source within this share of the figure. */
export const ABOUT_SHARE = 0.05;
/** "Almost 42%" agrees with a source this far below it. */
export const ALMOST_SHARE = 0.1;
/** A percentage compared with a series must share this many words with its label (a share of what?). */
export const SHARED_LABEL_WORDS = 2;

const exact = (x: number) => Number(x.toPrecision(12));

/** Half a unit of the last digit of a value as stored (240 → 0.5, 22.7 → 0.05). */
function halfUnit(value: number): number {
  return 0.5 * 10 ** -(String(value).split('.')[1] ?? '').length;
}

/** Word stems of four letters, lower case; short words carry no meaning here. */
function stems(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).map((w) => w.slice(0, 4)));
}

/**
 * Whether a sentence with a percentage speaks of what the series measures:
 * it shares enough words with the series' label, not counting the entity's own
 * names ("the yuan's share of trading on the Moscow Exchange", not "the yuan's
 * share of global payments").
 */
export function namesMeasure(sentence: string, label: string, names: readonly string[] = []): boolean {
  const own = stems(names.join(' '));
  const inSentence = stems(sentence);
  let shared = 0;
  for (const stem of stems(label)) if (!own.has(stem) && inSentence.has(stem)) shared++;
  return shared >= SHARED_LABEL_WORDS;
}

/** The comparison of one figure with one series, or null when they are not comparable. */
export function compareFigure(figure: Figure, series: Series, sentence = figure.text): FigureCheck | null {
  const unit = parseSeriesUnit(series.unit);
  const { year } = figure;
  if (!unit || unit.unit !== figure.unit || figure.kind !== 'level' || figure.partial || figure.bound === 'up-to') {
    return null;
  }
  const point = year === undefined ? undefined : series.points.find((p) => p.period === String(year));
  if (!point || year === undefined) return null;
  const low = exact(figure.value / unit.scale);
  const high = figure.high === undefined ? undefined : exact(figure.high / unit.scale);
  const top = high ?? low;
  const source = point.value;
  let slack = Math.max(figure.step / unit.scale, halfUnit(source)) * (1 + 1e-9);
  if (figure.bound === 'about') slack = Math.max(slack, ABOUT_SHARE * low);
  const agrees =
    figure.bound === 'over'
      ? source >= low - slack
      : figure.bound === 'under'
        ? source <= top + slack
        : figure.bound === 'almost'
          ? source <= top + slack && source >= low * (1 - ALMOST_SHARE)
          : source >= low - slack && source <= top + slack;
  const check: FigureCheck = {
    sentence,
    figure,
    year,
    series,
    point,
    article: low,
    verdict: agrees ? 'agrees' : 'differs',
  };
  if (high !== undefined) check.articleHigh = high;
  return check;
}

/**
 * Every comparable figure in `sentences` against `series`, once each (the same
 * figure for the same year is listed once however often the article repeats it).
 * `names`: the entity's own names, left out when matching a percentage's label.
 */
export function checkFigures(
  sentences: readonly string[],
  series: readonly Series[],
  options: { published?: string; names?: readonly string[] } = {},
): FigureCheck[] {
  const out: FigureCheck[] = [];
  const seen = new Set<string>();
  for (const sentence of sentences) {
    for (const figure of parseFigures(sentence, options)) {
      for (const s of series) {
        if (figure.unit === '%' && !namesMeasure(sentence, s.label, options.names)) continue;
        const check = compareFigure(figure, s, sentence);
        const key = check && `${s.label}|${check.year}|${check.article}|${check.articleHigh}`;
        if (!check || seen.has(key!)) continue;
        seen.add(key!);
        out.push(check);
      }
    }
  }
  return out;
}
