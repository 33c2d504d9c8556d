/**
 * A compact trie over folded code units, flattened into typed arrays.
 *
 * The root's transitions are a direct 64 K table (one array read per word
 * start); the other nodes keep their children as sorted key/target runs,
 * searched linearly when short and by bisection when long. A walk costs the
 * length of the longest alias prefix present in the text, whatever the number
 * of aliases. Pure module.
 */

export interface Trie {
  /** Root transitions: folded code unit → node (0 = none; the root itself is node 0). */
  rootNext: Int32Array;
  /** Children of node n are keys/targets[childStart[n] .. childStart[n + 1]). */
  childStart: Int32Array;
  keys: Uint16Array;
  targets: Int32Array;
  /** Patterns ending at node n are terms[termStart[n] .. termStart[n + 1]). */
  termStart: Int32Array;
  terms: Int32Array;
  nodeCount: number;
  /**
   * Prefix filters on the first 2, 3 and 4 folded code units of every pattern,
   * hashed: bit PREFIX = some pattern starts so, bit WHOLE = some pattern is
   * exactly that. Most word starts are ruled out without walking the trie.
   */
  prefix2: Uint8Array;
  prefix3: Uint8Array;
  prefix4: Uint8Array;
  /** First code units of one-unit patterns (they pass the filters whatever follows). */
  singles: Uint8Array;
  /** Size of the prefix filters minus one (a power of two minus one). */
  mask: number;
}

/** Rolling hash of folded code units for the prefix filters: `h` is the hash so far (start with 0). */
export function prefixHash(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193) ^ (c << 7);
}

/** Filter bit: some pattern starts with this prefix. */
export const PREFIX = 1;
/** Filter bit: some pattern is exactly this prefix. */
export const WHOLE = 2;

/** Filter slots per pattern: keeps the filters sparse (few false passes) for any number of aliases. */
const FILTER_SLOTS_PER_PATTERN = 16;

/**
 * Builds a trie of `patterns` (already folded); terms keep the patterns' order.
 * Built from the sorted patterns straight into typed arrays (no per-node
 * objects), so that building costs little time and garbage when a page loads.
 */
export function buildTrie(patterns: readonly string[]): Trie {
  const order: number[] = [];
  let chars = 0;
  let maxLen = 0;
  patterns.forEach((p, i) => {
    if (p.length === 0) return;
    order.push(i);
    chars += p.length;
    maxLen = Math.max(maxLen, p.length);
  });
  order.sort((a, b) => {
    const pa = patterns[a]!;
    const pb = patterns[b]!;
    return pa < pb ? -1 : pa > pb ? 1 : a - b;
  });

  // Nodes in creation order: each sorted pattern adds the nodes past its common prefix with the previous one.
  const parent = new Int32Array(chars + 1);
  const key = new Uint16Array(chars + 1);
  const path = new Int32Array(maxLen + 1);
  const nodeOf = new Int32Array(patterns.length).fill(-1);
  let nodeCount = 1;
  let prev = '';
  for (const i of order) {
    const p = patterns[i]!;
    const m = Math.min(p.length, prev.length);
    let l = 0;
    while (l < m && p.charCodeAt(l) === prev.charCodeAt(l)) l++;
    for (let k = l; k < p.length; k++) {
      const node = nodeCount++;
      parent[node] = path[k]!;
      key[node] = p.charCodeAt(k);
      path[k + 1] = node;
    }
    nodeOf[i] = path[p.length]!;
    prev = p;
  }

  // Children runs: creation order already sorts each parent's children by key.
  const rootNext = new Int32Array(65536);
  const childStart = new Int32Array(nodeCount + 1);
  for (let n = 1; n < nodeCount; n++) {
    if (parent[n] === 0) rootNext[key[n]!] = n;
    else childStart[parent[n]! + 1]!++;
  }
  for (let n = 0; n < nodeCount; n++) childStart[n + 1] = childStart[n + 1]! + childStart[n]!;
  const edgeCount = childStart[nodeCount]!;
  const keys = new Uint16Array(edgeCount);
  const targets = new Int32Array(edgeCount);
  const fill = childStart.slice(0, nodeCount);
  for (let n = 1; n < nodeCount; n++) {
    const p = parent[n]!;
    if (p === 0) continue;
    const at = fill[p]!++;
    keys[at] = key[n]!;
    targets[at] = n;
  }

  // Terms per node, in pattern order.
  const termStart = new Int32Array(nodeCount + 1);
  for (let i = 0; i < patterns.length; i++) if (nodeOf[i]! >= 0) termStart[nodeOf[i]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) termStart[n + 1] = termStart[n + 1]! + termStart[n]!;
  const terms = new Int32Array(termStart[nodeCount]!);
  const termFill = termStart.slice(0, nodeCount);
  for (let i = 0; i < patterns.length; i++) {
    const node = nodeOf[i]!;
    if (node >= 0) terms[termFill[node]!++] = i;
  }

  let size = 65536;
  while (size < patterns.length * FILTER_SLOTS_PER_PATTERN && size < 1 << 22) size *= 2;
  const mask = size - 1;
  const levels = [new Uint8Array(size), new Uint8Array(size), new Uint8Array(size)];
  const singles = new Uint8Array(65536);
  for (const p of patterns) {
    if (p.length === 0) continue;
    if (p.length === 1) singles[p.charCodeAt(0)] = 1;
    let h = prefixHash(0, p.charCodeAt(0));
    for (let k = 1; k < Math.min(p.length, 4); k++) {
      h = prefixHash(h, p.charCodeAt(k));
      const level = levels[k - 1]!;
      level[h & mask] = level[h & mask]! | PREFIX | (k === p.length - 1 ? WHOLE : 0);
    }
  }
  const [prefix2, prefix3, prefix4] = levels as [Uint8Array, Uint8Array, Uint8Array];

  return {
    rootNext,
    childStart,
    keys,
    targets,
    termStart,
    terms,
    nodeCount,
    prefix2,
    prefix3,
    prefix4,
    singles,
    mask,
  };
}

/** The child of `node` (not the root) for folded code unit `c`, or 0. */
export function childOf(trie: Trie, node: number, c: number): number {
  let lo = trie.childStart[node]!;
  let hi = trie.childStart[node + 1]!;
  const keys = trie.keys;
  if (hi - lo <= 8) {
    for (; lo < hi; lo++) {
      const k = keys[lo]!;
      if (k === c) return trie.targets[lo]!;
      if (k > c) return 0;
    }
    return 0;
  }
  hi--;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k === c) return trie.targets[mid]!;
    if (k < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
