import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { editDistance, findApprox } from '../../../lib/highlights/approx-match';

describe('findApprox', () => {
  test('finds an exact occurrence with zero errors', () => {
    const [m] = findApprox('the quick brown fox jumps', 'brown fox', 2);
    expect(m).toEqual({ start: 10, end: 19, errors: 0 });
  });

  test('finds a match with a substitution, an insertion and a deletion', () => {
    const text = 'xxxx the Power of Sibera-1 pipeline xxxx';
    const [m] = findApprox(text, 'Power of Siberia 1 pipeline', 4);
    expect(m).toBeDefined();
    expect(text.slice(m!.start, m!.end)).toBe('Power of Sibera-1 pipeline');
    expect(m!.errors).toBe(2);
  });

  test('returns nothing when every occurrence needs more than k edits', () => {
    expect(findApprox('completely different text', 'Power of Siberia', 3)).toEqual([]);
  });

  test('errors never exceed the edit distance of the reported substring (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 0, maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 8 }),
        (text, pattern) => {
          const k = Math.floor(pattern.length / 2);
          for (const m of findApprox(text, pattern, k)) {
            expect(m.errors).toBeLessThanOrEqual(k);
            expect(editDistance(pattern, text.slice(m.start, m.end))).toBeLessThanOrEqual(k);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('an exact occurrence is always found (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.string({ minLength: 1, maxLength: 10 }),
        fc.string({ maxLength: 30 }),
        (a, p, b) => {
          const found = findApprox(a + p + b, p, 0);
          expect(found.some((m) => m.errors === 0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
