/**
 * The page lens script (entrypoints/lens-page.ts: lib/dom/page-lens.ts and the
 * marking behind it), loaded by the content script only once the scout finds
 * that the page names something, or while it asks when the page holds a likely
 * name (lib/dom/likely-names.ts), so a page that names nothing compiles and
 * runs the scout alone (lib/platform/lens-ui.ts has the whole picture).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageLensOptions } from '../dom/page-lens';
import type { PageRequest } from './page-messaging';
import { inPageScript } from './in-page-script';

/** The page lens script's file in the extension (listed as a web-accessible resource). */
export const LENS_PAGE_FILE = 'lens-page.js';

/** Where the page lens script leaves its entry point in the isolated world. */
export const LENS_PAGE_KEY = '__eurasiaLensPage';

export interface LensPageEntry {
  /** Starts the page lens; its requests are answered through the content script's one listener (dispatch). */
  start(
    ctx: ContentScriptContext,
    options: PageLensOptions,
  ): Promise<{ dispatch(request: PageRequest): Promise<unknown> | undefined }>;
}

const script = inPageScript<LensPageEntry>(LENS_PAGE_FILE, LENS_PAGE_KEY, 'page lens');

/** Called by the page lens script as it is evaluated. */
export const registerLensPage = script.register;

/** Loads the page lens script into this isolated world (once) and returns its entry point. */
export const importLensPage = script.load;
