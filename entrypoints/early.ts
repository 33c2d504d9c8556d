import { startEarly } from '@/lib/platform/early';

/**
 * Runs at document_start in every frame (listed in the manifest by
 * wxt.config.ts, so it carries none of WXT's content-script machinery): on a
 * very long page, starts the settings read as soon as the HTML is parsed, for
 * the content script to take over at document_idle.
 */
export default defineUnlistedScript(() => {
  startEarly();
});
