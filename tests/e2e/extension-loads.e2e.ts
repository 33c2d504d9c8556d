import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { serveStatic, type StaticServer } from './support/server';
import { waitForReady } from './support/lens-state';

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic();
  browser = await launchExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the built extension loads, its service worker starts and answers', async () => {
  expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
  const manifest = await browser.serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.name).toBe('Eurasia Lens');
});

test('the content script runs on a local page', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url('/plain.html'));
  await waitForReady(page);
  await page.close();
});
