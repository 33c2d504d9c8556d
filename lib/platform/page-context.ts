/** Facts about the page a content script runs in, shared by the content script and the UI script. */

/** Errors that only mean the extension went away (update, reload, disable): not worth a word. */
export function isContextGone(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Extension context invalidated|Receiving end does not exist|message port closed/i.test(message);
}

/** The page's hostname; an about:blank frame borrows its (same-origin) parent's. */
export function pageHostname(): string {
  if (location.hostname) return location.hostname;
  try {
    return window.parent?.location.hostname ?? '';
  } catch {
    return '';
  }
}
