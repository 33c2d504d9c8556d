import { startPageLens } from '@/lib/dom/page-lens';
import { startHighlights } from '@/lib/dom/highlights/start';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    // Marks the document so the end-to-end suite can see the script ran.
    document.documentElement.setAttribute('data-lens-ready', '');
    ctx.onInvalidated(() => document.documentElement.removeAttribute('data-lens-ready'));

    // Detection and marking (issue #4), context cards (issue #5) and the popup's page requests:
    // lib/dom/page-lens.ts. Everything hangs off ctx and is undone when it is invalidated.
    void startPageLens(ctx).catch(() => undefined);
    // Saved highlights (issue #7): selection button, restoring this page's highlights.
    startHighlights(ctx);
  },
});
