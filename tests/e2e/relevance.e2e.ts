/**
 * Relevance in real Chromium: a page about Russia and China marks the third
 * parties it names too (the United States, the EU); a page about a US election
 * that names no core entity gets no marks, and the popup says so and marks it
 * when the reader asks. Also: names nested in a marked phrase are in the
 * popup's list, and the popup shows the date the page lens read.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { serveStatic, type StaticServer } from './support/server';
import { waitForPass } from './support/lens-state';
import { tabIdOf } from './support/tabs';
import { DEFAULT_SETTINGS } from '../../lib/settings/model';

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic();
  browser = await launchExtension();
  const settings = { ...structuredClone(DEFAULT_SETTINGS), density: { mode: 'all' as const, n: 3 } };
  await browser.serviceWorker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(path));
  await waitForPass(page);
  return page;
}

const markedIds = (page: Page) =>
  page.$$eval('lens-mention', (els) => [...new Set(els.map((e) => e.getAttribute('data-entity') ?? ''))].sort());

async function openPopup(url: string): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(browser, url)}`);
  return popup;
}

test('a page about Russia and China marks the third parties it names; nested names and the date reach the popup', async () => {
  const page = await open('/relevance-summit.html');
  const ids = await markedIds(page);
  expect(ids).toEqual(expect.arrayContaining(['vladimir-putin', 'xi-jinping', 'beijing', 'china-russia-trade']));
  expect(ids).toEqual(expect.arrayContaining(['united-states', 'european-union']));
  // "Russia" is named only inside "Trade between Russia and China": no mark of its own.
  expect(ids).not.toContain('russia');

  const popup = await openPopup(page.url());
  const entities = popup.locator('.popup__entity-name');
  await expect.poll(() => entities.allTextContents()).toEqual(expect.arrayContaining(['Russia', 'China']));
  await expect.poll(() => popup.locator('.popup__date').textContent()).toMatch(/2024/);
  await popup.close();
  await page.close();
});

test('a US election page names no core entity: no marks; the popup says so and marks it on request', async () => {
  const page = await open('/relevance-election.html');
  expect(await markedIds(page)).toEqual([]);

  const popup = await openPopup(page.url());
  await popup.getByText('names nothing Sino-Russian').waitFor();
  await popup.getByRole('button', { name: 'Mark it anyway' }).click();
  await page.waitForFunction(() => document.querySelectorAll('lens-mention').length >= 3);
  expect(await markedIds(page)).toEqual(['donald-trump', 'joe-biden', 'united-states']);
  await popup.close();
  await page.close();
});
