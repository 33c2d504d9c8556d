import { mountCardHost } from '@/lib/dom/card-host';
import { saveMentionHighlight, startHighlights } from '@/lib/dom/highlights/start';
import { registerLensUi } from '@/lib/platform/lens-ui';
import { answerThroughDispatch, dispatchPageRequest } from '@/lib/platform/page-messaging';

/**
 * The UI script: context cards (issue #5) and saved highlights (issue #7).
 * The content script imports it into the page's isolated world when the
 * reader first needs it (lib/platform/lens-ui.ts) and starts it with its
 * `ctx`, so everything here is undone when that is invalidated.
 */
export default defineUnlistedScript(() => {
  // The content script keeps the page's one message listener and hands requests on through dispatch.
  answerThroughDispatch();
  registerLensUi({
    start(ctx) {
      const checkSelection = startHighlights(ctx);
      return {
        dispatch: dispatchPageRequest,
        checkSelection,
        mountCardHost: (options) => mountCardHost(ctx, options),
        saveMentionHighlight,
      };
    },
  });
});
