import { startPageLens } from '@/lib/dom/page-lens';
import { registerLensPage } from '@/lib/platform/lens-page';
import { dispatchPageRequest } from '@/lib/platform/page-messaging';

/**
 * The page lens script: detection's marks on a page that names something
 * (lib/dom/page-lens.ts). The content script imports it into the page's
 * isolated world once the scout has found a name (lib/platform/lens-page.ts)
 * and starts it with its `ctx`, so everything here is undone when that is
 * invalidated. Its request handlers are answered through the content script's
 * one listener (dispatch).
 */
export default defineUnlistedScript(() => {
  registerLensPage({
    async start(ctx, options) {
      await startPageLens(ctx, options);
      return { dispatch: dispatchPageRequest };
    },
  });
});
