/**
 * Units of the figures news articles state about China–Russia relations, and
 * of the fact base's series: currencies, gas volumes, masses, oil flows and
 * percentages. A figure and a series are compared only when their units are
 * the same (no exchange rates, no barrels-to-tonnes conversions). Pure module.
 */

/** A currency code, `m3` (cubic metres), `t` (tonnes), `bbl/d` (barrels a day) or `%`. */
export type UnitCode = 'USD' | 'EUR' | 'CNY' | 'RUB' | 'GBP' | 'm3' | 't' | 'bbl/d' | '%';

/** Multipliers written after a number ("190 billion", "$190bn", "2.1m bpd"). */
export const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  mln: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  bln: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
  tln: 1e12,
};

/** Symbols and codes written before a number. */
export const CURRENCY_PREFIXES: Readonly<Record<string, UnitCode>> = {
  $: 'USD',
  us$: 'USD',
  usd: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  '¥': 'CNY',
  cny: 'CNY',
  rmb: 'CNY',
  '₽': 'RUB',
  rub: 'RUB',
};

/**
 * Unit words written after a number (case-insensitive): the pattern, the unit
 * and the factor to its base (a "bcm" is 1e9 m3). `scaled`: the word carries
 * its own scale ("22.7 bcm", not "22.7 billion bcm"). Where two overlap, the
 * longer comes first.
 */
const UNIT_WORDS: readonly [string, UnitCode, number, boolean?][] = [
  ['percentage points?|per ?cent|%', '%', 1],
  ['(?:us )?dollars?|usd', 'USD', 1],
  ['euros?|eur', 'EUR', 1],
  ['yuan|renminbi|rmb|cny', 'CNY', 1],
  ['roubles?|rubles?|rub', 'RUB', 1],
  ['bcm', 'm3', 1e9, true],
  ['tcm', 'm3', 1e12, true],
  ['cubic met(?:re|er)s?|m3|m³', 'm3', 1],
  ['(?:metric )?(?:tonnes|tons)', 't', 1],
  ['mtpa|mt', 't', 1e6, true],
  ['mb\\/d|mbpd', 'bbl/d', 1e6, true],
  ['(?:barrels?|bbl)(?: of (?:crude )?oil)? (?:a|per) day|bpd|b\\/d|bbl\\/d', 'bbl/d', 1],
];

/** The alternatives of UNIT_WORDS as one pattern, for the parser. */
export const UNIT_PATTERN = UNIT_WORDS.map(([pattern]) => pattern).join('|');

/** The unit a word names, with its factor; null for anything else. */
export function unitOfWord(word: string): { unit: UnitCode; factor: number; scaled: boolean } | null {
  const w = word.replace(/\s+/g, ' ');
  for (const [pattern, unit, factor, scaled] of UNIT_WORDS) {
    if (new RegExp(`^(?:${pattern})$`, 'i').test(w)) return { unit, factor, scaled: scaled === true };
  }
  return null;
}

/**
 * A series' unit as the fact base writes it ("US$ billion", "billion cubic
 * metres", "million tonnes a year", "%"): the unit and how many base units one
 * series unit is. Null when it names nothing this module knows.
 */
export function parseSeriesUnit(text: string): { unit: UnitCode; scale: number } | null {
  const lower = text.toLowerCase();
  let scale = 1;
  for (const word of lower.split(/[^a-z$%³0-9/]+/)) scale *= word.length > 2 ? (SCALES[word] ?? 1) : 1;
  const currency = /(us\$|\$|€|£|¥|₽)/.exec(lower)?.[1];
  if (currency) return { unit: CURRENCY_PREFIXES[currency]!, scale };
  for (const piece of [
    lower.replace(/\b(?:thousand|million|billion|trillion)\b|\ba year\b|\bper year\b/g, '').trim(),
    lower,
  ]) {
    const found = unitOfWord(piece);
    if (found) return { unit: found.unit, scale: scale * found.factor };
  }
  return null;
}
