import { startEarly } from '@/lib/platform/early';

/**
 * Runs while the page loads: starts the settings read and wakes the service
 * worker, so the main content script (document_idle) can begin at once.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main() {
    startEarly();
  },
});
