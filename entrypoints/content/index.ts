import { browser } from 'wxt/browser';
import { PageObserver } from '@/lib/dom/page-changes';
import { startScout } from '@/lib/dom/scout';
import { canonicalHref } from '@/lib/dom/highlights/page-url';
import { takeEarlySettings } from '@/lib/platform/early';
import { importLensUi, type LensUi } from '@/lib/platform/lens-ui';
import { importLensPage } from '@/lib/platform/lens-page';
import { listenOnRuntime, sendRequest } from '@/lib/platform/page-messaging';
import { readPageSettings, watchPageSettings } from '@/lib/platform/page-settings';
import { isContextGone, pageHostname } from '@/lib/platform/page-context';
import { clearTestState, setTestState, TEST_HOOKS } from '@/lib/platform/test-hooks';
import type { Highlight } from '@/lib/highlights/model';
import type { HighlightResult } from '@/lib/messages';

/**
 * The content script. The scout (lib/dom/scout.ts) looks at every page first;
 * where the page names something, it loads and starts the page lens script
 * (entrypoints/lens-page.ts, lib/dom/page-lens.ts: detection in the background,
 * marking here, issue #4). Context cards (issue #5)
 * and saved highlights (issue #7) live in the UI script (entrypoints/lens-ui.ts),
 * loaded when the reader first needs them. Everything hangs off ctx and is
 * undone when it is invalidated.
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
    // Test builds only: tells the end-to-end suites, in this script's own world, that it runs here.
    if (TEST_HOOKS) {
      setTestState({ ready: true });
      ctx.onInvalidated(() => clearTestState());
    }

    // The one observer of the page's changes: the scout's watch, the marks and the highlights follow it.
    const changes = new PageObserver(document);
    ctx.onInvalidated(() => changes.stop());

    let ui: Promise<LensUi> | null = null;
    // The scout's question "does this page have saved highlights?" fetches them: the UI script,
    // which it then loads, restores from that answer if the page is still at the same address.
    let saved: { href: string; answer: Promise<HighlightResult<Highlight[]>> } | null = null;
    const takeSaved = () => {
      const known = saved?.href === location.href ? saved.answer : undefined;
      saved = null;
      return known;
    };
    // One of our in-page scripts (lib/platform/in-page-script.ts), once it is loaded, if this script still runs.
    const loaded = async <T>(load: (getUrl: (path: string) => string) => Promise<T>): Promise<T> => {
      const entry = await load((path) => browser.runtime.getURL(path as Parameters<typeof browser.runtime.getURL>[0]));
      if (ctx.isInvalid) throw new Error('Extension context invalidated.');
      return entry;
    };
    // The page lens script, fetched once: ahead of the probe's answer where the page holds a likely name.
    let lensPage: ReturnType<typeof importLensPage> | null = null;
    const loadLensPage = () => {
      lensPage ??= loaded(importLensPage).catch((error: unknown) => {
        lensPage = null;
        throw error;
      });
      return lensPage;
    };
    const loadUi = () =>
      (ui ??= loaded(importLensUi).then((entry) => entry.start(ctx, { savedHighlights: takeSaved(), changes })));

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
      probe: (text, overlap) => sendRequest({ type: 'detect:probe', text, overlap }),
      hasHighlights: async () => {
        const answer = sendRequest({ type: 'highlight:list-for-page', url: location.href, canonical: canonicalHref() });
        saved = { href: location.href, answer };
        const list = await answer;
        return !!list?.ok && list.value.length > 0;
      },
      prefetch: () => void loadLensPage().catch(onError),
      mark: async (latest, relevance) => {
        const first = latest();
        const lens = await loadLensPage();
        // Taken again once the first read is in: a change the scout saw meanwhile counts.
        // Its handlers are registered once its settings are known.
        return lens.start(ctx, { settings: first.then(() => latest()), origin, ui: loadUi, relevance, changes });
      },
      loadUi,
      changes,
      listen: listenOnRuntime,
      isValid: () => ctx.isValid,
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (id) => window.clearTimeout(id),
      now: () => performance.now(),
      origin,
      onError,
    });
    ctx.onInvalidated(() => scout.stop());
  },
});
