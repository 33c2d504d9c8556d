/**
 * Settings reach open tabs at once (issue #6): a topic switched off in the
 * options page removes that topic's marks in another tab within a second,
 * the site switch in the popup removes every mark and restores the page
 * exactly, and a malformed settings file is refused without changing anything.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { launchExtension, REPO_ROOT, type ExtensionBrowser } from './support/chromium';
import { tabIdOf } from './support/tabs';
import { ENTITY_FILES } from '../../lib/factbase/files';

const HOST = 'lens-settings.test';
const ARTICLE_URL = `http://${HOST}/article.html`;
/** A page with entities of several topics, nested inline markup and repeated names. */
const ARTICLE_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Energy and diplomacy</title></head>
  <body>
    <main>
      <h1>Pipelines and summits</h1>
      <p>Vladimir Putin received <em>Xi Jinping</em> in Moscow, and the two leaders spoke about trade.</p>
      <p>Gazprom says the <strong>Power of Siberia pipeline</strong> carried record volumes to China.</p>
      <p>Later, Xi Jinping flew home to Beijing; Gazprom and its partners kept talking.</p>
      <ul><li>Vladimir Putin</li><li>Gazprom</li></ul>
    </main>
  </body>
</html>
`;

interface EntityRecord {
  id: string;
  topics: string[];
}
const ENTITIES: EntityRecord[] = [...ENTITY_FILES].flatMap(
  (file) => JSON.parse(readFileSync(resolve(REPO_ROOT, 'assets/factbase', file), 'utf8')) as EntityRecord[],
);
const TOPICS_OF = new Map(ENTITIES.map((e) => [e.id, e.topics]));

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  await browser.context.route(`http://${HOST}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: ARTICLE_HTML }),
  );
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await browser.serviceWorker.evaluate(() => chrome.storage.local.clear());
  for (const page of browser.context.pages()) await page.close();
});

async function storedSettings(): Promise<unknown> {
  return (await browser.serviceWorker.evaluate(() => chrome.storage.local.get('settings'))).settings;
}

async function openArticle(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(ARTICLE_URL);
  await page.waitForSelector('lens-mention[data-entity="gazprom"]', { state: 'attached', timeout: 15_000 });
  return page;
}

async function markedIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...new Set(Array.from(document.querySelectorAll('lens-mention'), (m) => m.getAttribute('data-entity') ?? '')),
    ].sort(),
  );
}

/** Toggles a switch with the keyboard, as a reader without a mouse would. */
async function toggle(page: Page, name: RegExp): Promise<void> {
  const control = page.getByRole('switch', { name });
  await control.focus();
  await page.keyboard.press('Space');
}

test('switching a topic off in the options page removes its marks in another tab within a second', async () => {
  const article = await openArticle();
  const before = await markedIds(article);
  const energy = before.filter((id) => TOPICS_OF.get(id)?.includes('energy'));
  const others = before.filter((id) => !TOPICS_OF.get(id)?.includes('energy'));
  expect(energy.length).toBeGreaterThan(0);
  expect(others.length).toBeGreaterThan(0);

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const energySwitch = options.getByRole('switch', { name: /^Energy/ });
  await expect.poll(() => energySwitch.isChecked()).toBe(true);

  await toggle(options, /^Energy/);
  // The clock starts at the change: the other tab must drop the marks within 1 s.
  await article.waitForFunction(
    (ids) => ids.every((id) => !document.querySelector(`lens-mention[data-entity="${id}"]`)),
    energy,
    { timeout: 1_000, polling: 'raf' },
  );
  expect(await markedIds(article)).toEqual(others);
  expect((await storedSettings()) as { topicsOff: string[] }).toMatchObject({ topicsOff: ['energy'] });

  // Back on: the page is annotated again without a reload.
  await toggle(options, /^Energy/);
  await article.waitForSelector('lens-mention[data-entity="gazprom"]', { state: 'attached', timeout: 2_000 });
  expect(await markedIds(article)).toEqual(before);
});

test('switching the site off in the popup removes every mark and restores the page exactly', async () => {
  const article = await openArticle();
  const tabId = await tabIdOf(browser, ARTICLE_URL);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  const siteSwitch = popup.getByRole('switch', { name: new RegExp(HOST.replace(/\./g, '\\.')) });
  await expect.poll(() => siteSwitch.isChecked(), { timeout: 10_000 }).toBe(true);

  await toggle(popup, new RegExp(HOST.replace(/\./g, '\\.')));
  await article.waitForFunction(() => document.querySelectorAll('lens-mention').length === 0, undefined, {
    timeout: 2_000,
  });
  await expect.poll(() => siteSwitch.isChecked()).toBe(false);
  await popup.getByText('Marks are off on this site.').waitFor();

  // Text and structure (every element, attribute and text node) equal a fresh parse of the page.
  const compared = await article.evaluate((html) => {
    const describe = (root: Node): string[] => {
      const out: string[] = [];
      const walk = (node: Node, depth: number) => {
        if (node.nodeType === Node.TEXT_NODE) out.push(`${depth}#text:${JSON.stringify(node.nodeValue)}`);
        else if (node.nodeType === Node.ELEMENT_NODE) {
          const el = node as Element;
          const attrs = Array.from(el.attributes, (a) => `${a.name}=${a.value}`).sort();
          out.push(`${depth}<${el.localName} ${attrs.join(' ')}>`);
        }
        node.childNodes.forEach((child) => walk(child, depth + 1));
      };
      walk(root, 0);
      return out;
    };
    const original = new DOMParser().parseFromString(html, 'text/html');
    return {
      live: describe(document.body),
      original: describe(original.body),
      liveText: document.body.textContent,
      originalText: original.body.textContent,
    };
  }, ARTICLE_HTML);
  expect(compared.liveText).toBe(compared.originalText);
  expect(compared.live).toEqual(compared.original);
  expect((await storedSettings()) as { sites: string[] }).toMatchObject({ sites: [HOST] });

  // And on again from the popup.
  await toggle(popup, new RegExp(HOST.replace(/\./g, '\\.')));
  await article.waitForSelector('lens-mention[data-entity="gazprom"]', { state: 'attached', timeout: 2_000 });
});

test('a malformed settings file is refused with a message and the settings stay unchanged', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  // Make a non-default change first, so "unchanged" is not just "still empty".
  await options.getByRole('radio', { name: 'Tint' }).check();
  await expect.poll(storedSettings).toMatchObject({ markStyle: 'tint' });
  const before = await storedSettings();

  const input = options.getByLabel('Import settings from a file');
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"kind": "eurasia'),
  });
  const alert = options.locator('#import-notice[role="alert"]');
  await expect.poll(() => alert.textContent()).toMatch(/not imported.*not valid JSON/);
  expect(await storedSettings()).toEqual(before);

  const wrongField = JSON.stringify({
    kind: 'eurasia-lens-settings',
    settings: { ...(before as object), theme: 'neon' },
  });
  await input.setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(wrongField) });
  await expect.poll(() => alert.textContent()).toMatch(/"settings\.theme"/);
  expect(await storedSettings()).toEqual(before);
  await expect.poll(() => options.getByRole('radio', { name: 'Tint' }).isChecked()).toBe(true);

  // A good file is taken.
  const good = JSON.stringify({ kind: 'eurasia-lens-settings', settings: { ...(before as object), theme: 'dark' } });
  await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(good) });
  await expect.poll(storedSettings).toMatchObject({ theme: 'dark', markStyle: 'tint' });
  await expect.poll(() => options.locator('#import-notice').textContent()).toBe('Settings imported.');

  // Export writes the stored settings to a file that imports again.
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export settings' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^eurasia-lens-settings-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { kind: string; settings: unknown };
  expect(exported).toEqual({ kind: 'eurasia-lens-settings', settings: await storedSettings() });
});
