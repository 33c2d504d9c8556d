/**
 * Generated test highlights over the seed article (read at run time, never
 * copied into the project) and the page edits the anchoring tests apply.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeRange } from '../../../lib/highlights/describe-range';
import type { Anchor } from '../../../lib/highlights/model';
import { mulberry32 } from '../../support/random';

/** Deterministic generator, so every run generates the same cases. */
export const rng = mulberry32;

export const SEED_ARTICLE = resolve(import.meta.dirname, '../../../../shared/dossier/seed-article.txt');

export function seedText(): string {
  return readFileSync(SEED_ARTICLE, 'utf8');
}

export interface Token {
  text: string;
  word: boolean;
  /** Index in the original token list; -1 for inserted tokens. */
  orig: number;
}

export function tokenize(text: string): Token[] {
  return (text.match(/\s+|\S+/g) ?? []).map((t, i) => ({ text: t, word: !/^\s/.test(t), orig: i }));
}

export function join(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text).join('');
}

export interface Case {
  /** Token index range [first, last] of the quote (both words). */
  first: number;
  last: number;
  anchor: Anchor;
}

/** `count` highlights of 3–30 words at random places in the text. */
export function generateCases(tokens: readonly Token[], count: number, random: () => number): Case[] {
  const words = tokens.map((t, i) => (t.word ? i : -1)).filter((i) => i >= 0);
  const text = join(tokens);
  const offsets: number[] = [];
  let o = 0;
  for (const t of tokens) {
    offsets.push(o);
    o += t.text.length;
  }
  const cases: Case[] = [];
  while (cases.length < count) {
    const startWord = Math.floor(random() * (words.length - 40));
    const len = 3 + Math.floor(random() * 28);
    const first = words[startWord]!;
    const last = words[startWord + len - 1]!;
    const anchor = describeRange(text, offsets[first]!, offsets[last]! + tokens[last]!.text.length);
    if (anchor) cases.push({ first, last, anchor });
  }
  return cases;
}

/** Where the quote's tokens are in an edited token list: [start, end) in its text. */
export function expectedRange(tokens: readonly Token[], c: Case): { start: number; end: number } {
  let o = 0;
  let start = -1;
  let end = -1;
  for (const t of tokens) {
    if (t.word && t.orig >= c.first && t.orig <= c.last) {
      if (start < 0) start = o;
      end = o + t.text.length;
    }
    o += t.text.length;
  }
  return { start, end };
}

const AD_LINES = [
  'Advertisement',
  'Subscribe now and get three months of unlimited access for one dollar.',
  'Read more: the ten best cities for a weekend break this autumn.',
  'Sponsored content from our partners',
  'Sign up for our daily newsletter to receive the top stories in your inbox.',
  'Photo: Getty Images / Staff photographer',
];

function adTokens(random: () => number): Token[] {
  const n = 1 + Math.floor(random() * 3);
  const out: Token[] = [{ text: '\n\n', word: false, orig: -1 }];
  for (let i = 0; i < n; i++) {
    const line = AD_LINES[Math.floor(random() * AD_LINES.length)]!;
    for (const t of tokenize(line)) out.push({ ...t, orig: -1 });
    out.push({ text: '\n\n', word: false, orig: -1 });
  }
  return out;
}

/** Inserts `count` ad blocks / paragraphs at word boundaries outside the quote, most before it. */
export function insertAds(tokens: Token[], c: Case, count: number, random: () => number): Token[] {
  let out = tokens.slice();
  for (let i = 0; i < count; i++) {
    const firstIdx = out.findIndex((t) => t.orig === c.first);
    const before = random() < 0.7;
    let at = before
      ? Math.floor(random() * firstIdx)
      : firstIdx + 1 + Math.floor(random() * (out.length - firstIdx - 1));
    while (at < out.length && out[at]!.orig >= c.first && out[at]!.orig <= c.last) at++;
    while (at > 0 && at < out.length && out[at]!.word && out[at - 1]!.word) at++;
    out = [...out.slice(0, at), ...adTokens(random), ...out.slice(at)];
  }
  return out;
}

const SPACES = [' ', '  ', '\n', '\n    ', '\t', ' \n ', '\u00a0'];

/** Replaces every whitespace run (inside the quote too) with a random one. */
export function reflowWhitespace(tokens: Token[], random: () => number): Token[] {
  return tokens.map((t) => (t.word ? t : { ...t, text: SPACES[Math.floor(random() * SPACES.length)]! }));
}

function otherWord(tokens: readonly Token[], random: () => number, not: string): string {
  for (;;) {
    const t = tokens[Math.floor(random() * tokens.length)]!;
    if (t.word && t.text !== not) return t.text;
  }
}

/** Replaces `share` of the words (inside or outside the quote) with other words of the text. */
export function changeWords(tokens: Token[], c: Case, share: number, inside: boolean, random: () => number): Token[] {
  const pool = tokens
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.word && (t.orig >= c.first && t.orig <= c.last) === inside);
  const n = inside ? Math.max(1, Math.floor(pool.length * share)) : Math.round(pool.length * share);
  const out = tokens.slice();
  const chosen = new Set<number>();
  while (chosen.size < Math.min(n, pool.length)) chosen.add(Math.floor(random() * pool.length));
  for (const k of chosen) {
    const { t, i } = pool[k]!;
    out[i] = { ...t, text: otherWord(tokens, random, t.text) };
  }
  return out;
}
