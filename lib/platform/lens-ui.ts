/**
 * The content script comes in two parts. The scout (entrypoints/content) goes
 * into every page: it reads the settings, asks the background whether the
 * page's text names anything at all, and otherwise only watches. The full
 * script (entrypoints/lens-full.ts: marking, cards, highlights) is loaded by
 * the scout with a dynamic import when the page needs it: a hit, saved
 * highlights, a selection, or a request from the popup. Both run in the same
 * isolated world, so the full script hands its entry point over through a
 * global of that world, never the page's.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageRequest } from './page-messaging';
import type { Settings } from '../settings/model';

/** The full script's file in the extension (listed as a web-accessible resource). */
export const FULL_LENS_FILE = 'lens-full.js';
/**
 * A page with more elements than this is long (~250 KB of text and up): the
 * early script loads the full script as soon as the HTML is parsed, and the
 * scout starts it without probing (lib/platform/early.ts, lib/dom/scout.ts).
 */
export const LARGE_PAGE_ELEMENTS = 5_000;

/** Where the full script leaves its entry point in the isolated world. */
export const FULL_LENS_KEY = '__eurasiaLensFull';

export interface FullLensStart {
  /** The settings the scout read (the full script follows their changes itself). */
  settings: Promise<Settings>;
  /** When the scout started (`performance.now()`), so the page's stats count from there. */
  origin: number;
}

export interface FullLens {
  /** Answers a request the scout took (it keeps the page's one message listener). */
  dispatch(request: PageRequest): Promise<unknown>;
  /** Looks at the current selection (one made while the full script loaded). */
  checkSelection(): void;
}

export interface FullLensEntry {
  start(ctx: ContentScriptContext, options: FullLensStart): FullLens;
}

/** Called by the full script as it is evaluated. */
export function registerFullLens(entry: FullLensEntry): void {
  (globalThis as Record<string, unknown>)[FULL_LENS_KEY] = entry;
}

/** Loads the full script into this isolated world (once) and returns its entry point. */
export async function importFullLens(getUrl: (path: string) => string): Promise<FullLensEntry> {
  const scope = globalThis as Record<string, unknown>;
  if (!scope[FULL_LENS_KEY]) await import(/* @vite-ignore */ getUrl(`/${FULL_LENS_FILE}`));
  const entry = scope[FULL_LENS_KEY] as FullLensEntry | undefined;
  if (!entry || typeof entry.start !== 'function') throw new Error('The full content script did not load.');
  return entry;
}
