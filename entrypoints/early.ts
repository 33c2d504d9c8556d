import { browser } from 'wxt/browser';
import { startEarly } from '@/lib/platform/early';
import { importFullLens } from '@/lib/platform/full-lens';

/**
 * Runs at document_start in every frame (listed in the manifest by
 * wxt.config.ts, so it carries none of WXT's content-script machinery): starts
 * the settings read while the page loads, for the scout to take over at
 * document_idle, and on a very long page the loading of the full script.
 */
export default defineUnlistedScript(() => {
  startEarly({
    preload: () =>
      void importFullLens((path) => browser.runtime.getURL(path as '/lens-full.js')).catch(() => undefined),
  });
});
