/**
 * Everything the content script runs on one page (or frame), hung off the
 * content script's `ctx` so that invalidation (update, reload, disable) leaves
 * the page exactly as it was: marks unwrapped, style and card host removed,
 * observer disconnected, listeners gone.
 *
 * - Detection: the bundled alias table (no facts) and the shared text extraction.
 * - Ambiguous candidates: settled in the background (`detect:resolve`), never here.
 * - Settings: read once, then followed (`watchSettings`): every change is applied at once.
 * - Cards: the card host is mounted at an idle moment after the first pass
 *   that made marks, so pages without mentions get nothing from us.
 * - A lifeline port to the background lets an orphaned script notice a reload
 *   or update at once (lifeline.ts).
 * - Popup requests (`page:status`, `page:reveal`) are answered by the top frame.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { aliasTable } from '../detect/bundled-table';
import { createDetector, newPageState, type Detector } from '../detect/detector';
import { listen, sendRequest } from '../platform/messaging';
import { getSettings, updateSettings, watchSettings } from '../platform/settings-store';
import { DEFAULT_SETTINGS, hideEntity, isActiveOn, type Settings } from '../settings/model';
import { Annotator } from './annotator';
import { CARD_HOST_TAG, mountCardHost, type CardHost } from './card-host';
import { holdLifeline } from './lifeline';
import { collectTextBlocks } from './text-blocks';

/** Longest wait for an idle moment before the card host is mounted anyway. */
const CARD_HOST_IDLE_TIMEOUT_MS = 500;

/** Errors that only mean the extension went away (update, reload, disable): not worth a word. */
function isContextGone(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Extension context invalidated|Receiving end does not exist|message port closed/i.test(message);
}

/** The page's hostname; an about:blank frame borrows its (same-origin) parent's. */
function pageHostname(): string {
  if (location.hostname) return location.hostname;
  try {
    return window.parent?.location.hostname ?? '';
  } catch {
    return '';
  }
}

export interface PageLens {
  annotator: Annotator;
}

export async function startPageLens(ctx: ContentScriptContext): Promise<PageLens | null> {
  const origin = performance.now();
  const hostname = pageHostname();
  const isTop = window.top === window;
  let settings: Settings = DEFAULT_SETTINGS;
  let cardHost: CardHost | null = null;

  // Start the storage read at once; everything below is synchronous set-up.
  const settingsRead = getSettings();
  const isOwnUi = (el: Element) => el.localName === CARD_HOST_TAG || el.localName.startsWith('lens-');
  // Built only where marking runs (a paused site never pays for it).
  let detector: Detector | null = null;
  const getDetector = () => (detector ??= createDetector(aliasTable));
  const annotator = new Annotator({
    doc: document,
    hostname,
    scanner: { scan: (text, page) => getDetector().scan(text, page), topicsOf: (id) => getDetector().topicsOf(id) },
    newPageState,
    collect: (root, ownUi) => collectTextBlocks(root, { isOwnUi: ownUi }),
    resolve: async (items) => (await sendRequest({ type: 'detect:resolve', items })).accept,
    isOwnUi,
    // Plain timers (ctx.setTimeout adds an abort listener per call, which would pile up on busy
    // pages); the validity check still notices an invalidated context and tears everything down.
    setTimeout: (fn, ms) =>
      window.setTimeout(() => {
        if (ctx.isValid) fn();
      }, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    isValid: () => ctx.isValid,
    publishStats: true,
    origin,
    onMarksChanged: () => maybeMountCards(),
    onIdle: () => maybeMountCards(),
    onError: (error) => {
      if (!isContextGone(error)) console.debug('[Eurasia Lens]', error);
    },
  });

  /**
   * The card host goes in once the page has marks and the pass that made them
   * is over, at an idle moment: inserting it costs the page a style and paint
   * update, which should not land in the middle of marking.
   */
  let hostPromise: Promise<CardHost | null> | null = null;
  let idleScheduled = false;
  const maybeMountCards = () => {
    if (cardHost || hostPromise || idleScheduled) return;
    if (!annotator.active || annotator.busy || annotator.stats.marks === 0) return;
    idleScheduled = true;
    ctx.requestIdleCallback(
      () => {
        idleScheduled = false;
        void mountCards();
      },
      { timeout: CARD_HOST_IDLE_TIMEOUT_MS },
    );
  };

  const mountCards = (): Promise<CardHost | null> => {
    if (cardHost) return Promise.resolve(cardHost);
    if (hostPromise) return hostPromise;
    if (!annotator.active || ctx.isInvalid) return Promise.resolve(null);
    hostPromise = mountCardHost(ctx, {
      getMentions: () => annotator.allMentions() as HTMLElement[],
      settings: () => settings,
      onHideEntity: (id) => void updateSettings((s) => hideEntity(s, hostname, id)).catch(() => undefined),
    })
      .then((host) => {
        if (ctx.isInvalid || !annotator.active) {
          host.destroy();
          return null;
        }
        cardHost = host;
        return host;
      })
      .catch((error: unknown) => {
        if (!isContextGone(error)) console.debug('[Eurasia Lens] card host', error);
        return null;
      })
      .finally(() => {
        hostPromise = null;
      });
    return hostPromise;
  };

  // Teardown steps run one by one, each contained: browser APIs throw "Extension context
  // invalidated" at this point, and nothing may reach the page.
  const onGone = (fn: () => void) =>
    ctx.onInvalidated(() => {
      try {
        fn();
      } catch {
        // the extension is gone; the page is what matters
      }
    });
  onGone(() => annotator.stop());
  onGone(() => {
    cardHost?.destroy();
    cardHost = null;
  });
  holdLifeline(ctx);

  try {
    settings = await settingsRead;
  } catch (error) {
    if (isContextGone(error) || ctx.isInvalid) return null;
    settings = DEFAULT_SETTINGS;
  }
  if (ctx.isInvalid) return null;
  if (isActiveOn(settings, hostname)) {
    getDetector();
    // The detector's build is one task; the first slice of marking gets its own.
    await new Promise<void>((resolve) => ctx.setTimeout(resolve, 0));
    if (ctx.isInvalid) return null;
  }

  const apply = (next: Settings) => {
    settings = next;
    annotator.update(next);
    if (!annotator.active && cardHost) {
      cardHost.destroy();
      cardHost = null;
    }
  };
  apply(settings);
  onGone(watchSettings((next) => ctx.isValid && apply(next)));

  // Single-page apps: the observer sees the new route's content; the location event starts a new
  // "page" for detection's memory and rescans, in case the route reused the same nodes.
  ctx.addEventListener(window, 'wxt:locationchange', () => annotator.newPage());

  if (isTop) {
    onGone(
      listen({
        'page:status': () => ({
          url: location.href,
          hostname,
          active: annotator.active,
          entities: annotator.entityCounts(),
        }),
        'page:reveal': async ({ id }) => {
          const first = annotator.mentionsOf(id)[0] as HTMLElement | undefined;
          if (!first) return { ok: false };
          first.scrollIntoView({ block: 'center' });
          (await mountCards())?.open(first);
          return { ok: true };
        },
      }),
    );
  }
  return { annotator };
}
