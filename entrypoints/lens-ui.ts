import { startPageLens } from '@/lib/dom/page-lens';
import { startHighlights } from '@/lib/dom/highlights/start';
import { registerFullLens } from '@/lib/platform/full-lens';
import { answerThroughDispatch, dispatchPageRequest } from '@/lib/platform/page-messaging';

/**
 * The full content script: detection and marking (issue #4), context cards
 * (issue #5), saved highlights (issue #7) and the popup's page requests. The
 * scout (entrypoints/content) imports it into the page's isolated world when
 * the page needs it (lib/platform/full-lens.ts) and starts it with its `ctx`,
 * so everything here is undone when that is invalidated.
 */
export default defineUnlistedScript(() => {
  // The scout keeps the page's one message listener and hands requests on through dispatch.
  answerThroughDispatch();
  registerFullLens({
    start(ctx, { settings, origin }) {
      const ready = startPageLens(ctx, { settings, origin }).catch(() => null);
      const checkSelection = startHighlights(ctx);
      return {
        // The page lens registers its handlers once its settings are known.
        dispatch: async (request) => {
          await ready;
          return dispatchPageRequest(request);
        },
        checkSelection,
      };
    },
  });
});
