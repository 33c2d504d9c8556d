/**
 * Wrapping mentions in `<lens-mention data-entity="ID">` and undoing it exactly.
 *
 * Marking splits a page text node into a "run" of sibling nodes: the original
 * node (kept as the first piece, or moved inside the first mark when the
 * mention starts at offset 0), marks and plain tail pieces. Each run remembers
 * its original node, so unmarking puts that very node back with the whole text
 * and drops the pieces we created: the page ends up with the same nodes it had.
 * Marks never cross element boundaries: a request names one text node.
 */

/** The element name and attribute checked from outside; keep them exactly. */
export const MENTION_TAG = 'lens-mention';
export const ENTITY_ATTR = 'data-entity';
/** Selector for every mark we create. */
export const MENTION_SELECTOR = `${MENTION_TAG}[${ENTITY_ATTR}]`;

/** One mention to wrap: offsets into the text node's current data. */
export interface MarkRequest {
  node: Text;
  start: number;
  end: number;
  id: string;
  /** The text the range held when it was found: where the page has changed it since, the request is skipped. */
  text?: string;
  /** Entities named inside the phrase ("Ukraine" in "Russia's invasion of Ukraine"): its card names them. */
  inner?: readonly string[];
}

/** The inner entities of each mark written for a phrase (kept off the page's DOM: no attribute for a site to read). */
const innerIds = new WeakMap<Element, readonly string[]>();

/** The entities named inside a mark's phrase, in order, without repeats; empty for a plain name. */
export function innerEntitiesOf(mark: Element): readonly string[] {
  return innerIds.get(mark) ?? [];
}

/** The nodes one original text node became, in document order. */
interface Run {
  original: Text;
  parent: Node;
  /** Top-level nodes of the run: text pieces and marks. */
  nodes: Node[];
}

/** Original node, text pieces and marks → their run. Weak: a page that drops the nodes frees them. */
const runOf = new WeakMap<Node, Run>();

export function isMention(node: Node | null | undefined): boolean {
  return !!node && node.nodeType === 1 && (node as Element).localName === MENTION_TAG;
}

/** Whether a text node already sits inside one of our marks. */
export function isInsideMention(node: Node): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) {
    if (isMention(p)) return true;
  }
  return false;
}

/**
 * Wraps the requested ranges. Requests that are empty, out of range, overlap an
 * earlier one in the same node, or fall inside an existing mark are skipped.
 * Returns the created marks in the order of the accepted requests.
 */
export function markRanges(requests: readonly MarkRequest[]): Element[] {
  const byNode = new Map<Text, MarkRequest[]>();
  for (const r of requests) {
    const list = byNode.get(r.node);
    if (list) list.push(r);
    else byNode.set(r.node, [r]);
  }
  const created: Element[] = [];
  for (const [node, list] of byNode) {
    created.push(...markNode(node, list));
  }
  return created;
}

/**
 * The run a text node belongs to, tidied: pieces the page has since removed are
 * forgotten; when the rest is no longer in one piece, the node starts a run of
 * its own (the old run keeps what is left, restored by the fallback).
 */
function currentRun(node: Text, parent: Node): Run {
  const known = runOf.get(node);
  if (!known) return { original: node, parent, nodes: [node] };
  if (runIntact(known)) return known;
  known.nodes = known.nodes.filter((n) => n.parentNode === known.parent);
  if (known.nodes.includes(node) && runIntact(known)) return known;
  known.nodes = known.nodes.filter((n) => n !== node);
  return { original: node, parent, nodes: [node] };
}

function markNode(node: Text, requests: MarkRequest[]): Element[] {
  const parent = node.parentNode;
  if (!parent || !node.isConnected || isInsideMention(node)) return [];
  const data = node.data;
  // A request found earlier is written only if its range still holds the text it was found with.
  const ranges = requests
    .filter(
      (r) =>
        r.start >= 0 &&
        r.end <= data.length &&
        r.start < r.end &&
        (r.text === undefined || data.slice(r.start, r.end) === r.text),
    )
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const accepted: MarkRequest[] = [];
  let lastEnd = 0;
  for (const r of ranges) {
    if (r.start < lastEnd) continue;
    accepted.push(r);
    lastEnd = r.end;
  }
  if (accepted.length === 0) return [];

  const doc = node.ownerDocument;
  const run = currentRun(node, parent);
  const index = run.nodes.indexOf(node);
  const pieces: Node[] = [];
  const marks: Element[] = [];
  const fragment = doc.createDocumentFragment();
  const next = node.nextSibling;
  let movedIntoMark = false;
  let cursor = 0;
  for (const r of accepted) {
    if (r.start > cursor) {
      // The first gap stays in the original node; later gaps become new text nodes.
      if (cursor > 0) {
        const gap = doc.createTextNode(data.slice(cursor, r.start));
        fragment.appendChild(gap);
        pieces.push(gap);
      }
    }
    const mark = doc.createElement(MENTION_TAG);
    mark.setAttribute(ENTITY_ATTR, r.id);
    if (r.inner && r.inner.length > 0) innerIds.set(mark, r.inner);
    if (r.start === 0) {
      // The mention opens the node: the original node itself goes inside the mark.
      movedIntoMark = true;
      node.data = data.slice(0, r.end);
      mark.appendChild(node);
    } else {
      mark.appendChild(doc.createTextNode(data.slice(r.start, r.end)));
    }
    fragment.appendChild(mark);
    pieces.push(mark);
    marks.push(mark);
    cursor = r.end;
  }
  if (cursor < data.length) {
    const tail = doc.createTextNode(data.slice(cursor));
    fragment.appendChild(tail);
    pieces.push(tail);
  }
  if (!movedIntoMark) node.data = data.slice(0, accepted[0]!.start);
  parent.insertBefore(fragment, next);

  // Arrays sized exactly (slice, concat): one built by push or spread keeps room for ~17 entries, and
  // a run lives as long as its marks. On a 5 MB page that spare room came to ~0.3 MB of heap.
  const replacement = movedIntoMark ? pieces.slice() : ([node] as Node[]).concat(pieces);
  // A node marked for the first time (the common case) takes the new array as it is.
  if (index >= 0 && run.nodes.length > 1) run.nodes.splice(index, 1, ...replacement);
  else run.nodes = replacement;
  for (const piece of pieces) runOf.set(piece, run);
  runOf.set(run.original, run);
  return marks;
}

/**
 * Where a text node's text sits inside the run it belongs to, so a range found
 * now can still be found after other marks have split the node (late answers
 * from the resolver use this).
 */
export interface TextAnchor {
  original: Text;
  /** Offset of the node's first character in the run's text. */
  offset: number;
}

export function anchorOf(node: Text): TextAnchor {
  const run = runOf.get(node);
  if (!run) return { original: node, offset: 0 };
  let offset = 0;
  for (const n of run.nodes) {
    if (n === node) break;
    offset += n.textContent?.length ?? 0;
  }
  return { original: run.original, offset };
}

/**
 * Finds the current text node holding `[start, end)` of an anchored node and
 * returns a request for it; null when that text is gone, changed, or already
 * (partly) inside a mark.
 */
export function locate(anchor: TextAnchor, start: number, end: number, id: string, text: string): MarkRequest | null {
  const s = anchor.offset + start;
  const e = anchor.offset + end;
  const run = runOf.get(anchor.original);
  const candidates: Node[] = run && runIntact(run) ? run.nodes : run ? [] : [anchor.original];
  let at = 0;
  for (const n of candidates) {
    const len = n.textContent?.length ?? 0;
    if (s >= at && e <= at + len) {
      if (n.nodeType !== 3 || !n.isConnected) return null;
      const node = n as Text;
      if (node.data.slice(s - at, e - at) !== text) return null;
      return { node, start: s - at, end: e - at, id, text };
    }
    if (s < at + len && e > at) return null;
    at += len;
  }
  return null;
}

/** Whether a run still sits in the page as we left it: same parent, contiguous, one text per mark. */
function runIntact(run: Run): boolean {
  const { nodes, parent } = run;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.parentNode !== parent) return false;
    if (i > 0 && nodes[i - 1]!.nextSibling !== n) return false;
    if (isMention(n)) {
      if (n.childNodes.length !== 1 || n.firstChild!.nodeType !== 3) return false;
    } else if (n.nodeType !== 3) {
      return false;
    }
  }
  return nodes.length > 0;
}

/** Replaces a mark by its children (the fallback when the page rearranged our nodes). */
function unwrap(mark: Element): void {
  const parent = mark.parentNode;
  if (!parent) return;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  parent.removeChild(mark);
}

/**
 * The fallback when the page rearranged a run (a framework re-rendered it, a
 * script moved a mark): unwrap what is left of our marks, then merge each
 * stretch of adjacent text nodes that came from the run back into one node,
 * the original where it is among them.
 */
function restoreBroken(run: Run, keep?: ReadonlySet<Element>): void {
  const ours = new Set<Node>([run.original]);
  for (const n of run.nodes) {
    if (isMention(n)) n.childNodes.forEach((c) => ours.add(c));
    else ours.add(n);
  }
  for (const n of run.nodes) {
    if (isMention(n) && n.parentNode && !keep?.has(n as Element)) unwrap(n as Element);
    runOf.delete(n);
  }
  runOf.delete(run.original);
  const isOurText = (n: Node | null): n is Text => !!n && n.nodeType === 3 && ours.has(n);
  for (const t of ours) {
    if (!isOurText(t) || !t.parentNode || isOurText(t.previousSibling)) continue;
    const group: Text[] = [t];
    for (let next = t.nextSibling; isOurText(next); next = next.nextSibling) group.push(next);
    if (group.length < 2) continue;
    const target = group.includes(run.original) ? run.original : t;
    const text = group.map((g) => g.data).join('');
    if (target !== t) t.parentNode.insertBefore(target, t);
    target.data = text;
    for (const g of group) if (g !== target) g.parentNode?.removeChild(g);
  }
}

/**
 * Restores one run: the original text node back in place with the run's
 * current text, every piece we made removed. Marks listed in `keep` are
 * reported with their offsets in the restored text so they can be re-made.
 */
function restoreRun(run: Run, keep?: ReadonlySet<Element>): MarkRequest[] {
  const again: MarkRequest[] = [];
  if (!runIntact(run)) {
    restoreBroken(run, keep);
    return again;
  }
  const { original, parent, nodes } = run;
  let text = '';
  for (const n of nodes) {
    const piece = n.textContent ?? '';
    if (keep && isMention(n) && keep.has(n as Element)) {
      const id = (n as Element).getAttribute(ENTITY_ATTR) ?? '';
      again.push({ node: original, start: text.length, end: text.length + piece.length, id });
    }
    text += piece;
  }
  const first = nodes[0]!;
  if (first !== original) parent.insertBefore(original, first);
  if (original.data !== text) original.data = text;
  for (const n of nodes) {
    if (n !== original && n.parentNode) n.parentNode.removeChild(n);
    runOf.delete(n);
  }
  runOf.delete(original);
  return again;
}

/**
 * Removes the given marks, restoring their text. Other marks that shared a
 * text node with them are re-made; the map says which new element replaced
 * which old one.
 */
export function unmark(marks: Iterable<Element>): Map<Element, Element> {
  const remove = new Set<Element>();
  for (const m of marks) if (isMention(m)) remove.add(m);
  const runs = new Set<Run>();
  const orphans: Element[] = [];
  for (const m of remove) {
    const run = runOf.get(m);
    if (run) runs.add(run);
    else orphans.push(m);
  }
  const replaced = new Map<Element, Element>();
  for (const run of runs) {
    const keep = new Set<Element>();
    for (const n of run.nodes) if (isMention(n) && !remove.has(n as Element)) keep.add(n as Element);
    const oldKept = [...keep];
    const again = restoreRun(run, keep);
    if (again.length === 0) continue;
    const made = markRanges(again);
    oldKept.forEach((old, i) => {
      const neu = made[i];
      if (neu) replaced.set(old, neu);
    });
  }
  for (const m of orphans) unwrap(m);
  return replaced;
}

/**
 * The page rewrote one of its own text nodes that we had split (frameworks
 * update text in place: `node.data = …`). That node now holds the page's whole
 * new text, so the pieces and marks we split off it are stale: they go, and the
 * node goes back where the run began. Returns whether anything was removed.
 */
export function dissolveRunOf(node: Node): boolean {
  if (node.nodeType !== 3) return false;
  const run = runOf.get(node);
  if (!run || run.original !== node) return false;
  const parent = run.parent;
  const holder = node.parentNode;
  if (holder !== parent && holder && isMention(holder) && holder.parentNode === parent) {
    parent.insertBefore(node, holder);
  }
  let removed = false;
  for (const n of run.nodes) {
    runOf.delete(n);
    if (n !== node && n.parentNode === parent) {
      parent.removeChild(n);
      removed = true;
    }
  }
  runOf.delete(node);
  return removed;
}

/** Every mark under a root, including inside open shadow roots. */
export function findMentions(root: ParentNode): Element[] {
  const found: Element[] = [];
  const visit = (r: ParentNode) => {
    for (const el of Array.from(r.querySelectorAll(MENTION_TAG))) found.push(el);
    for (const host of openShadowHosts(r)) visit(host.shadowRoot!);
  };
  visit(root);
  return found;
}

/** Elements under a root that carry an open shadow root. */
export function openShadowHosts(root: ParentNode): Element[] {
  const hosts: Element[] = [];
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root as Node, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if ((n as Element).shadowRoot) hosts.push(n as Element);
  }
  return hosts;
}

/**
 * Removes every mark under a root (open shadow roots included) and puts the
 * original text nodes back. Returns how many marks were removed.
 */
export function unannotate(root: ParentNode): number {
  const marks = findMentions(root);
  unmark(marks);
  return marks.length;
}
