/**
 * The content script comes in three parts. The content script proper
 * (entrypoints/content: the scout) goes into every page: it reads the
 * settings and asks the background whether the page's text names anything at
 * all. Only if it does, it loads the page lens script (entrypoints/lens-page.ts,
 * lib/platform/lens-page.ts), which marks the mentions. The UI script
 * (entrypoints/lens-ui.ts: context cards and saved highlights, with Preact) is
 * loaded with a dynamic import only when the reader needs it: the first
 * interaction with a mention, saved highlights on the page, a selection, or a
 * request from the popup. All run in the same isolated world
 * (lib/platform/in-page-script.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HighlightResult } from '../messages';
import type { Highlight } from '../highlights/model';
import type { PageRequest } from './page-messaging';
import type { CardHost, CardHostOptions } from '../dom/card-host';
import type { PageObserver } from '../dom/page-changes';
import { inPageScript } from './in-page-script';

/** The UI script's file in the extension (listed as a web-accessible resource). */
export const LENS_UI_FILE = 'lens-ui.js';

/** Where the UI script leaves its entry point in the isolated world. */
export const LENS_UI_KEY = '__eurasiaLensUi';

export interface LensUi {
  /** Answers a request the content script took (it keeps the page's one message listener). */
  dispatch(request: PageRequest): Promise<unknown> | undefined;
  /** Looks at the current selection (one made while the UI script loaded). */
  checkSelection(): void;
  /** Mounts the context cards' host (lib/dom/card-host.ts). */
  mountCardHost(options: CardHostOptions): Promise<CardHost>;
  /** The card's "Save highlight": the mention with its sentence. */
  saveMentionHighlight(mention: HTMLElement): Promise<HighlightResult<Highlight>>;
}

/** What the content script already knows when it starts the UI script. */
export interface LensUiStart {
  /**
   * This page's saved highlights, when the content script has just asked for
   * them (that is what made it load the UI): the UI restores from this answer
   * instead of asking again.
   */
  savedHighlights?: Promise<HighlightResult<Highlight[]>>;
  /** The content script's observer of the page (lib/dom/page-changes.ts), which restoring highlights follows too. */
  changes?: PageObserver;
}

export interface LensUiEntry {
  /** Starts saved highlights (top frame) and returns the UI's handle. */
  start(ctx: ContentScriptContext, known?: LensUiStart): LensUi;
}

const script = inPageScript<LensUiEntry>(LENS_UI_FILE, LENS_UI_KEY, 'cards and highlights');

/** Called by the UI script as it is evaluated. */
export const registerLensUi = script.register;

/** Loads the UI script into this isolated world (once) and returns its entry point. */
export const importLensUi = script.load;
