/**
 * A reader leaving Hypothesis brings their annotations: a Hypothesis-shaped
 * export of the served article is imported through the highlights page (it
 * says what the file holds, then imports on confirm), and the highlight is
 * painted again on its page. The file is built here, the way the Hypothesis
 * client builds its export, from the article's own text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hypAnnotation, hypExport } from '../lib/highlights/hypothesis-fixtures';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { HighlightsPage } from './support/highlights-page';
import { serveStatic, type StaticServer } from './support/server';
import { waitForReady } from './support/lens-state';

const ARTICLE = '/highlights-article.html';
const QUOTE = 'a second line through Mongolia has been under discussion ever since';
const HYP_ID = 'Yq3Lm0RtEe-8xWbQp1s2Zg';
/** Context Hypothesis stores on each side of a quote. */
const CONTEXT = 32;

let browser: ExtensionBrowser;
let server: StaticServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lens-hyp-import-'));
  server = await serveStatic();
  browser = await launchExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

async function openArticle(page: Page): Promise<void> {
  await page.goto(server.url(ARTICLE));
  await waitForReady(page);
}

/** The quote's selectors as the Hypothesis client records them: over the body's textContent. */
async function selectorsOnPage(page: Page, quote: string): Promise<Record<string, unknown>[]> {
  const text = await page.evaluate(() => document.body.textContent ?? '');
  // The page source wraps lines, so find the quote with any whitespace between its words.
  const pattern = new RegExp(
    quote
      .split(' ')
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+'),
  );
  const match = pattern.exec(text);
  if (!match) throw new Error(`quote not on the page: ${quote}`);
  const start = match.index;
  const end = start + match[0].length;
  return [
    {
      type: 'RangeSelector',
      startContainer: '/main[1]/p[3]',
      startOffset: 70,
      endContainer: '/main[1]/p[3]',
      endOffset: 152,
    },
    { type: 'TextPositionSelector', start, end },
    {
      type: 'TextQuoteSelector',
      exact: match[0],
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
    },
  ];
}

test('a Hypothesis export imports through the highlights page and repaints on its page', async () => {
  const article = await browser.context.newPage();
  await openArticle(article);
  const uri = server.url(ARTICLE);
  const parent = hypAnnotation(null, {
    id: HYP_ID,
    uri,
    text: 'Still no price agreement. <b>Not bold</b>',
    tags: ['Mongolia', 'pipelines'],
    document: { title: ['Pipeline diplomacy (highlights test page)'] },
    target: [{ source: uri, selector: await selectorsOnPage(article, QUOTE) }],
  });
  const file = join(dir, 'hypothesis-export.json');
  writeFileSync(
    file,
    hypExport([
      parent,
      hypAnnotation(null, { uri, text: 'A note on the whole page', target: [{ source: uri }] }),
      hypAnnotation(null, { uri, text: 'A reply', references: [HYP_ID], target: [{ source: uri }] }),
    ]),
  );
  // Nothing is painted before the import.
  expect(await article.locator('lens-highlight').count()).toBe(0);
  await article.close();

  const list = await HighlightsPage.open(browser);
  await list.chooseImportFile(file);
  await list.preview().waitFor();
  expect(await list.previewSummary()).toBe('Found 1 highlight on 1 page, none of them already here.');
  expect(await list.previewDetails()).toEqual([
    'Page notes and replies, which quote no passage and are not imported: 2',
    'Tags that name an entity, linked to it: 1; other tags, kept in the note: 1',
  ]);
  // Nothing is written before the confirm.
  expect(await list.items().count()).toBe(0);
  await list.confirmImport();
  await expect.poll(() => list.status()).toBe('Imported highlights: 1; already saved, skipped: 0');

  const item = list.items().first();
  await item.waitFor();
  expect(await item.getAttribute('data-highlight-id')).toBe(`hypothesis-${HYP_ID}`);
  expect(fold((await item.locator('.hl-quote').textContent()) ?? '')).toBe(QUOTE);
  // The note is text: the reader's markup stays visible as written.
  expect(await item.locator('.hl-note').textContent()).toContain('Still no price agreement. <b>Not bold</b>');
  expect(await item.locator('.hl-note').textContent()).toContain('Tags: pipelines');
  expect(await item.locator('.hl-note b').count()).toBe(0);
  expect(await item.locator('.hl-meta').textContent()).toContain('Mongolia');

  // The same file again: said to be here already, nothing to import.
  await list.chooseImportFile(file);
  await list.preview().waitFor();
  expect(await list.previewSummary()).toBe('Found 1 highlight on 1 page, 1 already here.');
  expect(await list.previewButtons()).toEqual(['Close']);
  await list.closePreview();
  expect(await list.items().count()).toBe(1);
  await list.close();

  // The article paints the imported highlight.
  const again = await browser.context.newPage();
  await openArticle(again);
  const painted = again.locator(`lens-highlight[data-highlight-id="hypothesis-${HYP_ID}"]`);
  await painted.first().waitFor({ state: 'attached', timeout: 10_000 });
  expect(fold((await painted.allTextContents()).join(''))).toBe(QUOTE);
  await again.close();
});

test('a Hypothesis file with a bad annotation is refused whole, by name, and nothing is written', async () => {
  const file = join(dir, 'bad-hypothesis-export.json');
  const uri = server.url(ARTICLE);
  writeFileSync(
    file,
    hypExport([
      hypAnnotation(null, {
        uri,
        target: [{ source: uri, selector: [{ type: 'TextQuoteSelector', exact: 'Moscow' }] }],
      }),
      hypAnnotation(null, { id: 'BadDate000000000000000', uri, created: 'last week' }),
    ]),
  );
  const list = await HighlightsPage.open(browser);
  await list.items().first().waitFor();
  const before = await list.items().count();
  await list.chooseImportFile(file);
  await expect
    .poll(() => list.status())
    .toBe(
      'Import refused; nothing was imported. Hypothesis annotation 2 of 2 (id BadDate000000000000000): ' +
        'created: must be an ISO 8601 timestamp (got "last week")',
    );
  expect(await list.preview().count()).toBe(0);
  expect(await list.items().count()).toBe(before);
  await list.close();
});
