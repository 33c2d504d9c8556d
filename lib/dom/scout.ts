/**
 * The scout: what the content script runs first in every page. Most pages a
 * reader opens name nothing in the fact base; on those the scout is all that
 * runs. It
 *
 * - reads the page's text the cheap way (the browser's own `textContent`, plus
 *   open shadow roots) and asks the background whether it holds any candidate
 *   at all (`detect:probe`, the same engine as the marking pass);
 * - on a hit starts the page lens (lib/dom/page-lens.ts), which reads the page
 *   again block by block with all the rules and marks what it finds; a popup
 *   request about the page starts it too; where the text holds a likely name
 *   (likely-names.ts), the page lens script is fetched while the probe is out;
 * - loads the UI script (cards and highlights, lib/platform/lens-ui.ts) when
 *   the page has saved highlights, the reader selects text (the "Save
 *   highlight" button) or asks to save the selection;
 * - otherwise publishes that the page is clear and watches for new content
 *   (one batched observer) and for settings that switch the page on.
 *
 * It marks nothing and adds nothing to the page itself.
 */
import { addCounts, relevanceFromCounts, type Relevance, type RelevanceRule } from '../detect/relevance';
import { MAX_PROBE_CHARS } from '../detect/scan-limits';
import type { LensUi } from '../platform/lens-ui';
import type { PageHandlers, PageRequest } from '../platform/page-messaging';
import { namesLikely } from './likely-names';
import { LARGE_PAGE_ELEMENTS } from './long-page';
import { hasAncestorIn, PageObserver, type PageChanges } from './page-changes';
import { setTestState, TEST_HOOKS } from '../platform/test-hooks';
import { isActiveOn, type Settings } from '../settings/model';

/** Most characters one probe carries; a longer text goes in several, overlapping by PROBE_OVERLAP. */
export const PROBE_CHUNK = MAX_PROBE_CHARS;
/** Longer than any name, so a name cut by a chunk's end is whole in the next chunk. */
export const PROBE_OVERLAP = 200;
/** New content is gathered this long before it is probed (infinite scroll adds in bursts). */
export const SCOUT_BATCH_MS = 150;
/** Beyond this many changed elements waiting to be probed, the whole page is read again instead. */
export const MAX_PENDING_NODES = 2000;

/** Why the page lens was started. */
export type MarkReason = 'mentions' | 'long-page' | 'request' | 'new-content';
/** Why the UI script was loaded by the scout (the page lens loads it for cards itself). */
export type UiReason = 'highlights' | 'selection' | 'request';

/** The page lens, started: it answers the popup's requests about the page. */
export interface Marker {
  dispatch(request: PageRequest): Promise<unknown> | undefined;
}

export interface ScoutStats {
  scout: 'probing' | 'clear' | 'marking';
  reason: MarkReason | null;
  ui: UiReason | null;
  probes: number;
  /** Our own JS time, in the same sense as the annotator's `sliceMs`. */
  sliceMs: number;
  longestSliceMs: number;
  startedAt: number;
  passDoneMs: number | null;
  passDoneAt: number | null;
  firstMarkMs: null;
  marks: 0;
}

/** The background's answer to one probe. */
export interface ProbeAnswer {
  hit: boolean;
  core: Record<string, number>;
  rule: RelevanceRule;
}

export interface ScoutDeps {
  doc: Document;
  hostname: string;
  isTop: boolean;
  settings: Promise<Settings>;
  /** Follows settings changes; returns the unsubscribe. */
  watchSettings(onChange: (next: Settings) => void): () => void;
  /**
   * Whether the text holds any candidate mention, and its core mentions
   * (`detect:probe`), leaving out those in the first `overlap` characters
   * (already counted with the text before).
   */
  probe(text: string, overlap: number): Promise<ProbeAnswer>;
  /** Whether this page has saved highlights (top frame). */
  hasHighlights(): Promise<boolean>;
  /**
   * Fetches the page lens script without starting it: called once, with the first probe of a
   * text that holds a likely name (likely-names.ts), so that the script is there when the probe
   * answers.
   */
  prefetch?(): void;
  /**
   * Starts the page lens, with the settings as they are when it starts
   * (`settings()`: changes the scout saw before included) and the page's
   * relevance when the scout has judged it (not on a long page or a popup's
   * request: the page lens judges it then). Called once.
   */
  mark(settings: () => Promise<Settings>, relevance: Relevance | null): Promise<Marker>;
  /** Loads and starts the UI script; every call gets the same promise. */
  loadUi(): Promise<LensUi>;
  /** The content script's observer of the page, shared with the page lens and the highlights; absent = one of its own. */
  changes?: PageObserver;
  /** Listens for the popup's requests on the runtime (page-messaging's listenOnRuntime); returns the unsubscribe. */
  listen(handlers: PageHandlers): () => void;
  isValid(): boolean;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  now(): number;
  /** The content script's start on the `now()` clock. */
  origin: number;
  onError?(error: unknown): void;
  /** Elements per piece of a long page (PROBE_ELEMENTS; tests use fewer). */
  probeElements?: number;
  /** More elements than this make a page long: no probe (LARGE_PAGE_ELEMENTS; tests use fewer). */
  largePage?: number;
}

export interface Scout {
  /** The page lens once it is starting or started. */
  readonly marker: Promise<Marker> | null;
  /** The UI script once the scout asked for it. */
  readonly ui: Promise<LensUi> | null;
  readonly stats: Readonly<ScoutStats>;
  /** Resolves when the first look at the page is over (clear, or the page lens started). */
  readonly settled: Promise<void>;
  stop(): void;
}

const QUIET_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta']);

/**
 * The text of a subtree the cheap way, for probing only: `textContent` (which
 * runs blocks together and includes script text: the background allows for
 * both), then the text of every open shadow root inside, which it leaves out.
 */
export function probeText(root: Element | ShadowRoot): string {
  return (root.textContent ?? '') + shadowText(root, mayHostShadow(root));
}

/**
 * Elements that cannot have a shadow root, common ones first (a selector
 * list). Only a custom element (its name has a hyphen) or an article, aside,
 * blockquote, body, div, footer, h1–h6, header, main, nav, p, section or span
 * can have one. Reading `shadowRoot` from our isolated world gives each
 * element read a wrapper of its own there, which on a page that names nothing
 * costs about as much as reading the page's text: the selector leaves these
 * elements out before any is read. An element missing from the list is only
 * read in vain.
 */
export const NEVER_SHADOW_HOSTS =
  'a,li,td,tr,th,b,i,em,strong,img,ul,ol,br,svg,path,g,use,input,button,label,option,sup,small,code,time,figure,picture,source,table,tbody,script,style,link,meta';
const MAY_HOST_SHADOW = `:not(${NEVER_SHADOW_HOSTS})`;

/** The descendants of `root` that may have a shadow root, in document order. */
function mayHostShadow(root: Element | ShadowRoot): NodeListOf<Element> {
  return root.querySelectorAll(MAY_HOST_SHADOW);
}

/** The text of the open shadow roots on `root` and on `hosts` (from mayHostShadow), each read by probeText. */
function shadowText(root: Element | ShadowRoot, hosts: ArrayLike<Element>): string {
  let text = '';
  const own = root.nodeType === 1 ? (root as Element).shadowRoot : null;
  if (own) text += `\n${probeText(own)}`;
  for (let i = 0; i < hosts.length; i++) {
    const shadow = hosts[i]!.shadowRoot;
    if (shadow) text += `\n${probeText(shadow)}`;
  }
  return text;
}

/** Runs an undo step that may throw once the extension is gone (nothing is left to undo then). */
function contained(fn: (() => void) | null): void {
  try {
    fn?.();
  } catch {
    // the extension is gone: the listener went with it
  }
}

/** Pages with more elements than this are read in pieces of this many elements (the first piece may hit). */
export const PROBE_ELEMENTS = 2000;

/**
 * A subtree's text in document order, in pieces of PROBE_ELEMENTS elements
 * (`Range.toString`, as cheap as `textContent`), each starting with the end of
 * the one before so a name cut between two pieces is whole in the second.
 * On a long page with names the first piece usually settles it, without
 * reading the rest. Open shadow roots are not in it (see probeText).
 */
export function* textPieces(root: Element, elements: ArrayLike<Element>, size = PROBE_ELEMENTS): Generator<string> {
  for (const piece of overlappingPieces(root, elements, size)) yield piece.text;
}

/** A text to probe, and how many of its first characters repeat the end of the text before it. */
export interface ProbeText {
  text: string;
  overlap: number;
}

/**
 * The index in `elements` (a subtree's elements in document order) of the
 * first element after `after` and outside it; -1 when `after` is not an
 * element of the subtree.
 */
export function indexAfter(root: Element, elements: ArrayLike<Element>, after: Element): number {
  if (after === root || !after.isConnected || !root.contains(after)) return -1;
  let lo = 0;
  let hi = elements.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const position = after.compareDocumentPosition(elements[mid]!);
    // FOLLOWING without CONTAINED_BY: past `after` and everything inside it.
    if (position & 4 && !(position & 16)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** textPieces, with the length of each piece's carried-over start; from the end of `after` when given. */
function* overlappingPieces(
  root: Element,
  elements: ArrayLike<Element>,
  size: number,
  after: Element | null = null,
): Generator<ProbeText> {
  const from = after ? indexAfter(root, elements, after) : -1;
  if (from < 0 && elements.length <= size) {
    yield { text: root.textContent ?? '', overlap: 0 };
    return;
  }
  const range = root.ownerDocument.createRange();
  range.selectNodeContents(root);
  if (from >= 0) range.setStartAfter(after!);
  let carry = '';
  for (let k = Math.max(from, 0) + size; ; k += size) {
    const end = k < elements.length ? elements[k]! : null;
    // An element the page has taken out meanwhile: the piece runs to the end instead.
    const inside = end !== null && end.isConnected && root.contains(end);
    if (inside) range.setEndBefore(end);
    else range.setEnd(root, root.childNodes.length);
    const text = range.toString();
    yield { text: carry + text, overlap: carry.length };
    if (!inside) return;
    carry = text.slice(-PROBE_OVERLAP);
    range.setStartBefore(end);
  }
}

/**
 * Every text the scout probes for a subtree, in order: its pieces (textPieces;
 * when `after` is given, only those after it), then the text of its open
 * shadow roots, each cut into probe chunks, each with the length of its start
 * that repeats the text before it.
 */
export function* probeTexts(
  root: Element,
  elements: ArrayLike<Element>,
  size = PROBE_ELEMENTS,
  after: Element | null = null,
): Generator<ProbeText> {
  // Listed before any text is read, like `elements`: the shadow roots read are those of the same elements.
  const hosts = mayHostShadow(root);
  for (const piece of overlappingPieces(root, elements, size, after)) yield* overlappingChunks(piece);
  const shadow = shadowText(root, hosts);
  if (/\S/.test(shadow)) yield* overlappingChunks({ text: shadow, overlap: 0 });
}

/** probeChunks, with the length of each chunk's repeated start (the first keeps the piece's own). */
export function overlappingChunks(piece: ProbeText): ProbeText[] {
  return probeChunks(piece.text).map((text, k) => ({ text, overlap: k === 0 ? piece.overlap : PROBE_OVERLAP }));
}

/**
 * A page's relevance judged from the texts the scout probes (`probeTexts`),
 * each counted by `probe`; null when the page has no text to judge. The page
 * lens (long pages, popup requests) and the command-line tool judge by it alike.
 */
export async function judgeByProbes(
  root: Element,
  probe: (
    text: string,
    overlap: number,
  ) => Pick<ProbeAnswer, 'core' | 'rule'> | Promise<Pick<ProbeAnswer, 'core' | 'rule'>>,
  fragment = false,
): Promise<Relevance | null> {
  const counts: Record<string, number> = {};
  let rule: RelevanceRule | null = null;
  for (const { text, overlap } of probeTexts(root, root.querySelectorAll('*'))) {
    if (!/\S/.test(text)) continue;
    const answer = await probe(text, overlap);
    addCounts(counts, answer.core);
    rule = answer.rule;
    // More text only adds to the counts: a page found to be about Russia or China stays so.
    if (relevanceFromCounts(counts, rule, fragment).about) break;
  }
  return rule ? relevanceFromCounts(counts, rule, fragment) : null;
}

/** Cuts a long text into overlapping chunks of at most PROBE_CHUNK characters. */
export function probeChunks(text: string): string[] {
  if (text.length <= PROBE_CHUNK) return [text];
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += PROBE_CHUNK - PROBE_OVERLAP) {
    chunks.push(text.slice(at, at + PROBE_CHUNK));
    if (at + PROBE_CHUNK >= text.length) break;
  }
  return chunks;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function startScout(deps: ScoutDeps): Scout {
  const { doc } = deps;
  const stats: ScoutStats = {
    scout: 'probing',
    reason: null,
    ui: null,
    probes: 0,
    sliceMs: 0,
    longestSliceMs: 0,
    startedAt: round1(deps.origin),
    passDoneMs: null,
    passDoneAt: null,
    firstMarkMs: null,
    marks: 0,
  };
  let stopped = false;
  let marker: Promise<Marker> | null = null;
  let ui: Promise<LensUi> | null = null;
  let active = false;
  let probing = false;
  /** New content, followed while the page is probed (lib/dom/page-changes.ts, as the page lens follows it). */
  let changes: PageChanges | null = null;
  let pending = new Set<Element>();
  let rereadAll = false;
  const cleanups: (() => void)[] = [];
  let unlistenRequests: (() => void) | null = null;

  const fail = (error: unknown) => deps.onError?.(error);
  /** Whether the scout still probes (the page lens has not started). */
  const live = () => !stopped && marker === null && deps.isValid();
  /** Whether the scout still watches for reasons to load the UI script. */
  const uiLive = () => !stopped && ui === null && deps.isValid();
  const account = (t0: number) => {
    const took = deps.now() - t0;
    stats.sliceMs = round1(stats.sliceMs + took);
    if (took > stats.longestSliceMs) stats.longestSliceMs = round1(took);
  };
  const publish = () => {
    // Test builds only (lib/platform/test-hooks.ts): a copy kept in the script's own world.
    if (TEST_HOOKS && !stopped) setTestState({ stats: { ...stats } });
  };

  /** Lets go of the page's content (the page lens takes over, or the scout stops). */
  const standDownProbe = () => {
    changes?.stop();
    changes = null;
    pending = new Set();
  };
  /** Lets go of the selection (the UI script takes over, or the scout stops). */
  const standDownUi = () => {
    for (const fn of cleanups.splice(0)) contained(fn);
  };

  const wake = (reason: MarkReason, relevance: Relevance | null = null): Promise<Marker> => {
    if (marker) return marker;
    stats.scout = 'marking';
    stats.reason = reason;
    standDownProbe();
    marker = deps
      .mark(() => latest, relevance)
      .finally(() => {
        // The page lens follows the settings from its start on.
        contained(unwatchSettings);
        unwatchSettings = null;
      })
      .catch((error: unknown) => {
        fail(error);
        throw error;
      });
    return marker;
  };

  const wakeUi = (reason: UiReason): Promise<LensUi> => {
    if (ui) return ui;
    stats.ui = reason;
    standDownUi();
    ui = deps.loadUi().then(
      (lens) => {
        // A selection made while the UI script loaded: its button was not listening yet.
        lens.checkSelection();
        return lens;
      },
      (error: unknown) => {
        fail(error);
        throw error;
      },
    );
    return ui;
  };

  /** What the probes found so far: any candidate, and the core mentions that make a page relevant. */
  const found = { hit: false, counts: {} as Record<string, number>, rule: null as RelevanceRule | null };

  let prefetched = false;

  /** Probes one chunk, adding to `found`; false when the background could not answer. */
  const probeOne = async ({ text, overlap }: ProbeText): Promise<boolean> => {
    stats.probes++;
    if (!prefetched && deps.prefetch && namesLikely(text)) {
      prefetched = true;
      deps.prefetch();
    }
    let answer: ProbeAnswer;
    try {
      answer = await deps.probe(text, overlap);
    } catch (error) {
      // The background could not answer (restarting, or gone): the page stays as it is.
      fail(error);
      return false;
    }
    if (answer.hit) found.hit = true;
    addCounts(found.counts, answer.core);
    found.rule = answer.rule;
    return true;
  };

  /** Probes a text in chunks (probeOne); false when the background could not answer. */
  const probeAll = async (text: string): Promise<boolean> => {
    if (!/\S/.test(text)) return true;
    for (const chunk of overlappingChunks({ text, overlap: 0 })) {
      if (!live()) return true;
      if (!(await probeOne(chunk))) return false;
    }
    return true;
  };

  /**
   * Starts the page lens when what was probed is for this lens: a candidate,
   * and enough core entities (lib/detect/relevance.ts). A page that names only
   * the United States, or only a town called Moscow, stays with the scout.
   */
  const decide = (reason: MarkReason): boolean => {
    if (!live()) return true;
    if (!found.hit || !found.rule) return false;
    const relevance = relevanceFromCounts(found.counts, found.rule, !deps.isTop);
    if (!relevance.shown) return false;
    void wake(reason, relevance).catch(() => undefined);
    return true;
  };

  /** Probes a subtree: its text piece by piece, then its open shadow roots; true when the page lens was started. */
  const probeSubtree = async (root: Element, reason: MarkReason, startLarge = false): Promise<boolean> => {
    let t0 = deps.now();
    const elements = root.querySelectorAll('*');
    // A very long page: the page lens starts at once (the early script read the settings when the
    // HTML was parsed), since waiting for a probe would hold back its first marks while the browser
    // is busy with the page, and reading it in full costs little beside the page itself.
    if (startLarge && elements.length > (deps.largePage ?? LARGE_PAGE_ELEMENTS)) {
      account(t0);
      void wake('long-page').catch(() => undefined);
      return true;
    }
    // The texts judgeByProbes reads (the pieces, then open shadow roots), probed until the page is
    // found to be about Russia or China (more text only adds to the counts, so nothing after that can
    // change the verdict), or to their end.
    const texts = probeTexts(root, elements, deps.probeElements ?? PROBE_ELEMENTS);
    for (;;) {
      const next = texts.next();
      account(t0);
      if (next.done) break;
      if (/\S/.test(next.value.text)) {
        if (!live()) return true;
        if (!(await probeOne(next.value))) return false;
        if (!live()) return true;
        if (found.hit && found.rule && relevanceFromCounts(found.counts, found.rule, !deps.isTop).about) {
          return decide(reason);
        }
      }
      t0 = deps.now();
    }
    return decide(reason);
  };

  const lookAtPage = async (): Promise<void> => {
    if (probing || !live()) return;
    probing = true;
    try {
      // Content the page adds meanwhile is probed on its own.
      observe();
      const body = doc.body ?? doc.documentElement;
      if (body && (await probeSubtree(body, 'mentions', true))) return;
      if (!live()) return;
      stats.scout = 'clear';
      const at = deps.now();
      stats.passDoneAt = round1(at);
      stats.passDoneMs = Math.round(at - deps.origin);
      publish();
    } finally {
      probing = false;
    }
  };

  const flush = () => {
    if (!live() || !active) return;
    const body = doc.body ?? doc.documentElement;
    if (rereadAll) {
      pending = new Set();
      rereadAll = false;
      // The whole page is read again: its counts start afresh.
      found.hit = false;
      found.counts = {};
      if (body) void probeSubtree(body, 'new-content');
      return;
    }
    const t0 = deps.now();
    let text = '';
    for (const el of pending) {
      if (el.isConnected && !hasAncestorIn(el, pending)) text += `\n${probeText(el)}`;
    }
    pending = new Set();
    account(t0);
    void probeAll(text).then((ok) => ok && decide('new-content'));
  };

  const observe = () => {
    if (changes || !live() || !doc.documentElement) return;
    changes = (deps.changes ?? new PageObserver(doc)).follow({
      // Nothing of ours is on the page yet; what the page adds without text is no content.
      isOurs: (node) => node.nodeType === 1 && QUIET_ELEMENTS.has((node as Element).localName),
      onEditable: () => undefined,
      onRewritten: () => false,
      onBatch: ({ roots, burst }) => {
        if (burst) rereadAll = true;
        else for (const el of roots) pending.add(el);
        // Kept while the page is switched off, up to a point: past it the page is read again as a whole.
        if (pending.size > MAX_PENDING_NODES) {
          pending = new Set();
          rereadAll = true;
        }
        flush();
      },
      setTimeout: (fn, ms) => deps.setTimeout(fn, ms),
      clearTimeout: (id) => deps.clearTimeout(id),
      isValid: () => deps.isValid(),
      onError: fail,
      delayMs: SCOUT_BATCH_MS,
    });
  };

  // Followed from the start, so whatever starts the page lens starts it with the latest settings.
  let latest: Promise<Settings> = deps.settings;
  let settingsKnown = false;
  let unwatchSettings: (() => void) | null = deps.watchSettings((next) => {
    latest = Promise.resolve(next);
    if (!settingsKnown || marker) return;
    const was = active;
    active = isActiveOn(next, deps.hostname);
    // Switched on for this page: look at it now (what came while off included).
    if (active && !was) void lookAtPage().catch(fail);
  });

  const settled = (async () => {
    if (deps.isTop) {
      // The page's one listener for the popup's requests, for as long as the script lives: it
      // starts the page lens or loads the UI script if need be and hands each request on to it,
      // so none is lost or answered twice while they start.
      const aboutPage = (request: PageRequest) =>
        wake('request').then((lens) => lens.dispatch(request)) as Promise<never>;
      const toUi = (request: PageRequest) => wakeUi('request').then((lens) => lens.dispatch(request)) as Promise<never>;
      unlistenRequests = deps.listen({
        'page:status': aboutPage,
        'page:reveal': aboutPage,
        'page:mark-anyway': aboutPage,
        'highlight:save-selection': toUi,
      });
      // A selection may be saved as a highlight: the UI script shows the button.
      const onSelection = () => {
        const selection = doc.getSelection();
        if (!selection || selection.isCollapsed || !uiLive()) return;
        void wakeUi('selection').catch(() => undefined);
      };
      doc.addEventListener('selectionchange', onSelection);
      cleanups.push(() => doc.removeEventListener('selectionchange', onSelection));
      void deps.hasHighlights().then(
        (has) => {
          if (has && uiLive()) void wakeUi('highlights').catch(() => undefined);
        },
        (error: unknown) => fail(error),
      );
    }

    let settings: Settings;
    try {
      // A change that came while the first read was out is the one that counts.
      await deps.settings;
      settings = await latest;
    } catch (error) {
      fail(error);
      return;
    }
    settingsKnown = true;
    if (!live()) return;
    active = isActiveOn(settings, deps.hostname);
    if (active) await lookAtPage();
  })().catch(fail);

  return {
    get marker() {
      return marker;
    },
    get ui() {
      return ui;
    },
    stats,
    settled,
    stop() {
      standDownProbe();
      standDownUi();
      contained(unwatchSettings);
      contained(unlistenRequests);
      unwatchSettings = unlistenRequests = null;
      stopped = true;
    },
  };
}
