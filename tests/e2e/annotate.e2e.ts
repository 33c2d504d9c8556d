/**
 * The content script on the demo article in real Chromium with the built
 * extension: marks, controls left alone, new content followed, and the page
 * restored exactly when marking is switched off or the extension goes away.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { serveStatic, type StaticServer } from './support/server';
import { appendLateParagraph } from './support/pass';
import { lensState, statsOf, waitForLensState, waitForPass } from './support/lens-state';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/model';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { annotateHtml } from '../../lib/cli/annotate';
import { aliasTable } from '../../lib/detect/bundled-table';
import { createDetector } from '../../lib/detect/detector';
import { REPO_ROOT } from './support/chromium';

const DEMO_FILE = resolve(REPO_ROOT, 'assets/demo/index.html');

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

async function setSettings(change: Partial<Settings>): Promise<void> {
  const value = { ...structuredClone(DEFAULT_SETTINGS), ...change };
  await browser.serviceWorker.evaluate((settings) => chrome.storage.local.set({ settings }), value);
}

/** The demo page as it was at DOMContentLoaded, kept in the page's own world. */
interface Pristine {
  head: string;
  body: string;
  texts: Text[];
  /** Every element, `<html>` included, with its attributes as `name="value"` strings. */
  elements: [Element, string[]][];
}

/**
 * Opens the demo page, keeping (in the page's own world) the body's HTML, its
 * text nodes and its elements as they were at DOMContentLoaded, before the
 * content script (document_idle) touched anything.
 */
async function openDemo(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const w = window as unknown as { __pristine: Pristine };
      const texts: Text[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
      const elements = Array.from(document.querySelectorAll('*'), (el): [Element, string[]] => [
        el,
        Array.from(el.attributes, (a) => `${a.name}=${JSON.stringify(a.value)}`),
      ]);
      w.__pristine = { head: document.head.innerHTML, body: document.body.innerHTML, texts, elements };
    });
  });
  await page.goto(server.url('/index.html'));
  await waitForPass(page);
  return page;
}

async function marks(page: Page): Promise<{ id: string; text: string }[]> {
  return page.$$eval('lens-mention', (els) =>
    els.map((e) => ({ id: e.getAttribute('data-entity') ?? '', text: (e.textContent ?? '').replace(/\s+/g, ' ') })),
  );
}

/** Whether the page is back to its DOMContentLoaded state: same HTML, and the very same text nodes. */
async function restoredExactly(page: Page): Promise<{ head: boolean; body: boolean; sameTextNodes: boolean }> {
  return page.evaluate(() => {
    const p = (window as unknown as { __pristine: Pristine }).__pristine;
    const now: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) now.push(n as Text);
    return {
      head: document.head.innerHTML === p.head,
      body: document.body.innerHTML === p.body,
      sameTextNodes: now.length === p.texts.length && now.every((n, i) => n === p.texts[i]),
    };
  });
}

test('the demo article gets its marks, first mention of each entity, and the controls stay unmarked', async () => {
  await setSettings({});
  const page = await openDemo();
  const found = await marks(page);
  const ids = found.map((m) => m.id);
  for (const id of [
    'vladimir-putin',
    'xi-jinping',
    'power-of-siberia-2',
    'power-of-siberia',
    's-400',
    'shanghai-cooperation-organisation',
    'no-limits-partnership',
    'sino-soviet-border-conflict',
    'china-russia-trade',
    'gazprom',
  ]) {
    expect(ids, id).toContain(id);
  }
  // Default density: each entity once.
  expect(new Set(ids).size).toBe(ids.length);
  // "Power of Siberia 2" is one mention of its own entity, not the first pipeline plus a number.
  expect(found).toContainEqual({ id: 'power-of-siberia-2', text: 'Power of Siberia 2' });
  // Confusables in the arts column: "Louis XI" and "fine china" are not marked.
  const aside = await page.$$eval('aside lens-mention', (els) => els.map((e) => e.textContent));
  expect(aside).toEqual([]);
  expect(await page.locator('aside').innerText()).toContain('Louis XI with two centuries of fine china');
  // The comment box is an editable region: untouched.
  expect(await page.$eval('textarea', (t) => t.innerHTML)).toBe('I think Putin and Xi Jinping will meet again soon.');
  // One style element; marks are not in the Tab order.
  expect(await page.locator('style[data-lens-style]').count()).toBe(1);
  expect(await page.locator('lens-mention[tabindex]').count()).toBe(0);
  await page.close();
});

/**
 * The page's own elements are those it had at DOMContentLoaded (the demo page
 * has no script; `<html>`, `<head>` and `<body>` among them) and the paragraph
 * the test appends as the page would. Ours are the `lens-*` elements (marks,
 * card host) with what they hold and the marks' one `<style data-lens-style>`
 * in the head. Lists what breaks that: a data-lens-* attribute or any other
 * attribute change on the page's elements, and elements that are neither.
 */
async function writesOnPageElements(page: Page): Promise<{ attributes: string[]; changed: string[]; other: string[] }> {
  return page.evaluate(() => {
    const { elements } = (window as unknown as { __pristine: Pristine }).__pristine;
    const own = new Map(elements);
    const late = document.getElementById('late');
    if (late) own.set(late, []);
    const name = (el: Element) => el.localName + (el.id ? `#${el.id}` : '');
    const isOurs = (el: Element) => {
      if (el.localName === 'style' && el.parentElement === document.head && el.hasAttribute('data-lens-style'))
        return true;
      for (let at: Element | null = el; at; at = at.parentElement) if (at.localName.startsWith('lens-')) return true;
      return false;
    };
    const attributes: string[] = [];
    const changed: string[] = [];
    const other: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const before = own.get(el);
      if (before === undefined) {
        if (!isOurs(el)) other.push(el.outerHTML.slice(0, 120));
        continue;
      }
      for (const a of el.getAttributeNames()) if (a.startsWith('data-lens')) attributes.push(`${name(el)}[${a}]`);
      const now = Array.from(el.attributes, (a) => `${a.name}=${JSON.stringify(a.value)}`);
      if (el !== late && now.join(' ') !== before.join(' ')) changed.push(`${name(el)}: ${now.join(' ')}`);
    }
    return { attributes, changed, other };
  });
}

test('a test build writes nothing on the page’s own elements; it keeps its state in its own world', async () => {
  await setSettings({ density: { mode: 'all', n: 3 } });
  const page = await openDemo();
  // Everything a reader might bring about: marks, a card, content added later.
  await page.locator('lens-mention').first().hover();
  await page.getByRole('dialog').waitFor({ timeout: 10_000 });
  await appendLateParagraph(page, 'Late update: officials also discussed Arctic LNG 2.', { timeout: 5_000 });
  await waitForLensState(page, (s) => (s?.stats?.batches ?? 0) >= 1);
  expect(await writesOnPageElements(page)).toEqual({ attributes: [], changed: [], other: [] });
  // What the suites read instead, from the content script's isolated world; the page's world has none of it.
  expect(await lensState(page)).toMatchObject({ ready: true, stats: { errors: 0 } });
  expect(await page.evaluate(() => Object.keys(window).filter((key) => /lens/i.test(key)))).toEqual([]);
  await page.close();
});

test('uncertain names are settled by the background’s NLP (compromise, evaluated on first use there)', async () => {
  await setSettings({});
  const page = await browser.context.newPage();
  await page.goto(server.url('/ambiguous.html'));
  await waitForPass(page);
  // "Mongolia" in a paragraph about the pipelines is a mention; the zoo's "Amur cubs" are not the river.
  // Both are left undecided by the page's cheap rules: the mark below exists only if the resolver ran.
  await expect.poll(() => marks(page)).toContainEqual({ id: 'mongolia', text: 'Mongolia' });
  expect(await page.$$eval('p:last-of-type lens-mention', (els) => els.length)).toBe(0);
  await page.close();
});

test('appended content is marked within a second; our own writes are not taken for page changes', async () => {
  await setSettings({});
  const page = await openDemo();
  const before = (await statsOf(page))!;
  await appendLateParagraph(page, 'Late update: officials also discussed Arctic LNG 2 and the Northern Sea Route.', {
    count: 2,
    timeout: 1_000,
  });
  expect(await marks(page)).toEqual(
    expect.arrayContaining([
      { id: 'arctic-lng-2', text: 'Arctic LNG 2' },
      { id: 'northern-sea-route', text: 'Northern Sea Route' },
    ]),
  );
  const after = (await waitForLensState(page, (s) => (s?.stats?.batches ?? 0) >= 1))!.stats!;
  // One page mutation (our append); the marks we wrote went by as our own.
  expect(after.pageMutations - before.pageMutations).toBe(1);
  expect(after.ownMutations).toBeGreaterThan(before.ownMutations);
  await page.close();
});

test('switching marking off restores the page exactly; on again marks it again', async () => {
  await setSettings({ density: { mode: 'all', n: 3 } });
  const page = await openDemo();
  expect((await marks(page)).length).toBeGreaterThan(40);
  await page.locator('lens-mention').first().hover();
  await page.getByRole('dialog').waitFor({ timeout: 10_000 });

  await setSettings({ enabled: false });
  await page.waitForFunction(() => document.querySelectorAll('lens-mention').length === 0);
  await page.waitForFunction(() => !document.querySelector('lens-card-host'));
  expect(await restoredExactly(page)).toEqual({ head: true, body: true, sameTextNodes: true });
  // The counters went with the marks (test builds keep them in the script's own world).
  expect((await lensState(page))?.stats).toBeUndefined();

  await setSettings({});
  await page.waitForSelector('lens-mention', { state: 'attached' });
  await setSettings({ topicsOff: ['people'] });
  await page.waitForFunction(() => !document.querySelector('lens-mention[data-entity="vladimir-putin"]'));
  expect((await marks(page)).some((m) => m.id === 'xi-jinping')).toBe(false);
  expect((await marks(page)).some((m) => m.id === 's-400')).toBe(true);
  await page.close();
});

test('the top frame answers the popup: page:status lists the marked entities, page:reveal opens a card', async () => {
  await setSettings({});
  const page = await openDemo();
  const url = page.url();
  // Without the "tabs" permission tabs cannot be found by URL: use the active one.
  await page.bringToFront();
  const ask = (message: unknown) =>
    browser.serviceWorker.evaluate(async (message) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.tabs.sendMessage(tab!.id!, message, { frameId: 0 });
    }, message);
  const status = (await ask({ type: 'page:status' })) as {
    url: string;
    hostname: string;
    active: boolean;
    entities: { id: string; count: number }[];
  };
  expect(status).toMatchObject({ url, hostname: '127.0.0.1', active: true });
  const marked = await marks(page);
  // The marked entities, and the names nested in marked phrases ("Crimea" in "annexation of Crimea").
  const twin = await annotateHtml(await readFile(DEMO_FILE, 'utf8'), createDetector(aliasTable));
  const nested = twin.mentions.filter((m) => m.nested).map((m) => m.id);
  expect(nested.length).toBeGreaterThan(0);
  expect(status.entities.map((e) => e.id).sort()).toEqual([...new Set([...marked.map((m) => m.id), ...nested])].sort());
  const markedOnce = new Set(marked.map((m) => m.id));
  for (const e of status.entities) if (markedOnce.has(e.id) && !nested.includes(e.id)) expect(e.count, e.id).toBe(1);

  expect(await ask({ type: 'page:reveal', id: 'no-such-entity' })).toEqual({ ok: false });
  expect(await ask({ type: 'page:reveal', id: 'sino-soviet-border-conflict' })).toEqual({ ok: true });
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ timeout: 10_000 });
  expect(await dialog.getAttribute('aria-labelledby')).toBeTruthy();
  await page.close();
});

test('an invalidated content script (extension reloaded) leaves no host, no marks, whole text nodes', async () => {
  await setSettings({});
  const page = await openDemo();
  await page.locator('lens-mention').first().hover();
  await page.getByRole('dialog').waitFor({ timeout: 10_000 });
  expect(await page.locator('lens-card-host').count()).toBe(1);

  // Reloading the extension orphans this content script: WXT's ctx notices on its next timer.
  await browser.serviceWorker
    .evaluate(() => (chrome.runtime as unknown as { reload(): void }).reload())
    .catch(() => {
      // the worker goes away while answering
    });
  // A page change makes the orphaned script run its (ctx-bound) batch timer, which finds the context gone.
  await page.evaluate(() => document.body.append(document.createComment('nudge')));
  await page.waitForFunction(() => !document.querySelector('lens-mention, lens-card-host, style[data-lens-style]'));
  await page.evaluate(() => document.body.lastChild!.remove());
  expect(await restoredExactly(page)).toEqual({ head: true, body: true, sameTextNodes: true });
  const attrs = await page.evaluate(() => document.documentElement.getAttributeNames());
  expect(attrs.filter((a) => a.startsWith('data-lens'))).toEqual([]);
  // The test build's state went too.
  expect(await lensState(page)).toBeNull();
  await page.close();
});
