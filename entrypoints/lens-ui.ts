import { mountCardHost } from '@/lib/dom/card-host';
import { saveMentionHighlight, startHighlights } from '@/lib/dom/highlights/start';
import { registerLensUi } from '@/lib/platform/lens-ui';
import { dispatchPageRequest } from '@/lib/platform/page-messaging';

/**
 * The UI script: context cards (issue #5) and saved highlights (issue #7).
 * The content script imports it into the page's isolated world when the
 * reader first needs it (lib/platform/lens-ui.ts) and starts it with its
 * `ctx`, so everything here is undone when that is invalidated. Its request
 * handlers are answered through the content script's one listener (dispatch).
 */
export default defineUnlistedScript(() => {
  registerLensUi({
    start(ctx, known) {
      const checkSelection = startHighlights(ctx, known?.savedHighlights, known?.changes);
      return {
        dispatch: dispatchPageRequest,
        checkSelection,
        mountCardHost: (options) => mountCardHost(ctx, options),
        saveMentionHighlight,
      };
    },
  });
});
