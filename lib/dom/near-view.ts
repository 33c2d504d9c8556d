/**
 * Marks far from what the reader sees are written when the reader scrolls
 * toward them. Detection still reads the whole page (the popup's counts and
 * the entity list come from its results), but every write costs the page a
 * frame of style and layout, so only marks within about two viewports of the
 * visible area are written at once. An IntersectionObserver does the looking:
 * no layout is read from script, and a write happens in the frame after the
 * parked text comes near.
 */
import type { MarkRequest } from './mark';

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** How far beyond the viewport, above and below, marks are written at once. */
export const NEAR_MARGIN = '200% 0px 200% 0px';

export interface Parking {
  /** Takes mark requests; each is written (through `write`) once its text is near the viewport. */
  park(requests: readonly MarkRequest[]): void;
  /** Every request still waiting, taken out (for whoever needs every mark on the page now). */
  takeAll(): MarkRequest[];
  /** Requests still waiting, per entity. */
  counts(): Map<string, number>;
  /**
   * Gives up a waiting request of `id` whose text comes after `node` in the
   * document (the last such), for a mention before it to take its place;
   * false when there is none.
   */
  yieldTo(id: string, node: Node): boolean;
  readonly size: number;
  /** Forgets every waiting request and stops looking. */
  clear(): void;
}

/** Parking on `view`'s IntersectionObserver; null where there is none (every mark is then written at once). */
export function nearViewParking(view: Window, write: (requests: MarkRequest[]) => void): Parking | null {
  const Observer = (view as Window & typeof globalThis).IntersectionObserver;
  if (typeof Observer !== 'function') return null;
  const waiting = new Map<Element, MarkRequest[]>();
  let size = 0;
  const observer = new Observer(
    (entries) => {
      const ready: MarkRequest[] = [];
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const list = waiting.get(entry.target);
        observer.unobserve(entry.target);
        if (!list) continue;
        waiting.delete(entry.target);
        size -= list.length;
        for (const r of list) ready.push(r);
      }
      if (ready.length > 0) write(ready);
    },
    { rootMargin: NEAR_MARGIN },
  );
  const drain = () => {
    const all: MarkRequest[] = [];
    for (const list of waiting.values()) for (const r of list) all.push(r);
    waiting.clear();
    size = 0;
    observer.disconnect();
    return all;
  };
  return {
    park(requests) {
      for (const r of requests) {
        const at = r.node.parentElement;
        // A text node the page has taken out meanwhile: the writer skips it (and gives its place back).
        if (!at) {
          write([r]);
          continue;
        }
        const list = waiting.get(at);
        if (list) list.push(r);
        else {
          waiting.set(at, [r]);
          observer.observe(at);
        }
        size++;
      }
    },
    takeAll: drain,
    yieldTo(id, node) {
      // The last of them: the marks nearer the top keep their places.
      let last: { at: Element; list: MarkRequest[]; k: number; node: Text } | null = null;
      for (const [at, list] of waiting) {
        for (let k = 0; k < list.length; k++) {
          const r = list[k]!;
          if (r.id !== id || !(node.compareDocumentPosition(r.node) & FOLLOWING)) continue;
          if (!last || last.node.compareDocumentPosition(r.node) & FOLLOWING) last = { at, list, k, node: r.node };
        }
      }
      if (!last) return false;
      last.list.splice(last.k, 1);
      size--;
      if (last.list.length === 0) {
        waiting.delete(last.at);
        observer.unobserve(last.at);
      }
      return true;
    },
    counts() {
      const counts = new Map<string, number>();
      for (const list of waiting.values()) for (const r of list) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
      return counts;
    },
    get size() {
      return size;
    },
    clear() {
      drain();
    },
  };
}
