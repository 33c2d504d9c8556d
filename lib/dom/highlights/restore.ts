/**
 * Re-anchoring saved highlights on a page that may still be loading. Tries at
 * once; while some are not found, each burst of page mutations triggers another
 * try (after a short quiet period) until RESTORE_DEADLINE_MS has passed; what
 * is still not found then is reported as orphaned. No polling: the page's
 * changes drive the retries (the content script's one observer, which the
 * marks follow too: lib/dom/page-changes.ts).
 */
import type { Anchor, Highlight } from '../../highlights/model';
import type { Span } from './anchor-text';
import { isHighlightElement, paintHighlight } from './paint';
import { buildTextMap, OWN_UI_ATTR } from './text-map';
import { PageObserver, type PageChanges } from '../page-changes';

/** How long content may keep arriving before a highlight is declared orphaned (issue #7). */
export const RESTORE_DEADLINE_MS = 10_000;
/** Quiet time after a mutation burst before trying again: lets a render finish. */
export const RETRY_QUIET_MS = 150;

export interface Timers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

/**
 * Finds anchors in the page text: one result per anchor, in order (null: not
 * found). The content script asks the background (`highlight:anchor`, see
 * anchor-text.ts), so the anchoring code stays out of the page's bundle.
 */
export type AnchorFinder = (text: string, anchors: Anchor[]) => Promise<(Span | null)[]>;

export interface RestoreCallbacks {
  onPainted?(highlight: Highlight, wrappers: HTMLElement[]): void;
  /** Called once: when every highlight is placed, or at the deadline. */
  onSettled(result: { anchored: string[]; orphaned: Highlight[] }): void;
}

/** Nodes we add ourselves; their arrival is not new page content. */
function ours(node: Node): boolean {
  return isHighlightElement(node) || (node.nodeType === 1 && (node as Element).hasAttribute(OWN_UI_ATTR));
}

export class HighlightRestorer {
  #pending = new Map<string, Highlight>();
  #anchored: string[] = [];
  #follower: PageChanges | null = null;
  #retry: number | null = null;
  #deadline: number | null = null;
  #lastText: string | null = null;
  #done = false;
  /** The attempt under way, if any; `#again` asks it to look once more when it ends. */
  #busy: Promise<void> | null = null;
  #again = false;

  constructor(
    private readonly root: HTMLElement,
    highlights: readonly Highlight[],
    private readonly timers: Timers,
    private readonly callbacks: RestoreCallbacks,
    private readonly find: AnchorFinder,
    private readonly deadlineMs = RESTORE_DEADLINE_MS,
    private readonly changes: PageObserver = new PageObserver(root.ownerDocument),
  ) {
    for (const h of highlights) this.#pending.set(h.id, h);
  }

  /** Starts restoring; resolves when the first attempt is over (for tests: nothing depends on it). */
  start(): Promise<void> {
    this.#follower = this.changes.follow({
      isOurs: ours,
      onEditable: () => undefined,
      onRewritten: () => false,
      // Any batch is a change of the page's: the quiet period (#schedule, on `timers`) lets its render
      // finish. The batch itself is handed on at once.
      onBatch: () => this.#schedule(),
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms) as unknown as number,
      clearTimeout: (id) => globalThis.clearTimeout(id),
      isValid: () => !this.#done,
      onError: () => undefined,
      delayMs: 0,
    });
    this.#deadline = this.timers.setTimeout(() => {
      this.#deadline = null;
      this.#lastText = null; // one last look, whatever changed
      void this.#attempt().then(() => this.#settle());
    }, this.deadlineMs);
    return this.#attempt().then(() => void this.#settleIfDone());
  }

  /** Stops observing; no report is made. */
  stop(): void {
    this.#done = true;
    this.#follower?.stop();
    this.#follower = null;
    if (this.#retry !== null) this.timers.clearTimeout(this.#retry);
    if (this.#deadline !== null) this.timers.clearTimeout(this.#deadline);
    this.#retry = this.#deadline = null;
  }

  #schedule(): void {
    if (this.#done) return;
    if (this.#retry !== null) this.timers.clearTimeout(this.#retry);
    this.#retry = this.timers.setTimeout(() => {
      this.#retry = null;
      void this.#attempt().then(() => this.#settleIfDone());
    }, RETRY_QUIET_MS);
  }

  /** One attempt at a time: asked for during one, it looks again once that one ends. */
  #attempt(): Promise<void> {
    if (this.#busy) {
      this.#again = true;
      return this.#busy;
    }
    const run = async () => {
      do {
        this.#again = false;
        await this.#try();
      } while (this.#again && !this.#done);
      this.#busy = null;
    };
    return (this.#busy = run());
  }

  async #try(): Promise<void> {
    if (this.#done || !this.#pending.size) return;
    const text = buildTextMap(this.root).text;
    if (text === this.#lastText) return; // nothing new to read
    this.#lastText = text;
    // A highlight still at its stored position is placed here; only the others go to the finder.
    const found: { h: Highlight; start: number; end: number }[] = [];
    const rest: Highlight[] = [];
    for (const h of this.#pending.values()) {
      const { start, end } = h.anchor.position;
      if (text.slice(start, end) === h.anchor.quote.exact) found.push({ h, start, end });
      else rest.push(h);
    }
    if (rest.length) {
      let spans: (Span | null)[] = [];
      try {
        spans = await this.find(
          text,
          rest.map((h) => h.anchor),
        );
      } catch {
        // No answer (extension reloading): the next attempt or the deadline decides.
      }
      if (this.#done) return;
      if (buildTextMap(this.root).text !== text) {
        // The page changed while we asked: its mutations have scheduled another attempt.
        this.#lastText = null;
        return;
      }
      rest.forEach((h, k) => {
        const span = spans[k];
        if (span && span.start >= 0 && span.end > span.start && span.end <= text.length)
          found.push({ h, start: span.start, end: span.end });
      });
    }
    const paint = () => {
      for (const { h, start, end } of found) {
        // Painting splits text nodes but never changes the text, so offsets stay valid in a fresh map.
        const wrappers = paintHighlight(buildTextMap(this.root), start, end, h.id);
        if (!wrappers.length) continue;
        this.#pending.delete(h.id);
        this.#anchored.push(h.id);
        this.callbacks.onPainted?.(h, wrappers);
      }
    };
    // Our own wrappers are no news to us; the marks still see them (they split text nodes).
    if (this.#follower) this.#follower.own(paint, true);
    else paint();
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
