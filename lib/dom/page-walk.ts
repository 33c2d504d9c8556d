/**
 * The page split into units of work for the annotator's slices: elements
 * with text of their own (a paragraph, a heading, a list item), found by
 * walking each queued root, open shadow roots included. A walk may stop
 * mid-way when a slice's time is up and go on in the next. When the reader
 * is not at the top of the page, a root queued "viewport first" hands out the
 * units on screen before the others.
 */

/**
 * Elements that start a new block of text. A container whose children include
 * one of these is opened; any other element with text is one unit of work.
 */
const BLOCK_TAGS = new Set(
  (
    'address,article,aside,blockquote,body,caption,dd,details,dialog,div,dl,dt,fieldset,figcaption,figure,' +
    'footer,form,h1,h2,h3,h4,h5,h6,header,hgroup,hr,html,li,main,nav,ol,p,section,summary,table,tbody,td,' +
    'tfoot,th,thead,tr,ul'
  ).split(','),
);

export interface PageWalkDeps {
  doc: Document;
  now(): number;
  /** The time a slice may take; a walk past it stops and goes on in the next slice. */
  budgetMs: number;
  /** Elements never read (editors, code, our UI …). */
  skipped(el: Element): boolean;
  /** An open shadow root met on the way (the annotator follows its changes). */
  onShadowRoot(root: ShadowRoot): void;
}

export class PageWalk {
  readonly #deps: PageWalkDeps;
  readonly #queue: { root: Node; viewportFirst: boolean }[] = [];
  #units: Element[] = [];
  #unitIndex = 0;
  /** The walk in progress: a stack of nodes still to look at. */
  #walk: { stack: Node[]; found: Element[]; reorder: boolean; whole: boolean } | null = null;

  constructor(deps: PageWalkDeps) {
    this.#deps = deps;
  }

  /** Queues a root to walk. */
  enqueue(root: Node, viewportFirst: boolean): void {
    this.#queue.push({ root, viewportFirst });
  }

  /** Whether roots wait to be walked (beyond the current one). */
  get queued(): boolean {
    return this.#queue.length > 0;
  }

  /**
   * Whether the walk under way is of the whole document, handing out its
   * units in page order: everything before the last unit handed out has been
   * handed out too, or is never read.
   */
  get inPageOrder(): boolean {
    return this.#walk !== null && this.#walk.whole && !this.#walk.reorder;
  }

  /** Whether any unit or root is left. */
  get pending(): boolean {
    return this.#unitIndex < this.#units.length || this.#queue.length > 0 || this.#walk !== null;
  }

  /** Forgets every queued root and the walk in progress. */
  clear(): void {
    this.#queue.length = 0;
    this.#units = [];
    this.#unitIndex = 0;
    this.#walk = null;
  }

  /**
   * The next unit. `undefined` = the current walk ran out of the slice that
   * started at `t0`; `null` = nothing left of the current root.
   */
  next(t0: number): Element | null | undefined {
    if (this.#unitIndex < this.#units.length) return this.#units[this.#unitIndex++]!;
    if (!this.#walk) {
      const next = this.#queue.shift();
      if (!next) return null;
      const root = next.root;
      const start = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
      // Scrolled to the top, page order is viewport order: units are handed out as the walk finds them.
      const reorder = next.viewportFirst && !this.#atTop();
      this.#walk = { stack: start ? [start] : [], found: [], reorder, whole: root.nodeType === 9 };
      this.#units = [];
      this.#unitIndex = 0;
    }
    const walk = this.#walk;
    const sink = walk.reorder ? walk.found : this.#units;
    let steps = 0;
    while (walk.stack.length > 0) {
      if (++steps % 256 === 0 && this.#deps.now() - t0 > this.#deps.budgetMs) return undefined;
      this.#visit(walk.stack.pop()!, walk.stack, sink);
      if (!walk.reorder && this.#unitIndex < this.#units.length) return this.#units[this.#unitIndex++]!;
    }
    this.#walk = null;
    if (walk.reorder) {
      this.#units = this.#viewportFirst(walk.found);
      this.#unitIndex = 0;
    }
    if (this.#unitIndex < this.#units.length) return this.#units[this.#unitIndex++]!;
    // Done with this list: let go of it.
    this.#units = [];
    this.#unitIndex = 0;
    return null;
  }

  #atTop(): boolean {
    try {
      return (this.#deps.doc.defaultView?.scrollY ?? 0) < 1;
    } catch {
      return true;
    }
  }

  /** Splits a subtree into units: containers are opened, elements with their own text are units. */
  #visit(node: Node, stack: Node[], found: Element[]): void {
    if (node.nodeType === 11) {
      // a shadow root: follow it and walk its children
      this.#deps.onShadowRoot(node as ShadowRoot);
      pushChildren(node, stack);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (this.#deps.skipped(el)) return;
    if (isUnit(el)) {
      // Shadow roots on the unit or inside it are noted while its text is extracted.
      found.push(el);
    } else {
      if (el.shadowRoot) stack.push(el.shadowRoot);
      pushChildren(el, stack);
    }
  }

  /** Puts the units on screen first (page order is kept within each group). */
  #viewportFirst(units: Element[]): Element[] {
    if (units.length < 2) return units;
    const view = this.#deps.doc.defaultView;
    const height = view?.innerHeight ?? 0;
    if (!height) return units;
    try {
      // Units come in page order, so their vertical positions mostly rise: binary-search the first visible one.
      let lo = 0;
      let hi = units.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (units[mid]!.getBoundingClientRect().bottom < 0) lo = mid + 1;
        else hi = mid;
      }
      let end = lo;
      while (end < units.length && end - lo < 500 && units[end]!.getBoundingClientRect().top < height) end++;
      if (lo === 0) return units;
      return [...units.slice(lo, end), ...units.slice(0, lo), ...units.slice(end)];
    } catch {
      return units;
    }
  }
}

/** A unit has text of its own, or holds only inline content (no block-level children). */
function isUnit(el: Element): boolean {
  let hasBlock = false;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    const type = c.nodeType;
    if (type === 3) {
      if (/\S/.test((c as Text).data)) return true;
    } else if (type === 1 && !hasBlock && BLOCK_TAGS.has((c as Element).localName)) {
      hasBlock = true;
    }
  }
  return !hasBlock && el.childElementCount > 0;
}

function pushChildren(node: Node, stack: Node[]): void {
  for (let c = node.lastChild; c; c = c.previousSibling) {
    if (c.nodeType === 1) stack.push(c);
  }
}
