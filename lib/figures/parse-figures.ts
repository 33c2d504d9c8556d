/**
 * Finds the figures a sentence of a news article states — "$190 billion in
 * 2023", "22.7 bcm last year", "almost 42%" — with their unit, value, the
 * precision they were written to, the year they are for, and what kind of
 * statement they are: a level, a change ("up 26%") or a forecast ("expected to
 * reach $300 billion by 2030"). Numbers without a unit (page and phone numbers,
 * years, model names such as S-400) are not figures. Pure module.
 */
import { CURRENCY_PREFIXES, SCALES, UNIT_PATTERN, unitOfWord, type UnitCode } from './units';

export type FigureKind = 'level' | 'change' | 'forecast';
/** How the article hedges the figure: "about", "almost", "more than", "less than", "up to". */
export type FigureBound = 'about' | 'almost' | 'over' | 'under' | 'up-to';

export interface Figure {
  /** The figure as written, currency and unit included ("$190 billion"). */
  text: string;
  start: number;
  end: number;
  unit: UnitCode;
  /** In base units: US$ 190 billion → 190e9, 22.7 bcm → 22.7e9 (m3). */
  value: number;
  /** The upper end of a range ("$200–250 billion"). */
  high?: number;
  /** Half a unit of the last digit written, in base units: how far rounding can have moved it. */
  step: number;
  bound?: FigureBound;
  kind: FigureKind;
  /** The calendar year the figure is for, when the sentence says ("in 2023", "last year"). */
  year?: number;
  /** For part of a year (a month, a quarter, "so far this year") or a daily rate. */
  partial?: boolean;
}

export interface ParseOptions {
  /** The article's date (YYYY, YYYY-MM or YYYY-MM-DD): "last year" is read against it. */
  published?: string;
}

interface Token {
  start: number;
  end: number;
  /** The number as written, its decimals, its scale word ("billion") and its unit's factor ("bcm": 1e9). */
  num: number;
  decimals: number;
  scale: number;
  factor: number;
  unit?: UnitCode;
  high?: Token;
  year?: boolean;
  change?: boolean;
}

const NUMBER = /(?<!\p{L}-?|\d[.,]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d³])/gu;
const PREFIX = /(?:(\p{L}{0,2})\$|([€£¥₽])|\b(USD|EUR|CNY|RMB|RUB|GBP) ?)$/u;
const SCALE_WORD = String.raw`thousand|million|billion|trillion|mln|mn|bln|bn|trn|tln|tn|[kmb]`;
const SUFFIX = new RegExp(
  String.raw`^(?:\s?(${SCALE_WORD})(?![\p{L}\d/³]))?(?:\s?(${UNIT_PATTERN})(?![\p{L}\d]))?`,
  'iu',
);
const RANGE_JOIN = /^\s*(?:-|–|—|to|and)\s*$/;

const BOUNDS: readonly [FigureBound, RegExp][] = [
  ['up-to', /\b(?:up to|as (?:much|many|high) as|a maximum of|at most|capacity of)\s*$/i],
  ['almost', /\b(?:nearly|almost|close to|just (?:under|below|shy of))\s*$/i],
  [
    'over',
    /\b(?:more than|over|above|exceed(?:ed|ing)?|in excess of|at least|upwards of|surpass(?:ed|ing)?(?: the)?|top(?:ped|ping)?(?: the)?|pass(?:ed|ing)(?: the)?|beyond)\s*$/i,
  ],
  ['under', /\b(?:less than|under|below|fewer than|short of)\s*$/i],
  ['about', /(?:\b(?:about|around|roughly|some|approximately|approx\.|an estimated|estimated at|circa)|~)\s*$/i],
];
const CHANGE_BEFORE =
  /\b(?:rose|rise[sn]?|rising|grew|grow(?:s|n|ing)?|increas(?:e[ds]?|ing)|jump(?:ed|s)?|surg(?:e[ds]?|ing)|climb(?:ed|s)?|fell|fall(?:s|ing)?|drop(?:ped|s)?|declin(?:e[ds]?|ing)|slump(?:ed|s)?|plunged?|soar(?:ed|s)?|gain(?:ed|s)?|lost|expand(?:ed|s)?|shrank|up|down|by|added)(?: (?:nearly|almost|about|around|some|roughly|more than|over|just over|just under))?\s*$/i;
const CHANGE_AFTER =
  /^\s*(?:year-on-year|y\/y|yoy|(?:increase|rise|growth|jump|drop|decline|fall|gain|higher|lower|more|less|up|down)\b|(?:on|from) (?:a|the) (?:year|previous))/i;
const FORECAST =
  /\b(?:expect\w*|forecast\w*|project(?:ed|ion|ions|s)|predict\w*|target\w*|aim\w*|goal\w*|plan\w*|will|would|could|might|should|set to|on track|likely|hope\w*|pledge\w*|vow\w*|envisag\w*|intend\w*|seek\w*|wants?|potential)\b/i;
/** "may" as a verb only: the month is written with a capital. */
const MAY = /\bmay\b/;
/** A clause ends at these; a forecast word in an earlier clause does not make this figure a forecast. */
const CLAUSE_END = /[;:(—–]|,\s|\bwhile\b|\bbut\b|\bwhich\b/g;
/** The figure is the earlier one of a comparison: the sentence's year is not its year. */
const EARLIER = /\b(?:from|with|against|versus|vs\.?|than)\s*$/i;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Part of a year, or a rate per day: not comparable with a yearly series. */
const PARTIAL = new RegExp(
  String.raw`\b(?:(?:first|second|third|fourth|last|past) (?:half|quarter|\w+ months)|[HQ][1-4]|so far|year[- ]to[- ]date|months?|weeks?|daily|a day|per day)\b|\b(?:in|during|for) (?:${MONTHS})\b|\b(?:${MONTHS})\s*(?:-|–|to|through)\s*(?:${MONTHS})\b`,
  'i',
);
/** Nearby, for the partial test: this far on either side of the figure or its year. */
const NEAR = 35;
const YEAR_EXPRESSION =
  /\b(?:(last|this|next|past|previous) (?:calendar |fiscal )?year|(a|one|two|three|four|five) years? ago|((?:19|20)\d{2})(?![\d%]|s\b|[-–]\d))/gi;
const ADJACENT_YEAR =
  /^[\s,]*(?:(?:in|for|during|over|throughout|of)\s+(?:the\s+)?(?:(?:whole|full|entire|calendar)\s+(?:year\s+)?(?:of\s+)?)?)?$/i;
const SPAN_BEFORE = /\b(?:since|from|between|after|before|until|till|through|by)\s*$/i;
const COUNT: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5 };

const exact = (x: number) => Number(x.toPrecision(12));
const valueOf = (t: Token) => exact(t.num * t.scale * t.factor);

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [whole, int, decimals = ''] = m;
    let start = m.index;
    let end = start + whole.length;
    const prefix = PREFIX.exec(text.slice(Math.max(0, start - 4), start));
    // "HK$" or "A$": a dollar that is not the US one, and nothing we can compare.
    if (prefix?.[1] && prefix[1].toUpperCase() !== 'US') continue;
    const currency = prefix ? CURRENCY_PREFIXES[(prefix[2] ?? prefix[3] ?? '$').toLowerCase()] : undefined;
    if (prefix) start -= prefix[0].length;
    const suffix = SUFFIX.exec(text.slice(end, end + 40))!;
    const scaleWord = suffix[1]?.toLowerCase();
    const unitWord = suffix[2] ? unitOfWord(suffix[2]) : null;
    // A one-letter scale ("m", "b") only with a currency or a unit: "3,000 m" is a length.
    const scale = scaleWord && (scaleWord.length > 1 || currency || unitWord) ? SCALES[scaleWord]! : 1;
    const unit = currency ?? unitWord?.unit;
    if (unit || scale > 1) end += suffix[0].length;
    out.push({
      start,
      end,
      num: Number(int!.replace(/,/g, '') + (decimals ? `.${decimals}` : '')),
      decimals: decimals.length,
      scale,
      // "107 million mt": the scale word already says what "Mt" would.
      factor: unitWord && !currency && !(unitWord.scaled && scale > 1) ? unitWord.factor : 1,
      unit,
      year: !unit && scale === 1 && !decimals && /^(?:19|20)\d{2}$/.test(int!),
      change: /point/i.test(suffix[2] ?? ''),
    });
  }
  return out;
}

/**
 * Joins ranges ("$200–250 billion", "between 30 and 35 bcm") and lends units
 * and scales across them and across "from 15.5 to 22.7 bcm" (two figures).
 */
function join(text: string, list: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const b = list[i + 1];
    const unit = a.unit ?? b?.unit;
    const before = text.slice(Math.max(0, a.start - 12), a.start);
    const gap = b ? text.slice(a.end, b.start) : '';
    if (
      !b ||
      !unit ||
      a.year ||
      b.year ||
      (a.unit && b.unit && a.unit !== b.unit) ||
      !RANGE_JOIN.test(gap) ||
      (/and/.test(gap) && !/between\s*$/i.test(before))
    ) {
      if (a.unit) out.push(a);
      continue;
    }
    // The bare side takes the other's unit, and its scale when it has none: "$200–250bn", "15.5 to 22.7 bcm".
    const low: Token = { ...a, unit, factor: a.unit ? a.factor : b.factor, scale: a.scale > 1 ? a.scale : b.scale };
    const high: Token = { ...b, unit, factor: b.unit ? b.factor : a.factor, scale: b.scale > 1 ? b.scale : a.scale };
    if (/from\s*$/i.test(before)) {
      out.push(low, high);
    } else {
      out.push({ ...low, end: b.end, high });
    }
    i++;
  }
  return out;
}

interface YearMention {
  start: number;
  end: number;
  year?: number;
  partial?: boolean;
  future?: boolean;
}

function years(text: string, publishedYear: number | undefined, figures: readonly Token[]): YearMention[] {
  const out: YearMention[] = [];
  for (const m of text.matchAll(YEAR_EXPRESSION)) {
    const start = m.index;
    const end = start + m[0].length;
    if (figures.some((f) => start < f.end && end > f.start)) continue;
    const mention: YearMention = { start, end };
    const relative = m[1]?.toLowerCase();
    if (m[3]) {
      // "since 2019", "between 2014 and 2023": a span, not the year of a figure.
      if (!SPAN_BEFORE.test(text.slice(Math.max(0, start - 9), start))) mention.year = Number(m[3]);
    } else if (publishedYear !== undefined) {
      if (m[2]) mention.year = publishedYear - COUNT[m[2].toLowerCase()]!;
      else if (relative === 'last') mention.year = publishedYear - 1;
      else if (relative === 'this') mention.year = publishedYear;
      else if (relative === 'next') mention.future = true;
    }
    if (relative === 'this' || relative === 'past') mention.partial = true;
    if (mention.year !== undefined && publishedYear !== undefined && mention.year > publishedYear)
      mention.future = true;
    out.push(mention);
  }
  return out;
}

/** Every figure with a unit in `sentence`, in order. */
export function parseFigures(sentence: string, options: ParseOptions = {}): Figure[] {
  const text = sentence;
  const publishedYear = options.published ? Number(options.published.slice(0, 4)) : undefined;
  const all = tokens(text);
  const figures = join(text, all);
  const yearList = years(text, publishedYear, figures);
  const distinct = new Set(yearList.map((y) => y.year ?? -1));
  return figures.map((t, i) => {
    const left = figures[i - 1]?.end ?? 0;
    const right = figures[i + 1]?.start ?? text.length;
    const head = text.slice(0, t.start);
    let bound: FigureBound | undefined;
    let lead = head;
    for (const [name, pattern] of BOUNDS) {
      const m = pattern.exec(head);
      if (m) {
        bound = name;
        lead = head.slice(0, m.index);
        break;
      }
    }
    const after = text.slice(t.end);
    let kind: FigureKind = t.change || CHANGE_BEFORE.test(lead) || CHANGE_AFTER.test(after) ? 'change' : 'level';
    const clauseStart = Math.max(0, ...[...head.matchAll(CLAUSE_END)].map((m) => m.index + m[0].length));
    const clause = head.slice(clauseStart);
    if (kind === 'level' && (FORECAST.test(clause) || MAY.test(clause))) kind = 'forecast';

    const adjacent = yearList.find(
      (y) => y.start >= t.end && y.start < right && ADJACENT_YEAR.test(text.slice(t.end, y.start)),
    );
    const byYear = /^\s*by\s+(?:the\s+end\s+of\s+)?((?:19|20)\d{2})\b/i.exec(after);
    let chosen =
      adjacent ??
      yearList.filter((y) => y.end <= t.start && y.start >= left).pop() ??
      yearList.find((y) => y.start >= t.end && y.start < right);
    if (!chosen && !EARLIER.test(lead) && distinct.size === 1) chosen = yearList[0];
    let year = chosen?.year;
    if (byYear) {
      year = Number(byYear[1]);
      if (publishedYear === undefined || year >= publishedYear) kind = kind === 'level' ? 'forecast' : kind;
    }
    if (chosen?.future && kind === 'level') kind = 'forecast';

    const around = (from: number, to: number) =>
      `${text.slice(Math.max(left, from - NEAR), from)} ${text.slice(to, Math.min(right, to + NEAR))}`;
    const partial =
      chosen?.partial ||
      PARTIAL.test(around(t.start, t.end)) ||
      (chosen !== undefined && PARTIAL.test(around(chosen.start, chosen.end).replace(text.slice(t.start, t.end), ' ')));

    const figure: Figure = {
      text: text.slice(t.start, t.end),
      start: t.start,
      end: t.end,
      unit: t.unit!,
      value: valueOf(t),
      step: exact(0.5 * 10 ** -Math.max(t.decimals, t.high?.decimals ?? 0) * t.scale * t.factor),
      kind,
    };
    if (t.high) figure.high = valueOf(t.high);
    if (bound) figure.bound = bound;
    if (year !== undefined) figure.year = year;
    if (partial) figure.partial = true;
    return figure;
  });
}
