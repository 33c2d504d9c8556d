/**
 * Runs detection over a live page and keeps its marks in step with the page
 * and the reader's settings.
 *
 * It schedules; the jobs are modules of their own: the units of work
 * (lib/dom/page-walk.ts), the page's changes (lib/dom/page-changes.ts), what
 * the settings, the relevance and density allow (lib/dom/admission.ts), names
 * that wait for the resolver or for their full name (lib/dom/waiting-names.ts),
 * marks gathered into batches (lib/dom/mark-batches.ts), the marks themselves
 * (lib/dom/mark-writer.ts) and, on a long page, marks waiting for the reader
 * to scroll near them (lib/dom/near-view.ts).
 *
 * - The first pass reads the page in small time-budgeted slices, the part in
 *   the viewport first, yielding to the page between slices. Each slice reads
 *   (extracts text, scans) and then writes its marks in one go, so our writes
 *   never interleave with reads that would force layout.
 * - A batch of the page's changes is read again from its outermost changed
 *   elements, or, after a huge burst, the whole page once. Elements the page
 *   rewrites over and over (tickers) are left alone.
 * - Detection per block is the command-line tool's (lib/dom/detect-blocks.ts):
 *   the shared text extraction, the detector's scan, the resolver for
 *   ambiguous candidates, `settleDeferred` for short forms and `withinOneNode`
 *   for what can be marked. Only the scheduling differs: ambiguous candidates
 *   go to the resolver in batches and are marked when the answer comes back
 *   (if their text is still there); short forms waiting for their full name
 *   are settled after every slice, so one named later on the page still counts.
 * - Every failure stays inside: a bad subtree is skipped, never thrown to the page.
 */
import type { Candidate, Mention, PageState, ScanResult } from '../detect/types';
import { isActiveOn, type Settings } from '../settings/model';
import { dissolveRunOf, findMentions, isMention, type MarkRequest } from './mark';
import { setTestState, TEST_HOOKS } from '../platform/test-hooks';
import { STYLE_ATTR } from './mark-styles';
import { LARGE_PAGE_ELEMENTS } from './long-page';
import type { Parking } from './near-view';
import { hasAncestorIn, PageObserver, type ChangeBatch, type PageChanges } from './page-changes';
import { MarkWriter } from './mark-writer';
import { PageWalk } from './page-walk';
import { toRequest, type Block } from './scanned-block';
import { isSkippedElement } from './text-blocks';
import { WaitingNames } from './waiting-names';
import { readAhead } from './read-ahead';
import { MarkBatches } from './mark-batches';
import { Admission, quotaOf, type PageRelevance } from './admission';

/** JS time per slice. Small, because the style and layout our writes cause come on top (goal: no task over 50 ms). */
export const SLICE_BUDGET_MS = 14;
/**
 * Text read per slice, in characters and in blocks: bounds one request to the
 * background's scanner, the JS that turns its answer into marks, and the
 * marks one slice can find (at most one batch of them is written per slice).
 */
export const MAX_SLICE_CHARS = 100_000;
/**
 * Until the first marks are on, slices read less: a shorter first answer puts
 * the viewport's marks on sooner on a long page. Large enough for a whole news
 * article, which then costs one round trip and one write instead of two (the
 * measurement that set it is in docs/benchmarks.md).
 */
export const FIRST_SLICE_CHARS = 64_000;
export const MAX_SLICE_BLOCKS = 1000;
/** Candidates per resolver request, and how long to gather them. */
/** An element re-rendered more often than this within the window is a ticker: we stop following it. */
export const VOLATILE_LIMIT = 4;
export const VOLATILE_WINDOW_MS = 3000;

export type { Block, BlockPart } from './scanned-block';

/**
 * Detection as the annotator sees it: text blocks in, one result per block.
 * The content script's scanner is the background's detector (a request per
 * slice, answered asynchronously); tests may answer at once.
 */
export interface Scanner {
  /** Scans the texts in order, updating `page` (full names seen) as the detector does. */
  scanMany(texts: string[], page: PageState): ScanResult[] | Promise<ScanResult[]>;
  /** An entity's topics; known for every id the scanner has returned. */
  topicsOf(id: string): readonly string[];
  /** Whether an entity the scanner has returned is of the context tier (lib/detect/relevance.ts). */
  isContext?(id: string): boolean;
  /** Reads a text of the page ahead of the pass for its memory only (names in full, …) into `page`. */
  readAhead?(text: string, page: PageState): Promise<void>;
}

export type { PageRelevance } from './admission';

export interface AnnotatorDeps {
  doc: Document;
  hostname: string;
  scanner: Scanner;
  newPageState(): PageState;
  /**
   * Text blocks under a root (the shared extraction code), skipping what
   * `isOwnUi` claims; the annotator's `isOwnUi` also notes the open shadow
   * roots it passes, so they are walked without a second traversal.
   */
  collect(root: Node, isOwnUi: (el: Element) => boolean): Block[];
  /**
   * A unit's text read in one go when it holds only plain inline content
   * (`readPlainUnit`), else null; its text nodes are then listed only if a
   * scan finds something in it. Absent = every unit is walked node by node.
   */
  readPlain?(unit: Element): string | null;
  /** The text nodes of a unit `readPlain` read whole (`listPlainUnit`); null when it is no longer plain. */
  listPlain?(unit: Element): Block | null;
  /** Decides ambiguous candidates (the background's NLP); absent = reject them. */
  resolve?(items: Candidate[]): Promise<boolean[]>;
  /**
   * The page's text in pieces, read the cheap way (blocks run together), for
   * the scanner's `readAhead`, from the top or, when `after` is given, from
   * the end of that element (the pass has read everything before it); absent =
   * short forms wait for the pass.
   */
  aheadTexts?(doc: Document, after: Element | null): Iterable<string>;
  /** Our own UI (the card host): never read, never observed. */
  isOwnUi(el: Element): boolean;
  /** The content script's observer of the page, shared with its other followers; absent = one of its own. */
  changes?: PageObserver;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  /** False once the extension context is gone. */
  isValid(): boolean;
  now?(): number;
  /** Told when marks were added or removed (card "mention N of M", popup status). */
  onMarksChanged?(): void;
  /** Told when a pass (first pass, batch or rescan) has finished and nothing is queued. */
  onIdle?(): void;
  /** Told about a contained failure (debugging only). */
  onError?(error: unknown): void;
  /** When the content script started (`performance.now()`); timings in the stats count from here. */
  origin?: number;
  /**
   * Where marks far from the viewport wait, on a long page, until the reader
   * scrolls near (lib/dom/near-view.ts); absent or null = every mark is
   * written at once.
   */
  park?(write: (requests: MarkRequest[]) => void): Parking | null;
}

export interface AnnotatorStats {
  slices: number;
  units: number;
  marks: number;
  longestSliceMs: number;
  /** Total time spent in our slices (JS only; the style and layout it causes come on top). */
  sliceMs: number;
  batches: number;
  pageMutations: number;
  ownMutations: number;
  rescans: number;
  /** Units read whole (`readPlain`), and those of them whose nodes had to be listed. */
  plainUnits: number;
  mappedUnits: number;
  /** Units read whole that changed before their nodes were listed (the observer reads them again). */
  staleUnits: number;
  resolved: number;
  volatile: number;
  errors: number;
  /**
   * From the content script's start (`deps.origin`) to the first mark / the end of the first
   * pass (everything read and written, its uncertain names settled by the resolver).
   */
  firstMarkMs: number | null;
  passDoneMs: number | null;
  /** The same moments on the page's `performance.now()` clock. */
  startedAt: number;
  firstMarkAt: number | null;
  passDoneAt: number | null;
}

/**
 * Yields to the page with a plain task boundary: a message on our own channel
 * queues behind the page's pending tasks, input and rendering (unlike
 * `scheduler.yield`, whose continuation jumps ahead of the page's tasks, and
 * without the 4 ms clamp of nested zero timeouts).
 */
function createPageYield(): () => Promise<void> {
  if (typeof MessageChannel !== 'function') return () => new Promise((resolve) => setTimeout(resolve, 0));
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

export class Annotator {
  #settings: Settings | null = null;
  #running = false;
  /** Bumped on stop: loops and late answers from an older run drop out. */
  #generation = 0;
  #page: PageState;
  /** The page's changes, followed while running. */
  #changes: PageChanges | null = null;
  /** Marks admitted but waiting for the reader to scroll near them (null: none wait). */
  #parking: Parking | null = null;
  /** The marks written, their styles and the counts density is judged by. */
  readonly #writer: MarkWriter;
  /** Until the page's relevance is known, nothing is marked. */
  #relevance: PageRelevance | null = null;
  /**
   * Slices scanned before the relevance was known: judged when it comes, so
   * the page lens can start reading while the page is being judged.
   */
  #unjudged: { blocks: Block[]; results: readonly ScanResult[] }[] = [];
  /** Resumes a pass that read one slice and waits for the page's relevance (more could be read in vain). */
  #onVerdict: (() => void) | null = null;
  /** Lets the text read ahead go out once the page is judged (lib/dom/read-ahead.ts `judged`). */
  #onJudged: (() => void)[] = [];
  /** Names nested in the phrases found, per block (keyed by its first text node), for the page's entity list. */
  readonly #nested = new Map<Node, Map<string, number>>();

  /** Roots waiting to be walked, and the walk in progress. */
  readonly #walk: PageWalk;
  #pumping = false;
  /** The page's text read ahead in this run (lib/dom/read-ahead.ts), and when that is done. */
  #ahead: { generation: number; done: Promise<void> } | null = null;
  /** Whether a slice of this run has had its answer (until then, nobody knows what waits). */
  #answered = false;

  /** Mutation batch in the making. */
  readonly #renders = new WeakMap<Element, { count: number; since: number }>();
  readonly #volatile = new WeakSet<Element>();

  /** Marks found and waiting to be written together. */
  readonly #batches = new MarkBatches();
  /** Which marks the settings, the relevance and density allow. */
  readonly #admission: Admission;
  /** Ambiguous candidates waiting for the resolver, short forms for their full name. */
  readonly #waiting: WaitingNames;
  #startedAt = 0;
  readonly #yieldToPage = createPageYield();

  readonly stats: AnnotatorStats = {
    slices: 0,
    units: 0,
    marks: 0,
    longestSliceMs: 0,
    sliceMs: 0,
    batches: 0,
    pageMutations: 0,
    ownMutations: 0,
    rescans: 0,
    plainUnits: 0,
    mappedUnits: 0,
    staleUnits: 0,
    resolved: 0,
    volatile: 0,
    errors: 0,
    firstMarkMs: null,
    passDoneMs: null,
    startedAt: 0,
    firstMarkAt: null,
    passDoneAt: null,
  };

  readonly #deps: AnnotatorDeps;

  constructor(deps: AnnotatorDeps) {
    this.#deps = deps;
    this.#page = deps.newPageState();
    this.#walk = new PageWalk({
      doc: deps.doc,
      now: () => this.#now(),
      budgetMs: SLICE_BUDGET_MS,
      skipped: (el) => this.#skipped(el),
      onShadowRoot: (root) => this.#observeShadow(root),
    });
    this.#writer = new MarkWriter({
      own: (fn) => this.#own(fn),
      style: () => this.#settings?.markStyle ?? 'underline',
      onError: (error) => this.#fail(error),
    });
    this.#admission = new Admission({
      hostname: deps.hostname,
      settings: () => this.#settings,
      relevance: () => this.#relevance,
      topicsOf: (id) => deps.scanner.topicsOf(id),
      isContext: (id) => deps.scanner.isContext?.(id) === true,
      writer: this.#writer,
    });
    this.#waiting = new WaitingNames({
      resolve: deps.resolve,
      admit: (id, node) => this.#admit(id, node),
      shown: (id) => this.#admission.shown(id),
      page: () => this.#page,
      ready: () => this.#ahead?.done,
      write: (requests) => {
        this.#write(requests);
        this.#publish();
      },
      setTimeout: (fn, ms) => deps.setTimeout(fn, ms),
      clearTimeout: (id) => deps.clearTimeout(id),
      isValid: () => deps.isValid(),
      onError: (error) => this.#fail(error),
      onSettled: () => {
        this.#finishPass();
        this.#publish();
      },
    });
    // The waiting names keep the count; the stats read it rather than a copy taken after each settling.
    Object.defineProperty(this.stats, 'resolved', { get: () => this.#waiting.resolved, enumerable: true });
  }

  #now(): number {
    return this.#deps.now ? this.#deps.now() : performance.now();
  }

  /** Whether a pass is under way. */
  get busy(): boolean {
    return this.#pumping;
  }

  /** The page's relevance as the annotator applies it (null until known). */
  get relevance(): PageRelevance | null {
    return this.#relevance;
  }

  /**
   * Sets the page's relevance (see lib/detect/relevance.ts): without it nothing
   * is marked; a change re-filters the marks and walks the page again, like a
   * change of the settings' filters.
   */
  setRelevance(relevance: PageRelevance): void {
    const before = this.#relevance;
    this.#relevance = { ...relevance };
    if (before && JSON.stringify(before) === JSON.stringify(this.#relevance)) return;
    this.#admission.forget();
    if (!this.#running) return;
    if (before === null) {
      // The first verdict: what was read meanwhile is judged now, and the pass goes on as it was.
      this.#resume();
      const unjudged = this.#unjudged.splice(0);
      const t0 = this.#now();
      const requests: MarkRequest[] = [];
      for (const { blocks, results } of unjudged) this.#takeSlice(blocks, results, requests);
      this.#hold(requests, t0, this.#walk.pending);
      this.#account(this.#now() - t0, false);
      this.#publish();
      this.#judged();
      return;
    }
    this.#refilter();
    this.#enqueue(this.#deps.doc, true);
    this.stats.rescans++;
    this.#pump();
  }

  /** Whether marking runs on this page now. */
  get active(): boolean {
    return this.#running;
  }

  /** Applies (new) settings: starts, stops, restyles or re-filters as needed. */
  update(settings: Settings): void {
    const previous = this.#settings;
    this.#settings = settings;
    this.#admission.forget();
    const active = isActiveOn(settings, this.#deps.hostname);
    if (!active) {
      if (this.#running) this.stop();
      return;
    }
    if (!this.#running) {
      this.#start();
      return;
    }
    if (!previous) return;
    if (previous.markStyle !== settings.markStyle) {
      this.#writer.restyle(settings.markStyle);
    }
    const filtersChanged =
      JSON.stringify([previous.topicsOff, previous.hidden, previous.density]) !==
      JSON.stringify([settings.topicsOff, settings.hidden, settings.density]);
    if (filtersChanged) {
      this.#refilter();
      this.#enqueue(this.#deps.doc, true);
      this.stats.rescans++;
      this.#pump();
    }
  }

  /** Starts marking: styles, the observer and the first pass. */
  #start(): void {
    this.#running = true;
    this.#generation++;
    // The first start counts from the content script's start; a restart (settings) from now.
    this.#startedAt = this.stats.startedAt === 0 ? (this.#deps.origin ?? this.#now()) : this.#now();
    this.stats.startedAt = round1(this.#startedAt);
    this.stats.firstMarkMs = this.stats.passDoneMs = this.stats.firstMarkAt = this.stats.passDoneAt = null;
    this.#page = this.#deps.newPageState();
    this.#answered = false;
    const doc = this.#deps.doc;
    const elements = doc.getElementsByTagName('*').length;
    this.#batches.start(elements);
    try {
      this.#changes = (this.#deps.changes ?? new PageObserver(doc)).follow({
        isOurs: (node) => this.#isOurs(node),
        onEditable: (elements) => this.#clearEditable(elements),
        onRewritten: (nodes) => {
          // Text the page rewrote in place: what we had split off it is stale (see dissolveRunOf).
          let dissolved = false;
          this.#own(() => {
            for (const node of nodes) if (dissolveRunOf(node)) dissolved = true;
          });
          return dissolved;
        },
        onBatch: (batch) => this.#onBatch(batch),
        setTimeout: (fn, ms) => this.#deps.setTimeout(fn, ms),
        clearTimeout: (id) => this.#deps.clearTimeout(id),
        isValid: () => this.#deps.isValid(),
        onError: (error) => this.#fail(error),
        stats: this.stats,
      });
    } catch (error) {
      this.#fail(error);
    }
    // Only a long page waits for the reader to scroll: on a short one every write together costs a few
    // frames, and waiting would only hold marks back.
    try {
      if (elements > LARGE_PAGE_ELEMENTS) {
        this.#parking =
          this.#deps.park?.((requests) => {
            if (this.#running) this.#write(requests);
          }) ?? null;
      }
    } catch (error) {
      this.#fail(error);
    }
    this.#enqueue(doc, true);
    this.#pump();
  }

  /** Stops and restores the page exactly: no marks, no style, no observer, no counters. */
  stop(): void {
    this.#running = false;
    this.#generation++;
    this.#waiting.reset();
    this.#walk.clear();
    this.#unjudged = [];
    this.#resume();
    this.#judged();
    // A loop of the old generation may still be parked on a yield; it ends by itself.
    this.#pumping = false;
    this.#batches.clear();
    this.#parking?.clear();
    this.#parking = null;
    this.#changes?.stop();
    this.#changes = null;
    this.#writer.clear(this.#deps.doc);
    // Test builds only, as #publish.
    if (TEST_HOOKS) setTestState({ stats: undefined });
    this.#deps.onMarksChanged?.();
  }

  /**
   * A single-page app went to a new route: detection's page memory starts
   * afresh ("Xi" needs "Xi Jinping" on this route), and the page is walked
   * again (idempotent) in case the route reused nodes the observer saw change.
   */
  newPage(): void {
    if (!this.#running) return;
    this.#page = this.#deps.newPageState();
    this.#waiting.forgetShortForms();
    this.rescan();
  }

  /** Walks the whole page again; text already marked is left as it is. */
  rescan(): void {
    if (!this.#running) return;
    this.stats.rescans++;
    this.#enqueue(this.#deps.doc, false);
    this.#pump();
  }

  /** Marks of one entity, in document order (every one written first: the reader is going to one). */
  mentionsOf(id: string): Element[] {
    this.#writeParked();
    return this.#writer.mentions(id);
  }

  /** Every mark on the page, in document order (every one written first, as mentionsOf). */
  allMentions(): Element[] {
    this.#writeParked();
    return this.#writer.mentions();
  }

  /** Entities marked on the page, with how many marks each has (those waiting to be written included). */
  entityCounts(): { id: string; count: number }[] {
    const counts = this.#writer.counts();
    for (const [id, n] of this.#parking?.counts() ?? []) counts.set(id, (counts.get(id) ?? 0) + n);
    // Names inside marked phrases ("Ukraine" in "Russia's invasion of Ukraine") are on the page too.
    for (const [node, ids] of this.#nested) {
      if (!node.isConnected) {
        this.#nested.delete(node);
        continue;
      }
      for (const [id, n] of ids) if (this.#admission.shown(id)) counts.set(id, (counts.get(id) ?? 0) + n);
    }
    return [...counts]
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  }

  // ── the walk ──────────────────────────────────────────────────────────

  #enqueue(root: Node, viewportFirst: boolean): void {
    this.#walk.enqueue(root, viewportFirst);
  }

  /**
   * Runs slices until the queue is empty, yielding between them. While the
   * background scans one slice the next is read: one slice waits for its
   * answer at a time, and answers are taken in the order the slices were read.
   */
  #pump(): void {
    if (this.#pumping || !this.#running) return;
    this.#pumping = true;
    const generation = this.#generation;
    const loop = async () => {
      let scanning: Promise<boolean> | null = null;
      try {
        while (this.#running && generation === this.#generation && this.#deps.isValid()) {
          const step = this.#slice();
          let more: boolean;
          if (typeof step === 'boolean') more = step;
          else {
            if (scanning) await scanning;
            scanning = step;
            more = this.#walk.pending;
          }
          if (!more && scanning) {
            more = await scanning;
            scanning = null;
          }
          if (!more) break;
          if (this.#relevance === null) await new Promise<void>((resume) => (this.#onVerdict = resume));
          // The text read ahead settles names in view; the pass's next slices are further down.
          if (this.#ahead?.generation === generation) await this.#ahead.done;
          await this.#yieldToPage();
        }
        if (scanning) await scanning;
      } catch (error) {
        this.#fail(error);
      } finally {
        if (generation === this.#generation) {
          this.#pumping = false;
          this.#finishPass();
          this.#publish();
          if (this.#running) this.#deps.onIdle?.();
        }
      }
    };
    void loop();
  }

  /**
   * One slice: read units within the budget, have their text scanned, then
   * hold or write their marks. Returns whether work remains. With the
   * background's scanner the slice is two short tasks, reading and marking,
   * and the page runs freely while the background scans.
   */
  #slice(): boolean | Promise<boolean> {
    const t0 = this.#now();
    const blocks: Block[] = [];
    let chars = 0;
    const maxChars = this.stats.firstMarkMs === null ? FIRST_SLICE_CHARS : MAX_SLICE_CHARS;
    let last: Element | null = null;
    // At least one step per slice, whatever the clock says, so a pass always moves on.
    for (
      let first = true;
      first || (this.#now() - t0 < SLICE_BUDGET_MS && chars < maxChars && blocks.length < MAX_SLICE_BLOCKS);
      first = false
    ) {
      const unit = this.#walk.next(t0);
      if (unit === undefined) break; // the walk of a root needs another slice
      if (unit === null) {
        if (!this.#walk.queued) break;
        continue;
      }
      last = unit;
      try {
        chars += this.#collectUnit(unit, blocks);
      } catch (error) {
        this.#fail(error);
      }
    }
    const texts = blocks.map((b) => b.text);
    let scanned: ScanResult[] | Promise<ScanResult[]> = [];
    try {
      if (texts.length > 0) scanned = this.#deps.scanner.scanMany(texts, this.#page);
    } catch (error) {
      this.#fail(error);
    }
    if (Array.isArray(scanned)) return this.#finishSlice(blocks, scanned, t0, true);
    // The rest of the page's text is read ahead: from where the pass stopped reading when it has read
    // the page in order so far, since the answers to its slices bring that text's memory already.
    if (this.#walk.pending) this.#startReadAhead(this.#walk.inPageOrder ? last : null);
    this.#account(this.#now() - t0, true);
    const generation = this.#generation;
    const page = this.#page;
    const answered = (results: readonly ScanResult[]) => {
      // Stopped, restarted or a new route while the background scanned: the new pass reads it again.
      if (generation !== this.#generation || page !== this.#page || !this.#running) return false;
      return this.#finishSlice(blocks, results, this.#now(), false);
    };
    return scanned.then(answered, (error: unknown) => {
      // This slice's text goes unmarked (the background restarted, or is gone); the pass goes on.
      this.#fail(error);
      return answered([]);
    });
  }

  /**
   * Turns a slice's scan results into held marks and writes what is due.
   * `t0` is when this task started; `newSlice` is false for the second task
   * of a slice that waited for the background (counted once).
   */
  #finishSlice(blocks: Block[], results: readonly ScanResult[], t0: number, newSlice: boolean): boolean {
    this.#answered = true;
    const more = this.#walk.pending;
    if (this.#relevance === null) {
      this.#unjudged.push({ blocks, results });
      this.#account(this.#now() - t0, newSlice);
      return more;
    }
    const requests: MarkRequest[] = [];
    this.#takeSlice(blocks, results, requests);
    const heldBack = this.#hold(requests, t0, more);
    this.#account(this.#now() - t0, newSlice);
    return more || heldBack;
  }

  #resume(): void {
    const resume = this.#onVerdict;
    this.#onVerdict = null;
    resume?.();
  }

  /** Lets the text read ahead go out: the page is judged and its first marks written, or the run is over. */
  #judged(): void {
    for (const resume of this.#onJudged.splice(0)) resume();
  }

  /** A scanned slice's marks, and the waiting names its full names settled, into `requests`. */
  #takeSlice(blocks: Block[], results: readonly ScanResult[], requests: MarkRequest[]): void {
    // Names that waited from earlier slices first (usually higher on the page): where density allows
    // one mark, the first mention is theirs, not the slice's own.
    for (const r of this.#waiting.settleNamed()) requests.push(r);
    blocks.forEach((block, i) => {
      const result = results[i];
      if (!result) return;
      if (block.unit && (!this.#wants(result) || !this.#listNodes(block))) return;
      this.#takeResult(block, result, requests);
    });
    for (const r of this.#waiting.settleNamed()) requests.push(r);
  }

  /**
   * Reads the page's text ahead for the names in view that wait (lib/dom/read-ahead.ts), once per
   * run, after `after` (null: from the top).
   */
  #startReadAhead(after: Element | null): void {
    const read = this.#deps.scanner.readAhead?.bind(this.#deps.scanner);
    const texts = this.#deps.aheadTexts;
    const generation = this.#generation;
    if (!read || !texts || this.#ahead?.generation === generation) return;
    const page = this.#page;
    const done = readAhead({
      page,
      read,
      texts: () => texts(this.#deps.doc, after),
      // Until the first answer is taken (it waits for the verdict), nobody knows what waits.
      wanted: () =>
        this.#walk.pending &&
        (!this.#answered || this.#relevance === null || this.#waiting.shortForms || this.#waiting.busy),
      settle: () => {
        const t0 = this.#now();
        // Written at once, not left for the reader to come near: what waits here was read before the
        // text read ahead was sent (the pass waits for its answers), in the slices whose marks the
        // first write put on at once, around the reader's view.
        this.#write(this.#waiting.settleNamed());
        this.#account(this.#now() - t0, false);
      },
      current: () => generation === this.#generation && page === this.#page && this.#running,
      judged: () =>
        this.#relevance === null && generation === this.#generation
          ? new Promise<void>((resume) => this.#onJudged.push(resume))
          : undefined,
      due: () => this.#answered && this.#relevance === null,
      yieldToPage: () => this.#yieldToPage(),
      onError: (error) => this.#fail(error),
    });
    this.#ahead = { generation, done };
  }

  /** Counts one task of a slice in the stats. */
  #account(took: number, newSlice: boolean): void {
    if (newSlice) this.stats.slices++;
    this.stats.sliceMs = round1(this.stats.sliceMs + took);
    if (took > this.stats.longestSliceMs) this.stats.longestSliceMs = round1(took);
  }

  /**
   * Adds a slice's requests to the held batch and writes (or parks) the batch
   * that is due. Returns whether marks are still held for a later slice.
   */
  #hold(requests: MarkRequest[], now: number, more: boolean): boolean {
    // Parked marks need no batch: those near the viewport are written together in the frame after.
    const batch = this.#batches.add(requests, now, more && this.stats.firstMarkMs !== null && !this.#parking);
    // The page ran between the slices that found these: markRanges writes only what is still there as
    // it was read, and #write gives back the reservations of the rest. After the first marks, what is
    // far from the viewport waits for the reader to scroll near it.
    if (batch.length > 0) this.#writeNear(batch);
    return this.#batches.held;
  }

  /** Writes marks now, or (after the first marks, on a long page) parks those far from the viewport. */
  #writeNear(requests: MarkRequest[]): void {
    if (requests.length === 0) return;
    if (this.#parking && this.stats.firstMarkMs !== null) this.#parking.park(requests);
    else this.#write(requests);
  }

  /** Writes every mark still waiting for the reader to scroll near it. */
  #writeParked(): void {
    const waiting = this.#parking?.takeAll();
    if (waiting && waiting.length > 0) this.#write(waiting);
  }

  /** Open shadow roots met while extracting a unit's text (extraction does not enter them). */
  readonly #shadowsMet: ShadowRoot[] = [];

  /** The own-UI filter handed to text extraction: also notes open shadow roots on the way. */
  readonly #probe = (el: Element): boolean => {
    const own = this.#deps.isOwnUi(el);
    if (!own) {
      const sr = el.shadowRoot;
      if (sr) this.#shadowsMet.push(sr);
    }
    return own;
  };

  #skipped(el: Element): boolean {
    try {
      return isSkippedElement(el, this.#deps.isOwnUi);
    } catch {
      return true;
    }
  }

  /** Whether an element from a mutation lies in a region we never touch (or stopped following). */
  #outOfBounds(el: Element): boolean {
    if ((el as HTMLElement).isContentEditable) return true;
    for (let p: Element | null = el; p; p = p.parentElement) {
      if (this.#volatile.has(p)) return true;
      if (!isMention(p) && this.#skipped(p)) return true;
    }
    return false;
  }

  /** Extracts one unit's text blocks (those with text) into `blocks`; returns their length in characters. */
  #collectUnit(unit: Element, blocks: Block[]): number {
    // A document in design mode is one big editor: nothing in it is ours to touch.
    if (!unit.isConnected || this.#deps.doc.designMode === 'on') return 0;
    this.stats.units++;
    const whole = this.#deps.readPlain?.(unit) ?? null;
    if (whole !== null) {
      this.stats.plainUnits++;
      if (!/\S/.test(whole)) return 0;
      blocks.push({ text: whole, parts: [], unit });
      return whole.length;
    }
    let chars = 0;
    for (const block of this.#deps.collect(unit, this.#probe)) {
      if (!block.text || block.parts.length === 0) continue;
      blocks.push(block);
      chars += block.text.length;
    }
    for (const sr of this.#shadowsMet.splice(0)) this.#enqueue(sr, false);
    return chars;
  }

  /** Whether a scan result holds anything this page may still mark (reserves nothing). */
  #wants(result: ScanResult): boolean {
    if (result.mentions.some((m) => this.#admission.hasRoom(m.id))) return true;
    if (this.#deps.resolve && result.pending.some((c) => this.#admission.shown(c.id))) return true;
    return result.deferred.some((c) => c.abbreviation === true || this.#admission.shown(c.id));
  }

  /**
   * Lists the text nodes of a block that was read whole. The unit is read
   * again node by node; if its text is no longer what was scanned, the page
   * changed it meanwhile and the block is dropped (the observer has queued
   * the unit, and it is read afresh).
   */
  #listNodes(block: Block): boolean {
    const unit = block.unit!;
    block.unit = undefined;
    if (!unit.isConnected) return false;
    this.stats.mappedUnits++;
    let fresh: Block[];
    try {
      const plain = this.#deps.listPlain?.(unit);
      fresh = plain ? [plain] : this.#deps.collect(unit, this.#probe);
    } catch (error) {
      // A failing listing is contained like a failing read; the unit is not stale.
      this.#fail(error);
      return false;
    }
    for (const sr of this.#shadowsMet.splice(0)) this.#enqueue(sr, false);
    const only = fresh.length === 1 ? fresh[0]! : null;
    if (!only || only.text !== block.text) {
      this.stats.staleUnits++;
      return false;
    }
    block.parts = only.parts;
    return true;
  }

  /** One block's scan result: mark requests, candidates for the resolver, short forms that wait. */
  #takeResult(block: Block, result: ScanResult, requests: MarkRequest[]): void {
    const key = block.parts[0]?.node ?? block.unit;
    if (key && result.nested && result.nested.length > 0) {
      const ids = new Map<string, number>();
      for (const m of result.nested) ids.set(m.id, (ids.get(m.id) ?? 0) + 1);
      this.#nested.set(key, ids);
    }
    for (const m of result.mentions) {
      const request = toRequest(block, m);
      if (!request || !this.#admit(m.id, request.node)) continue;
      const inner = innerIds(result.nested, m);
      if (inner.length > 0) request.inner = inner;
      requests.push(request);
    }
    this.#waiting.take(block, result);
  }

  /**
   * Whether a mention may be marked (density, settings, relevance; reserves its
   * place). Where density leaves no room, a mention before a mark that still
   * waits for the reader to scroll near it takes that mark's place: "the first
   * mention" stays the first on the page, whichever of them detection settled
   * first (an ambiguous name at the top may wait for the resolver while a
   * later one is certain).
   */
  #admit(id: string, node: Text): boolean {
    if (this.#admission.admit(id)) return true;
    return !!this.#parking && this.#admission.shown(id) && this.#parking.yieldTo(id, node);
  }

  /** Writes marks (as our own mutations) and settles the reservations made by `admit`. */
  #write(requests: MarkRequest[]): void {
    if (this.#writer.write(requests) === 0) return;
    if (this.stats.firstMarkMs === null) {
      const at = this.#now();
      this.stats.firstMarkMs = Math.round(at - this.#startedAt);
      this.stats.firstMarkAt = round1(at);
    }
    this.#marksChanged();
  }

  /** Runs our DOM writes; the page's pending changes are taken first, ours are only counted. */
  #own(fn: () => void): void {
    if (this.#changes) this.#changes.own(fn);
    else fn();
  }

  // ── settings filters ──────────────────────────────────────────────────

  /** Removes marks the current settings no longer allow (hidden, topic off, beyond density). */
  #refilter(): void {
    const settings = this.#settings;
    if (!settings) return;
    // Held and parked marks were admitted under the old filters; the rescan that follows finds them again.
    this.#batches.clear();
    this.#parking?.clear();
    if (!this.#writer.keepAllowed((id) => this.#admission.shown(id), quotaOf(settings))) return;
    this.#marksChanged();
  }

  #marksChanged(): void {
    this.stats.marks = this.#writer.size;
    this.#deps.onMarksChanged?.();
  }

  // ── mutations ─────────────────────────────────────────────────────────

  /** Removes our marks from regions that became editable. */
  #clearEditable(elements: Element[]): void {
    const editable = (el: Element) => this.#skipped(el) || (el as HTMLElement).isContentEditable;
    if (this.#writer.removeInside(elements, editable)) this.#marksChanged();
  }

  /** Nodes we put into the page: marks, our style element, our UI. */
  #isOurs(node: Node): boolean {
    if (node.nodeType !== 1) return false;
    const el = node as Element;
    // WXT puts a shadow-root UI's document-level CSS in a style element of its own.
    if (isMention(el) || el.hasAttribute(STYLE_ATTR) || el.hasAttribute('wxt-shadow-root-document-styles')) return true;
    try {
      return this.#deps.isOwnUi(el);
    } catch {
      return false;
    }
  }

  /** A batch of the page's changes: marks it removed are forgotten, what it added or rewrote is read. */
  #onBatch({ roots, burst, removals }: ChangeBatch): void {
    if (!this.#running) return;
    this.stats.batches++;
    try {
      if (removals) this.#prune();
      if (burst) {
        this.stats.rescans++;
        this.#walk.clear();
        this.#enqueue(this.#deps.doc, false);
      } else {
        const now = this.#now();
        for (const el of roots) {
          if (!el.isConnected) continue;
          if (hasAncestorIn(el, roots)) continue;
          if (this.#outOfBounds(el)) continue;
          if (this.#isVolatile(el, now)) continue;
          this.#enqueue(el, false);
        }
      }
    } catch (error) {
      this.#fail(error);
    }
    this.#publish();
    this.#pump();
  }

  /** Counts how often the page re-renders an element; past the limit we stop following it. */
  #isVolatile(el: Element, now: number): boolean {
    const seen = this.#renders.get(el);
    if (!seen || now - seen.since > VOLATILE_WINDOW_MS) {
      this.#renders.set(el, { count: 1, since: now });
      return false;
    }
    seen.count++;
    if (seen.count > VOLATILE_LIMIT) {
      this.#volatile.add(el);
      this.stats.volatile++;
      return true;
    }
    return false;
  }

  /** Forgets marks the page removed, so their entities may be marked again in new content. */
  #prune(): void {
    if (this.#writer.forgetRemoved()) this.#marksChanged();
  }

  #observeShadow(root: ShadowRoot): void {
    this.#changes?.observeShadow(root);
  }

  /**
   * Ends the first pass once every unit has been read and written and the
   * uncertain names it found are settled (short forms that wait for a full
   * name do not hold it up).
   */
  #finishPass(): void {
    if (this.stats.passDoneMs !== null || !this.#running || this.#pumping) return;
    if (this.#waiting.busy) return;
    const at = this.#now();
    this.stats.passDoneMs = Math.round(at - this.#startedAt);
    this.stats.passDoneAt = round1(at);
  }

  // ── housekeeping ──────────────────────────────────────────────────────

  #fail(error: unknown): void {
    this.stats.errors++;
    try {
      this.#deps.onError?.(error);
    } catch {
      // never throw into the page
    }
  }

  /**
   * Test builds only (lib/platform/test-hooks.ts; a production build carries
   * none of this): keeps a copy of the counters in the content script's own
   * world for the end-to-end suites, at most once per batch or pass.
   */
  #publish(): void {
    if (TEST_HOOKS && this.#running) setTestState({ stats: { ...this.stats } });
  }
}

/** The distinct entities nested inside `outer`, in order (none when `nested` is absent). */
function innerIds(nested: readonly Mention[] | undefined, outer: Mention): string[] {
  if (!nested || nested.length === 0) return [];
  const ids: string[] = [];
  for (const n of nested) {
    if (n.start >= outer.start && n.end <= outer.end && n.id !== outer.id && !ids.includes(n.id)) ids.push(n.id);
  }
  return ids;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export { findMentions };
