/**
 * The hostile fixtures (tests/e2e/pages/hostile/) in real Chromium with the
 * built extension. For each page: mentions in new content are marked within a
 * second, editable and code regions stay untouched, the observer never reacts
 * to our own writes, no entity is marked twice (default density: first
 * mention), no error reaches the console, and the page's own behaviour still
 * works. Also: regions that become editable later, pages that update text nodes
 * we split (as React/Preact do), closed shadow roots (knowingly unsupported: left
 * alone), our event listeners on a busy page, input responsiveness on a
 * 100,000-node table. Teardown is in hostile-teardown.e2e.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { serveStatic, type StaticServer } from './support/server';
import {
  addContent,
  compareWithBefore,
  ConsoleWatch,
  echoProbe,
  ensureProbe,
  entitiesMarkedTwice,
  installProbe,
  mentionsIn,
  msUntilMarked,
  openFixture,
  pageFrameMs,
  startMarkClock,
  type OpenedFixture,
} from './support/hostile';
import { statsOf, waitForLensState, waitForPass } from './support/lens-state';

/** "Marked within a second" of the content appearing, measured in the page. */
const WITHIN_A_SECOND_MS = 1000;

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(undefined, {
    // The CSP fixture is also served with a real header (a meta tag alone is weaker).
    '/hostile/csp.html': { 'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self'" },
  });
  browser = await launchExtension();
  await installProbe(browser.context);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Target = Page | Frame;

/** Entity ids marked in a document, sorted and unique. */
async function markedIds(target: Target): Promise<string[]> {
  return [...new Set((await mentionsIn(target)).map((m) => m.id))].sort();
}

/** Adds content with page-side code and returns how long its mention took to be marked. */
async function timeToMark(
  target: Target,
  code: string,
  where: { selector: string; id: string; shadowHost?: string },
): Promise<number> {
  await addContent(target, code);
  return msUntilMarked(target, where);
}

/**
 * Our own writes never reach the observer as page changes: two page changes,
 * each with a new mention, must count as exactly two page mutations and two batches.
 */
async function expectNoEcho(target: Target, parent = 'body'): Promise<void> {
  const echo = await echoProbe(target, {
    parent,
    first: { text: 'UnionPay', id: 'unionpay' },
    second: { text: 'Yamal LNG', id: 'yamal-lng' },
  });
  const log = `DOM changes during the probe:\n${echo.log.join('\n')}`;
  expect(echo.msToMark).toBeLessThan(WITHIN_A_SECOND_MS);
  expect({ pageMutations: echo.pageMutations, batches: echo.batches }, log).toEqual({ pageMutations: 2, batches: 2 });
  expect(echo.ownMutations).toBeGreaterThan(0);
}

/**
 * Waits (up to a second) for an element's text to be exactly `text`, and fails
 * with the text it kept otherwise: a page's own text may be left wrong by us for
 * at most one batch.
 */
async function expectText(target: Target, selector: string, text: string): Promise<void> {
  try {
    await target.waitForFunction(
      ({ selector, text }) => document.querySelector(selector)?.textContent === text,
      { selector, text },
      { timeout: WITHIN_A_SECOND_MS },
    );
  } catch {
    expect(await target.textContent(selector), `text of ${selector}`).toBe(text);
  }
}

/** The checks every fixture ends with. */
async function expectHealthy(fixture: OpenedFixture, documents: Target[] = [fixture.page]): Promise<void> {
  for (const doc of documents) {
    expect(await entitiesMarkedTwice(doc), `marked twice in ${doc.url()}`).toEqual([]);
    expect((await statsOf(doc))?.errors, `contained failures in ${doc.url()}`).toBe(0);
    expect(await doc.evaluate(() => window.__lensProbe?.errors ?? []), `page errors in ${doc.url()}`).toEqual([]);
  }
  expect(fixture.console.errors).toEqual([]);
}

describe('infinite-scroll feed', () => {
  test('follows the feed, marks new articles within a second, lets the page scroll', async () => {
    const fixture = await openFixture(browser, server, '/hostile/infinite-scroll.html?max=15');
    const { page } = fixture;
    expect(await markedIds(page)).toEqual(expect.arrayContaining(['beijing', 'moscow']));

    // An entity the feed never names, added while the feed is still appending.
    const ms = await timeToMark(
      page,
      `{ const a = document.createElement('article'); a.id = 'late'; a.innerHTML = '<p>Huawei opened a lab in Kazan.</p>'; document.getElementById('feed').append(a); }`,
      { selector: '#late', id: 'huawei' },
    );
    expect(ms).toBeLessThan(WITHIN_A_SECOND_MS);

    // The feed itself: its stories name entities that get marked once each.
    await page.waitForFunction(() => (window as unknown as { feed: { count: number } }).feed.count >= 15);
    await page.waitForFunction(() => document.querySelectorAll('#feed lens-mention[data-entity="brics"]').length === 1);
    const ids = await markedIds(page);
    expect(ids).toEqual(expect.arrayContaining(['gazprom', 'power-of-siberia', 'sergey-lavrov', 'wang-yi', 'brics']));

    // Every page mutation is one append (16 in all); our own marks must never be counted as page mutations.
    const s = (await statsOf(page))!;
    expect(s.pageMutations).toBeGreaterThan(0);
    expect(s.pageMutations).toBeLessThanOrEqual(16);
    expect(s.ownMutations).toBeGreaterThan(0);

    // The page still scrolls.
    const scrolled = await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      return window.scrollY;
    });
    expect(scrolled).toBeGreaterThan(0);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction((y) => window.scrollY < y, scrolled);
    await expectHealthy(fixture);
    await page.close();
  });

  test('the observer never reacts to our own writes', async () => {
    const fixture = await openFixture(browser, server, '/hostile/infinite-scroll.html?max=0');
    await fixture.page.waitForFunction(() => (window as unknown as { feed: { count: number } }).feed.count >= 1);
    // Let the feed's one append be handled and its counters published before measuring.
    await fixture.page.waitForSelector('#feed article:nth-of-type(2) lens-mention', { state: 'attached' });
    await waitForLensState(fixture.page, (s) => (s?.stats?.marks ?? 0) >= 4);
    const echo = await echoProbe(fixture.page, {
      parent: '#feed',
      first: { text: 'Rosneft', id: 'rosneft' },
      second: { text: 'UnionPay', id: 'unionpay' },
    });
    expect(echo.msToMark).toBeLessThan(WITHIN_A_SECOND_MS);
    const log = `DOM changes during the probe:\n${echo.log.join('\n')}`;
    expect({ pageMutations: echo.pageMutations, batches: echo.batches }, log).toEqual({
      pageMutations: 2,
      batches: 2,
    });
    expect(echo.ownMutations).toBeGreaterThan(0);
    await expectHealthy(fixture);
    await fixture.page.close();
  });
});

describe('single-page app', () => {
  test('marks the content of every route within a second; routing still works', async () => {
    const fixture = await openFixture(browser, server, '/hostile/spa.html');
    const { page } = fixture;
    expect(await markedIds(page)).toEqual([]);

    // A real click on a client-side link.
    await startMarkClock(page);
    await page.click('a[data-route="energy"]');
    const energyMs = await msUntilMarked(page, { selector: '#view', id: 'gazprom' });
    expect(energyMs).toBeLessThan(WITHIN_A_SECOND_MS);
    expect(new URL(page.url()).search).toBe('?route=energy');
    await page.waitForFunction(() => !!document.querySelector('#view lens-mention[data-entity="power-of-siberia-2"]'));
    expect(await markedIds(page)).toEqual(
      expect.arrayContaining(['cnpc', 'gazprom', 'mongolia', 'power-of-siberia-2']),
    );

    // Programmatic navigation (history.pushState + a replaced view).
    const securityMs = await timeToMark(page, `window.spa.navigate('security')`, {
      selector: '#view',
      id: 'vostok-2022',
    });
    expect(securityMs).toBeLessThan(WITHIN_A_SECOND_MS);
    expect(await page.title()).toBe('SPA: security');

    // Back: popstate renders the energy view again with new nodes; its entities are marked again.
    const backMs = await timeToMark(page, `history.back()`, { selector: '#view', id: 'gazprom' });
    expect(backMs).toBeLessThan(WITHIN_A_SECOND_MS);
    expect(new URL(page.url()).search).toBe('?route=energy');
    expect(await page.textContent('#view')).toBe(
      'Gazprom and CNPC discussed the Power of Siberia 2 pipeline through Mongolia.',
    );
    await expectNoEcho(page, '#view');
    await expectHealthy(fixture);
    await page.close();
  });
});

describe('same-origin iframes', () => {
  test('marks the top page, a loaded frame and a script-filled about:blank frame', async () => {
    const fixture = await openFixture(browser, server, '/hostile/iframes.html');
    const { page } = fixture;
    const child = page.frame({ url: /iframe-child\.html$/ })!;
    expect(child).toBeTruthy();
    const blank = page.frames().find((f) => f !== page.mainFrame() && f !== child)!;
    expect(blank.url()).toBe('about:blank');
    await ensureProbe(blank);
    await waitForPass(child);
    await waitForPass(blank);

    expect(await markedIds(page)).toEqual(['vladimir-putin']);
    expect(await markedIds(child)).toEqual(expect.arrayContaining(['moscow', 'xi-jinping']));
    expect(await markedIds(blank)).toEqual(['shanghai-cooperation-organisation']);

    // New content in each frame.
    const inChild = await timeToMark(
      child,
      `{ const p = document.createElement('p'); p.id = 'late'; p.textContent = 'Later: Gazprom signed.'; document.body.append(p); }`,
      { selector: '#late', id: 'gazprom' },
    );
    expect(inChild).toBeLessThan(WITHIN_A_SECOND_MS);
    const inBlank = await timeToMark(
      blank,
      `{ const p = document.createElement('p'); p.id = 'late'; p.textContent = 'Later: Rosneft too.'; document.body.append(p); }`,
      { selector: '#late', id: 'rosneft' },
    );
    expect(inBlank).toBeLessThan(WITHIN_A_SECOND_MS);
    await expectNoEcho(page);
    await expectNoEcho(child);
    await expectHealthy(fixture, [page, child, blank]);
    await page.close();
  });
});

describe('web components with open shadow roots', () => {
  test('marks light and open shadow DOM, and new shadow content within a second; leaves closed roots alone', async () => {
    const fixture = await openFixture(browser, server, '/hostile/shadow.html');
    const { page } = fixture;
    expect(await markedIds(page)).toEqual(expect.arrayContaining(['gazprom', 'kremlin', 'power-of-siberia-2']));
    const inShadow = await page.evaluate(
      () => document.querySelector('news-card')!.shadowRoot!.querySelectorAll('lens-mention').length,
    );
    expect(inShadow).toBeGreaterThan(0);

    // New text inside an existing shadow root.
    const existing = await timeToMark(
      page,
      `{ const p = document.createElement('p'); p.id = 'late'; p.textContent = 'Later: Novatek shipped LNG.'; document.querySelector('news-card').shadowRoot.append(p); }`,
      { selector: '#late', id: 'novatek', shadowHost: 'news-card' },
    );
    expect(existing).toBeLessThan(WITHIN_A_SECOND_MS);

    // A new component whose shadow root appears later.
    const added = await timeToMark(page, `window.addCard('A new card about Huawei.').id = 'second-card'`, {
      selector: 'p',
      id: 'huawei',
      shadowHost: '#second-card',
    });
    expect(added).toBeLessThan(WITHIN_A_SECOND_MS);
    // Closed shadow roots are knowingly unsupported: their text is left exactly as it was.
    expect(
      await page.evaluate(() => {
        const root = (window as unknown as { closedRoot: ShadowRoot }).closedRoot;
        return { html: root.innerHTML, marks: root.querySelectorAll('lens-mention').length };
      }),
    ).toEqual({ html: '<p>Closed shadow text: Rosneft and Novatek.</p>', marks: 0 });
    await expectNoEcho(page);
    await expectHealthy(fixture);
    await page.close();
  });
});

describe('editors', () => {
  /** Everything inside the editable and code regions, as the page sees it. */
  const editorsState = (page: Page) =>
    page.evaluate(() => ({
      rich: document.getElementById('rich')!.innerHTML,
      area: (document.getElementById('area') as HTMLTextAreaElement).value,
      areaHtml: document.getElementById('area')!.innerHTML,
      field: (document.getElementById('field') as HTMLInputElement).value,
      pre: document.querySelector('pre')!.innerHTML,
      code: document.getElementById('inline-code')!.innerHTML,
      marksInside: document.querySelectorAll(
        '#rich lens-mention, textarea lens-mention, pre lens-mention, code lens-mention',
      ).length,
    }));

  test('leaves editable and code regions untouched, and typing works', async () => {
    const fixture = await openFixture(browser, server, '/hostile/editors.html');
    const { page } = fixture;
    // The read-only paragraph is marked…
    expect(await markedIds(page)).toEqual(['vladimir-putin', 'xi-jinping']);
    // …nothing else is, and the editors are exactly as the page wrote them.
    const original = {
      rich: '<p>Draft: Sergey Lavrov and Wang Yi discussed the SCO.</p>',
      area: 'Notes on Gazprom and the Power of Siberia pipeline.',
      areaHtml: 'Notes on Gazprom and the Power of Siberia pipeline.',
      field: 'Kremlin press release about BRICS',
      pre: '<code>const leader = "Vladimir Putin"; // Xi Jinping in code</code>',
      code: 'S-400',
      marksInside: 0,
    };
    expect(await editorsState(page)).toEqual(original);

    // Typing into each editor, entity names included.
    await page.click('#rich p');
    await page.keyboard.press('End');
    await page.keyboard.type(' Then Gazprom and Rosneft.');
    await page.fill('#area', '');
    await page.type('#area', 'Rosneft and Novatek, typed.');
    await page.fill('#field', '');
    await page.type('#field', 'Huawei in a field');

    // A later page change is handled after the typing's mutations: once it is marked,
    // any reaction to the typing would have happened.
    const ms = await timeToMark(
      page,
      `{ const p = document.createElement('p'); p.id = 'late'; p.textContent = 'Later: the Kremlin spoke.'; document.body.append(p); }`,
      { selector: '#late', id: 'kremlin' },
    );
    expect(ms).toBeLessThan(WITHIN_A_SECOND_MS);
    expect(await editorsState(page)).toEqual({
      ...original,
      rich: '<p>Draft: Sergey Lavrov and Wang Yi discussed the SCO. Then Gazprom and Rosneft.</p>',
      area: 'Rosneft and Novatek, typed.',
      field: 'Huawei in a field',
    });
    await expectNoEcho(page);
    await expectHealthy(fixture);
    await page.close();
  });
});

describe('a region that becomes editable', () => {
  // Inline editors (CMS "edit in place", comment edit buttons) switch contenteditable on
  // after the page loaded: marks already inside would end up in what the reader saves.
  test('loses its marks when the page makes it editable, and typing keeps the text exact', async () => {
    const fixture = await openFixture(browser, server, '/hostile/editors.html');
    const { page } = fixture;
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'later-editable';
      p.textContent = 'Inline edit: Gazprom and UnionPay.';
      document.body.append(p);
    });
    await page.waitForSelector('#later-editable lens-mention', { state: 'attached' });
    await page.evaluate(() => document.getElementById('later-editable')!.setAttribute('contenteditable', 'true'));
    await page.waitForFunction(() => !document.querySelector('#later-editable lens-mention'), undefined, {
      timeout: WITHIN_A_SECOND_MS,
    });
    expect(await page.evaluate(() => document.getElementById('later-editable')!.innerHTML)).toBe(
      'Inline edit: Gazprom and UnionPay.',
    );
    await page.click('#later-editable');
    await page.keyboard.press('End');
    await page.keyboard.type(' Rosneft too.');
    expect(await page.evaluate(() => document.getElementById('later-editable')!.innerHTML)).toBe(
      'Inline edit: Gazprom and UnionPay. Rosneft too.',
    );
    await expectHealthy(fixture);
    await page.close();
  });
});

describe('page scripts that keep and update their own text nodes', () => {
  // React, Preact and Vue update text by setting the `data` of the text node they created.
  // If that node was split by a mark, the update must not leave the old mark's text behind.
  test('a text node the page updates after we marked it shows exactly the new text', async () => {
    const fixture = await openFixture(browser, server, '/hostile/spa.html');
    const { page } = fixture;
    const ms = await timeToMark(
      page,
      `{ const h = document.createElement('h2'); h.id = 'late'; h.textContent = 'Summit in Moscow'; window.heading = h.firstChild; document.getElementById('view').append(h); }`,
      { selector: '#late', id: 'moscow' },
    );
    expect(ms).toBeLessThan(WITHIN_A_SECOND_MS);
    await page.evaluate(() => {
      (window as unknown as { heading: Text }).heading.data = 'Summit in Moscow (1 likes)';
    });
    await expectText(page, '#late', 'Summit in Moscow (1 likes)');
    await page.evaluate(() => {
      (window as unknown as { heading: Text }).heading.data = 'Talks moved to Beijing';
    });
    await expectText(page, '#late', 'Talks moved to Beijing');
    await expectHealthy(fixture);
    await page.close();
  });
});

describe('server-rendered page hydrated by Preact', () => {
  test('hydration after marking raises no preact/debug error and the app still works', async () => {
    const fixture = await openFixture(browser, server, '/hostile/hydrate.html');
    const { page } = fixture;
    const warnings: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'warning') warnings.push(msg.text());
    });
    // The server-rendered text is marked before the bundle hydrates it (the hard order).
    expect(await markedIds(page)).toEqual(
      expect.arrayContaining(['moscow', 'power-of-siberia-2', 'vladimir-putin', 'xi-jinping']),
    );
    await addContent(page, `window.hydrateNow()`);
    await page.waitForSelector('html[data-hydrated="true"]', { state: 'attached' });
    // Hydration may rewrite the marked text; the mentions are marked again within a second.
    expect(await msUntilMarked(page, { selector: '#app p', id: 'vladimir-putin' })).toBeLessThan(WITHIN_A_SECOND_MS);
    expect(await msUntilMarked(page, { selector: '#app h2', id: 'moscow' })).toBeLessThan(WITHIN_A_SECOND_MS);

    // The app still works: its button counts.
    await page.click('#likes');
    await page.waitForFunction(() => document.getElementById('likes')!.textContent === 'Likes: 1');
    await page.click('#likes');
    await page.waitForFunction(() => document.getElementById('likes')!.textContent === 'Likes: 2');
    expect(await page.textContent('#app p')).toBe(
      'Vladimir Putin met Xi Jinping to discuss the Power of Siberia 2 pipeline.',
    );
    expect(warnings.filter((w) => /hydrat|mismatch|expected/i.test(w))).toEqual([]);
    await expectNoEcho(page);
    await expectHealthy(fixture);
    await page.close();
  });
  test('text the app re-renders after hydration is exactly what it rendered', async () => {
    const fixture = await openFixture(browser, server, '/hostile/hydrate.html');
    const { page } = fixture;
    await page.evaluate(() => (window as unknown as { hydrateNow(): void }).hydrateNow());
    await page.waitForFunction(() => !!document.querySelector('#app h2 lens-mention[data-entity="moscow"]'));
    // The heading's one text node changes with the likes; it was split by our mark.
    await page.click('#likes');
    await page.waitForFunction(() => document.getElementById('likes')!.textContent === 'Likes: 1');
    await expectText(page, '#app h2', 'Summit in Moscow (1 likes)');
    await page.click('#likes');
    await page.waitForFunction(() => document.getElementById('likes')!.textContent === 'Likes: 2');
    await expectText(page, '#app h2', 'Summit in Moscow (2 likes)');
    await expectHealthy(fixture);
    await page.close();
  });
});

describe('global !important CSS', () => {
  test('marks stay inline and visible under hostile page rules; new content is marked', async () => {
    const fixture = await openFixture(browser, server, '/hostile/important-css.html');
    const { page } = fixture;
    expect(await markedIds(page)).toEqual(
      expect.arrayContaining(['no-limits-partnership', 's-400', 'su-35', 'vladimir-putin', 'xi-jinping']),
    );
    const looks = await page.evaluate(() =>
      Array.from(document.querySelectorAll('lens-mention')).map((m) => {
        const style = getComputedStyle(m);
        const rect = m.getBoundingClientRect();
        return { display: style.display, visible: rect.width > 0 && rect.height > 0, border: style.borderTopWidth };
      }),
    );
    expect(looks.length).toBeGreaterThan(0);
    for (const look of looks) expect(look).toEqual({ display: 'inline', visible: true, border: '0px' });
    const ms = await timeToMark(
      page,
      `{ const d = document.createElement('div'); d.id = 'late'; d.innerHTML = '<span>Gazprom, again under hostile CSS.</span>'; document.body.append(d); }`,
      { selector: '#late', id: 'gazprom' },
    );
    expect(ms).toBeLessThan(WITHIN_A_SECOND_MS);
    await expectNoEcho(page);
    await expectHealthy(fixture);
    await page.close();
  });
});

describe('strict Content-Security-Policy', () => {
  test('marks and styles the page under default-src none without a CSP error', async () => {
    const fixture = await openFixture(browser, server, '/hostile/csp.html');
    const { page } = fixture;
    expect(await markedIds(page)).toEqual(['power-of-siberia-2', 'vladimir-putin', 'xi-jinping']);
    // Our mark style must apply even though the page forbids inline styles.
    const decoration = await page.evaluate(
      () => getComputedStyle(document.querySelector('lens-mention')!).textDecorationLine,
    );
    expect(decoration).toContain('underline');
    const ms = await timeToMark(
      page,
      `{ const p = document.createElement('p'); p.id = 'late'; p.textContent = 'Later: Rosneft.'; document.body.append(p); }`,
      { selector: '#late', id: 'rosneft' },
    );
    expect(ms).toBeLessThan(WITHIN_A_SECOND_MS);
    await expectNoEcho(page);
    await expectHealthy(fixture);
    await page.close();
  });
});

describe('right-to-left page', () => {
  test('marks Latin names inside Arabic text exactly, text unchanged', async () => {
    const fixture = await openFixture(browser, server, '/hostile/rtl.html');
    const { page } = fixture;
    expect(await mentionsIn(page)).toEqual([
      { id: 'vladimir-putin', text: 'Vladimir Putin' },
      { id: 'xi-jinping', text: 'Xi Jinping' },
      { id: 'gazprom', text: 'Gazprom' },
    ]);
    expect((await compareWithBefore(page)).sameText).toBe(true);
    expect(await page.textContent('p')).toBe('التقى الرئيس Vladimir Putin بالرئيس Xi Jinping في موسكو.');
    const ms = await timeToMark(
      page,
      `{ const p = document.createElement('p'); p.id = 'late'; p.textContent = 'وصل Sergey Lavrov إلى بكين.'; document.body.append(p); }`,
      { selector: '#late', id: 'sergey-lavrov' },
    );
    expect(ms).toBeLessThan(WITHIN_A_SECOND_MS);
    await expectNoEcho(page);
    await expectHealthy(fixture);
    await page.close();
  });
});

describe('ticker', () => {
  test('the ticker keeps ticking and the extension does not chase it', async () => {
    const fixture = await openFixture(browser, server, '/hostile/ticker.html');
    const { page } = fixture;
    expect(await markedIds(page)).toEqual(expect.arrayContaining(['beijing', 'sergey-lavrov']));
    const writes = () => page.evaluate(() => (window as unknown as { tickerWrites: number }).tickerWrites);

    // Warm-up: enough rewrites for the ticker to be recognised as one.
    await page.waitForFunction(() => (window as unknown as { tickerWrites: number }).tickerWrites >= 10);
    const start = await writes();
    const before = (await statsOf(page))!;
    // ~2 s of ticking, measured by the page's own writes.
    await page.waitForFunction((n) => (window as unknown as { tickerWrites: number }).tickerWrites >= n, start + 20, {
      timeout: 10_000,
    });
    const after = (await statsOf(page))!;
    expect(after.volatile).toBeGreaterThan(0);
    // Twenty page rewrites later: no rescans, no new units read, no marks written.
    expect(after.units - before.units).toBe(0);
    expect(after.ownMutations - before.ownMutations).toBe(0);
    expect(after.rescans - before.rescans).toBe(0);
    // The ticker's text is still the page's own.
    expect(await page.evaluate(() => document.querySelectorAll('#ticker lens-mention').length)).toBe(0);
    expect(await page.textContent('#ticker')).toMatch(
      /^(Rosneft shares up|Gazprom exports steady|Ruble weakens against the yuan) \(\d+\)$/,
    );

    // Other new content is still followed while the ticker runs.
    const ms = await timeToMark(
      page,
      `{ const p = document.createElement('p'); p.id = 'late'; p.textContent = 'Later: Huawei.'; document.body.append(p); }`,
      { selector: '#late', id: 'huawei' },
    );
    expect(ms).toBeLessThan(WITHIN_A_SECOND_MS);
    await expectHealthy(fixture);
    await page.close();
  });
});

describe('ticker, over time', () => {
  // Guards against per-batch bookkeeping that is never released: each rewrite of the ticker
  // reaches the observer, so anything kept per mutation batch grows ten times a second here.
  test("the extension's event listeners stay bounded while the ticker runs", async () => {
    const fixture = await openFixture(browser, server, '/hostile/ticker.html');
    const { page } = fixture;
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const listeners = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSEventListeners')!.value;
    };
    await page.waitForFunction(() => (window as unknown as { tickerWrites: number }).tickerWrites >= 10);
    const start = await page.evaluate(() => (window as unknown as { tickerWrites: number }).tickerWrites);
    const before = await listeners();
    await page.waitForFunction((n) => (window as unknown as { tickerWrites: number }).tickerWrites >= n, start + 20, {
      timeout: 10_000,
    });
    const after = await listeners();
    // One batch may be in flight; twenty rewrites must not leave twenty listeners behind.
    expect(after - before, `listeners ${before} → ${after} over 20 ticker writes`).toBeLessThanOrEqual(1);
    await cdp.detach();
    await expectHealthy(fixture);
    await page.close();
  });
});

describe('100,000-node table', () => {
  test('is marked while the page stays responsive and scrolls', async () => {
    const page = await browser.context.newPage();
    const fixture: OpenedFixture = { page, console: new ConsoleWatch(page) };
    // ?lens-lag: the probe measures event-loop gaps from the page's first rendered frame, and
    // the input delay of every event (Event Timing).
    await page.goto(server.url('/hostile/big-table.html?lens-lag'), { waitUntil: 'domcontentloaded' });
    // A reader clicking around while the extension works through the table: each click's
    // round trip (dispatch until the page has handled it) is its response time.
    const clickMs: number[] = [];
    let clicking = true;
    const clicker = (async () => {
      while (clicking) {
        const t0 = performance.now();
        await page.mouse.click(200, 300);
        clickMs.push(performance.now() - t0);
      }
    })();
    const first = await waitForPass(page, 30_000).finally(() => (clicking = false));
    await clicker;
    const maxGap = await page.evaluate(() => window.__lensProbe!.stopLag());
    const probe = await page.evaluate(() => ({
      since: window.__lensProbe!.lag.since,
      gaps: window.__lensProbe!.lag.gaps,
      inputs: window.__lensProbe!.inputDelays,
      clicks: window.__lensProbe!.clicks,
    }));
    const timeline =
      `click round trips (ms): ${JSON.stringify(clickMs.map(Math.round))}; clicks at ${JSON.stringify(probe.clicks)}; ` +
      `slow events [name, start, delay, duration]: ${JSON.stringify(probe.inputs)}; event-loop gaps from ` +
      `${Math.round(probe.since)} ms [start, ms]: ${JSON.stringify(probe.gaps)} (longest ${Math.round(maxGap)}); ` +
      `extension: ${JSON.stringify(first)}`;
    expect(await page.evaluate(() => (window as unknown as { tableNodes: number }).tableNodes)).toBeGreaterThanOrEqual(
      100_000,
    );
    expect(await markedIds(page)).toEqual(expect.arrayContaining(['cnpc', 'gazprom', 'rosneft']));
    expect(await page.evaluate(() => document.querySelectorAll('lens-mention[data-entity="rosneft"]').length)).toBe(1);
    // Clicks reached the page while our first pass ran…
    const passStart = first.startedAt ?? probe.since;
    const passEnd = first.passDoneAt ?? Infinity;
    expect(
      probe.clicks.filter((t) => t >= passStart && t <= passEnd).length,
      `clicks during the pass; ${timeline}`,
    ).toBeGreaterThan(0);
    // …and every input from the page's first rendered frame on (the page's own first layout of
    // 100,000 nodes comes before it) was handled within 200 ms: the "good" bound of Interaction
    // to Next Paint.
    for (const [name, start, delay] of probe.inputs) {
      if (start >= probe.since) expect(delay, `${name} at ${start} ms; ${timeline}`).toBeLessThan(200);
    }
    expect(first.longestSliceMs, timeline).toBeLessThan(200);

    const scrolled = await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      return window.scrollY;
    });
    expect(scrolled).toBeGreaterThan(100_000);
    // The scroll's own frame is rendered before the clock starts: what follows times the new row.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const ms = await timeToMark(
      page,
      `{ const tr = document.createElement('tr'); tr.id = 'late'; tr.innerHTML = '<td>Huawei row</td>'; document.querySelector('#big tbody').append(tr); }`,
      { selector: '#late', id: 'huawei' },
    );
    const frame = await pageFrameMs(page);
    expect(ms, `${Math.round(ms)} ms; the page's own frame took ${Math.round(frame ?? NaN)} ms`).toBeLessThan(
      WITHIN_A_SECOND_MS,
    );
    await expectHealthy(fixture);
    await page.close();
  });
});
