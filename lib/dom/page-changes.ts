/**
 * The page's changes, as the content script follows them: one
 * MutationObserver (`PageObserver`) on the document and every open shadow
 * root met, shared by whoever follows the page — the scout's watch for new
 * content, the page lens's marking, the restoring of saved highlights. Each
 * follower (`PageChanges`) gathers the records for a short while and is handed
 * them as one batch of the outermost changed elements (or, past a burst, as a
 * request to read the whole page again). Our own writes happen inside `own`,
 * which takes them off the observer's queue, so nothing we write is taken for
 * a change of the page's.
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

/**
 * The content script's one MutationObserver. It observes while someone
 * follows the page, and lets go of the page when the last follower stops.
 */
export class PageObserver {
  readonly #doc: Document;
  #observer: MutationObserver | null = null;
  readonly #shadows = new Set<ShadowRoot>();
  readonly #followers = new Set<PageChanges>();
  #stopped = false;

  constructor(doc: Document) {
    this.#doc = doc;
  }

  /** A new follower of the page's changes; it stops following with its own `stop()`. */
  follow(deps: PageChangesDeps): PageChanges {
    const follower = new PageChanges(this, deps);
    if (this.#stopped) {
      follower.stop();
      return follower;
    }
    this.#followers.add(follower);
    if (!this.#observer) {
      this.#observer = new MutationObserver((records) => this.#hand(records));
      this.#observer.observe(this.#doc, OBSERVE);
      for (const root of this.#shadows) this.#observer.observe(root, OBSERVE);
    }
    return follower;
  }

  /** Follows an open shadow root too (once). */
  observeShadow(root: ShadowRoot): void {
    if (this.#stopped || this.#shadows.has(root)) return;
    this.#shadows.add(root);
    this.#observer?.observe(root, OBSERVE);
  }

  /**
   * Runs our own DOM writes: the page's records waiting before them are handed
   * on first; those the writes cause reach no follower (returned, to be
   * counted), or with `except` every follower but that one (the highlights'
   * wrappers are news to the marks, not to the highlights).
   */
  own(fn: () => void, except?: PageChanges): number {
    const before = this.#observer?.takeRecords() ?? [];
    if (before.length > 0) this.#hand(before);
    let mine: MutationRecord[];
    try {
      fn();
    } finally {
      mine = this.#observer?.takeRecords() ?? [];
      if (except && mine.length > 0) this.#hand(mine, except);
    }
    return mine.length;
  }

  /** Stops observing for good (the content script is going). */
  stop(): void {
    this.#stopped = true;
    for (const follower of [...this.#followers]) follower.stop();
    this.#disconnect();
    this.#shadows.clear();
  }

  /** Called by a follower's `stop()`. */
  leave(follower: PageChanges): void {
    this.#followers.delete(follower);
    if (this.#followers.size === 0) this.#disconnect();
  }

  #disconnect(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  #hand(records: MutationRecord[], except?: PageChanges): void {
    for (const follower of [...this.#followers]) if (follower !== except) follower.take(records);
  }
}

/** One follower of the page's changes: its filter, its batches, its counters. */
export class PageChanges {
  readonly #deps: PageChangesDeps;
  readonly #source: PageObserver;
  #roots = new Set<Element>();
  #added = 0;
  #removals = false;
  #timer: number | null = null;
  #stopped = false;
  readonly #stats: { pageMutations: number; ownMutations: number };

  constructor(source: PageObserver, deps: PageChangesDeps) {
    this.#source = source;
    this.#deps = deps;
    this.#stats = deps.stats ?? { pageMutations: 0, ownMutations: 0 };
  }

  /** Follows an open shadow root too (once), for every follower. */
  observeShadow(root: ShadowRoot): void {
    if (this.#stopped) return;
    try {
      this.#source.observeShadow(root);
    } catch (error) {
      this.#deps.onError(error);
    }
  }

  /**
   * Runs our own DOM writes: the page's records waiting before them are taken
   * first, ours only counted. `othersSee`: the writes are news to the other
   * followers (see PageObserver.own).
   */
  own(fn: () => void, othersSee = false): void {
    this.#stats.ownMutations += this.#source.own(fn, othersSee ? this : undefined);
  }

  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#source.leave(this);
    if (this.#timer !== null) this.#deps.clearTimeout(this.#timer);
    this.#timer = null;
    this.#roots = new Set();
    this.#added = 0;
    this.#removals = false;
  }

  /** Records from the observer (see PageObserver). */
  take(records: MutationRecord[]): void {
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
