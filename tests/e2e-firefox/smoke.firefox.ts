/**
 * Smoke test of the Firefox build in real Firefox ESR (puppeteer-core over WebDriver BiDi):
 * marks on the demo article, a card on hover, the options page and the popup, and a highlight
 * saved with the selection button and painted again after a reload. The Chromium suite
 * (tests/e2e) covers each of these in depth; this one checks that they work in Firefox at all.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { ENTITY_FILES } from '../../lib/factbase/files';
import type { Highlight } from '../../lib/highlights/model';
import type { HighlightResult } from '../../lib/messages';
import { REPO_ROOT } from '../e2e/support/chromium';
import { firefoxSuite } from './support/suite';

const suite = firefoxSuite();

/** The English UI strings (the Debian Firefox ESR runs in en-US). */
const MESSAGES = JSON.parse(
  readFileSync(resolve(REPO_ROOT, 'assets/public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const message = (key: string): string => {
  const text = MESSAGES[key]?.message;
  if (!text) throw new Error(`No English message ${key}.`);
  return text;
};

/** Entities the demo article marks with the default settings (tests/e2e/annotate.e2e.ts has the full list). */
const DEMO_ENTITIES = ['vladimir-putin', 'xi-jinping', 'power-of-siberia-2', 'gazprom'];
const CARD_ENTITY = 'vladimir-putin';

/** An entity's name as the fact base files give it (the card is named after it). */
function entityName(id: string): string {
  for (const file of ENTITY_FILES) {
    const entities = JSON.parse(readFileSync(resolve(REPO_ROOT, 'assets/factbase', file), 'utf8')) as {
      id: string;
      name: string;
    }[];
    const found = entities.find((e) => e.id === id);
    if (found) return found.name;
  }
  throw new Error(`No entity ${id} in the fact base.`);
}
/** The content script and the background start with the browser: the first page may wait for them. */
const FIRST_PASS_MS = 15_000;

const HIGHLIGHT_PAGE = '/highlights-article.html';
/** On one source line of the page, so it is one run of one text node. */
const QUOTE = 'finally signed a thirty-year supply contract';

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

async function openDemo(): Promise<Page> {
  const page = await suite.firefox.browser.newPage();
  await page.goto(suite.server.url('/index.html'));
  await page.waitForFunction(
    (ids: string[]) => ids.every((id) => document.querySelector(`lens-mention[data-entity="${id}"]`)),
    { timeout: FIRST_PASS_MS },
    DEMO_ENTITIES,
  );
  return page;
}

/** The open shadow root of the first element matching `hostSelector`, once there is one. */
async function shadowRootOf(page: Page, hostSelector: string): Promise<ElementHandle<Node>> {
  const host = await page.waitForSelector(hostSelector);
  const root = await host!.evaluateHandle((el) => el.shadowRoot!);
  return root as unknown as ElementHandle<Node>;
}

/** The id of the tab whose content script reports `url` in page:status, asked from an extension page; -1 if none. */
async function answeringTab(extensionPage: Page, url: string): Promise<number> {
  return extensionPage.evaluate(async (target: string) => {
    for (const tab of await browser.tabs.query({})) {
      if (tab.id === undefined) continue;
      const status = (await browser.tabs
        .sendMessage(tab.id, { type: 'page:status' }, { frameId: 0 })
        .catch(() => null)) as { url?: string } | null;
      if (status?.url === target) return tab.id;
    }
    return -1;
  }, url);
}

/** As answeringTab, and fails when no tab answers. */
async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  const id = await answeringTab(extensionPage, url);
  expect(id).toBeGreaterThanOrEqual(0);
  return id;
}

/** This page's stored highlights, from the background, asked from an extension page. */
async function storedHighlights(extensionPage: Page, url: string): Promise<Highlight[]> {
  const answer = (await extensionPage.evaluate(
    (pageUrl: string) => browser.runtime.sendMessage({ type: 'highlight:list-for-page', url: pageUrl }),
    url,
  )) as HighlightResult<Highlight[]> | undefined;
  if (!answer?.ok) throw new Error(`highlight:list-for-page failed: ${answer?.error.message ?? 'no answer'}`);
  return answer.value;
}

/** Selects `text` in the first text node that holds it, as a reader dragging over it would. */
async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((quote: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(quote);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + quote.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`text not on the page: ${quote}`);
  }, text);
}

/** Waits until the painted highlights on the page read `text`. */
async function waitForPainted(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (quote: string) =>
      [...document.querySelectorAll('lens-highlight')]
        .map((e) => e.textContent)
        .join('')
        .replace(/\s+/g, ' ')
        .trim() === quote,
    { timeout: FIRST_PASS_MS },
    text,
  );
}

test('the demo article gets its marks, and hovering one opens a card named after its entity', async () => {
  const page = await openDemo();
  const ids = await page.$$eval('lens-mention[data-entity]', (els) => els.map((e) => e.getAttribute('data-entity')));
  expect(ids).toEqual(expect.arrayContaining(DEMO_ENTITIES));
  // The test build keeps its state in the content script's sandbox: nothing of it on the page's root or window.
  expect(
    await page.evaluate(() => [
      ...document.documentElement.getAttributeNames().filter((a) => a.startsWith('data-lens')),
      ...Object.keys(window).filter((key) => /lens/i.test(key)),
    ]),
  ).toEqual([]);

  await page.hover(`lens-mention[data-entity="${CARD_ENTITY}"]`);
  const name = entityName(CARD_ENTITY);
  // Found by role and accessible name as Firefox's accessibility engine computes them (BiDi locateNodes).
  const card = await (await shadowRootOf(page, 'lens-card-host')).waitForSelector(`::-p-aria(${name}[role="dialog"])`);
  expect(await card!.evaluate((el) => (el as Element).getAttribute('data-entity'))).toBe(CARD_ENTITY);
  await page.close();
});

test('the options page and the popup load and render their main headings', async () => {
  const options = await suite.firefox.openExtensionPage('options.html');
  // The address is the one the add-on got: the UUID handed to Firefox was used.
  expect(await options.evaluate(() => browser.runtime.getURL('/'))).toBe(suite.firefox.baseUrl);
  const optionsHeading = await options.waitForSelector(`::-p-aria(${message('options_title')}[role="heading"])`);
  expect(await optionsHeading!.evaluate((el) => el.localName)).toBe('h1');

  // The popup, opened as a page for the demo tab (its ?tab= testing hook): it hears from the content script.
  const demo = await openDemo();
  const popup = await suite.firefox.openExtensionPage(`popup.html?tab=${await tabIdOf(options, demo.url())}`);
  const popupHeading = await popup.waitForSelector(`::-p-aria(${message('extName')}[role="heading"])`);
  expect(await popupHeading!.evaluate((el) => el.localName)).toBe('h1');
  await popup.waitForSelector(`.popup__entity[data-entity="${CARD_ENTITY}"]`);
  await popup.close();
  await demo.close();
  await options.close();
});

test('a selection saved with the selection button is stored, and painted again after a reload', async () => {
  const url = suite.server.url(HIGHLIGHT_PAGE);
  const extensionPage = await suite.firefox.openExtensionPage('highlights.html');
  const page = await suite.firefox.browser.newPage();
  await page.goto(url);
  // The content script runs once it answers the popup's page:status: it listens for that and for
  // selections from its start, so the selection below is seen.
  await expect.poll(() => answeringTab(extensionPage, url), { timeout: FIRST_PASS_MS }).toBeGreaterThanOrEqual(0);
  await selectText(page, QUOTE);
  const button = await (
    await shadowRootOf(page, 'lens-highlight-ui')
  ).waitForSelector(`::-p-aria(${message('hl_save')}[role="button"])`, { visible: true });
  await button!.click();
  await waitForPainted(page, QUOTE);

  // Stored in the extension's own store, as the background reports it.
  await expect
    .poll(async () => (await storedHighlights(extensionPage, url)).map((h) => fold(h.anchor.quote.exact)))
    .toEqual([QUOTE]);

  await page.reload();
  await waitForPainted(page, QUOTE);
  await extensionPage.close();
  await page.close();
});
