/**
 * Abbreviations a page defines for itself: "the Central Bank of Russia (CBR)"
 * makes "CBR" a name of the bank on that page, whatever else the letters
 * mean elsewhere. News copy defines its abbreviations this way once and then
 * uses them, and many ("CBR", "BIS", "MOFA", "EDD") are too ambiguous to be
 * aliases on every page. A word in capitals that the page has not defined
 * (yet) waits, like a short form, for a definition anywhere on the page, so
 * what is found never depends on the order the page's blocks are read in.
 * Pure module.
 */
import type { Candidate, Mention, PageState } from './types';

/** An abbreviation in brackets right after a name: two to ten capitals (Latin or Cyrillic), digits, "&" or "-" inside. */
const DEFINITION = /^\s?[(（]\s*(\p{Lu}[\p{Lu}\p{Nd}&-]{0,8}\p{Lu})\s*[)）]/u;
const WORD = /[\p{L}\p{Nd}]+/gu;
/** A word in capitals that could be an abbreviation (the shape DEFINITION accepts). */
const CAPITALS = /(?<![\p{L}\p{Nd}])\p{Lu}[\p{Lu}\p{Nd}&-]{0,8}\p{Lu}(?![\p{L}\p{Nd}])/gu;
const LOWER = /\p{Ll}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

/**
 * Whether `abbr` can stand for `name`: its letters are, in order, the
 * initials of the name's words, starting at one of its first two words
 * ("Chinese Ministry of Foreign Affairs" → MOFA; "Central Bank of Russia" →
 * CBR). A bracketed agency, country code or note after a name ("(AP)",
 * "(RU)") fails this and defines nothing.
 */
export function abbreviates(abbr: string, name: string): boolean {
  const letters = [...abbr.toLowerCase()].filter((c) => /\p{L}/u.test(c));
  const initials = (name.match(WORD) ?? []).map((w) => w[0]!.toLowerCase());
  if (letters.length < 2 || initials.length < letters.length) return false;
  for (let first = 0; first < Math.min(2, initials.length); first++) {
    if (initials[first] !== letters[0]) continue;
    let k = 1;
    for (let i = first + 1; i < initials.length && k < letters.length; i++) if (initials[i] === letters[k]) k++;
    if (k === letters.length) return true;
  }
  return false;
}

/**
 * Reads the abbreviations `mentions` define in `text` into `page`, then
 * returns the mentions of every abbreviation the page has defined so far that
 * stand in `text` outside the given mentions (word-bounded, letter case as
 * defined). An abbreviation keeps the first entity it was defined for.
 */
export function abbreviationMentions(text: string, mentions: readonly Mention[], page: PageState): Mention[] {
  for (const m of mentions) {
    if (m.nested) continue;
    const found = DEFINITION.exec(text.slice(m.end, m.end + 16));
    if (!found) continue;
    const abbr = found[1]!;
    if (abbr === m.text || !abbreviates(abbr, m.text)) continue;
    page.abbreviations ??= new Map();
    if (!page.abbreviations.has(abbr)) page.abbreviations.set(abbr, m.id);
  }
  if (!page.abbreviations || page.abbreviations.size === 0) return [];
  const out: Mention[] = [];
  for (const [abbr, id] of page.abbreviations) {
    for (let at = text.indexOf(abbr); at >= 0; at = text.indexOf(abbr, at + abbr.length)) {
      const end = at + abbr.length;
      if (LETTER_OR_DIGIT.test(text[at - 1] ?? '') || LETTER_OR_DIGIT.test(text[end] ?? '')) continue;
      if (mentions.some((m) => !m.nested && m.start < end && at < m.end)) continue;
      out.push({ id, start: at, end, text: abbr });
    }
  }
  return out;
}

/**
 * The words in capitals of `text` outside `mentions` that no abbreviation of
 * the page spells yet: each waits for one (`settles` in page-state.ts gives
 * it the defined entity). None from a text without lower-case letters, a
 * headline in capitals, whose every word would wait.
 */
export function waitingAbbreviations(text: string, mentions: readonly Mention[], page: PageState): Candidate[] {
  if (!LOWER.test(text)) return [];
  const out: Candidate[] = [];
  for (const m of text.matchAll(CAPITALS)) {
    const start = m.index;
    const end = start + m[0].length;
    if (page.abbreviations?.has(m[0])) continue;
    if (mentions.some((o) => !o.nested && o.start < end && start < o.end)) continue;
    out.push({
      id: '',
      start,
      end,
      text: m[0],
      rule: 'after-full-name',
      context: '',
      contextStart: 0,
      abbreviation: true,
    });
  }
  return out;
}
