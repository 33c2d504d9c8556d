/**
 * Paraphrases: events, agreements and figures named by description rather
 * than by title ("trade between Russia and China", "the border clashes of
 * 1969"). Each pattern is a sequence of token elements in a small subset of
 * compromise's match syntax:
 *   word           a literal word (case-insensitive; dashes and apostrophes folded)
 *   (a|b|c)        one of several words
 *   x?             the element is optional
 *   #Year #Month #Day   a year 1000–2099, a month name, a day number 1–31
 * A pattern in Han script is one phrase (no spaces), a literal or a choice of
 * literals; in it "…" stands for up to HAN_GAP Han characters, so that one
 * pattern reads a description however it runs on ("西方对俄…制裁": 西方对俄罗斯
 * 实施了制裁, 西方对俄实施大规模金融制裁). Its trigger is the part before "…".
 * The first element must be a literal (or a choice of literals): these
 * trigger words go into the matcher's trie, so a pattern is only tried where
 * its first word occurs. Possessive 's is its own token ("xi 's visit"), and so
 * is a plural's lone apostrophe ("leaders' summit" reads "leaders 's summit").
 * The patterns themselves are data (assets/detection/rules.json). Pure module.
 */
import { CLASS_APOS, CLASS_IGNORE, CLASS_SPACE, CLASS_WORD, charClass, foldChar, foldString } from './normalize';
import type { Dated, ParaphraseSpec } from './rules';

const HAN = /\p{Script=Han}/u;

export { PARAPHRASES, type Dated, type ParaphraseSpec } from './rules';

const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/** One compiled element: the words it accepts (or a class), and whether it may be skipped. */
interface Element {
  words: ReadonlySet<string> | null;
  cls: 'year' | 'month' | 'day' | null;
  optional: boolean;
}

export interface CompiledParaphrase {
  id: string;
  elements: Element[];
  /** When the phrase names its entity; absent: in any time. */
  dated?: Dated;
  /** The pattern is one phrase in Han script (see `hanEnd`). */
  han?: true;
}

/** Folds a pattern word the way the token reader folds text. */
function foldToken(t: string): string {
  return foldString(t);
}

export function compileParaphrase(spec: ParaphraseSpec): CompiledParaphrase {
  const elements = spec.pattern
    .split(' ')
    .filter(Boolean)
    .map((raw): Element => {
      const optional = raw.endsWith('?');
      const body = optional ? raw.slice(0, -1) : raw;
      if (body === '#Year') return { words: null, cls: 'year', optional };
      if (body === '#Month') return { words: null, cls: 'month', optional };
      if (body === '#Day') return { words: null, cls: 'day', optional };
      const grouped = body.startsWith('(') && body.endsWith(')');
      // Elements are split at spaces: a group's words are single words, "(sco|shanghai cooperation)" is two elements.
      if ((grouped ? body.slice(1, -1) : body).match(/[()]/)) {
        throw new Error(`paraphrase "${spec.pattern}": "${raw}" is not a word or a group of single words`);
      }
      const words = grouped ? body.slice(1, -1).split('|') : [body];
      return { words: new Set(words.map(foldToken)), cls: null, optional };
    });
  const first = elements[0];
  if (!first || !first.words || first.optional) {
    throw new Error(`paraphrase "${spec.pattern}": the first element must be a required literal`);
  }
  const compiled: CompiledParaphrase = { id: spec.id, elements };
  if (HAN.test(spec.pattern)) {
    if (elements.length > 1)
      throw new Error(`paraphrase "${spec.pattern}": a Han pattern is one phrase, without spaces`);
    compiled.han = true;
  }
  if (spec.dated) compiled.dated = spec.dated;
  return compiled;
}

/**
 * Folded code units that may start the token after the trigger, over all of
 * `list`; null when anything may follow. Lets the matcher skip most trigger
 * words ("Russia" is a trigger, "Russia said" is not a paraphrase) cheaply.
 */
export function nextStarts(list: readonly CompiledParaphrase[]): Set<number> | null {
  const out = new Set<number>();
  for (const p of list) {
    // A phrase that may end at its trigger (a Han phrase, "(beijing|peking) olympics?") has no next token to check.
    if (p.elements.slice(1).every((el) => el.optional)) return null;
    for (let e = 1; e < p.elements.length; e++) {
      const el = p.elements[e]!;
      if (el.words) for (const w of el.words) out.add(w.charCodeAt(0));
      else if (el.cls === 'month') return null;
      else for (let d = 0x30; d <= 0x39; d++) out.add(d);
      if (!el.optional) break;
    }
  }
  return out;
}

/**
 * The trigger words of a pattern, read from its text without compiling it (the
 * same words as `triggersOf(compileParaphrase(spec))`, not yet folded).
 */
export function triggerWords(spec: ParaphraseSpec): string[] {
  const first = spec.pattern.split(' ').find(Boolean) ?? '';
  return (first.startsWith('(') ? first.slice(1, -1).split('|') : [first]).map(beforeGap);
}

/** The trigger words of a compiled pattern (its first element). */
export function triggersOf(p: CompiledParaphrase): string[] {
  return [...(p.elements[0]!.words ?? [])].map(beforeGap);
}

/** In a Han phrase, "…" stands for up to this many Han characters. */
const HAN_GAP = 8;
const GAP = '…';

/** A Han phrase's part before its gap: what the matcher's trie finds. */
function beforeGap(word: string): string {
  const at = word.indexOf(GAP);
  return at < 0 ? word : word.slice(0, at);
}

/** Longest stretch of text a paraphrase may span. */
const MAX_PARAPHRASE_CHARS = 120;

/**
 * Reads tokens lazily from `start`: words (letters, digits, inner dashes),
 * possessive 's as its own token; white space, commas and invisible characters
 * are skipped; any other character ends the stretch. Tokens are folded like
 * aliases (lower case, dashes and apostrophes unified).
 */
class Tokens {
  readonly texts: string[] = [];
  readonly ends: number[] = [];
  private pos: number;
  private done = false;
  private readonly limit: number;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.pos = start;
    this.limit = Math.min(text.length, start + MAX_PARAPHRASE_CHARS);
  }

  /** Token `i`, reading more text if needed; undefined past the end of the stretch. */
  get(i: number): string | undefined {
    while (this.texts.length <= i && !this.done) this.read();
    return this.texts[i];
  }

  private read(): void {
    const { text, limit } = this;
    let p = this.pos;
    for (; p < limit; p++) {
      const c = text.charCodeAt(p);
      const cls = charClass(c);
      if (c === 0x28 || c === 0xff08) {
        const close = abbreviationEnd(text, p, limit);
        if (close < 0) break;
        p = close - 1;
      } else if (cls !== CLASS_SPACE && cls !== CLASS_IGNORE && c !== 0x2c) break;
    }
    if (p >= limit) {
      this.done = true;
      return;
    }
    const cls = charClass(text.charCodeAt(p));
    if (cls === CLASS_APOS) {
      const s = text.charCodeAt(p + 1);
      if ((s === 0x73 || s === 0x53) && (p + 2 >= text.length || charClass(text.charCodeAt(p + 2)) !== CLASS_WORD)) {
        this.push("'s", p + 2);
        return;
      }
      // A plural's possessive ("the leaders' summit") reads as the singular's.
      const before = p > 0 ? text.charCodeAt(p - 1) : 0;
      if ((before === 0x73 || before === 0x53) && (p + 1 >= text.length || charClass(s) !== CLASS_WORD)) {
        this.push("'s", p + 1);
        return;
      }
      this.done = true;
      return;
    }
    if (cls !== CLASS_WORD) {
      this.done = true;
      return;
    }
    let token = '';
    while (p < limit) {
      const c = text.charCodeAt(p);
      const k = charClass(c);
      if (k === CLASS_WORD) token += String.fromCharCode(foldChar(c));
      else if (k === CLASS_IGNORE) {
        /* soft hyphen inside a word */
      } else if (foldChar(c) === 0x2d && p + 1 < limit && charClass(text.charCodeAt(p + 1)) === CLASS_WORD)
        token += '-';
      else break;
      p++;
    }
    this.push(token, p);
  }

  private push(token: string, end: number): void {
    this.texts.push(token);
    this.ends.push(end);
    this.pos = end;
  }
}

/**
 * The end of an abbreviation in brackets at `open` ("(SCO)", "(ШОС)"), or -1.
 * A phrase reads on over it: "the Shanghai Cooperation Organisation (SCO)
 * summit" is the summit, as it is without the brackets.
 */
function abbreviationEnd(text: string, open: number, limit: number): number {
  const closing = text.charCodeAt(open) === 0x28 ? 0x29 : 0xff09;
  const last = Math.min(limit, open + 12);
  for (let p = open + 1; p < last; p++) {
    const c = text.charCodeAt(p);
    if (c === closing) return p - open >= 3 ? p + 1 : -1;
    // Capitals and digits only: "(in Tianjin)" or "(2025)" are not names.
    const ch = text[p]!;
    if (!(ch !== ch.toLowerCase() || (c >= 0x30 && c <= 0x39 && p > open + 1))) return -1;
  }
  return -1;
}

function accepts(el: Element, token: string): boolean {
  if (el.words) return el.words.has(token);
  if (el.cls === 'year') return /^(1\d{3}|20\d{2})$/.test(token);
  if (el.cls === 'month') return MONTHS.has(token);
  if (el.cls === 'day') return /^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$/.test(token);
  return false;
}

/** Longest match of `elements[e..]` against tokens from `t`: index after the last token used, or -1. */
function matchFrom(elements: Element[], e: number, tokens: Tokens, t: number): number {
  if (e === elements.length) return t;
  const el = elements[e]!;
  let best = -1;
  const tok = tokens.get(t);
  if (tok !== undefined && accepts(el, tok)) best = matchFrom(elements, e + 1, tokens, t + 1);
  if (el.optional) best = Math.max(best, matchFrom(elements, e + 1, tokens, t));
  return best;
}

/** The end offset of the longest match of `p` starting at `start`, or -1. */
export function matchParaphrase(p: CompiledParaphrase, text: string, start: number): number {
  return matchParaphrases([p], text, start)?.end ?? -1;
}

/** The longest match among `list` (patterns sharing a trigger) starting at `start`, or null. */
export function matchParaphrases(
  list: readonly CompiledParaphrase[],
  text: string,
  start: number,
): { id: string; end: number; pattern: CompiledParaphrase } | null {
  const tokens = new Tokens(text, start);
  let best: { id: string; end: number; pattern: CompiledParaphrase } | null = null;
  for (const p of list) {
    const end = p.han ? hanEnd(p, text, start) : endOf(matchFrom(p.elements, 0, tokens, 0), tokens);
    if (end < 0) continue;
    if (!best || end > best.end) best = { id: p.id, end, pattern: p };
  }
  return best;
}

function endOf(used: number, tokens: Tokens): number {
  return used <= 0 ? -1 : tokens.ends[used - 1]!;
}

/**
 * Chinese runs on without spaces, so a pattern in Han script is one phrase
 * matched where it stands, like a Chinese name ("上海合作组织峰会在天津举行").
 */
function hanEnd(p: CompiledParaphrase, text: string, start: number): number {
  let end = -1;
  for (const w of p.elements[0]!.words!) {
    const gap = w.indexOf(GAP);
    if (gap >= 0) end = Math.max(end, gapEnd(text, start, w.slice(0, gap), w.slice(gap + 1)));
    else if (w.length > end - start && foldString(text.slice(start, start + w.length)) === w) end = start + w.length;
  }
  return end;
}

/** The end of `head`, up to HAN_GAP Han characters, then `tail` from `start`; -1 when the text does not run so. */
function gapEnd(text: string, start: number, head: string, tail: string): number {
  if (foldString(text.slice(start, start + head.length)) !== head) return -1;
  const from = start + head.length;
  for (let k = from; k <= from + HAN_GAP && k + tail.length <= text.length; k++) {
    if (foldString(text.slice(k, k + tail.length)) === tail) return k + tail.length;
    if (!HAN.test(text.charAt(k))) return -1;
  }
  return -1;
}
