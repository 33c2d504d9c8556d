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

/** An abbreviation in brackets right after a name: two to ten letters (Latin or Cyrillic) from a capital to a capital, digits, "&" or "-" inside ("CBR", "MoD"). */
const DEFINITION = /^\s?[(（]\s*(\p{Lu}[\p{Lu}\p{Ll}\p{Nd}&-]{0,8}\p{Lu})\s*[)）]/u;
const WORD = /[\p{L}\p{Nd}]+(?:['’]s\b)?/gu;
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
  const words = name.match(WORD) ?? [];
  const initials = words.map((w) => w[0]!.toLowerCase());
  if (letters.length < 2 || initials.length < letters.length) return false;
  for (let first = 0; first < Math.min(2, initials.length); first++) {
    if (initials[first] !== letters[0]) continue;
    // Past the first word, the letters must spell a name, not a common noun in small letters: "Yamal
    // liquefied natural gas (LNG)" defines no abbreviation for the project.
    if (first > 0 && !words.slice(first).some((w) => /^\p{Lu}/u.test(w))) continue;
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
      if (
        (at > 0 && isLetterOrDigit(text.charCodeAt(at - 1))) ||
        (end < text.length && isLetterOrDigit(text.charCodeAt(end)))
      )
        continue;
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
  const spans = mentions.filter((m) => !m.nested).sort((a, b) => a.start - b.start);
  const out: Candidate[] = [];
  // Words come in order: the mentions that start before one's end only grow, and it lies outside
  // all of them unless the furthest end among them reaches past its start.
  let next = 0;
  let reach = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (!isUpper(text.charCodeAt(i)) || (i > 0 && isLetterOrDigit(text.charCodeAt(i - 1)))) continue;
    const end = capitalsEnd(text, i);
    if (end < 0) continue;
    const word = text.slice(i, end);
    while (next < spans.length && spans[next]!.start < end) reach = Math.max(reach, spans[next++]!.end);
    if (!page.abbreviations?.has(word) && reach <= i) {
      out.push({
        id: '',
        start: i,
        end,
        text: word,
        rule: 'after-full-name',
        context: '',
        contextStart: 0,
        abbreviation: true,
      });
    }
    i = end - 1;
  }
  return out;
}

/**
 * The end of the longest word in capitals that starts at `start` (a capital
 * there): two to ten characters, capitals, digits, "&" or "-" inside, a
 * capital last, no letter or digit right after (and none before, which the
 * caller checks); -1 when there is none. Hand-written: a Unicode-aware
 * regular expression tried at every position of a long text cost more than
 * the whole scan.
 */
function capitalsEnd(text: string, start: number): number {
  let run = start + 1;
  const limit = Math.min(text.length, start + 10);
  while (run < limit && isAbbreviationChar(text.charCodeAt(run))) run++;
  for (let end = run; end >= start + 2; end--) {
    if (isUpper(text.charCodeAt(end - 1)) && !(end < text.length && isLetterOrDigit(text.charCodeAt(end)))) return end;
  }
  return -1;
}

const UPPER = /\p{Lu}/u;
const DIGIT = /\p{Nd}/u;

function isUpper(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return UPPER.test(String.fromCharCode(c));
}

function isLetterOrDigit(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
  return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

function isAbbreviationChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x26 || c === 0x2d;
  return UPPER.test(String.fromCharCode(c)) || DIGIT.test(String.fromCharCode(c));
}
