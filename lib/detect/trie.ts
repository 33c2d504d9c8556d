/**
 * A compact trie over folded code units, flattened into typed arrays.
 *
 * The root's transitions are a direct table for the alphabetic scripts (one
 * array read per word start) and a small hash table for the rest (Han and
 * other scripts spread over many code units); the other nodes keep their
 * children as sorted key/target runs,
 * searched linearly when short and by bisection when long. A walk costs the
 * length of the longest alias prefix present in the text, whatever the number
 * of aliases. Pure module.
 */

/** Node, edge and pattern indices: 16 bits when they all fit (the bundled table), else 32. */
export type Index = Uint16Array | Int32Array;

export interface Trie {
  /**
   * Root transitions for folded code units below `root.length` (ROOT_DIRECT,
   * or 0 for a trie whose patterns all start alike), indexed by code unit: (node << 1) | single, where node 0 means none and `single` is set
   * when a one-unit pattern is that code unit (it passes the prefix filter
   * whatever follows). Read any code unit's entry with {@link rootOf}.
   */
  root: Int32Array;
  /** The other root transitions: open addressing, key code unit + 1 (0 = empty slot), same entries. */
  rootKeys: Uint32Array;
  rootValues: Int32Array;
  /** Children of node n are keys/targets[childStart[n] .. childStart[n + 1]). */
  childStart: Index;
  keys: Uint16Array;
  targets: Index;
  /** Patterns ending at node n are terms[termStart[n] .. termStart[n + 1]). */
  termStart: Index;
  terms: Index;
  nodeCount: number;
  /**
   * Prefix filter on the first 2, 3 and 4 folded code units of every pattern,
   * hashed, two bits per length: PREFIX << (2 × (length − 2)) = some pattern
   * starts so, WHOLE << (2 × (length − 2)) = some pattern is exactly that. Most
   * word starts are ruled out without walking the trie.
   */
  prefix: Uint8Array;
  /** Size of the prefix filter minus one (a power of two minus one). */
  mask: number;
}

/** Code units below this have a direct root entry (Latin, Greek, Cyrillic and their marks). */
export const ROOT_DIRECT = 0x500;

/** The root entry for folded code unit `c`: (node << 1) | single, 0 when no pattern starts with it. */
export function rootOf(trie: Trie, c: number): number {
  if (c < trie.root.length) return trie.root[c]!;
  const keys = trie.rootKeys;
  const mask = keys.length - 1;
  for (let slot = Math.imul(c, 0x9e3779b1) >>> 0; ; slot++) {
    const k = keys[slot & mask]!;
    if (k === c + 1) return trie.rootValues[slot & mask]!;
    if (k === 0) return 0;
  }
}

/** The slot of code unit `c` in the root hash table (its own or the empty one where it goes). */
function rootSlot(keys: Uint32Array, c: number): number {
  const mask = keys.length - 1;
  for (let slot = Math.imul(c, 0x9e3779b1) >>> 0; ; slot++) {
    const k = keys[slot & mask]!;
    if (k === c + 1 || k === 0) return slot & mask;
  }
}

/** Rolling hash of folded code units for the prefix filters: `h` is the hash so far (start with 0). */
export function prefixHash(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193) ^ (c << 7);
}

/** Filter bit: some pattern starts with this prefix. */
export const PREFIX = 1;
/** Filter bit: some pattern is exactly this prefix. */
export const WHOLE = 2;

/** Filter slots per pattern: keeps the filter sparse (few false passes) for any number of aliases. */
const FILTER_SLOTS_PER_PATTERN = 16;
/** Smallest and largest filter sizes. */
const MIN_FILTER = 1 << 8;
const MAX_FILTER = 1 << 22;

/**
 * Builds a trie of `patterns` (already folded); terms keep the patterns' order.
 * Built from the sorted patterns straight into typed arrays (no per-node
 * objects), so that building costs little time and garbage when a page loads.
 */
export function buildTrie(patterns: readonly string[], direct = ROOT_DIRECT): Trie {
  // The distinct patterns in code-unit order: the built-in sort, with no comparison callback, costs little.
  const distinct = [...new Set(patterns)].filter((p) => p.length > 0).sort();
  let chars = 0;
  let maxLen = 0;
  for (const p of distinct) {
    chars += p.length;
    maxLen = Math.max(maxLen, p.length);
  }

  // Nodes in creation order: each sorted pattern adds the nodes past its common prefix with the previous one.
  const parent = new Int32Array(chars + 1);
  const key = new Uint16Array(chars + 1);
  const path = new Int32Array(maxLen + 1);
  const nodeOfPattern = new Map<string, number>();
  let nodeCount = 1;
  let prev = '';
  for (const p of distinct) {
    const m = Math.min(p.length, prev.length);
    let l = 0;
    while (l < m && p.charCodeAt(l) === prev.charCodeAt(l)) l++;
    for (let k = l; k < p.length; k++) {
      const node = nodeCount++;
      parent[node] = path[k]!;
      key[node] = p.charCodeAt(k);
      path[k + 1] = node;
    }
    nodeOfPattern.set(p, path[p.length]!);
    prev = p;
  }
  const nodeOf = new Int32Array(patterns.length);
  patterns.forEach((p, i) => (nodeOf[i] = nodeOfPattern.get(p) ?? -1));

  // Children runs: creation order already sorts each parent's children by key.
  const small = nodeCount < 0xffff && patterns.length < 0xffff;
  const index = (length: number): Index => (small ? new Uint16Array(length) : new Int32Array(length));
  let far = 0; // root children outside the direct table
  const childStart = index(nodeCount + 1);
  for (let n = 1; n < nodeCount; n++) {
    if (parent[n] === 0) {
      if (key[n]! >= direct) far++;
    } else childStart[parent[n]! + 1]!++;
  }
  const root = new Int32Array(direct);
  let hashSize = 8;
  while (hashSize < far * 2) hashSize *= 2;
  const rootKeys = new Uint32Array(hashSize);
  const rootValues = new Int32Array(hashSize);
  const setRoot = (c: number, value: number) => {
    if (c < direct) root[c] = value;
    else {
      const slot = rootSlot(rootKeys, c);
      rootKeys[slot] = c + 1;
      rootValues[slot] = value;
    }
  };
  for (let n = 1; n < nodeCount; n++) if (parent[n] === 0) setRoot(key[n]!, n << 1);
  for (let n = 0; n < nodeCount; n++) childStart[n + 1] = childStart[n + 1]! + childStart[n]!;
  const edgeCount = childStart[nodeCount]!;
  const keys = new Uint16Array(edgeCount);
  const targets = index(edgeCount);
  const fill = childStart.slice(0, nodeCount);
  for (let n = 1; n < nodeCount; n++) {
    const p = parent[n]!;
    if (p === 0) continue;
    const at = fill[p]!++;
    keys[at] = key[n]!;
    targets[at] = n;
  }

  // Terms per node, in pattern order.
  const termStart = index(nodeCount + 1);
  for (let i = 0; i < patterns.length; i++) if (nodeOf[i]! >= 0) termStart[nodeOf[i]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) termStart[n + 1] = termStart[n + 1]! + termStart[n]!;
  const terms = index(termStart[nodeCount]!);
  const termFill = termStart.slice(0, nodeCount);
  for (let i = 0; i < patterns.length; i++) {
    const node = nodeOf[i]!;
    if (node >= 0) terms[termFill[node]!++] = i;
  }

  let size = MIN_FILTER;
  while (size < patterns.length * FILTER_SLOTS_PER_PATTERN && size < MAX_FILTER) size *= 2;
  const mask = size - 1;
  const prefix = new Uint8Array(size);
  for (const p of patterns) {
    if (p.length === 0) continue;
    const c0 = p.charCodeAt(0);
    if (p.length === 1) setRoot(c0, rootOf({ root, rootKeys, rootValues } as Trie, c0) | 1);
    let h = prefixHash(0, c0);
    for (let k = 1; k < Math.min(p.length, 4); k++) {
      h = prefixHash(h, p.charCodeAt(k));
      const shift = 2 * (k - 1);
      prefix[h & mask] = prefix[h & mask]! | (PREFIX << shift) | (k === p.length - 1 ? WHOLE << shift : 0);
    }
  }

  return { root, rootKeys, rootValues, childStart, keys, targets, termStart, terms, nodeCount, prefix, mask };
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
