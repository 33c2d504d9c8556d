import { browser } from 'wxt/browser';
import { listen } from '@/lib/platform/messaging';

export default defineBackground(() => {
  listen({
    ping: () => ({ ok: true, version: browser.runtime.getManifest().version }),
  });
});
