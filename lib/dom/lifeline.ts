/**
 * Lets an orphaned content script notice at once that its extension went away
 * (reloaded, updated, disabled, removed), even on a page that never changes.
 *
 * WXT's `ctx` only finds out when something asks `ctx.isValid`. So each page
 * holds a port to the background: Chrome disconnects it when the extension
 * goes away, and the disconnect asks `ctx.isValid`, which then runs every
 * `ctx.onInvalidated` teardown. When the port closed only because the service
 * worker went to sleep, the context is still valid: the port is opened again
 * at the reader's next sign of activity on the page (never on a timer, so
 * idle tabs never wake the worker). A port that closes at once is not
 * retried, so a missing listener can never cause a loop.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export const LIFELINE_PORT = 'lens-lifeline';
/** A port that lived shorter than this is not reopened (the other side is not listening). */
const MIN_PORT_LIFE_MS = 1000;
/**
 * The disconnect arrives before the orphaned script's runtime is torn down, so
 * validity is looked at again after these delays (a few one-off checks, no polling).
 */
const RECHECK_AFTER_MS = [50, 500, 2000] as const;
/** Reader activity that reopens a port closed by a sleeping service worker. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'focus', 'visibilitychange'] as const;

/** Content script side: keeps a port open for the life of `ctx`. */
export function holdLifeline(ctx: ContentScriptContext): void {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  const open = () => {
    if (!ctx.isValid) return;
    const openedAt = Date.now();
    try {
      port = browser.runtime.connect({ name: LIFELINE_PORT });
    } catch {
      // The extension is already gone: the check below tears the page down.
      void ctx.isValid;
      return;
    }
    port.onDisconnect.addListener(() => {
      port = null;
      // Reading isValid runs the teardown when the extension is gone.
      if (!ctx.isValid) return;
      for (const ms of RECHECK_AFTER_MS) window.setTimeout(() => void ctx.isValid, ms);
      if (Date.now() - openedAt >= MIN_PORT_LIFE_MS) reopenOnActivity();
    });
  };
  const reopenOnActivity = () => {
    const controller = new AbortController();
    const once = () => {
      controller.abort();
      open();
    };
    for (const type of ACTIVITY_EVENTS) {
      window.addEventListener(type, once, { capture: true, passive: true, signal: controller.signal });
    }
    ctx.onInvalidated(() => controller.abort());
  };
  open();
  ctx.onInvalidated(() => {
    try {
      port?.disconnect();
    } catch {
      // already gone
    }
    port = null;
  });
}

/**
 * Background side: accepts the pages' lifeline ports and does nothing else
 * with them (their use is in being open).
 */
export function acceptLifelines(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LIFELINE_PORT) return;
    port.onMessage.addListener(() => undefined);
  });
}
