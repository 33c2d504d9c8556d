/**
 * What the content script needs to know about the cards before their script
 * is loaded (lib/platform/lens-ui.ts): which elements are mentions and our
 * own UI, and the navigation shortcut. Kept apart from card-host.ts, which
 * brings Preact with it.
 */
export const MENTION_SELECTOR = 'lens-mention';
/** The custom element hosting the card's shadow root. */
export const CARD_HOST_TAG = 'lens-card-host';

/** Whether the Alt+Shift+L navigation shortcut was pressed (by physical key, so layouts and macOS Option work). */
export function isNavShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyL';
}
