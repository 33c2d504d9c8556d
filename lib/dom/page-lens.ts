/**
 * Everything the content script runs on one page (or frame), hung off the
 * content script's `ctx` so that invalidation (update, reload, disable) leaves
 * the page exactly as it was: marks unwrapped, style and card host removed,
 * observer disconnected, listeners gone.
 *
 * - Detection: the shared text extraction here; the text goes to the background's
 *   detector (`detect:scan`), so the page never builds or carries the engine and its tables.
 * - Ambiguous candidates: settled in the background (`detect:resolve`), never here.
 * - Settings: read once, then followed (page-settings.ts): every change is applied at once.
 * - Cards: the UI script (lib/platform/lens-ui.ts) is loaded and the card
 *   host mounted on the first interaction with a mention (pointer, click, the
 *   navigation shortcut) or a popup reveal, so pages that are only read get
 *   neither; that first interaction is handed on to the host once it is up.
 * - A lifeline port to the background lets an orphaned script notice a reload
 *   or update at once (lifeline.ts).
 * - Popup requests (`page:status`, `page:reveal`) are answered by the top frame.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { newPageState } from '../detect/page-state';
import type { Relevance } from '../detect/relevance';
import { readPageDate } from './page-date';
import { judgeByProbes, probeTexts } from './scout';
import { listenInPage, sendRequest } from '../platform/page-messaging';
import { isContextGone, pageHostname } from '../platform/page-context';
import { changePageSettings, watchPageSettings } from '../platform/page-settings';
import { DEFAULT_SETTINGS, hideEntity, type Settings } from '../settings/model';
import { Annotator } from './annotator';
import { backgroundScanner, portTransport, type ProbeSend } from './background-scanner';
import type { CardHost } from './card-host';
import { CARD_HOST_TAG, isNavShortcut, MENTION_SELECTOR } from './card-names';
import type { LensUi } from '../platform/lens-ui';
import { holdLifeline } from './lifeline';
import { innerEntitiesOf } from './mark';
import { nearViewParking } from './near-view';
import type { PageObserver } from './page-changes';
import { collectTextBlocks, listPlainUnit, readPlainUnit } from './text-blocks';

/**
 * Elements per piece of text read ahead for full names (Annotator `aheadTexts`):
 * some 40 kilobytes of an ordinary page, read in a millisecond or two. The
 * pieces are read while the page waits for its first answers, which queue
 * behind whatever piece is being read: on the 1 MB bench page a piece of 6,000
 * elements (250 KB) took up to 30 ms to read and 12 ms to send.
 */
const READ_AHEAD_ELEMENTS = 1000;

export interface PageLens {
  annotator: Annotator;
}

export interface PageLensOptions {
  /** Loads and starts the UI script (cards and highlights) once; every call gets the same. */
  ui: () => Promise<LensUi>;
  /** The settings as the scout read them (it follows their changes until the page lens does). */
  settings: Promise<Settings>;
  /** When the content script started (`performance.now()`): the scout's, so stats count from there. */
  origin: number;
  /** The page's relevance as the scout judged it; null: the page lens judges it (long pages, popup requests). */
  relevance?: Relevance | null;
  /** The content script's observer of the page, which the marks follow (lib/dom/page-changes.ts). */
  changes?: PageObserver;
}

/**
 * Judges the page's relevance (lib/detect/relevance.ts) from the texts the
 * scout would probe, as the command-line tool does, each probe sent with
 * `probe` (the scan port, so that it comes before the text read ahead sent
 * after it). If the background cannot answer, the page is taken as relevant:
 * detection needs it anyway.
 */
async function judgeRelevance(fragment: boolean, probe: ProbeSend): Promise<Relevance> {
  const root = document.body ?? document.documentElement;
  try {
    const judged = await judgeByProbes(root, probe, fragment);
    return judged ?? { core: 0, coreEntities: 0, shown: false, about: false };
  } catch (error) {
    if (!isContextGone(error)) console.debug('[Eurasia Lens] relevance', error);
    return { core: 0, coreEntities: 0, shown: true, about: true };
  }
}

export async function startPageLens(ctx: ContentScriptContext, options: PageLensOptions): Promise<PageLens | null> {
  const { origin } = options;
  const hostname = pageHostname();
  const isTop = window.top === window;
  let settings: Settings = DEFAULT_SETTINGS;
  let cardHost: CardHost | null = null;

  // The settings are being read already; everything below is synchronous set-up.
  const settingsRead = options.settings;
  const isOwnUi = (el: Element) => el.localName === CARD_HOST_TAG || el.localName.startsWith('lens-');
  const scanPort = portTransport();
  // The page's date: dated phrases ("Xi's visit", "the joint statement") are read against it.
  const published = readPageDate(document, location.href)?.date;
  const annotator = new Annotator({
    doc: document,
    hostname,
    scanner: backgroundScanner(scanPort.send),
    newPageState: () => {
      const page = newPageState();
      if (published !== undefined) page.date = published;
      return page;
    },
    collect: (root, ownUi) => collectTextBlocks(root, { isOwnUi: ownUi }),
    readPlain: readPlainUnit,
    listPlain: listPlainUnit,
    // The resolver reads the candidate, not the names inside it (`inner`, for the page if it refuses).
    resolve: async (items) =>
      (await sendRequest({ type: 'detect:resolve', items: items.map(({ inner: _, ...item }) => item) })).accept,
    aheadTexts: function* (doc, after) {
      const root = doc.body ?? doc.documentElement;
      for (const { text } of probeTexts(root, root.querySelectorAll('*'), READ_AHEAD_ELEMENTS, after)) {
        if (/\S/.test(text)) yield text;
      }
    },
    isOwnUi,
    changes: options.changes,
    // Plain timers (ctx.setTimeout adds an abort listener per call, which would pile up on busy
    // pages); the validity check still notices an invalidated context and tears everything down.
    setTimeout: (fn, ms) =>
      window.setTimeout(() => {
        if (ctx.isValid) fn();
      }, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    isValid: () => ctx.isValid,
    park: (write) => nearViewParking(window, write),
    origin,
    onError: (error) => {
      if (!isContextGone(error)) console.debug('[Eurasia Lens]', error);
    },
  });

  let hostPromise: Promise<CardHost | null> | null = null;
  const mountCards = (): Promise<CardHost | null> => {
    if (cardHost) return Promise.resolve(cardHost);
    if (hostPromise) return hostPromise;
    if (!annotator.active || ctx.isInvalid) return Promise.resolve(null);
    hostPromise = options
      .ui()
      .then((ui) =>
        ui.mountCardHost({
          getMentions: () => annotator.allMentions() as HTMLElement[],
          settings: () => settings,
          onHideEntity: (id) => void changePageSettings((s) => hideEntity(s, hostname, id)).catch(() => undefined),
          onSaveHighlight: (m) => void ui.saveMentionHighlight(m),
          published,
          pageEntities: () => annotator.entityCounts(),
          innerEntitiesOf,
        }),
      )
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

  /**
   * Until the card host exists, a few capture listeners watch for the first
   * interaction with a mention; it mounts the host and is handed on to it.
   * Once the host is up these listeners go, and the host's own take over.
   */
  let waiting: AbortController | null = null;
  const waitForFirstInteraction = () => {
    if (waiting && !waiting.signal.aborted) return;
    const controller = new AbortController();
    waiting = controller;
    const mentionOf = (e: Event): HTMLElement | null => {
      if (!annotator.active || annotator.stats.marks === 0) return null;
      const target = e.composedPath()[0] ?? e.target;
      return target instanceof Element ? target.closest<HTMLElement>(MENTION_SELECTOR) : null;
    };
    const handOn = (use: (host: CardHost) => void) =>
      void mountCards().then((host) => {
        if (!host) return;
        controller.abort();
        use(host);
      });
    const on = <K extends keyof WindowEventMap>(type: K, fn: (e: WindowEventMap[K]) => void) =>
      window.addEventListener(type, fn as EventListener, { capture: true, signal: controller.signal });
    on('pointerover', (e) => {
      const mention = mentionOf(e);
      if (mention) handOn((host) => e.pointerType !== 'touch' && host.hover(mention));
    });
    on('pointerdown', (e) => {
      if (mentionOf(e)) handOn(() => undefined);
    });
    on('click', (e) => {
      const mention = mentionOf(e);
      // The host's own rules for clicks: a link wins, a selection is not a request.
      if (!mention || e.defaultPrevented || mention.closest('a[href]')) return;
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;
      handOn((host) => host.open(mention));
    });
    on('keydown', (e) => {
      if (!isNavShortcut(e) || !annotator.active || annotator.stats.marks === 0) return;
      e.preventDefault();
      e.stopPropagation();
      handOn((host) => host.toggleNavigation());
    });
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
  onGone(() => scanPort.close());
  onGone(() => {
    cardHost?.destroy();
    cardHost = null;
  });
  onGone(() => waiting?.abort());
  holdLifeline(ctx);

  try {
    settings = await settingsRead;
  } catch (error) {
    if (isContextGone(error) || ctx.isInvalid) return null;
    settings = DEFAULT_SETTINGS;
  }
  if (ctx.isInvalid) return null;
  // Nothing is marked before the page is judged: the scout has, unless it skipped probing (a long
  // page); then the annotator reads its first slice while the page is judged, and marks it after.
  if (options.relevance) annotator.setRelevance({ shown: options.relevance.shown, about: options.relevance.about });
  const apply = (next: Settings) => {
    settings = next;
    annotator.update(next);
    if (!annotator.active && cardHost) {
      cardHost.destroy();
      cardHost = null;
      waitForFirstInteraction();
    }
  };
  apply(settings);
  onGone(watchPageSettings((next) => ctx.isValid && apply(next)));
  const relevance = options.relevance ?? (await judgeRelevance(!isTop, scanPort.probe));
  if (ctx.isInvalid) return null;
  annotator.setRelevance({ shown: relevance.shown, about: relevance.about });
  waitForFirstInteraction();

  // Single-page apps: the observer sees the new route's content; the location event starts a new
  // "page" for detection's memory and rescans, in case the route reused the same nodes.
  ctx.addEventListener(window, 'wxt:locationchange', () => annotator.newPage());

  if (isTop) {
    onGone(
      listenInPage({
        'page:status': () => ({
          url: location.href,
          hostname,
          active: annotator.active,
          entities: annotator.entityCounts(),
          contentType: document.contentType,
          relevance: {
            shown: relevance.shown,
            about: relevance.about,
            anyway: annotator.relevance?.anyway === true,
          },
          ...(published === undefined ? {} : { date: published }),
        }),
        'page:mark-anyway': () => {
          annotator.setRelevance({ shown: true, about: true, anyway: true });
          return { ok: annotator.active };
        },
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
