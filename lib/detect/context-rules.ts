/**
 * Phrase matching for the cheap context rules: the rules themselves are data
 * (assets/detection/rules.json, read by rules.ts); this module re-exports them
 * for the engine and holds the word-boundary phrase set they are matched with.
 * Everything is lower-case words or phrases matched on word boundaries.
 * Pure module.
 */
import { CLASS_IGNORE, CLASS_WORD, charClass, classTable, foldChar, foldString, foldTable } from './normalize';

export {
  DOMAIN_WORDS,
  ENTITY_CONTEXT,
  HAN_INITIALS,
  NUMERAL_LEADS,
  SMALL_LETTER_NAMES,
  LONGER_NAMES,
  OTHER_NAMES,
  PART_OF,
  SPORTS_WORDS,
  TEAM_TYPES,
  TITLE_WORDS,
  type EntityContext,
} from './rules';

/**
 * Splits text into folded words: runs of letters and digits, with inner
 * dashes kept ("semi-final"); everything else separates words.
 */
export function foldedWords(text: string): string[] {
  const words: string[] = [];
  for (let at = 0; ;) {
    const w = readWord(text, at, true);
    if (!w) return words;
    words.push(w.word!);
    at = w.end;
  }
}

/** The next word at or after `from`: its bounds, and its folded form when `fold` is true. */
function readWord(
  text: string,
  from: number,
  fold: boolean,
): { start: number; end: number; word: string | null } | null {
  const n = text.length;
  let i = from;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    const cls = classTable[c] || charClass(c);
    if (cls === CLASS_WORD) break;
  }
  if (i >= n) return null;
  const start = i;
  let simple = true; // ASCII letters, digits and plain hyphens: slice and lower-case at once
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = classTable[c] || charClass(c);
    if (cls === CLASS_WORD) {
      if (c > 0x7f) simple = false;
    } else if (cls === CLASS_IGNORE) {
      simple = false;
    } else if (foldChar(c) === 0x2d && i + 1 < n && charClass(text.charCodeAt(i + 1)) === CLASS_WORD) {
      if (c !== 0x2d) simple = false;
    } else break;
    i++;
  }
  const end = i;
  if (!fold) return { start, end, word: null };
  if (simple) return { start, end, word: text.slice(start, end).toLowerCase() };
  let word = '';
  for (let k = start; k < end; k++) {
    const f = foldChar(text.charCodeAt(k));
    if (f !== 0) word += String.fromCharCode(f);
  }
  return { start, end, word };
}

/**
 * A set of phrases found case-insensitively on word boundaries. The text is
 * read word by word; only words whose length and first letter could start a
 * phrase are folded and looked up, so most words cost no allocation. Phrases
 * of several words are checked from their first word; phrases in Han script
 * (no word boundaries) by substring, in either script.
 */
const WORD_HASH_SEED = 0x811c9dc5 | 0;
/** FNV-style hash of folded code units, the same for a phrase's word and for the text's. */
function wordHash(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

export class PhraseSet {
  private readonly first = new Map<string, string[][]>();
  /** Han phrases, and each folded (traditional characters to simplified) as the text is before it is searched. */
  private readonly han: string[] = [];
  private readonly hanFolded: string[] = [];
  /** Hashes of the folded first words: a word is only sliced and looked up when its hash is here. */
  private readonly firstHashes = new Set<number>();
  readonly size: number;

  constructor(phrases: readonly string[]) {
    for (const p of new Set(phrases)) {
      if (/\p{Script=Han}/u.test(p)) {
        // A phrase listed in both scripts is one phrase: found once, counted once.
        const folded = foldString(p);
        if (!this.hanFolded.includes(folded)) {
          this.han.push(p);
          this.hanFolded.push(folded);
        }
        continue;
      }
      const words = foldedWords(p);
      const head = words[0];
      if (head === undefined) continue;
      const list = this.first.get(head);
      if (list) list.push(words);
      else this.first.set(head, [words]);
      let h = WORD_HASH_SEED;
      for (let k = 0; k < head.length; k++) h = wordHash(h, head.charCodeAt(k));
      this.firstHashes.add(h);
    }
    this.size = this.first.size + this.han.length;
  }

  /** The distinct phrases found in `text`, at most `limit` of them. */
  found(text: string, limit = Infinity): string[] {
    const out = new Set<string>();
    if (this.han.length > 0) {
      // A sentence in traditional characters is supported by the same words: 蘇聯 by 苏联.
      const folded = foldString(text);
      this.hanFolded.forEach((p, k) => {
        if (out.size < limit && folded.includes(p)) out.add(this.han[k]!);
      });
    }
    if (this.first.size === 0) return [...out];
    const n = text.length;
    let i = 0;
    while (i < n && out.size < limit) {
      // One word per round, read without allocating unless it could start a phrase.
      let c = text.charCodeAt(i);
      if ((classTable[c] || charClass(c)) !== CLASS_WORD) {
        i++;
        continue;
      }
      const start = i;
      let h = WORD_HASH_SEED;
      while (i < n) {
        c = text.charCodeAt(i);
        const cls = classTable[c] || charClass(c);
        if (cls === CLASS_WORD) h = wordHash(h, foldTable[c]!);
        else if (cls === CLASS_IGNORE) {
          // invisible inside a word: not part of it
        } else if (foldChar(c) === 0x2d && i + 1 < n && charClass(text.charCodeAt(i + 1)) === CLASS_WORD) {
          h = wordHash(h, 0x2d);
        } else break;
        i++;
      }
      if (!this.firstHashes.has(h)) continue;
      const word = readWord(text, start, true)!.word!;
      const candidates = this.first.get(word);
      if (!candidates) continue;
      for (const phrase of candidates) {
        let k = 1;
        let pos = i;
        while (k < phrase.length) {
          const next = readWord(text, pos, true);
          if (!next || next.word !== phrase[k]) break;
          pos = next.end;
          k++;
        }
        if (k === phrase.length) out.add(phrase.join(' '));
      }
    }
    return [...out];
  }

  test(text: string): boolean {
    return this.size > 0 && this.found(text, 1).length > 0;
  }
}
