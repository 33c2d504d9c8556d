/**
 * Re-anchoring saved highlights on a page that may still be loading. Tries at
 * once; while some are not found, each burst of page mutations triggers another
 * try (after a short quiet period) until RESTORE_DEADLINE_MS has passed; what
 * is still not found then is reported as orphaned. No polling: the mutation
 * observer drives the retries.
 */
import { anchorQuote } from '../../highlights/anchor-quote';
import type { Highlight } from '../../highlights/model';
import { foldWhitespace } from '../../highlights/whitespace';
import { isHighlightElement, paintHighlight } from './paint';
import { buildTextMap } from './text-map';

/** How long content may keep arriving before a highlight is declared orphaned (issue #7). */
export const RESTORE_DEADLINE_MS = 10_000;
/** Quiet time after a mutation burst before trying again: lets a render finish. */
export const RETRY_QUIET_MS = 150;

export interface Timers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface RestoreCallbacks {
  onPainted?(highlight: Highlight, wrappers: HTMLElement[]): void;
  /** Called once: when every highlight is placed, or at the deadline. */
  onSettled(result: { anchored: string[]; orphaned: Highlight[] }): void;
}

/** Nodes we add ourselves; their arrival is not new page content. */
function ours(node: Node): boolean {
  return isHighlightElement(node) || (node.nodeType === 1 && (node as Element).hasAttribute('data-lens-ui'));
}

export class HighlightRestorer {
  #pending = new Map<string, Highlight>();
  #anchored: string[] = [];
  #observer: MutationObserver | null = null;
  #retry: number | null = null;
  #deadline: number | null = null;
  #lastText: string | null = null;
  #done = false;

  constructor(
    private readonly root: HTMLElement,
    highlights: readonly Highlight[],
    private readonly timers: Timers,
    private readonly callbacks: RestoreCallbacks,
    private readonly deadlineMs = RESTORE_DEADLINE_MS,
  ) {
    for (const h of highlights) this.#pending.set(h.id, h);
  }

  start(): void {
    this.#attempt();
    if (this.#settleIfDone()) return;
    const MO = this.root.ownerDocument.defaultView?.MutationObserver ?? MutationObserver;
    this.#observer = new MO((records) => {
      const relevant = records.some((r) =>
        r.type === 'characterData'
          ? !(r.target.parentNode && isHighlightElement(r.target.parentNode))
          : [...r.addedNodes, ...r.removedNodes].some((n) => !ours(n)),
      );
      if (relevant) this.#schedule();
    });
    this.#observer.observe(this.root, { childList: true, subtree: true, characterData: true });
    this.#deadline = this.timers.setTimeout(() => {
      this.#deadline = null;
      this.#lastText = null; // one last look, whatever changed
      this.#attempt();
      this.#settle();
    }, this.deadlineMs);
  }

  /** Stops observing; no report is made. */
  stop(): void {
    this.#done = true;
    this.#observer?.disconnect();
    this.#observer = null;
    if (this.#retry !== null) this.timers.clearTimeout(this.#retry);
    if (this.#deadline !== null) this.timers.clearTimeout(this.#deadline);
    this.#retry = this.#deadline = null;
  }

  #schedule(): void {
    if (this.#done) return;
    if (this.#retry !== null) this.timers.clearTimeout(this.#retry);
    this.#retry = this.timers.setTimeout(() => {
      this.#retry = null;
      this.#attempt();
      this.#settleIfDone();
    }, RETRY_QUIET_MS);
  }

  #attempt(): void {
    if (this.#done || !this.#pending.size) return;
    const map = buildTextMap(this.root);
    if (map.text === this.#lastText) return; // nothing new to read
    this.#lastText = map.text;
    const folded = foldWhitespace(map.text);
    const found: { h: Highlight; start: number; end: number }[] = [];
    for (const h of this.#pending.values()) {
      const r = anchorQuote(map.text, h.anchor, folded);
      if (r) found.push({ h, start: r.start, end: r.end });
    }
    for (const { h, start, end } of found) {
      // Painting splits text nodes but never changes the text, so offsets stay valid in a fresh map.
      const wrappers = paintHighlight(buildTextMap(this.root), start, end, h.id);
      if (!wrappers.length) continue;
      this.#pending.delete(h.id);
      this.#anchored.push(h.id);
      this.callbacks.onPainted?.(h, wrappers);
    }
    this.#observer?.takeRecords(); // our own wrappers are not news
  }

  #settleIfDone(): boolean {
    if (this.#pending.size) return false;
    this.#settle();
    return true;
  }

  #settle(): void {
    if (this.#done) return;
    this.stop();
    this.callbacks.onSettled({ anchored: this.#anchored, orphaned: [...this.#pending.values()] });
  }
}
