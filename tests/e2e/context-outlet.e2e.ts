/**
 * The popup's outlet line in real Chromium: a page served under an outlet's
 * host name (tass.com, mapped to our local server by Chromium's host resolver
 * rules) gets a factual line from the fact base's TASS record and a button that
 * shows its card; a page on any other host gets none. Hosts come from the fact
 * base's `hosts` field.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, REPO_ROOT, type ExtensionBrowser } from './support/chromium';
import { serveStatic, type StaticServer } from './support/server';
import { tabIdOf } from './support/tabs';
import { DEFAULT_SETTINGS } from '../../lib/settings/model';

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks in Beijing</title></head>
<body><article><h1>Talks in Beijing</h1>
<p>Vladimir Putin and Xi Jinping discussed the Power of Siberia pipeline and China–Russia trade in Beijing.</p>
</article></body></html>`;
const AXE_SOURCE = readFileSync(resolve(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

let dir: string;
let server: StaticServer;
let browser: ExtensionBrowser;

async function openPopupFor(url: string): Promise<{ page: Page; popup: Page }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('lens-mention'), undefined, { timeout: 15_000 });
  const tabId = await tabIdOf(browser, url);
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 900 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('.popup__entity').first().waitFor();
  return { page, popup };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lens-outlet-pages-'));
  writeFileSync(join(dir, 'article.html'), ARTICLE);
  server = await serveStatic([dir]);
  const port = new URL(server.origin).port;
  browser = await launchExtension({ args: [`--host-resolver-rules=MAP tass.com 127.0.0.1:${port}`] });
  await browser.serviceWorker.evaluate((s) => chrome.storage.local.set({ settings: s }), DEFAULT_SETTINGS);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the outlet line in the popup', () => {
  test('on tass.com: the line from the TASS record and a button that shows its card', async () => {
    const { page, popup } = await openPopupFor('http://tass.com/article.html');
    const section = popup.locator('.popup__outlet');
    await section.waitFor();
    await expect(section.getAttribute('data-entity')).resolves.toBe('tass');
    await expect(section.locator(':scope > p').textContent()).resolves.toBe(
      "TASS: Russia's government-owned news agency.",
    );
    const button = section.getByRole('button', { name: 'Show the card for TASS' });
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await button.click();
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    const card = popup.getByRole('dialog', { name: 'TASS' });
    await card.waitFor({ state: 'visible' });
    // The card is the fact base's: its facts with their sources.
    await expect(card.locator('.lc-fact').count()).resolves.toBeGreaterThan(1);
    // Neither the line nor the section scores or rates the outlet.
    expect(await section.locator(':scope > p').textContent()).not.toMatch(
      /score|rating|trust|reliab|propaganda|biased/i,
    );
    await popup.evaluate(AXE_SOURCE);
    const violations = await popup.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run(document)).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await popup.close();
    await page.close();
  });

  test('on any other host: no outlet line', async () => {
    const { page, popup } = await openPopupFor(server.url('/article.html'));
    await popup.locator('.popup__entities').waitFor();
    expect(await popup.locator('.popup__outlet').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});
