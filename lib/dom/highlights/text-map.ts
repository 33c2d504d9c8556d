/**
 * The page text that highlight anchors refer to: every text node under the
 * root in document order, except those inside scripts, styles and other
 * regions that are not reading text, joined without separators. Keeps the
 * node list and offsets so ranges and offsets convert both ways.
 */

/** Elements whose text is not part of what the reader reads. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION']);
/** Set on the hosts of our own UI on the page: their text is never part of the page's for anchoring. */
export const OWN_UI_ATTR = 'data-lens-ui';

export interface TextMap {
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  starts: number[];
}

function skipped(node: Node, root: Node): boolean {
  for (let p = node.parentNode; p && p !== root; p = p.parentNode) {
    if (p.nodeType === 1) {
      const el = p as Element;
      if (SKIPPED.has(el.tagName.toUpperCase()) || el.hasAttribute(OWN_UI_ATTR)) return true;
    }
  }
  return false;
}

export function buildTextMap(root: Node): TextMap {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */, {
    acceptNode: (node) => (skipped(node, root) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    nodes.push(t);
    starts.push(offset);
    parts.push(t.data);
    offset += t.data.length;
  }
  return { text: parts.join(''), nodes, starts };
}

/** Index of the node containing `offset` (the last node starting at or before it). */
function nodeIndexAt(map: TextMap, offset: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Text offset of a DOM boundary point, or null when it is outside the mapped text. */
export function pointToOffset(map: TextMap, container: Node, offset: number): number | null {
  if (container.nodeType === 3) {
    const i = map.nodes.indexOf(container as Text);
    return i === -1 ? null : map.starts[i]! + Math.min(offset, (container as Text).data.length);
  }
  // An element boundary: the offset of the first mapped text node at or after it.
  const doc = container.ownerDocument ?? (container as Document);
  const probe = doc.createRange();
  probe.setStart(container, offset);
  probe.collapse(true);
  for (let i = 0; i < map.nodes.length; i++) {
    const node = map.nodes[i]!;
    if (probe.comparePoint(node, 0) >= 0) return map.starts[i]!;
  }
  return map.text.length;
}

/** Offsets of a DOM range in the map's text; null when it holds no mapped text. */
export function rangeToOffsets(map: TextMap, range: Range): { start: number; end: number } | null {
  const start = pointToOffset(map, range.startContainer, range.startOffset);
  const end = pointToOffset(map, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** The pieces of text nodes covering [start, end). */
export function offsetsToSegments(
  map: TextMap,
  start: number,
  end: number,
): { node: Text; start: number; end: number }[] {
  if (!map.nodes.length || end <= start) return [];
  const out: { node: Text; start: number; end: number }[] = [];
  for (let i = nodeIndexAt(map, start); i < map.nodes.length; i++) {
    const node = map.nodes[i]!;
    const nodeStart = map.starts[i]!;
    if (nodeStart >= end) break;
    const s = Math.max(0, start - nodeStart);
    const e = Math.min(node.data.length, end - nodeStart);
    if (e > s) out.push({ node, start: s, end: e });
  }
  return out;
}
