/**
 * The popup and the options page in real Chromium (issue #6): the popup's
 * entity list equals the marks on the page, clicking an entity reveals it,
 * pages that cannot be annotated say so, both pages pass axe-core in light
 * and dark, and the README screenshots are written here.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { chromiumPath, EXTENSION_DIR, launchExtension, REPO_ROOT, type ExtensionBrowser } from './support/chromium';
import { tabIdOf } from './support/tabs';
import { ENTITY_FILES } from '../../lib/factbase/files';

const HOST = 'lens-popup.test';
const ARTICLE_URL = `http://${HOST}/news/summit.html`;
const ARTICLE_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Summit report</title></head>
  <body>
    <main>
      <h1>Summit report</h1>
      <p>Vladimir Putin received Xi Jinping in Moscow, where the two leaders discussed the Power of Siberia 2 pipeline.</p>
      <p>Gazprom hopes to sign a contract soon; Xi Jinping made no promise.</p>
      ${'<p>Filler paragraph to make the page scroll.</p>'.repeat(40)}
      <p>At the end of the visit, Vladimir Putin thanked Xi Jinping for the talks.</p>
    </main>
  </body>
</html>
`;
const AXE_SOURCE = readFileSync(resolve(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = resolve(REPO_ROOT, 'docs/screenshots');

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension({ viewport: { width: 1100, height: 800 } });
  await browser.context.route(`http://${HOST}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: ARTICLE_HTML }),
  );
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await browser.serviceWorker.evaluate(() => chrome.storage.local.clear());
  for (const page of browser.context.pages()) await page.close();
});

async function openArticle(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(ARTICLE_URL);
  await page.waitForSelector('lens-mention[data-entity="xi-jinping"]', { state: 'attached', timeout: 15_000 });
  return page;
}

/** Opens the popup as a page aimed at a tab (the `tab` query parameter is the popup's testing hook). */
async function openPopup(tabId: number, size = { width: 380, height: 640 }): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize(size);
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** Runs axe-core in the page (evaluated over the protocol: extension pages forbid inline scripts). */
async function axeViolations(page: Page): Promise<{ id: string; impact: string; targets: string[] }[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document);
    return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[]).map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

async function pageMarkCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const m of document.querySelectorAll('lens-mention')) {
      const id = m.getAttribute('data-entity') ?? '';
      counts[id] = (counts[id] ?? 0) + 1;
    }
    return counts;
  });
}

async function popupCounts(popup: Page): Promise<Record<string, number>> {
  return popup.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const b of document.querySelectorAll('.popup__entity[data-entity]')) {
      counts[b.getAttribute('data-entity') ?? ''] = Number(b.querySelector('.popup__count')?.textContent);
    }
    return counts;
  });
}

test('the popup lists exactly the entities marked on the page, with their counts', async () => {
  const article = await openArticle();
  const popup = await openPopup(await tabIdOf(browser, ARTICLE_URL));
  await popup.locator('.popup__entity').first().waitFor();
  const marks = await pageMarkCounts(article);
  expect(Object.keys(marks).length).toBeGreaterThan(1);
  expect(await popupCounts(popup)).toEqual(marks);
  const total = Object.values(marks).reduce((a, b) => a + b, 0);
  expect(await popup.locator('.popup__total td').textContent()).toBe(String(total));
});

test('clicking an entity in the popup scrolls to its first mention and opens its card', async () => {
  const article = await openArticle();
  const popup = await openPopup(await tabIdOf(browser, ARTICLE_URL));
  await article.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await popup.locator('.popup__entity[data-entity="vladimir-putin"]').click();
  await article.getByRole('dialog', { name: 'Vladimir Putin' }).waitFor({ timeout: 5_000 });
  const firstInView = await article.evaluate(() => {
    const first = document.querySelector('lens-mention[data-entity="vladimir-putin"]')!;
    const box = first.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
  expect(firstInView).toBe(true);
});

test('the popup says when a page cannot be annotated', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  // An extension page has no content script: the popup must say so rather than show an empty list.
  const optionsTab = await options.evaluate(async () => {
    const tabs = (chrome as unknown as { tabs: { getCurrent(): Promise<{ id?: number } | undefined> } }).tabs;
    return (await tabs.getCurrent())?.id ?? -1;
  });
  expect(optionsTab).toBeGreaterThanOrEqual(0);
  const popup = await openPopup(optionsTab);
  await popup.getByRole('heading', { name: 'This page cannot be annotated' }).waitFor();
  await popup.getByText('closed shadow roots', { exact: false }).waitFor();
  expect(await popup.locator('.popup__entity').count()).toBe(0);
});

/** A one-page PDF whose text names two catalogue entities (built by hand: the smallest valid file). */
function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 20 100 Td (${text}) Tj ET`;
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 400 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
    `<</Length ${stream.length}>>\nstream\n${stream}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

test.each([
  ['a .pdf address', 'http://lens-pdf.test/papers/summit.pdf'],
  // Known only from the document's MIME type, which the content script reports in page:status.
  ['an address without .pdf', 'http://lens-pdf.test/download?id=3'],
])('the popup says the built-in PDF viewer cannot be annotated (%s)', async (_label, pdfUrl) => {
  await browser.context.route('http://lens-pdf.test/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/pdf', body: tinyPdf('Vladimir Putin met Xi Jinping') }),
  );
  const pdf = await browser.context.newPage();
  await pdf.goto(pdfUrl);
  expect(await pdf.evaluate(() => document.contentType)).toBe('application/pdf');
  const popup = await openPopup(await tabIdOf(browser, pdfUrl));
  await popup.getByRole('heading', { name: 'This page cannot be annotated' }).waitFor();
  await popup.getByText('PDF files open in the browser’s own viewer', { exact: false }).waitFor();
  await popup.getByText('closed shadow roots', { exact: false }).waitFor();
  expect(await popup.locator('.popup__entity').count()).toBe(0);
  expect(await popup.getByRole('link', { name: 'All highlights' }).count()).toBe(1);
});

test('the pause switch in the popup stops marking everywhere', async () => {
  const article = await openArticle();
  const popup = await openPopup(await tabIdOf(browser, ARTICLE_URL));
  const pause = popup.getByRole('switch', { name: 'Pause on all sites' });
  await pause.focus();
  await popup.keyboard.press('Space');
  await article.waitForFunction(() => document.querySelectorAll('lens-mention').length === 0, undefined, {
    timeout: 2_000,
  });
  await popup.getByText('Paused:', { exact: false }).waitFor();
  await pause.focus();
  await popup.keyboard.press('Space');
  await article.waitForSelector('lens-mention', { state: 'attached', timeout: 2_000 });
});

/** A highlight record as the background stores it (lib/highlights/model.ts). */
interface StoredHighlight {
  id: string;
  status: string;
  note: string;
  anchor: { quote: { exact: string } };
}

/** Sends one request to the background from an extension page, as the popup does. */
async function ask<T>(page: Page, request: Record<string, unknown>): Promise<T> {
  const answer = (await page.evaluate((req) => {
    const runtime = chrome.runtime as unknown as { sendMessage(message: unknown): Promise<unknown> };
    return runtime.sendMessage(req);
  }, request)) as {
    ok: boolean;
    value?: T;
    error?: { message: string };
  };
  if (!answer?.ok) throw new Error(`${String(request.type)} failed: ${answer?.error?.message ?? 'no answer'}`);
  return answer.value as T;
}

/** A draft as a content script would send it after a selection, `start` characters into the page. */
function draft(exact: string, note = '', start = 15) {
  return {
    pageUrl: ARTICLE_URL,
    title: 'Summit report',
    anchor: {
      quote: { type: 'TextQuoteSelector', exact, prefix: 'Summit report ', suffix: ' Filler paragraph' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    note,
    entities: [],
  };
}

test('orphaned highlights are listed in the popup with their quote, and can be deleted (with undo) or kept', async () => {
  const article = await openArticle();
  const popup = await openPopup(await tabIdOf(browser, ARTICLE_URL));
  await popup.locator('.popup__entity').first().waitFor();
  await ask(popup, { type: 'highlight:delete-all' });

  // One highlight still on the page, two whose passage the page no longer has.
  const kept = await ask<StoredHighlight>(popup, {
    type: 'highlight:save',
    draft: draft('Gazprom hopes to sign a contract soon'),
  });
  const lostA = await ask<StoredHighlight>(popup, {
    type: 'highlight:save',
    draft: draft('The ministers signed a memorandum on grain exports', 'check the follow-up', 120),
  });
  const lostB = await ask<StoredHighlight>(popup, {
    type: 'highlight:save',
    draft: draft('Officials later denied that any deal had been reached', '', 240),
  });
  // What the content script reports once its retries are over (lib/dom/highlights/start.ts).
  await ask(popup, { type: 'highlight:report', anchored: [kept.id], orphaned: [lostA.id, lostB.id] });
  const stored = () => ask<StoredHighlight[]>(popup, { type: 'highlight:list-for-page', url: ARTICLE_URL });
  const recordA = (await stored()).find((h) => h.id === lostA.id)!;
  expect(recordA.status).toBe('orphan');

  await popup.reload();
  // Listed in reading order (position on the page), whatever order the store keeps them in.
  const orphans = popup.locator('.popup__orphan');
  await expect.poll(() => orphans.count()).toBe(2);
  await popup.getByRole('heading', { name: 'Not found on this page: 2' }).waitFor();
  expect(await orphans.locator('q').allTextContents()).toEqual([
    'The ministers signed a memorandum on grain exports',
    'Officials later denied that any deal had been reached',
  ]);
  await orphans.first().getByText('check the follow-up').waitFor();
  // The highlight still found on the page is listed, without orphan actions.
  const found = popup.locator('.popup__highlights li:not(.popup__orphan)');
  expect(await found.locator('q').allTextContents()).toEqual(['Gazprom hopes to sign a contract soon']);
  expect(await found.getByRole('button').count()).toBe(0);
  // The highlights page is linked from the popup.
  const link = popup.getByRole('link', { name: 'All highlights' });
  expect(await link.getAttribute('href')).toBe(`chrome-extension://${browser.extensionId}/highlights.html`);
  expect(await axeViolations(popup)).toEqual([]);
  await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup.png'), fullPage: true });

  // Delete: gone from the popup and from storage; Undo puts back the exact record.
  const itemA = popup.locator(`.popup__orphan[data-highlight-id="${lostA.id}"]`);
  await itemA.getByRole('button', { name: 'Delete' }).click();
  await itemA.waitFor({ state: 'detached' });
  await popup.getByRole('status').getByText('Highlight deleted.').waitFor();
  await expect.poll(async () => (await stored()).map((h) => h.id).sort()).toEqual([kept.id, lostB.id].sort());
  const undo = popup.getByRole('button', { name: 'Undo' });
  expect(await undo.evaluate((el) => el === document.activeElement)).toBe(true);
  await undo.click();
  await itemA.waitFor();
  await popup.getByText('Highlight restored.').waitFor();
  expect((await stored()).find((h) => h.id === lostA.id)).toEqual(recordA);

  // Keep: stays stored with status "unknown" (tried again next visit) and leaves the orphan list.
  const itemB = popup.locator(`.popup__orphan[data-highlight-id="${lostB.id}"]`);
  await itemB.getByRole('button', { name: 'Keep' }).click();
  await itemB.waitFor({ state: 'detached' });
  await popup.getByText('Kept.', { exact: false }).waitFor();
  await expect.poll(async () => (await stored()).find((h) => h.id === lostB.id)?.status).toBe('unknown');
  await found.filter({ hasText: 'Officials later denied' }).waitFor();
  await popup.getByRole('heading', { name: 'Not found on this page: 1' }).waitFor();
  expect(await axeViolations(popup)).toEqual([]);

  // The link opens the highlights page, where the restored orphan is listed too.
  const [highlightsPage] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
  await highlightsPage.locator('.hl-orphans .hl-item').first().waitFor();
  expect(await highlightsPage.locator('.hl-orphans .hl-quote').allTextContents()).toEqual([
    'The ministers signed a memorandum on grain exports',
  ]);
  await article.close();
  await ask(popup, { type: 'highlight:delete-all' });
});

test('the options page links to the highlights page', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('link', { name: 'Saved highlights' }).click();
  await options.waitForURL(`chrome-extension://${browser.extensionId}/highlights.html`);
  await options.getByRole('heading', { level: 1 }).waitFor();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`popup and options pass axe-core (${colorScheme})`, async () => {
    await openArticle();
    const popup = await openPopup(await tabIdOf(browser, ARTICLE_URL));
    await popup.emulateMedia({ colorScheme });
    await popup.locator('.popup__entity').first().waitFor();
    expect(await axeViolations(popup)).toEqual([]);

    const options = await browser.context.newPage();
    await options.emulateMedia({ colorScheme });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('switch', { name: /^Energy/ }).waitFor({ state: 'attached' });
    // Open a card in the fact-base browser so it is checked too.
    await options.getByLabel('Search entities').fill('Путин');
    await options.locator('.options__result[data-entity="vladimir-putin"]').click();
    await options.getByRole('dialog', { name: 'Vladimir Putin' }).waitFor();
    expect(await axeViolations(options)).toEqual([]);
    if (colorScheme === 'light') {
      await options.screenshot({ path: resolve(SCREENSHOTS, 'options.png'), fullPage: true });
    }
  });
}

test('the options page: topic counts, sites, hidden entities, search in any script, delete all', async () => {
  await browser.serviceWorker.evaluate(() =>
    chrome.storage.local.set({
      settings: {
        version: 1,
        enabled: true,
        siteMode: 'all-except',
        sites: ['example.org'],
        topicsOff: [],
        density: { mode: 'first', n: 3 },
        markStyle: 'underline',
        cardDelayMs: 450,
        theme: 'auto',
        hidden: { 'news.example.com': ['xi-jinping'] },
      },
    }),
  );
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);

  // Topic switches carry the number of entities in each topic.
  const entities = [...ENTITY_FILES].flatMap(
    (file) => JSON.parse(readFileSync(resolve(REPO_ROOT, 'assets/factbase', file), 'utf8')) as { topics: string[] }[],
  );
  const energyCount = entities.filter((e) => e.topics.includes('energy')).length;
  await options.getByRole('switch', { name: `Energy (${energyCount} entities)` }).waitFor({ state: 'attached' });

  // Sites: add by pasting an address, remove with the keyboard.
  await options.getByLabel('Add a site (name or address)').fill('https://www.Lenta.ru/news/1');
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  await options.locator('li[data-site="lenta.ru"]').waitFor();
  await options.getByRole('button', { name: 'Remove example.org' }).click();
  await options.locator('li[data-site="example.org"]').waitFor({ state: 'detached' });
  await options.getByRole('radio', { name: 'Only on the sites below' }).check();
  const stored = async () =>
    (await browser.serviceWorker.evaluate(() => chrome.storage.local.get('settings'))).settings as Record<
      string,
      unknown
    >;
  await expect.poll(stored).toMatchObject({ sites: ['lenta.ru'], siteMode: 'only' });

  // Hidden entities: listed by site with their names, and removable.
  await options.getByRole('button', { name: 'Show Xi Jinping again on news.example.com' }).click();
  await expect.poll(stored).toMatchObject({ hidden: {} });

  // Search by aliases in Latin, Cyrillic and Chinese scripts.
  for (const query of ['putin', 'Путин', '普京']) {
    await options.getByLabel('Search entities').fill(query);
    await options.locator('.options__result[data-entity="vladimir-putin"]').waitFor();
  }

  // The preview follows density: with "every mention" every sample mention is marked.
  const previewMarks = () => options.locator('[data-lens-preview] lens-mention').count();
  const first = await previewMarks();
  await options.getByRole('radio', { name: 'Every mention' }).check();
  await expect.poll(previewMarks).toBeGreaterThan(first);

  // The footer shows the fact base version and review date.
  const meta = JSON.parse(readFileSync(resolve(REPO_ROOT, 'assets/factbase/meta.json'), 'utf8')) as {
    version: string;
    reviewed: string;
  };
  await options.getByText(`Fact base version ${meta.version}, reviewed on ${meta.reviewed}.`).waitFor();

  // Delete all, with confirmation; Cancel first changes nothing.
  await options.getByRole('button', { name: 'Delete all my data…' }).click();
  await options.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(stored).toMatchObject({ siteMode: 'only' });
  await options.getByRole('button', { name: 'Delete all my data…' }).click();
  await options.getByRole('button', { name: 'Delete everything' }).click();
  await options.getByText('All your data was deleted', { exact: false }).waitFor();
  expect(await stored()).toBeUndefined();
});

/**
 * Russian and Chinese UI. The shared launcher has no way to pass a UI language,
 * so this launches the same Chromium with the built extension and `--lang`.
 */
describe.each([
  ['ru', 'ru'],
  ['zh-CN', 'zh_CN'],
])('in %s', (lang, folder) => {
  let context: BrowserContext;
  let extensionId: string;
  let profile: string;
  const messages = JSON.parse(
    readFileSync(resolve(REPO_ROOT, `assets/public/_locales/${folder}/messages.json`), 'utf8'),
  ) as Record<string, { message: string }>;

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'lens-lang-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        `--lang=${lang}`,
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
      ],
      ignoreDefaultArgs: ['--disable-extensions'],
    });
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
    await context.route(`http://${HOST}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: ARTICLE_HTML }),
    );
  });
  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Text that overflows its box horizontally (clipped or pushing the page sideways). */
  const overflowing = (page: Page) =>
    page.evaluate(() => {
      const bad: string[] = [];
      if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) bad.push('page');
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        // Skips hidden parts and the screen-reader-only text, which is clipped on purpose.
        if (el.closest('[aria-hidden="true"], .visually-hidden') || el.offsetParent === null) continue;
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
          bad.push(`${el.localName}.${el.className}: ${el.textContent?.slice(0, 40)}`);
        }
      }
      return bad;
    });

  test('the options page and the popup are translated, fit a narrow window and pass axe-core', async () => {
    const options = await context.newPage();
    await options.setViewportSize({ width: 360, height: 800 });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('heading', { level: 1, name: messages.options_title!.message }).waitFor();
    await options.getByRole('switch').first().waitFor({ state: 'attached' });
    const optionsText = (await options.locator('body').innerText()) ?? '';
    expect(optionsText).not.toMatch(/\b(?:popup|options|common)_[a-z_]+\b/);
    expect(await overflowing(options)).toEqual([]);
    expect(await axeViolations(options)).toEqual([]);

    const article = await context.newPage();
    await article.goto(ARTICLE_URL);
    await article.waitForSelector('lens-mention', { state: 'attached', timeout: 15_000 });
    const tabId = await article
      .evaluate(() => 0)
      .then(async () => {
        const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))!;
        return worker.evaluate(async (target) => {
          for (const tab of await chrome.tabs.query({})) {
            if (tab.id === undefined) continue;
            const status = (await chrome.tabs
              .sendMessage(tab.id, { type: 'page:status' }, { frameId: 0 })
              .catch(() => null)) as { url?: string } | null;
            if (status?.url === target) return tab.id;
          }
          return -1;
        }, ARTICLE_URL);
      });
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 320, height: 640 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('.popup__entity').first().waitFor();
    await popup.getByText(messages.popup_mentions_by_topic!.message).waitFor();
    expect(await popup.locator('body').innerText()).not.toMatch(/\b(?:popup|options|common)_[a-z_]+\b/);
    expect(await overflowing(popup)).toEqual([]);
    expect(await axeViolations(popup)).toEqual([]);
    if (folder === 'ru') await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-ru.png'), fullPage: true });
  });
});
