/**
 * The content script's parts in Chromium (lib/dom/scout.ts,
 * lib/platform/lens-ui.ts): on a page that names nothing the scout is all that
 * runs (the page lens script is never fetched), and on a page with names the
 * marks come without the UI script (cards and highlights), which is fetched
 * only when the reader first needs it. Yet
 * everything the reader may do still works: a hover opens a card, content
 * added later with a name is marked, a selection gets the "Save highlight"
 * button, and the popup's request is answered.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionSuite } from './support/suite';
import { appendLateParagraph } from './support/pass';
import { statsOf, waitForPass } from './support/lens-state';

const suite = extensionSuite();

/** Opens a page and records every fetch of the UI script and of the page lens script made in it. */
async function open(path: string): Promise<{ page: Page; uiFetches: string[]; lensFetches: string[] }> {
  const page = await suite.browser.context.newPage();
  const cdp = await suite.browser.context.newCDPSession(page);
  const uiFetches: string[] = [];
  const lensFetches: string[] = [];
  cdp.on('Network.requestWillBeSent', ({ request, type, redirectResponse }) => {
    // Chromium fetches them under the per-session address, then redirects internally to the extension's own.
    if (type !== 'Script' || redirectResponse) return;
    if (request.url.endsWith('/lens-ui.js')) uiFetches.push(request.url);
    if (request.url.endsWith('/lens-page.js')) lensFetches.push(request.url);
  });
  await cdp.send('Network.enable');
  await page.goto(suite.server.url(path));
  await waitForPass(page);
  return { page, uiFetches, lensFetches };
}

test('a page that names nothing: the scout looks, finds it clear, and neither the page lens nor the UI script is fetched', async () => {
  const { page, uiFetches, lensFetches } = await open('/quiet.html');
  expect((await statsOf(page))?.scout).toBe('clear');
  expect(await page.locator('lens-mention').count()).toBe(0);
  expect(lensFetches).toEqual([]);
  expect(uiFetches).toEqual([]);
  await page.close();
});

test('a page with names is marked without the UI script; the first hover fetches it once and opens the card', async () => {
  const { page, uiFetches, lensFetches } = await open('/plain.html');
  // The marking pass published its own stats over the scout's.
  expect((await statsOf(page))?.scout).toBeUndefined();
  const ids = await page.$$eval('lens-mention', (els) => els.map((e) => e.getAttribute('data-entity')));
  expect(ids).toContain('vladimir-putin');
  expect(lensFetches).toHaveLength(1);
  expect(uiFetches).toEqual([]);
  await page.locator('lens-mention[data-entity="vladimir-putin"]').first().hover();
  const card = page.getByRole('dialog', { name: /Putin/ });
  await card.waitFor({ state: 'visible', timeout: 10_000 });
  expect(uiFetches).toHaveLength(1);
  await page.close();
});

test('a name added later to a clear page is marked, still without the UI script', async () => {
  const { page, uiFetches, lensFetches } = await open('/quiet.html');
  expect(lensFetches).toEqual([]);
  await appendLateParagraph(page, 'Late news: Xi Jinping will visit Moscow next month.', { timeout: 10_000 });
  expect(await page.$$eval('#late lens-mention', (els) => els.map((e) => e.getAttribute('data-entity')))).toContain(
    'xi-jinping',
  );
  expect(lensFetches).toHaveLength(1);
  expect(uiFetches).toEqual([]);
  await page.close();
});

test('a selection on a clear page fetches the UI script, which shows the "Save highlight" button', async () => {
  const { page, uiFetches } = await open('/quiet.html');
  await page.evaluate(() => {
    const p = document.querySelector('article p')!;
    const range = document.createRange();
    range.selectNodeContents(p);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  });
  const button = page.locator('lens-highlight-ui button');
  await button.waitFor({ state: 'visible', timeout: 10_000 });
  expect(await button.textContent()).toBe('Save highlight');
  expect(uiFetches).toHaveLength(1);
  await page.close();
});

test("the popup's request on a clear page is answered by the page lens, without the UI script", async () => {
  const { page, uiFetches } = await open('/quiet.html?popup');
  const url = page.url();
  // No "tabs" permission: ask every tab and keep the answer that names this page.
  const status = await suite.browser.serviceWorker.evaluate(async (target) => {
    for (const tab of await chrome.tabs.query({})) {
      const answer = (await chrome.tabs
        .sendMessage(tab.id!, { type: 'page:status' }, { frameId: 0 })
        .catch(() => null)) as { url?: string } | null;
      if (answer?.url === target) return answer;
    }
    return null;
  }, url);
  expect(status).toMatchObject({ url, active: true, entities: [] });
  expect(uiFetches).toEqual([]);
  await page.close();
});
