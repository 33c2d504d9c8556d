/**
 * The marks the page lens has written, and their writing: the mark style
 * put once into each document or shadow root that gets a mark, the count of
 * marks per entity that density is judged by (places reserved when a mark is
 * admitted, given back when its text is gone by the time it is written), and
 * taking marks off again: those the settings no longer allow, those in a
 * region that became editable, and all of them when the lens stops. Every
 * DOM write goes through `own`, so the page's observer counts it as ours.
 */
import type { MarkStyle } from '../settings/model';
import { ENTITY_ATTR, markRanges, unannotate, unmark, type MarkRequest } from './mark';
import { ensureMarkStyle, removeMarkStyle } from './mark-styles';

type Root = Document | ShadowRoot;

export interface MarkWriterDeps {
  /** Runs our DOM writes (lib/dom/page-changes.ts `own`). */
  own(fn: () => void): void;
  /** The reader's mark style, for roots that get their first mark. */
  style(): MarkStyle;
  onError(error: unknown): void;
}

export class MarkWriter {
  readonly #deps: MarkWriterDeps;
  readonly #marks = new Set<Element>();
  /** Marks written or reserved, per entity. */
  readonly #counts = new Map<string, number>();
  readonly #styled = new Set<Root>();

  constructor(deps: MarkWriterDeps) {
    this.#deps = deps;
  }

  get size(): number {
    return this.#marks.size;
  }

  /** Whether one more mark of an entity stays within `quota` (reserves nothing). */
  hasRoom(id: string, quota: number): boolean {
    return (this.#counts.get(id) ?? 0) < quota;
  }

  /** Reserves one mark's place for an entity (see `write`). */
  reserve(id: string): void {
    this.#counts.set(id, (this.#counts.get(id) ?? 0) + 1);
  }

  /**
   * Writes marks where their text still stands as it was read, and gives back
   * the places reserved for the others. Returns how many were written.
   */
  write(requests: readonly MarkRequest[]): number {
    if (requests.length === 0) return 0;
    let created: Element[] = [];
    this.#deps.own(() => {
      for (const r of requests) {
        const root = r.node.getRootNode() as Root;
        if (!this.#styled.has(root) && (root.nodeType === 9 || root.nodeType === 11)) {
          ensureMarkStyle(root, this.#deps.style());
          this.#styled.add(root);
        }
      }
      created = markRanges([...requests]);
    });
    const made = new Map<string, number>();
    for (const el of created) {
      this.#marks.add(el);
      const id = el.getAttribute(ENTITY_ATTR) ?? '';
      made.set(id, (made.get(id) ?? 0) + 1);
    }
    const asked = new Map<string, number>();
    for (const r of requests) asked.set(r.id, (asked.get(r.id) ?? 0) + 1);
    for (const [id, n] of asked) {
      const missing = n - (made.get(id) ?? 0);
      if (missing > 0) this.#giveBack(id, missing);
    }
    return created.length;
  }

  /** The marks on the page, of one entity or all, in document order. */
  mentions(id?: string): Element[] {
    const list = [...this.#marks].filter(
      (m) => m.isConnected && (id === undefined || m.getAttribute(ENTITY_ATTR) === id),
    );
    return sortInDocumentOrder(list);
  }

  /** Marks on the page per entity. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.#marks) {
      if (!m.isConnected) continue;
      const id = m.getAttribute(ENTITY_ATTR) ?? '';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  /**
   * Keeps only the marks the settings allow (`allowed`, and the first `quota`
   * of each entity in page order); the counts start again from what is kept.
   * Returns whether any mark was taken off.
   */
  keepAllowed(allowed: (id: string) => boolean, quota: number): boolean {
    const remove: Element[] = [];
    const kept = new Map<string, number>();
    for (const m of this.mentions()) {
      const id = m.getAttribute(ENTITY_ATTR) ?? '';
      const n = kept.get(id) ?? 0;
      if (!allowed(id) || n >= quota) remove.push(m);
      else kept.set(id, n + 1);
    }
    for (const m of this.#marks) if (!m.isConnected) this.#marks.delete(m);
    if (remove.length === 0) return false;
    this.#unmark(remove);
    this.#counts.clear();
    for (const [id, n] of kept) this.#counts.set(id, n);
    return true;
  }

  /** Takes off the marks inside elements that `inside` accepts; returns whether any went. */
  removeInside(elements: readonly Element[], inside: (el: Element) => boolean): boolean {
    const within = [...this.#marks].filter((m) => elements.some((el) => el.contains(m) && inside(el)));
    if (within.length === 0) return false;
    this.#unmark(within);
    for (const m of within) this.#giveBack(m.getAttribute(ENTITY_ATTR) ?? '', 1);
    return true;
  }

  /** Forgets marks the page removed, so their entities may be marked again; returns whether any were. */
  forgetRemoved(): boolean {
    let changed = false;
    for (const m of this.#marks) {
      if (m.isConnected) continue;
      this.#marks.delete(m);
      this.#giveBack(m.getAttribute(ENTITY_ATTR) ?? '', 1);
      changed = true;
    }
    return changed;
  }

  /** Applies a new mark style to every root that has marks. */
  restyle(style: MarkStyle): void {
    this.#deps.own(() => {
      for (const root of this.#styled) ensureMarkStyle(root, style);
    });
  }

  /** Takes every mark and style off the page and forgets them. */
  clear(doc: Document): void {
    try {
      unannotate(doc);
      for (const m of this.#marks) if (m.isConnected) unmark([m]);
    } catch (error) {
      this.#deps.onError(error);
    }
    for (const root of this.#styled) {
      try {
        removeMarkStyle(root);
      } catch (error) {
        this.#deps.onError(error);
      }
    }
    this.#styled.clear();
    this.#marks.clear();
    this.#counts.clear();
  }

  #unmark(marks: Element[]): void {
    let replaced = new Map<Element, Element>();
    this.#deps.own(() => {
      replaced = unmark(marks);
    });
    for (const m of marks) this.#marks.delete(m);
    for (const [old, neu] of replaced) {
      this.#marks.delete(old);
      this.#marks.add(neu);
    }
  }

  #giveBack(id: string, n: number): void {
    this.#counts.set(id, Math.max(0, (this.#counts.get(id) ?? 0) - n));
  }
}

function sortInDocumentOrder(els: Element[]): Element[] {
  return els.sort((a, b) => {
    if (a === b) return 0;
    const pos = a.compareDocumentPosition(b);
    return pos & 4 /* FOLLOWING */ ? -1 : pos & 2 /* PRECEDING */ ? 1 : 0;
  });
}
