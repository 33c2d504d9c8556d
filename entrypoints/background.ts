import { browser } from 'wxt/browser';
import { listen } from '@/lib/platform/messaging';
import { bundledFactbase } from '@/lib/factbase/bundled';
import { buildCardData } from '@/lib/card/view-model';
import { resolveWithNlp, warmResolver } from '@/lib/detect/nlp-resolve';
import { probeAnswer } from '@/lib/detect/scan-service';
import { acceptScanPorts } from '@/lib/platform/scan-ports';
import { startHighlightsBackground } from '@/lib/db/highlights-background';
import { acceptLifelines } from '@/lib/dom/lifeline';
import { anchorAll } from '@/lib/dom/highlights/anchor-text';
import { getSettings } from '@/lib/platform/settings-store';

export default defineBackground(() => {
  listen({
    ping: () => ({ ok: true, version: browser.runtime.getManifest().version }),
    'card:get': ({ id }) => {
      // Validated on the first card, not when the worker starts for a page's detection.
      const { byId, meta } = bundledFactbase();
      return buildCardData(id, byId, meta);
    },
    'detect:probe': ({ text, overlap }) => {
      const answer = probeAnswer(text, overlap);
      // A page that names something is scanned next, and may need the resolver soon after.
      if (answer.hit) setTimeout(warmResolver, 0);
      return answer;
    },
    'detect:resolve': ({ items }) => ({ accept: resolveWithNlp(items) }),
    'highlight:anchor': ({ text, anchors }) => ({ found: anchorAll(text, anchors) }),
  });
  // Pages hold a port so an orphaned content script notices a reload or update at once.
  acceptLifelines();
  // Pages send their text for detection on a port of their own (lib/dom/background-scanner.ts).
  // An answer with candidates for the resolver is followed by the page's request for it: the
  // tagger is made ready meanwhile, once the answer has gone out.
  acceptScanPorts(() => setTimeout(warmResolver, 0));
  // Content scripts read settings without migrating them: bring a stored older version up to date here.
  void getSettings().catch(() => undefined);
  // Saved highlights (issue #7): the database, its messages, the context menu and the shortcut.
  startHighlightsBackground();
});
