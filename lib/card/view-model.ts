/**
 * What a context card shows, derived from fact-base records: the data the
 * background sends for one card, as-of date formatting, mention counting and
 * chart scaling. Pure module.
 */
import type { Entity, Meta, Series, Source } from '../factbase/schema';
import { splitSourceTitle } from '../factbase/sources';
import { parseSeriesUnit } from '../figures/units';
import type { CardPageFacts } from './rank-facts';

/**
 * The founding essay every `seed` source refers to, named as readers know it:
 * its title as published, where and when it appeared. The internal source kind
 * stays `seed`; no reader ever sees that word.
 */
export const ESSAY_TITLE = 'Why the West Won’t Be Able to Drive a Wedge Between Russia and China';
export const ESSAY_PUBLICATION = 'Foreign Affairs';
/** Month of publication (online, April 2024); cards show it through the `card_source_essay_date` message. */
export const ESSAY_PUBLISHED = '2024-04';

/** What the background answers to `card:get`: one entity plus what its card needs around it. */
export interface CardData {
  entity: Entity;
  related: { id: string; name: string }[];
  meta: Pick<Meta, 'version' | 'reviewed' | 'topics'>;
}

/**
 * What the page being read adds to its cards: its date and the entities named
 * on it (lib/card/rank-facts.ts), the names inside the marked phrase, and the
 * sentences around each entity's mentions (for lib/figures).
 */
export interface CardPage extends CardPageFacts {
  /** Entities named inside the marked phrase ("Russia", "Ukraine" in "Russia's invasion of Ukraine"). */
  inner?: readonly { id: string; name: string }[];
  /** The page's sentences around the mentions of `id`, the current mention's first. Plain text, never markup. */
  sentences?(id: string): readonly string[];
}

/** Builds the `card:get` answer from a fact base lookup; null for an unknown id. */
export function buildCardData(
  id: string,
  byId: ReadonlyMap<string, Entity>,
  meta: Pick<Meta, 'version' | 'reviewed' | 'topics'>,
): CardData | null {
  const entity = byId.get(id);
  if (!entity) return null;
  const related = entity.related.flatMap((rel) => {
    const other = byId.get(rel);
    return other ? [{ id: other.id, name: other.name }] : [];
  });
  return { entity, related, meta: { version: meta.version, reviewed: meta.reviewed, topics: meta.topics } };
}

const SINGLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const RANGE = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)-(\d{4}(?:-\d{2}(?:-\d{2})?)?)$/;

function formatSingle(value: string, locale: string): string | null {
  const m = SINGLE.exec(value);
  if (!m) return null;
  const [, y, mo, d] = m;
  const year = Number(y);
  if (mo === undefined) return String(year);
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  const date = new Date(Date.UTC(year, month - 1, d === undefined ? 1 : Number(d)));
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    ...(d === undefined ? {} : { day: 'numeric' }),
  });
  return format.format(date);
}

/**
 * Formats an as-of value for display in `locale`: "2023-03" → "Mar 2023",
 * "2022-02-04" → "Feb 4, 2022", ranges joined with an en dash. Decades and
 * centuries ("1970s", "13th century") and anything unexpected are shown as written.
 */
export function formatAsOf(asOf: string, locale = 'en'): string {
  try {
    const single = formatSingle(asOf, locale);
    if (single !== null) return single;
    const range = RANGE.exec(asOf);
    if (range) {
      const from = formatSingle(range[1]!, locale);
      const to = formatSingle(range[2]!, locale);
      if (from !== null && to !== null) return `${from}–${to}`;
    }
  } catch {
    // An unknown locale: fall through to the raw value.
  }
  return asOf.replace(/(\d)-(\d)/g, '$1–$2').replace(/s-(\d)/g, 's–$1');
}

/** The host name of a web source ("www.latimes.com" → "latimes.com"); null for the essay. */
export function sourceHost(source: Source): string | null {
  if (source.kind !== 'web') return null;
  try {
    return new URL(source.url).hostname.replace(/^www\./, '').replace(/\.$/, '');
  } catch {
    return null;
  }
}

/** How a source is named on a card: a headline and the publisher readers know. */
export interface SourceLabel {
  headline: string;
  /** The publisher: the title's parenthesised outlet, else the host; the essay's publication for the essay. */
  publisher: string | null;
}

export function sourceLabel(source: Source): SourceLabel {
  if (source.kind !== 'web') return { headline: ESSAY_TITLE, publisher: ESSAY_PUBLICATION };
  const { headline, publisher } = splitSourceTitle(source.title);
  return { headline, publisher: publisher ?? sourceHost(source) };
}

/** Position of one mention among the page's mentions of the same entity. */
export interface MentionPosition {
  /** 0-based index of the current mention, or -1 when the card is not tied to one of them. */
  index: number;
  total: number;
}

/** Index of `current` among `ids` restricted to `entityId`. */
export function mentionPosition<M>(
  mentions: readonly M[],
  idOf: (m: M) => string | undefined,
  entityId: string,
  current: M | null,
): MentionPosition {
  const same = mentions.filter((m) => idOf(m) === entityId);
  return { index: current === null ? -1 : same.indexOf(current), total: same.length };
}

/** The index to go to for previous (-1) or next (+1), wrapping around; -1 when there is none. */
export function stepIndex(position: MentionPosition, direction: 1 | -1): number {
  const { index, total } = position;
  if (total === 0) return -1;
  if (index < 0) return direction === 1 ? 0 : total - 1;
  return (index + direction + total) % total;
}

/** Layout of a series chart inside a width × height box. */
export interface ChartLayout {
  points: { x: number; y: number; period: string; value: number }[];
  /** SVG path data of the line. */
  path: string;
  /** y of the baseline (the lower end of the value axis). */
  baseline: number;
  min: number;
  max: number;
  /** Bottom and top of the value axis, rounded outwards to "nice" numbers. */
  axisMin: number;
  axisMax: number;
  yOf(value: number): number;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Inner margins for the axis labels. */
  padding: { top: number; right: number; bottom: number; left: number };
}

/** Rounds a span to a 1-2-5 step so axis ends read naturally. */
export function niceStep(span: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Scales a series into a box: periods spread evenly along x in the order given,
 * values on a linear y axis that includes zero when all values are positive
 * (so differences are not exaggerated) and otherwise spans min to max.
 */
export function layoutSeries(series: Series, box: ChartBox): ChartLayout {
  const values = series.points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const low = min >= 0 ? 0 : min;
  const step = niceStep(max - low || Math.abs(max) || 1);
  const axisMin = Math.floor(low / step) * step;
  let axisMax = Math.ceil(max / step) * step;
  if (axisMax === axisMin) axisMax = axisMin + step;
  const { width, height, padding } = box;
  const innerW = width - padding.left - padding.right;
  const innerH = height - padding.top - padding.bottom;
  const yOf = (value: number) => padding.top + innerH - ((value - axisMin) / (axisMax - axisMin)) * innerH;
  const n = series.points.length;
  const round = (x: number) => Math.round(x * 100) / 100;
  const points = series.points.map((p, i) => ({
    x: round(padding.left + (n === 1 ? innerW / 2 : (i / (n - 1)) * innerW)),
    y: round(yOf(p.value)),
    period: p.period,
    value: p.value,
  }));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  return { points, path, baseline: round(yOf(axisMin)), min, max, axisMin, axisMax, yOf };
}

/** Formats a chart value compactly in `locale` (e.g. 240000 → "240K"). */
export function formatValue(value: number, locale = 'en'): string {
  try {
    return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  } catch {
    return String(value);
  }
}

/** The distinct sources of a series, in first-seen order (for the chart's source line). */
export function seriesSources(series: Series): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const p of series.points) {
    const key = p.source.kind === 'web' ? p.source.url : `seed:${p.source.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p.source);
  }
  return out;
}

/** A series value with its unit in `locale`: "$240B", "42%", "22.7 billion cubic metres". */
export function formatSeriesValue(value: number, unit: string, locale = 'en'): string {
  const known = parseSeriesUnit(unit);
  try {
    if (known && /^[A-Z]{3}$/.test(known.unit)) {
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: known.unit,
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 2,
      }).format(value * known.scale);
    }
    if (known?.unit === '%') {
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
    }
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)} ${unit}`;
  } catch {
    return `${value} ${unit}`;
  }
}
