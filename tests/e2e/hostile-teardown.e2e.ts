/**
 * Teardown: when the extension is updated, reloaded or disabled, the content
 * scripts already in pages lose their extension context. Each must then leave
 * its page as it was: no lens-* element (marks, card host), no data-lens-*
 * attribute or style, and the page's own text nodes back whole.
 *
 * Every fixture is opened and annotated (cards mounted too), the extension is
 * reloaded from its service worker (which invalidates the old contexts), and
 * each document is compared with its record: for static pages the very text
 * nodes and structure recorded at DOMContentLoaded, before we ran; for pages
 * that change themselves, the structure they had just before teardown with our
 * marks dissolved.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { serveStatic, type StaticServer } from './support/server';
import {
  compareWithBefore,
  ConsoleWatch,
  ensureProbe,
  installProbe,
  invalidateExtension,
  mentionsIn,
  residue,
  expectedAfterTeardown,
} from './support/hostile';
import { waitForPass } from './support/lens-state';

type Target = Page | Frame;

interface Subject {
  name: string;
  target: Target;
  console?: ConsoleWatch;
  /** For pages that change themselves: the signature and text they should have once we are gone. */
  expected?: { signature: string; text: string };
  /** How many marks it had before teardown. */
  marks: number;
  residueBefore: string[];
}

/** Static pages: compared with what they were at DOMContentLoaded. */
const STATIC = [
  'editors.html',
  'rtl.html',
  'csp.html',
  'important-css.html',
  'shadow.html',
  'hydrate.html',
  'big-table.html',
  'iframes.html',
];

let browser: ExtensionBrowser;
let server: StaticServer;
const subjects: Subject[] = [];

async function subject(name: string, target: Target, console?: ConsoleWatch, dynamic = false): Promise<Subject> {
  await waitForPass(target, 30_000);
  const marks = (await mentionsIn(target)).length;
  return {
    name,
    target,
    console,
    marks,
    residueBefore: await residue(target),
    expected: dynamic ? await expectedAfterTeardown(target) : undefined,
  };
}

beforeAll(async () => {
  server = await serveStatic(undefined, {
    '/hostile/csp.html': { 'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self'" },
  });
  browser = await launchExtension();
  await installProbe(browser.context);

  for (const file of STATIC) {
    const page = await browser.context.newPage();
    const console = new ConsoleWatch(page);
    await page.goto(server.url(`/hostile/${file}`));
    if (file === 'editors.html') {
      // The card host mounts on the first interaction with a mention: hover one so teardown has it to remove.
      await waitForPass(page, 30_000);
      await page.locator('lens-mention').first().hover();
      await page.waitForSelector('lens-card-host', { state: 'attached' });
    }
    subjects.push(await subject(file, page, console));
    if (file === 'iframes.html') {
      const child = page.frame({ url: /iframe-child\.html$/ })!;
      subjects.push(await subject('iframes.html › iframe-child.html', child));
      const blank = page.frames().find((f) => f !== page.mainFrame() && f !== child)!;
      await ensureProbe(blank);
      // No DOMContentLoaded record exists for a frame written by script: compare as a changing page.
      subjects.push(await subject('iframes.html › about:blank', blank, undefined, true));
    }
  }

  // Pages that change themselves: brought to rest first, then recorded.
  const feed = await browser.context.newPage();
  const feedConsole = new ConsoleWatch(feed);
  await feed.goto(server.url('/hostile/infinite-scroll.html?max=5'));
  await feed.waitForFunction(() => (window as unknown as { feed: { count: number } }).feed.count >= 5);
  await feed.waitForFunction(() => document.querySelectorAll('#feed lens-mention[data-entity="brics"]').length === 1);
  subjects.push(await subject('infinite-scroll.html', feed, feedConsole, true));

  const spa = await browser.context.newPage();
  const spaConsole = new ConsoleWatch(spa);
  await spa.goto(server.url('/hostile/spa.html'));
  await waitForPass(spa);
  await spa.evaluate(() => (window as unknown as { spa: { navigate(r: string): void } }).spa.navigate('energy'));
  await spa.waitForFunction(() => !!document.querySelector('#view lens-mention[data-entity="gazprom"]'));
  subjects.push(await subject('spa.html', spa, spaConsole, true));

  const ticker = await browser.context.newPage();
  const tickerConsole = new ConsoleWatch(ticker);
  await ticker.goto(server.url('/hostile/ticker.html'));
  await ticker.waitForFunction(() => (window as unknown as { tickerWrites: number }).tickerWrites >= 10);
  await ticker.evaluate(() => (window as unknown as { stopTicker(): void }).stopTicker());
  subjects.push(await subject('ticker.html', ticker, tickerConsole, true));

  // Hydrated after we marked it: Preact now holds references to the page's text nodes.
  const hydrated = await browser.context.newPage();
  const hydratedConsole = new ConsoleWatch(hydrated);
  await hydrated.goto(server.url('/hostile/hydrate.html'));
  await waitForPass(hydrated);
  await hydrated.evaluate(() => (window as unknown as { hydrateNow(): void }).hydrateNow());
  await hydrated.waitForSelector('html[data-hydrated="true"]', { state: 'attached' });
  // Hydration rewrites the marked text; wait until it is marked again.
  await hydrated.waitForFunction(() => !!document.querySelector('#app h2 lens-mention'));
  subjects.push(await subject('hydrate.html, hydrated', hydrated, hydratedConsole, true));

  await invalidateExtension(browser);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A page change nobody sees: a comment added and removed at once. It gives a
 * content script that checks its context only when it has work (a timer firing
 * after a mutation) the chance to notice; it leaves no trace in the page.
 */
async function nudge(target: Target): Promise<void> {
  await target.evaluate(() => {
    const c = document.createComment('nudge');
    document.body.append(c);
    c.remove();
  });
}

describe('teardown after the extension context is invalidated', () => {
  test('every page was annotated before teardown', () => {
    for (const s of subjects) {
      expect(s.marks, `${s.name} had no marks`).toBeGreaterThan(0);
      expect(s.residueBefore.length, `${s.name}`).toBeGreaterThan(0);
    }
    // The card host was mounted by a hover (see beforeAll): teardown has to remove it too.
    const top = subjects.find((s) => s.name === 'editors.html')!;
    expect(top.residueBefore).toContain('<lens-card-host>');
  });

  // Runs first: no page has been touched since the invalidation.
  test('the old script notices the invalidation by itself, on a page that does not change', async () => {
    const s = subjects.find((x) => x.name === 'editors.html')!;
    await s.target.waitForFunction(() => window.__lensProbe!.residue(document).length === 0, undefined, {
      timeout: 5_000,
    });
    expect(await residue(s.target)).toEqual([]);
  });

  test.each(STATIC.concat(['infinite-scroll.html', 'spa.html', 'ticker.html']))(
    '%s is left as it was',
    async (name) => {
      for (const s of subjects.filter((x) => x.name === name || x.name.startsWith(`${name} › `))) {
        await nudge(s.target);
        await s.target.waitForFunction(() => window.__lensProbe!.residue(document).length === 0, undefined, {
          timeout: 10_000,
        });
        expect(await residue(s.target), s.name).toEqual([]);
        expect(await mentionsIn(s.target), s.name).toEqual([]);
        const c = await compareWithBefore(s.target, s.expected);
        expect(c.signatureDiff, s.name).toBe('');
        expect(c.sameSignature, s.name).toBe(true);
        expect(c.sameText, s.name).toBe(true);
        if (s.expected === undefined) {
          // The very text nodes the page made, each with its own text, and no others.
          expect({ missing: c.missingTextNodes, extra: c.extraTextNodes, changed: c.changedTextNodes }, s.name).toEqual(
            { missing: 0, extra: 0, changed: 0 },
          );
        }
      }
    },
    20_000,
  );

  test('hydrate.html, hydrated after marking, is left as it was and its app still works', async () => {
    const s = subjects.find((x) => x.name === 'hydrate.html, hydrated')!;
    const page = s.target as Page;
    await nudge(page);
    await page.waitForFunction(() => window.__lensProbe!.residue(document).length === 0, undefined, {
      timeout: 10_000,
    });
    const c = await compareWithBefore(page, s.expected);
    expect(c.signatureDiff).toBe('');
    expect(c.sameText).toBe(true);
    // The app re-renders the very nodes it hydrated: they must be the page's own again.
    await page.click('#likes');
    await page.waitForFunction(() => document.getElementById('likes')!.textContent === 'Likes: 1');
    expect(await page.textContent('#app p')).toBe(
      'Vladimir Putin met Xi Jinping to discuss the Power of Siberia 2 pipeline.',
    );
  });

  // Runs last, once every page has torn down.
  test('no error reaches any page console, before or during teardown', () => {
    for (const s of subjects) {
      if (s.console) expect(s.console.errors, `${s.name}\n${s.console.stacks.join('\n')}`).toEqual([]);
    }
  });
});
