/**
 * Saved highlights in real Chromium with the built extension (issue #7):
 * select text and save it with the selection button, reload and see it
 * painted again; change the page at the same URL and see it re-anchor, or
 * become an orphan listed on the highlights page; export (checked against
 * the Web Annotation model) and re-import, with its confirm step, through
 * that page's UI.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkAnnotationCollection, describeFindings } from '../lib/highlights/web-annotation-conformance';
import { launchExtension, REPO_ROOT, type ExtensionBrowser } from './support/chromium';
import { serveStatic, type StaticServer } from './support/server';
import { waitForLensState, waitForReady } from './support/lens-state';

const PAGE = '/highlights-article.html';
const QUOTE = 'finally signed a thirty-year supply contract worth about four hundred billion dollars';
const ORIGINAL = readFileSync(resolve(REPO_ROOT, 'tests/e2e/pages/highlights-article.html'), 'utf8');

let browser: ExtensionBrowser;
let server: StaticServer;
/** Served before tests/e2e/pages: writing a file here changes the page at the same URL. */
let overrides: string;

beforeAll(async () => {
  overrides = mkdtempSync(join(tmpdir(), 'lens-hl-pages-'));
  server = await serveStatic([overrides, resolve(REPO_ROOT, 'tests/e2e/pages')]);
  browser = await launchExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(overrides, { recursive: true, force: true });
});

function servePage(html: string | null): void {
  const file = join(overrides, PAGE);
  if (html === null) rmSync(file, { force: true });
  else writeFileSync(file, html);
}

/** The text of every painted piece of one highlight (or of all). */
async function paintedText(page: Page, id?: string): Promise<string> {
  return page.evaluate((hid) => {
    const sel = hid ? `lens-highlight[data-highlight-id="${hid}"]` : 'lens-highlight';
    return [...document.querySelectorAll(sel)].map((e) => e.textContent).join('');
  }, id);
}

async function openArticle(page: Page): Promise<void> {
  await page.goto(server.url(`${PAGE}?utm_source=newsletter`));
  await waitForReady(page);
}

async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((quote) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n as Text;
      const i = t.data.replace(/\s+/g, ' ').indexOf(quote);
      if (i === -1) continue;
      // The page source wraps lines: find the raw offsets of the folded match.
      let raw = 0;
      let folded = 0;
      const toRaw = (target: number) => {
        while (folded < target) {
          if (/\s/.test(t.data[raw]!)) while (/\s/.test(t.data[raw + 1] ?? '')) raw++;
          raw++;
          folded++;
        }
        return raw;
      };
      const start = toRaw(i);
      const end = toRaw(i + quote.length);
      const range = document.createRange();
      range.setStart(t, start);
      range.setEnd(t, end);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return;
    }
    throw new Error(`text not on the page: ${quote}`);
  }, text);
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

test('select text, save with the selection button, reload: painted again', async () => {
  const page = await browser.context.newPage();
  await openArticle(page);
  await selectText(page, QUOTE);
  const button = page.locator('lens-highlight-ui button');
  await button.waitFor({ state: 'visible', timeout: 10_000 });
  expect(await button.textContent()).toBe('Save highlight');
  await button.click();
  await page.waitForFunction((q) => {
    const text = [...document.querySelectorAll('lens-highlight')].map((e) => e.textContent).join('');
    return text.replace(/\s+/g, ' ') === q;
  }, QUOTE);
  await expect.poll(() => page.locator('lens-highlight-ui [role="status"]').textContent()).toBe('Highlight saved');

  // Painted with a tint, not like an entity mark.
  const style = await page.evaluate(() => getComputedStyle(document.querySelector('lens-highlight')!).backgroundColor);
  expect(style).not.toBe('rgba(0, 0, 0, 0)');

  // Count the page's requests for its highlights from here on (a second listener only looks).
  await browser.serviceWorker.evaluate(() => {
    const scope = globalThis as { listAsked?: number };
    scope.listAsked = 0;
    chrome.runtime.onMessage.addListener((message) => {
      if ((message as { type?: string } | null)?.type === 'highlight:list-for-page') scope.listAsked!++;
    });
  });
  await page.reload();
  await page.waitForSelector('lens-highlight', { state: 'attached', timeout: 10_000 });
  expect(fold(await paintedText(page))).toBe(QUOTE);
  // The content script's question (are there any?) fetched them; the UI script restored from that answer.
  expect(await browser.serviceWorker.evaluate(() => (globalThis as { listAsked?: number }).listAsked)).toBe(1);
  await page.close();
});

test('the page changes at the same URL: the highlight re-anchors', async () => {
  const changed = ORIGINAL.replace(
    '<main>',
    '<main><aside>Advertisement. Subscribe now for one dollar a month.</aside><p>A new opening paragraph was added by the editors after publication.</p>',
  )
    .replace('argued about the price of gas', 'argued bitterly over the gas price')
    .replace('thirty-year supply contract', 'thirty-year\n        supply contract');
  servePage(changed);
  const page = await browser.context.newPage();
  await openArticle(page);
  await page.waitForSelector('lens-highlight', { state: 'attached', timeout: 10_000 });
  expect(fold(await paintedText(page))).toBe(QUOTE);
  await page.close();
});

test('the passage is gone: the highlight becomes an orphan, listed with its quote on the highlights page', async () => {
  servePage(ORIGINAL.replace(/<p id="p2">[\s\S]*?<\/p>/, '<p id="p2">This paragraph was rewritten entirely.</p>'));
  const page = await browser.context.newPage();
  await openArticle(page);
  // Declared orphaned only after the retry window (10 s) has passed.
  await waitForLensState(page, (s) => s?.highlightOrphans === 1, { timeout: 20_000 });
  expect(await page.locator('lens-highlight').count()).toBe(0);
  await page.close();

  const list = await browser.context.newPage();
  await list.goto(`chrome-extension://${browser.extensionId}/highlights.html`);
  const orphan = list.locator('.hl-orphans .hl-item');
  await orphan.waitFor({ timeout: 10_000 });
  expect(fold((await orphan.locator('.hl-quote').textContent()) ?? '')).toBe(QUOTE);
  // "Keep" leaves it stored and takes it off the orphan list.
  await orphan.getByRole('button', { name: 'Keep' }).click();
  await list.locator('.hl-orphans').waitFor({ state: 'detached' });
  expect(await list.locator('.hl-group .hl-item').count()).toBe(1);
  await list.close();
  servePage(null);
});

test('export JSON, delete, re-import through the highlights page', async () => {
  const list = await browser.context.newPage();
  await list.goto(`chrome-extension://${browser.extensionId}/highlights.html`);
  const item = list.locator('.hl-item');
  await item.first().waitFor({ timeout: 10_000 });
  const id = await item.first().getAttribute('data-highlight-id');

  const [download] = await Promise.all([
    list.waitForEvent('download'),
    list.getByRole('button', { name: 'JSON (Web Annotation)' }).click(),
  ]);
  const file = join(overrides, 'export.json');
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { type: string; total: number };
  expect(exported).toMatchObject({ type: 'AnnotationCollection', total: 1 });
  // The file the built extension writes meets the Web Annotation model's MUSTs.
  const findings = checkAnnotationCollection(exported);
  expect(findings, describeFindings(findings)).toEqual([]);

  // Delete, then undo, then delete for real.
  await item.first().getByRole('button', { name: 'Delete' }).click();
  await list.getByRole('button', { name: 'Undo' }).click();
  await item.first().waitFor();
  await item.first().getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => item.count()).toBe(0);

  // A broken file is refused with a message and imports nothing.
  const broken = join(overrides, 'broken.json');
  writeFileSync(broken, readFileSync(file, 'utf8').replace('"TextQuoteSelector"', '"QuoteSelector"'));
  await list.setInputFiles('input[data-testid="hl-import"]', broken);
  await expect
    .poll(() => list.locator('[role="status"]').textContent())
    .toMatch(/Import refused; nothing was imported\. Highlight 1 of 1: target\.selector/);
  expect(await list.getByTestId('hl-import-preview').count()).toBe(0);
  expect(await item.count()).toBe(0);

  // A good file: first what it holds, then the import on confirm.
  const preview = list.getByTestId('hl-import-preview');
  await list.setInputFiles('input[data-testid="hl-import"]', file);
  await expect
    .poll(() => preview.locator('.hl-import-summary').textContent())
    .toBe('Found 1 highlight on 1 page, none of them already here.');
  expect(await item.count()).toBe(0);
  await preview.getByRole('button', { name: 'Import 1 new highlight' }).click();
  await expect
    .poll(() => list.locator('[role="status"]').textContent())
    .toMatch(/Imported highlights: 1; already saved, skipped: 0/);
  await item.first().waitFor();
  expect(await item.first().getAttribute('data-highlight-id')).toBe(id);

  // Importing it again offers nothing to import.
  await list.setInputFiles('input[data-testid="hl-import"]', file);
  await expect
    .poll(() => preview.locator('.hl-import-summary').textContent())
    .toBe('Found 1 highlight on 1 page, 1 already here.');
  expect(await preview.locator('button').allTextContents()).toEqual(['Close']);
  await preview.getByRole('button', { name: 'Close' }).click();
  expect(await item.count()).toBe(1);
  await list.close();

  // And the article paints it again.
  const page = await browser.context.newPage();
  await openArticle(page);
  await page.waitForSelector('lens-highlight', { state: 'attached', timeout: 10_000 });
  expect(fold(await paintedText(page, id ?? undefined))).toBe(QUOTE);
  await page.close();
});

test('the context-menu/shortcut path: the background asks the tab to save its selection', async () => {
  const manifest = (await browser.serviceWorker.evaluate(() => chrome.runtime.getManifest())) as {
    commands?: Record<string, { suggested_key?: { default?: string } }>;
    permissions?: string[];
  };
  expect(manifest.commands?.['save-highlight']?.suggested_key?.default).toBe('Alt+Shift+H');
  expect(manifest.permissions).toContain('contextMenus');

  const page = await browser.context.newPage();
  await openArticle(page);
  const other = 'a second line through Mongolia has been under discussion ever since';
  await selectText(page, other);
  // What the context-menu item and the keyboard command do: message the tab's content script.
  await page.bringToFront();
  // Like the keyboard command: the active tab (tab URLs need a permission we do not ask for).
  const answer = (await browser.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab!.id!, { type: 'highlight:save-selection' }, { frameId: 0 });
  })) as { ok: boolean; value: { anchor: { quote: { exact: string } } } };
  expect(answer.ok).toBe(true);
  expect(fold(answer.value.anchor.quote.exact)).toBe(other);
  await page.waitForFunction((q) => {
    const text = [...document.querySelectorAll('lens-highlight')].map((e) => e.textContent).join(' ');
    return text.replace(/\s+/g, ' ').includes(q);
  }, other);
  await page.close();
});
