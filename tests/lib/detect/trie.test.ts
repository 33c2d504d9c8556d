import { describe, expect, it } from 'vitest';
import { PREFIX, WHOLE, buildTrie, childOf, prefixFilter, prefixHash, rootOf } from '../../../lib/detect/trie';

/** The filter's bits for the first `length` code units of `s`, shifted down to PREFIX/WHOLE. */
function bitsOf(filter: ReturnType<typeof prefixFilter>, s: string, length: number): number {
  let h = 0;
  for (let k = 0; k < length; k++) h = prefixHash(h, s.charCodeAt(k));
  return (filter.prefix[h & filter.mask]! >>> (2 * (length - 1))) & 3;
}

describe('prefixFilter', () => {
  const filter = prefixFilter(['x', 'ab', 'abcdef', 'путин']);

  it('marks every prefix of one to four code units, and the patterns that end there', () => {
    expect(bitsOf(filter, 'x', 1)).toBe(PREFIX | WHOLE);
    expect(bitsOf(filter, 'a', 1)).toBe(PREFIX);
    expect(bitsOf(filter, 'ab', 2)).toBe(PREFIX | WHOLE);
    expect(bitsOf(filter, 'abc', 3)).toBe(PREFIX);
    expect(bitsOf(filter, 'abcd', 4)).toBe(PREFIX);
    expect(bitsOf(filter, 'пути', 4)).toBe(PREFIX);
  });

  it('rules out starts that no pattern has (the test strings do not collide in a filter this sparse)', () => {
    expect(bitsOf(filter, 'q', 1) & PREFIX).toBe(0);
    expect(bitsOf(filter, 'ac', 2) & PREFIX).toBe(0);
    expect(bitsOf(filter, 'abd', 3) & PREFIX).toBe(0);
    expect(bitsOf(filter, 'пута', 4) & PREFIX).toBe(0);
  });

  it('grows with the number of patterns', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `w${i}`);
    expect(prefixFilter(many).mask + 1).toBeGreaterThanOrEqual(1000 * 16);
    expect(prefixFilter(['a']).mask + 1).toBe(256);
  });
});

describe('buildTrie', () => {
  it('gives the root child of a first code unit, direct or hashed, and 0 for none', () => {
    const patterns = ['ab', 'ac', '习近平', 'b'];
    const trie = buildTrie(patterns);
    const a = rootOf(trie, 'a'.charCodeAt(0));
    expect(a).toBeGreaterThan(0);
    expect(childOf(trie, a, 'b'.charCodeAt(0))).toBeGreaterThan(0);
    expect(childOf(trie, a, 'd'.charCodeAt(0))).toBe(0);
    expect(rootOf(trie, '习'.charCodeAt(0))).toBeGreaterThan(0);
    expect(rootOf(trie, '平'.charCodeAt(0))).toBe(0);
    expect(rootOf(trie, 'z'.charCodeAt(0))).toBe(0);
    // 'b' is a whole pattern: its node holds term 3.
    const b = rootOf(trie, 'b'.charCodeAt(0));
    expect([...trie.terms.subarray(trie.termStart[b]!, trie.termStart[b + 1]!)]).toEqual([3]);
  });

  it('with no direct table, hashes every root child', () => {
    const trie = buildTrie(['ab', 'ad'], 0);
    expect(trie.root.length).toBe(0);
    const a = rootOf(trie, 'a'.charCodeAt(0));
    expect(a).toBeGreaterThan(0);
    expect(childOf(trie, a, 'd'.charCodeAt(0))).toBeGreaterThan(0);
  });
});
