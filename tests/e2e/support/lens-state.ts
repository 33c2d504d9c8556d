/**
 * What a test build of the content script tells the suites, read where it
 * keeps it: a global of its own isolated world (lib/platform/test-hooks.ts),
 * which the page cannot see and Playwright's page.evaluate does not reach.
 *
 * It is read through DevTools: with Runtime enabled, a session hears of every
 * JavaScript world created in its frames; the extension's is the isolated
 * world whose origin is chrome-extension://. Worlds are keyed by frame and
 * forgotten when destroyed (a navigation or reload makes new ones). A frame in
 * another process (a cross-site iframe) has a session of its own; other
 * frames are found in their page's frame tree by address and name.
 *
 * Used by the Chromium suites, the benchmarks and `npm start`, whose browsers
 * load this one extension (support/chromium.ts), or the benchmark's stand-in.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';
import type { AnnotatorStats } from '../../../lib/dom/annotator';
import type { ScoutStats } from '../../../lib/dom/scout';
import { TEST_STATE_KEY, type TestState } from '../../../lib/platform/test-hooks';

/**
 * The counters published last: the annotator's once it runs; before that (or
 * on a page that names nothing) the scout's, which have the pass fields
 * (`passDoneMs`, `startedAt`, `marks`…) and the scout's own instead of the rest.
 */
export type LensStats = AnnotatorStats & Partial<Omit<ScoutStats, keyof AnnotatorStats>>;

/** The test state of one document. */
export interface LensState extends Omit<TestState, 'stats'> {
  stats?: LensStats;
}

type Target = Page | Frame;

/** How often a wait reads the state again: about a frame, as Playwright's own waits poll. */
const POLL_MS = 16;

interface ContextDescription {
  id: number;
  uniqueId?: string;
  origin: string;
  name: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

interface FrameTree {
  frame: { id: string; url: string; urlFragment?: string; name?: string };
  childFrames?: FrameTree[];
}

/** One DevTools session and the extension worlds of the frames it sees. */
class Worlds {
  /** frame id → the extension's world in that frame. */
  readonly #byFrame = new Map<string, { id: number; uniqueId?: string }>();
  readonly ready: Promise<void>;

  constructor(readonly session: CDPSession) {
    session.on('Runtime.executionContextCreated', ({ context }: { context: ContextDescription }) => {
      const frameId = context.auxData?.frameId;
      if (context.auxData?.type !== 'isolated' || !frameId || !context.origin.startsWith('chrome-extension://')) return;
      this.#byFrame.set(frameId, { id: context.id, uniqueId: context.uniqueId });
    });
    session.on(
      'Runtime.executionContextDestroyed',
      (event: { executionContextId?: number; executionContextUniqueId?: string }) => {
        for (const [frameId, world] of this.#byFrame) {
          if (
            world.id === event.executionContextId ||
            (world.uniqueId && world.uniqueId === event.executionContextUniqueId)
          )
            this.#byFrame.delete(frameId);
        }
      },
    );
    session.on('Runtime.executionContextsCleared', () => this.#byFrame.clear());
    // Runtime.enable reports the worlds that exist already, before it returns.
    this.ready = session.send('Runtime.enable').then(() => undefined);
  }

  /** The test state in the extension's world of `frameId`; null when the script has not run there (yet). */
  async read(frameId: string): Promise<LensState | null> {
    await this.ready;
    const world = this.#byFrame.get(frameId);
    if (!world) return null;
    try {
      const { result } = (await this.session.send('Runtime.evaluate', {
        expression: `globalThis[${JSON.stringify(TEST_STATE_KEY)}] ?? null`,
        contextId: world.id,
        returnByValue: true,
      })) as { result: { value?: LensState | null } };
      return result.value ?? null;
    } catch (error) {
      // The world went away between the event and the read (a navigation): nothing there now.
      if (/context|target closed|session closed/i.test(String(error))) return null;
      throw error;
    }
  }

  async frameTree(): Promise<FrameTree> {
    return ((await this.session.send('Page.getFrameTree')) as { frameTree: FrameTree }).frameTree;
  }
}

/** Sessions opened so far: one per page, and one per out-of-process frame (null: the frame has none). */
const sessions = new WeakMap<Page | Frame, Promise<Worlds | null>>();

function worldsOfPage(page: Page): Promise<Worlds> {
  let known = sessions.get(page);
  if (!known) {
    known = page
      .context()
      .newCDPSession(page)
      .then(async (session) => {
        const worlds = new Worlds(session);
        await worlds.ready;
        return worlds;
      });
    sessions.set(page, known);
  }
  return known as Promise<Worlds>;
}

/** The session of a frame in a process of its own; null for a frame its parent's session covers. */
function worldsOfOwnFrame(frame: Frame): Promise<Worlds | null> {
  let known = sessions.get(frame);
  if (!known) {
    known = frame
      .page()
      .context()
      .newCDPSession(frame)
      .then(
        async (session) => {
          const worlds = new Worlds(session);
          await worlds.ready;
          return worlds;
        },
        // Playwright refuses a session for a frame that is part of its parent's.
        () => null,
      );
    sessions.set(frame, known);
  }
  return known;
}

/** The session that sees `target`'s frame, and that frame's id in it. */
async function locate(target: Target): Promise<{ worlds: Worlds; frameId: string }> {
  // The frames from the nearest one with a session of its own (the top frame at the latest) down to the target.
  const path: Frame[] = [];
  let frame: Frame = 'mainFrame' in target ? target.mainFrame() : target;
  for (;;) {
    const parent = frame.parentFrame();
    const worlds = parent ? await worldsOfOwnFrame(frame) : await worldsOfPage(frame.page());
    if (worlds) return { worlds, frameId: await frameIdAlong(worlds, path) };
    path.unshift(frame);
    frame = parent!;
  }
}

/** The id of the frame reached from the session's top frame through `path`, matched by address and name. */
async function frameIdAlong(worlds: Worlds, path: Frame[]): Promise<string> {
  let node = await worlds.frameTree();
  for (const step of path) {
    const matches = (node.childFrames ?? []).filter(
      (child) =>
        child.frame.url + (child.frame.urlFragment ?? '') === step.url() && (child.frame.name ?? '') === step.name(),
    );
    if (matches.length !== 1) {
      throw new Error(
        `${matches.length ? 'Several frames have' : 'No frame has'} the address ${step.url()} and name "${step.name()}" under ${node.frame.url}.`,
      );
    }
    node = matches[0]!;
  }
  return node.frame.id;
}

/** The test state of the document in `target` (a page: its top document); null when there is none. */
export async function lensState(target: Target): Promise<LensState | null> {
  const { worlds, frameId } = await locate(target);
  return worlds.read(frameId);
}

/** The counters the content script published last in the document, or null when none yet. */
export async function statsOf(target: Target): Promise<LensStats | null> {
  return (await lensState(target))?.stats ?? null;
}

/**
 * Waits until `until` holds for the document's test state (null while it has
 * none) and returns that state; fails after `timeout` ms with the last state seen.
 */
export async function waitForLensState(
  target: Target,
  until: (state: LensState | null) => boolean | Promise<boolean>,
  { timeout = 15_000, interval = POLL_MS }: { timeout?: number; interval?: number } = {},
): Promise<LensState | null> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const state = await lensState(target);
    if (await until(state)) return state;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeout} ms waiting for the lens state; last seen: ${JSON.stringify(state)}`);
    }
    await new Promise((next) => setTimeout(next, interval));
  }
}

/** Waits until the content script runs in the document. */
export async function waitForReady(target: Target, timeout = 10_000): Promise<void> {
  await waitForLensState(target, (state) => state?.ready === true, { timeout });
}

/** Waits until the content script's first pass over the document is over, and returns its counters. */
export async function waitForPass(
  target: Target,
  timeout = 15_000,
  options: { interval?: number } = {},
): Promise<LensStats> {
  const state = await waitForLensState(
    target,
    (s) => s?.stats?.passDoneMs !== undefined && s.stats.passDoneMs !== null,
    { timeout, ...options },
  );
  return state!.stats!;
}
