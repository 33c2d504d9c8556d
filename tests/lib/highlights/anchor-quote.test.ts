/**
 * Anchoring after page edits, over generated highlights on the seed article.
 * Issue #7: with ads/paragraphs inserted, whitespace changed and 10 % of the
 * other words changed, at least 95 % re-anchor exactly; with the quote itself
 * changed by up to 20 %, at least 90 % re-anchor on the passage.
 */
import { describe, expect, test } from 'vitest';
import { anchorQuote } from '../../../lib/highlights/anchor-quote';
import { describeRange } from '../../../lib/highlights/describe-range';
import { foldWhitespace } from '../../../lib/highlights/whitespace';
import {
  changeWords,
  expectedRange,
  generateCases,
  insertAds,
  join,
  reflowWhitespace,
  rng,
  seedText,
  tokenize,
  type Case,
  type Token,
} from './helpers';

const CASES = 150;
const original = tokenize(seedText());
const cases = generateCases(original, CASES, rng(7));

type Edit = (tokens: Token[], c: Case, random: () => number) => Token[];

/** Share of cases whose anchor lands on the expected passage; `minOverlap` 1 means exactly. */
function rate(edit: Edit, minOverlap: number, seed: number): { rate: number; failures: string[] } {
  const random = rng(seed);
  let ok = 0;
  const failures: string[] = [];
  for (const c of cases) {
    const tokens = edit(original, c, random);
    const text = join(tokens);
    const want = expectedRange(tokens, c);
    const got = anchorQuote(text, c.anchor);
    let good = false;
    if (got) {
      const overlap = Math.max(0, Math.min(got.end, want.end) - Math.max(got.start, want.start));
      const union = Math.max(got.end, want.end) - Math.min(got.start, want.start);
      good = minOverlap >= 1 ? got.start === want.start && got.end === want.end : overlap / union >= minOverlap;
    }
    if (good) ok++;
    else if (failures.length < 5)
      failures.push(
        `${JSON.stringify(c.anchor.quote.exact.slice(0, 60))} → ${got ? text.slice(got.start, got.end).slice(0, 60) : 'null'}`,
      );
  }
  return { rate: ok / cases.length, failures };
}

const ads: Edit = (t, c, r) => insertAds(t, c, 4, r);
const whitespace: Edit = (t, _c, r) => reflowWhitespace(t, r);
const otherWords: Edit = (t, c, r) => changeWords(t, c, 0.1, false, r);
const all: Edit = (t, c, r) => changeWords(reflowWhitespace(insertAds(t, c, 4, r), r), c, 0.1, false, r);
const quote20: Edit = (t, c, r) => changeWords(insertAds(t, c, 3, r), c, 0.2, true, r);
const quote20All: Edit = (t, c, r) => changeWords(all(t, c, r), c, 0.2, true, r);

describe('anchoring after page edits', () => {
  test('the generated cases are many and varied', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(cases.map((c) => c.anchor.quote.exact)).size).toBeGreaterThan(140);
    for (const c of cases) {
      // At least 32 characters of context each side, unless the text ends first.
      const { start, end } = c.anchor.position;
      expect(c.anchor.quote.prefix.length).toBeGreaterThanOrEqual(Math.min(32, start));
      expect(c.anchor.quote.suffix.length).toBeGreaterThanOrEqual(Math.min(32, join(original).length - end));
    }
  });

  test('unchanged page: every highlight anchors at its position', () => {
    const text = join(original);
    for (const c of cases) {
      expect(anchorQuote(text, c.anchor)).toMatchObject({
        start: c.anchor.position.start,
        end: c.anchor.position.end,
        method: 'position',
      });
    }
  });

  test.each([
    { name: 'ads and paragraphs inserted', edit: ads },
    { name: 'whitespace changed', edit: whitespace },
    { name: '10 % of the other words changed', edit: otherWords },
    { name: 'all three together', edit: all },
  ])('$name: at least 95 % re-anchor exactly', ({ name, edit }) => {
    const r = rate(edit, 1, name.length * 31);
    console.log(`[anchoring] ${name}: ${(r.rate * 100).toFixed(1)} % of ${cases.length}`, r.failures);
    expect(r.rate).toBeGreaterThanOrEqual(0.95);
  });

  test.each([
    { name: 'quote changed by up to 20 % (ads inserted)', edit: quote20 },
    { name: 'quote changed by up to 20 % (all page edits too)', edit: quote20All },
  ])('$name: at least 90 % re-anchor on the passage', ({ name, edit }) => {
    const r = rate(edit, 0.8, name.length * 17);
    console.log(`[anchoring] ${name}: ${(r.rate * 100).toFixed(1)} % of ${cases.length}`, r.failures);
    expect(r.rate).toBeGreaterThanOrEqual(0.9);
  });

  test('a passage removed from the page is not placed somewhere else', () => {
    let misplaced = 0;
    const examples: string[] = [];
    for (const c of cases) {
      // Drop the quote and a generous margin of context on both sides.
      const text = join(original.filter((t) => t.orig < c.first - 40 || t.orig > c.last + 40));
      const got = anchorQuote(text, c.anchor);
      if (got) {
        misplaced++;
        examples.push(`${JSON.stringify(c.anchor.quote.exact)} → ${JSON.stringify(text.slice(got.start, got.end))}`);
      }
    }
    console.log(`[anchoring] removed passages placed anyway: ${misplaced} of ${cases.length}`, examples);
    expect(misplaced / cases.length).toBeLessThanOrEqual(0.02);
  });
});

describe('anchorQuote details', () => {
  const page = 'Intro text here. The pipeline deal was signed in May. Filler words follow. Outro text.';
  const twice =
    'Intro text here. The pipeline deal was signed in May. Filler words follow. The pipeline deal was signed in May. Outro text.';

  test('a repeated quote goes to the occurrence whose context matches', () => {
    const second = twice.lastIndexOf('The pipeline');
    const anchor = describeRange(twice, second, second + 'The pipeline deal was signed in May.'.length)!;
    const moved = `Breaking news banner. ${twice}`;
    const got = anchorQuote(moved, anchor)!;
    expect(got.method).toBe('exact');
    expect(got.start).toBe(moved.lastIndexOf('The pipeline'));
  });

  test('whitespace inside the quote may change', () => {
    const anchor = describeRange(page, 17, 53)!;
    const reflowed = page.replace('pipeline deal', 'pipeline\n      deal');
    const got = anchorQuote(reflowed, anchor)!;
    expect(reflowed.slice(got.start, got.end)).toBe('The pipeline\n      deal was signed in May.');
  });

  test('a quote with one word changed is found approximately', () => {
    const anchor = describeRange(page, 17, 53)!;
    const edited = page.replace(
      'The pipeline deal was signed in May. Filler',
      'The pipeline agreement was signed in May. Filler',
    );
    const got = anchorQuote(edited, anchor)!;
    expect(got.method).toBe('fuzzy');
    expect(edited.slice(got.start, got.end)).toBe('The pipeline agreement was signed in May.');
  });

  test('text that has nothing of the quote gives null', () => {
    const anchor = describeRange(page, 17, 53)!;
    expect(
      anchorQuote('Completely unrelated words about the weather in Lisbon and the price of bread.', anchor),
    ).toBeNull();
  });

  test('a pre-folded text gives the same answer', () => {
    const anchor = describeRange(page, 17, 53)!;
    const edited = `Ad. ${page}`;
    expect(anchorQuote(edited, anchor, foldWhitespace(edited))).toEqual(anchorQuote(edited, anchor));
  });
});
