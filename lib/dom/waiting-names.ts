/**
 * Names found on the page that are not marked yet because they wait:
 * ambiguous candidates for the resolver's answer (asked in batches, a little
 * after the slice that found them), and short forms for their entity's full
 * name somewhere on the page ("Xi" waits for "Xi Jinping", which a later
 * slice may read). Both settle through one step: the detector's
 * `settleDeferred` says which the page now allows, and those whose text is
 * still where it was read become mark requests, admitted by the caller.
 */
import { settleDeferred } from '../detect/page-state';
import type { Candidate, PageState, ScanResult } from '../detect/types';
import { anchorOf, isInsideMention, locate, type MarkRequest, type TextAnchor } from './mark';
import { toRequest, type Block } from './scanned-block';

/** Candidates per request to the resolver. */
export const RESOLVE_BATCH = 100;
/** How long candidates gather before the resolver is asked. */
export const RESOLVE_DELAY_MS = 20;
/** Short forms kept waiting for their full name; beyond this the oldest are dropped (bounds memory). */
export const MAX_SHORT_FORMS = 2000;

/** A name kept for later, anchored to its text node as it was read. */
interface Waiting {
  candidate: Candidate;
  anchor: TextAnchor;
  start: number;
  end: number;
  /** The node's text at scan time, to check it is still there. */
  raw: string;
}

export interface WaitingNamesDeps {
  /** Decides ambiguous candidates (the background's NLP); absent = they are never kept. */
  resolve?(items: Candidate[]): Promise<boolean[]>;
  /** Density and filters: whether one more mark of the entity may go on at `node` (reserves it). */
  admit(id: string, node: Text): boolean;
  /** Whether the entity may be marked on this page at all (reserves nothing). */
  shown(id: string): boolean;
  /** The page's memory as it is now (a new route starts a new one). */
  page(): PageState;
  /** What the resolver waits for first (the page's text read ahead); absent or undefined = nothing. */
  ready?(): Promise<void> | undefined;
  /** Writes the marks the resolver's answers allowed. */
  write(requests: MarkRequest[]): void;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  isValid(): boolean;
  onError(error: unknown): void;
  /** Told once the resolver has answered everything asked so far. */
  onSettled(): void;
}

export class WaitingNames {
  #forResolver: Waiting[] = [];
  #shortForms: Waiting[] = [];
  #timer: number | null = null;
  /** Requests to the resolver under way (a new set on reset: older ones end unseen). */
  #asking = new Set<object>();
  /** Bumped on reset: answers to older requests are dropped. */
  #generation = 0;
  /** Candidates for the resolver that it accepted or the page settled, for the stats. */
  resolved = 0;

  constructor(private readonly deps: WaitingNamesDeps) {}

  /** Whether candidates wait for the resolver or its answer (short forms waiting for a full name do not count). */
  get busy(): boolean {
    return this.#forResolver.length > 0 || this.#timer !== null || this.#asking.size > 0;
  }

  /** Whether short forms wait for their full name. */
  get shortForms(): boolean {
    return this.#shortForms.length > 0;
  }

  /** Keeps a block's uncertain names: candidates for the resolver, short forms that wait. */
  take(block: Block, result: ScanResult): void {
    if (this.deps.resolve) {
      for (const c of result.pending) {
        if (!this.deps.shown(c.id)) continue;
        const w = waitingFor(block, c);
        if (w) this.#forResolver.push(w);
      }
    }
    for (const c of result.deferred) {
      // A word in capitals has no entity until the page defines it: it is judged when settled.
      if (!c.abbreviation && !this.deps.shown(c.id)) continue;
      // Settling needs only the entity: the context string (a slice that keeps the block's
      // whole text alive) is dropped while the short form waits.
      const w = waitingFor(block, { ...c, context: '', contextStart: 0 });
      if (w) this.#shortForms.push(w);
    }
    if (this.#shortForms.length > MAX_SHORT_FORMS)
      this.#shortForms.splice(0, this.#shortForms.length - MAX_SHORT_FORMS);
    if (this.#forResolver.length > 0) this.#schedule();
  }

  /**
   * The names whose entity the page has now named in full, as mark requests
   * (the rest wait on): short forms, and candidates still waiting to be asked
   * about. The resolver is asked only once the text read ahead is in (`ready`),
   * which on a long page is the whole page's worth of background scans; a
   * candidate whose full name an earlier answer already brought ("Washington"
   * after "the United States") is settled by the page alone, so it goes on
   * with the slice or the answer that named it instead of waiting for that.
   */
  settleNamed(): MarkRequest[] {
    const short = this.#settle(this.#shortForms, new Set(), false);
    this.#shortForms = short.rest;
    const named = this.#settle(this.#forResolver, new Set(), true);
    this.#forResolver = named.rest;
    return [...short.requests, ...named.requests];
  }

  /** Short forms wait for a full name on this route only. */
  forgetShortForms(): void {
    this.#shortForms = [];
  }

  /** Forgets everything; answers still under way are dropped. */
  reset(): void {
    this.#generation++;
    if (this.#timer !== null) this.deps.clearTimeout(this.#timer);
    this.#timer = null;
    this.#asking = new Set();
    this.#forResolver = [];
    this.#shortForms = [];
  }

  /**
   * Splits `list` into the requests for what the page now allows (its entity
   * named in full, or `accepted` by the resolver) and the rest. A name whose
   * text the page changed meanwhile, or that a mark now covers, is dropped.
   */
  #settle(
    list: Waiting[],
    accepted: ReadonlySet<Waiting>,
    counted: boolean,
  ): { requests: MarkRequest[]; rest: Waiting[] } {
    const ready = new Set(
      settleDeferred(
        list.map((w) => w.candidate),
        this.deps.page(),
      ),
    );
    const requests: MarkRequest[] = [];
    const rest: Waiting[] = [];
    for (const w of list) {
      if (!ready.has(w.candidate) && !accepted.has(w)) {
        rest.push(w);
        continue;
      }
      if (counted) this.resolved++;
      const request = this.#request(w.anchor, w.start, w.end, w.candidate.id, w.raw);
      if (request) requests.push(request);
    }
    return { requests, rest };
  }

  /** A mark request for a name still where it was read, unmarked, and admitted; null otherwise. */
  #request(anchor: TextAnchor, start: number, end: number, id: string, text: string): MarkRequest | null {
    const request = locate(anchor, start, end, id, text);
    return request && !isInsideMention(request.node) && this.deps.admit(id, request.node) ? request : null;
  }

  /** What stands alone inside refused Chinese phrases (Candidate `inner`: 俄罗斯 in 俄罗斯石油), as mark requests. */
  #freed(refused: readonly Waiting[]): MarkRequest[] {
    const requests: MarkRequest[] = [];
    for (const w of refused) {
      for (const m of w.candidate.inner ?? []) {
        const start = w.start + m.start - w.candidate.start;
        const request = this.#request(w.anchor, start, start + m.end - m.start, m.id, m.text);
        if (request) requests.push(request);
      }
    }
    return requests;
  }

  #schedule(): void {
    if (this.#timer !== null) return;
    const generation = this.#generation;
    this.#timer = this.deps.setTimeout(() => {
      this.#timer = null;
      if (generation === this.#generation && this.deps.isValid()) void this.#ask(generation);
    }, RESOLVE_DELAY_MS);
  }

  async #ask(generation: number): Promise<void> {
    const asking = this.#asking;
    const token = {};
    asking.add(token);
    try {
      await this.deps.ready?.();
      while (this.#forResolver.length > 0 && generation === this.#generation) {
        const batch = this.#forResolver.splice(0, RESOLVE_BATCH);
        // A candidate whose entity the page has named in full needs no resolver (the slice that
        // named it may have been scanned after the candidate's).
        const named = new Set(
          settleDeferred(
            batch.map((w) => w.candidate),
            this.deps.page(),
          ),
        );
        const ask = batch.filter((w) => !named.has(w.candidate));
        let answers: boolean[] = [];
        try {
          if (ask.length > 0) answers = (await this.deps.resolve?.(ask.map((w) => w.candidate))) ?? [];
        } catch (error) {
          // The background may be restarting or gone (context invalidated): skip quietly.
          this.deps.onError(error);
          return;
        }
        if (generation !== this.#generation) return;
        const accepted = new Set(ask.filter((_w, i) => answers[i] === true));
        const { requests } = this.#settle(batch, accepted, true);
        requests.push(...this.#freed(ask.filter((_w, i) => answers[i] !== true)));
        this.deps.write(requests);
      }
    } finally {
      asking.delete(token);
      if (generation === this.#generation) this.deps.onSettled();
    }
  }
}

/** A name kept for later, anchored to its text node; null when it cannot be marked. */
function waitingFor(block: Block, candidate: Candidate): Waiting | null {
  const request = toRequest(block, candidate);
  if (!request) return null;
  return {
    candidate,
    anchor: anchorOf(request.node),
    start: request.start,
    end: request.end,
    raw: request.node.data.slice(request.start, request.end),
  };
}
