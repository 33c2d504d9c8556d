import { browser } from 'wxt/browser';
import { startScout } from '@/lib/dom/scout';
import { canonicalHref } from '@/lib/dom/highlights/page-url';
import { takeEarlySettings } from '@/lib/platform/early';
import { importFullLens } from '@/lib/platform/full-lens';
import { listenInPage, sendRequest } from '@/lib/platform/page-messaging';
import { readPageSettings, watchPageSettings } from '@/lib/platform/page-settings';
import { isContextGone, pageHostname } from '@/lib/platform/page-context';

/**
 * The scout (lib/dom/scout.ts): the only part of Eurasia Lens in a page that
 * names nothing of ours. Detection and marking (issue #4), context cards
 * (issue #5), saved highlights (issue #7) and the popup's page requests live
 * in the full script (entrypoints/lens-full.ts), which the scout loads when
 * the page needs it; everything hangs off ctx and is undone when it is invalidated.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  allFrames: true,
  matchAboutBlank: true,
  // WXT's window.postMessage announcing the script would reach every message listener of the page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const origin = performance.now();
    // Marks the document so the end-to-end suite can see the script ran.
    document.documentElement.setAttribute('data-lens-ready', '');
    ctx.onInvalidated(() => document.documentElement.removeAttribute('data-lens-ready'));

    // Read at document_start by the early script when it ran (entrypoints/early.ts); otherwise now.
    const settings = takeEarlySettings() ?? readPageSettings();
    const onError = (error: unknown) => {
      if (!isContextGone(error)) console.debug('[Eurasia Lens]', error);
    };
    const scout = startScout({
      doc: document,
      hostname: pageHostname(),
      isTop: window.top === window,
      settings,
      watchSettings: (fn) => watchPageSettings((next) => ctx.isValid && fn(next)),
      probe: async (text) => (await sendRequest({ type: 'detect:probe', text })).hit,
      hasHighlights: async () => {
        const list = await sendRequest({
          type: 'highlight:list-for-page',
          url: location.href,
          canonical: canonicalHref(),
        });
        return !!list?.ok && list.value.length > 0;
      },
      load: async (latest) => {
        const entry = await importFullLens((path) => browser.runtime.getURL(path as '/lens-full.js'));
        if (ctx.isInvalid) throw new Error('Extension context invalidated.');
        return entry.start(ctx, { settings: latest(), origin });
      },
      listen: listenInPage,
      isValid: () => ctx.isValid,
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (id) => window.clearTimeout(id),
      now: () => performance.now(),
      origin,
      publishStats: true,
      onError,
    });
    ctx.onInvalidated(() => scout.stop());
  },
});
