/** Tab look-ups for tests that drive the popup against a page (no "tabs" permission needed). */
import { expect } from 'vitest';
import type { ExtensionBrowser } from './chromium';

/** The id of the tab whose content script reports `url` in page:status. */
export async function tabIdOf(browser: ExtensionBrowser, url: string): Promise<number> {
  const id = await browser.serviceWorker.evaluate(async (target) => {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const status = (await chrome.tabs.sendMessage(tab.id, { type: 'page:status' }, { frameId: 0 })) as {
          url?: string;
        };
        if (status?.url === target) return tab.id;
      } catch {
        // no content script in this tab
      }
    }
    return -1;
  }, url);
  expect(id).toBeGreaterThanOrEqual(0);
  return id;
}
