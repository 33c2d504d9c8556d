/**
 * The page's changes as the page lens follows them, and the scout before it
 * (each while it runs, never both): one MutationObserver on
 * the document and every open shadow root met, whose records are gathered
 * for a short while and handed on as one batch of the outermost changed
 * elements (or, past a burst, as a request to read the whole page again).
 * Our own writes happen inside `own`, which takes them off the observer's
 * queue and only counts them, so nothing we write is taken for a change of
 * the page's.
 */
import { isMention } from './mark';

/** Page changes we follow; `contenteditable` so that a region turned into an editor loses its marks. */
export const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['contenteditable'],
};

/** A batch of changes is handled this long after its first record (bursts come together). */
export const BATCH_DELAY_MS = 50;
/** Beyond this many added nodes in one batch, the page is read again as a whole. */
export const BURST_LIMIT = 3000;

/** What changed in one batch. */
export interface ChangeBatch {
  /** Elements whose content was added or rewritten (not yet reduced to the outermost). */
  roots: Set<Element>;
  /** So much was added that the whole page should be read again. */
  burst: boolean;
  /** Nodes were removed, or marks dissolved: marks may have left the page. */
  removals: boolean;
}

export interface PageChangesDeps {
  /** Whether a node is ours (a mark, our style, our UI). */
  isOurs(node: Node): boolean;
  /** Regions the page has just made editable: our marks leave them at once. */
  onEditable(elements: Element[]): void;
  /** Text nodes the page rewrote in place; true when marks made from them were dissolved. */
  onRewritten(nodes: Node[]): boolean;
  /** A batch, BATCH_DELAY_MS after its first change. */
  onBatch(batch: ChangeBatch): void;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  isValid(): boolean;
  onError(error: unknown): void;
  /** Counters to keep up to date (the annotator publishes them); absent = not counted. */
  stats?: { pageMutations: number; ownMutations: number };
  /** How long changes gather before a batch is handed on (BATCH_DELAY_MS by default). */
  delayMs?: number;
}

export class PageChanges {
  readonly #deps: PageChangesDeps;
  readonly #observer: MutationObserver;
  readonly #observed = new WeakSet<Node>();
  #roots = new Set<Element>();
  #added = 0;
  #removals = false;
  #timer: number | null = null;
  #stopped = false;
  readonly #stats: { pageMutations: number; ownMutations: number };

  constructor(doc: Document, deps: PageChangesDeps) {
    this.#deps = deps;
    this.#stats = deps.stats ?? { pageMutations: 0, ownMutations: 0 };
    this.#observer = new MutationObserver((records) => this.#take(records));
    this.#observer.observe(doc, OBSERVE);
    this.#observed.add(doc);
  }

  /** Follows an open shadow root too (once). */
  observeShadow(root: ShadowRoot): void {
    if (this.#stopped || this.#observed.has(root)) return;
    try {
      this.#observer.observe(root, OBSERVE);
      this.#observed.add(root);
    } catch (error) {
      this.#deps.onError(error);
    }
  }

  /** Runs our own DOM writes: the page's records waiting before them are taken first, ours only counted. */
  own(fn: () => void): void {
    const before = this.#observer.takeRecords();
    if (before.length > 0) this.#take(before);
    try {
      fn();
    } finally {
      this.#stats.ownMutations += this.#observer.takeRecords().length;
    }
  }

  stop(): void {
    this.#stopped = true;
    this.#observer.disconnect();
    if (this.#timer !== null) this.#deps.clearTimeout(this.#timer);
    this.#timer = null;
    this.#roots = new Set();
    this.#added = 0;
    this.#removals = false;
  }

  #take(records: MutationRecord[]): void {
    if (this.#stopped) return;
    const stats = this.#stats;
    const rewritten: Node[] = [];
    const editable: Element[] = [];
    try {
      for (const rec of records) {
        if (rec.type === 'characterData') {
          stats.pageMutations++;
          const el = textOwner(rec.target);
          if (el) this.#roots.add(el);
          rewritten.push(rec.target);
          continue;
        }
        if (rec.type === 'attributes') {
          stats.pageMutations++;
          if (rec.target.nodeType === 1) editable.push(rec.target as Element);
          continue;
        }
        const added = rec.addedNodes;
        if (rec.removedNodes.length === 0 && added.length > 0 && Array.from(added).every((n) => this.#deps.isOurs(n))) {
          // Our card host or style arriving outside a write of ours: ours, not the page's.
          stats.ownMutations++;
          continue;
        }
        stats.pageMutations++;
        if (rec.removedNodes.length > 0) this.#removals = true;
        this.#added += added.length;
        if (this.#added > BURST_LIMIT) continue;
        for (let i = 0; i < added.length; i++) {
          const node = added[i]!;
          if (node.nodeType === 1) {
            if (!this.#deps.isOurs(node)) this.#roots.add(node as Element);
          } else if (node.nodeType === 3) {
            const el = textOwner(node);
            if (el) this.#roots.add(el);
          }
        }
      }
    } catch (error) {
      this.#deps.onError(error);
    }
    if (editable.length > 0) this.#deps.onEditable(editable);
    if (rewritten.length > 0 && this.#deps.onRewritten(rewritten)) this.#removals = true;
    if (this.#timer === null && (this.#roots.size > 0 || this.#removals || this.#added > 0)) {
      this.#timer = this.#deps.setTimeout(() => {
        this.#timer = null;
        if (!this.#stopped && this.#deps.isValid()) this.#flush();
      }, this.#deps.delayMs ?? BATCH_DELAY_MS);
    }
  }

  #flush(): void {
    const batch: ChangeBatch = { roots: this.#roots, burst: this.#added > BURST_LIMIT, removals: this.#removals };
    this.#roots = new Set();
    this.#added = 0;
    this.#removals = false;
    this.#deps.onBatch(batch);
  }
}

/** Whether one of `set` holds `el`: a batch's roots are read from the outermost. */
export function hasAncestorIn(el: Element, set: Set<Element>): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return true;
  return false;
}

/** The element whose text a text node is, looking past our own marks. */
function textOwner(node: Node): Element | null {
  let el = node.parentElement;
  while (el && isMention(el)) el = el.parentElement;
  return el;
}
