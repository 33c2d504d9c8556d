/**
 * Context cards in real Chromium with the built extension: hover, keyboard,
 * touch, placement, isolation from hostile page CSS, axe-core, and the
 * light/dark screenshots under docs/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, REPO_ROOT, type ExtensionBrowser } from './support/chromium';
import { serveStatic, type StaticServer } from './support/server';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/model';
import { LEAVE_GRACE_MS } from '../../lib/card/hover-machine';

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, density: { mode: 'all', n: 3 } };
/** Slack on top of the configured delay for the background round trip on a busy CI machine. */
const SHOW_SLACK_MS = 1500;
const SCREENSHOT_DIR = resolve(REPO_ROOT, 'docs/screenshots');

let server: StaticServer;
let browser: ExtensionBrowser;

async function storeSettings(b: ExtensionBrowser) {
  await b.serviceWorker.evaluate((s) => chrome.storage.local.set({ settings: s }), SETTINGS);
}

/** Page object for the card test page. */
class CardPage {
  constructor(readonly page: Page) {}

  static async open(b: ExtensionBrowser, query = '?plain'): Promise<CardPage> {
    const page = await b.context.newPage();
    await page.goto(server.url(`/hostile-css.html${query}`));
    const card = new CardPage(page);
    // Marks come from the content script; Putin is named in four paragraphs.
    await page.waitForFunction(
      () => document.querySelectorAll('lens-mention[data-entity="vladimir-putin"]').length >= 4,
      undefined,
      { timeout: 15_000 },
    );
    return card;
  }

  mention(paragraph: string, entity = 'vladimir-putin'): Locator {
    return this.page.locator(`#${paragraph} lens-mention[data-entity="${entity}"]`).first();
  }

  get dialog(): Locator {
    return this.page.locator('lens-card-host').locator('[role="dialog"]');
  }

  /** The name of the focused element: inside our shadow root, or in the page. */
  async focused(): Promise<{ where: 'card' | 'page'; tag: string; entity: string | null; text: string }> {
    return this.page.evaluate(() => {
      const host = document.querySelector('lens-card-host');
      const inner = host?.shadowRoot?.activeElement;
      const el = (inner ?? document.activeElement) as HTMLElement | null;
      return {
        where: inner ? ('card' as const) : ('page' as const),
        tag: el?.localName ?? '',
        entity: el?.getAttribute('data-entity') ?? null,
        text: el?.textContent ?? '',
      };
    });
  }

  async moveAway() {
    await this.page.mouse.move(1, this.page.viewportSize()!.height - 2, { steps: 5 });
  }

  /** Waits on the page clock until `ms` have passed since now (to show that something did NOT happen). */
  async letTimePass(ms: number) {
    const start = await this.page.evaluate(() => performance.now());
    await this.page.waitForFunction((end) => performance.now() >= end, start + ms, { polling: 'raf' });
  }
}

beforeAll(async () => {
  server = await serveStatic();
  // One browser for every test (each launch costs seconds); touch is enabled, the mouse works as usual.
  browser = await launchExtension({ colorScheme: 'light', hasTouch: true, viewport: { width: 1280, height: 1000 } });
  await storeSettings(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('pointer', () => {
  test('hover opens the card within the intended delay; its accessible name is the entity name', async () => {
    const p = await CardPage.open(browser);
    const start = Date.now();
    await p.mention('p2').hover();
    expect(await p.dialog.count()).toBe(0);
    await p.page.getByRole('dialog', { name: 'Vladimir Putin' }).waitFor({ state: 'visible' });
    const elapsed = Date.now() - start;
    expect(elapsed).toBeGreaterThanOrEqual(SETTINGS.cardDelayMs - 20);
    expect(elapsed).toBeLessThan(SETTINGS.cardDelayMs + SHOW_SLACK_MS);
    await p.page.close();
  });

  test('moving from the mention into the card keeps it open; leaving it closes it', async () => {
    const p = await CardPage.open(browser);
    await p.mention('p2').hover();
    await p.dialog.waitFor({ state: 'visible' });
    const box = (await p.dialog.boundingBox())!;
    await p.page.mouse.move(box.x + box.width / 2, box.y + Math.min(60, box.height / 2), { steps: 8 });
    await p.letTimePass(LEAVE_GRACE_MS * 3);
    await expect(p.dialog.isVisible()).resolves.toBe(true);
    await p.moveAway();
    await p.dialog.waitFor({ state: 'detached' });
    await p.page.close();
  });

  test('Escape closes the card and returns focus to its mention', async () => {
    const p = await CardPage.open(browser);
    await p.mention('p3').click();
    await p.dialog.waitFor({ state: 'visible' });
    await p.page.keyboard.press('Escape');
    await p.dialog.waitFor({ state: 'detached' });
    const focus = await p.focused();
    expect(focus).toMatchObject({ where: 'page', tag: 'lens-mention', entity: 'vladimir-putin' });
    await p.page.close();
  });

  test('previous/next in the card moves to the other mentions of the entity', async () => {
    const p = await CardPage.open(browser);
    await p.mention('p1').click();
    await p.dialog.waitFor({ state: 'visible' });
    const count = p.dialog.locator('.lc-count');
    await expect(count.textContent()).resolves.toMatch(/1 of 4/);
    await p.dialog.getByRole('button', { name: 'Next mention' }).click();
    await p.page.waitForFunction(() => {
      const t = document.querySelector('lens-card-host')?.shadowRoot?.querySelector('.lc-count')?.textContent ?? '';
      return /2 of 4/.test(t);
    });
    await p.page.close();
  });
});

describe('keyboard', () => {
  test('Alt+Shift+L, then j and Enter opens the next mention’s card; Tab stays inside; Escape returns', async () => {
    const p = await CardPage.open(browser);
    // Mentions are not in the page's Tab order.
    expect(await p.page.locator('lens-mention[tabindex]').count()).toBe(0);
    await p.page.keyboard.press('Alt+Shift+KeyL');
    // The first shortcut on a page loads the cards' script, then moves the focus.
    await p.page.waitForFunction(() => document.activeElement?.localName === 'lens-mention', undefined, {
      timeout: 10_000,
    });
    const first = await p.focused();
    expect(first).toMatchObject({ tag: 'lens-mention', entity: 'vladimir-putin' });
    expect(first.text).toBe('Vladimir Putin');
    // A visible focus ring (drawn in our shadow root, so page CSS cannot hide it) surrounds the mention.
    const ring = await p.page.evaluate(() => {
      const el = document.querySelector('lens-card-host')?.shadowRoot?.querySelector('.lens-ring');
      const m = document.activeElement!.getBoundingClientRect();
      const r = el?.getBoundingClientRect();
      return r && r.left <= m.left && r.top <= m.top && r.right >= m.right && r.bottom >= m.bottom;
    });
    expect(ring).toBe(true);
    await p.page.keyboard.press('j');
    const second = await p.focused();
    expect(second.tag).toBe('lens-mention');
    expect(second.entity).toBe('xi-jinping');
    await p.page.keyboard.press('Enter');
    await p.page.getByRole('dialog', { name: 'Xi Jinping' }).waitFor({ state: 'visible' });
    expect(await p.focused()).toMatchObject({ where: 'card', tag: 'h2' });
    const controls = await p.dialog.locator('a[href], button').count();
    for (let i = 0; i < controls + 2; i++) {
      await p.page.keyboard.press('Tab');
      expect((await p.focused()).where).toBe('card');
    }
    await p.page.keyboard.press('Escape');
    await p.dialog.waitFor({ state: 'detached' });
    expect(await p.focused()).toMatchObject({ where: 'page', tag: 'lens-mention', entity: 'xi-jinping' });
    await p.page.keyboard.press('Escape');
    expect(await p.page.locator('lens-mention[tabindex]').count()).toBe(0);
    await p.page.close();
  });
});

describe('placement', () => {
  test('at 320 px width (200 % zoom of a 640 px window) the card stays inside the viewport and off its mention', async () => {
    const p = await CardPage.open(browser);
    await p.page.setViewportSize({ width: 320, height: 560 });
    for (const paragraph of ['p1', 'p3']) {
      const mention = p.mention(paragraph);
      await mention.scrollIntoViewIfNeeded();
      await mention.click();
      await p.page.waitForFunction(() =>
        document.querySelector('lens-card-host')?.shadowRoot?.querySelector('.lens-card[data-placed="true"]'),
      );
      const card = (await p.dialog.boundingBox())!;
      const m = (await mention.boundingBox())!;
      expect(card.x).toBeGreaterThanOrEqual(0);
      expect(card.y).toBeGreaterThanOrEqual(0);
      expect(card.x + card.width).toBeLessThanOrEqual(320);
      expect(card.y + card.height).toBeLessThanOrEqual(560);
      const overlaps =
        card.x < m.x + m.width && m.x < card.x + card.width && card.y < m.y + m.height && m.y < card.y + card.height;
      expect(overlaps).toBe(false);
      await p.page.keyboard.press('Escape');
      await p.dialog.waitFor({ state: 'detached' });
    }
    await p.page.close();
  });
});

/** Fraction of pixels that differ between two PNGs (decoded by the browser); 1 when sizes differ. */
async function pngDifference(page: Page, a: Buffer, b: Buffer): Promise<{ ratio: number; sizes: string }> {
  return page.evaluate(
    async ([x, y]) => {
      const decode = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const g = canvas.getContext('2d')!;
        g.drawImage(img, 0, 0);
        return g.getImageData(0, 0, canvas.width, canvas.height);
      };
      const [p, q] = await Promise.all([decode(x), decode(y)]);
      const sizes = `${p.width}x${p.height} vs ${q.width}x${q.height}`;
      if (p.width !== q.width || p.height !== q.height) return { ratio: 1, sizes };
      let differing = 0;
      for (let i = 0; i < p.data.length; i += 4) {
        const d = Math.max(
          Math.abs(p.data[i]! - q.data[i]!),
          Math.abs(p.data[i + 1]! - q.data[i + 1]!),
          Math.abs(p.data[i + 2]! - q.data[i + 2]!),
        );
        if (d > 24) differing++;
      }
      return { ratio: differing / (p.width * p.height), sizes };
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

describe('isolation and accessibility', () => {
  test('on a page with hostile global CSS the card looks the same as on a plain page', async () => {
    const shots: Buffer[] = [];
    for (const query of ['?plain', '']) {
      const p = await CardPage.open(browser, query);
      // Tall enough for the whole card on both pages, so its height is its natural one.
      await p.page.setViewportSize({ width: 1280, height: 1600 });
      // The hostile rules really apply to the page (and only on the hostile variant).
      const color = await p.page.evaluate(() => getComputedStyle(document.getElementById('p1')!).color);
      expect(color === 'rgb(255, 0, 170)').toBe(query === '');
      await p.mention('p1').click();
      await p.page.waitForFunction(() =>
        document.querySelector('lens-card-host')?.shadowRoot?.querySelector('.lens-card[data-placed="true"]'),
      );
      await p.moveAway();
      shots.push(await p.dialog.screenshot({ animations: 'disabled' }));
      await p.page.close();
    }
    const page = await browser.context.newPage();
    await page.goto(server.url('/hostile-css.html?plain'));
    const diff = await pngDifference(page, shots[0]!, shots[1]!);
    await page.close();
    expect(diff.sizes).toMatch(/^(\d+x\d+) vs \1$/);
    console.info(`hostile vs plain card: ${diff.sizes}, ${(diff.ratio * 100).toFixed(3)} % of pixels differ`);
    expect(diff.ratio).toBeLessThan(0.005);
  });

  test.each(['light', 'dark'] as const)(
    'axe-core finds no violations on an open card (%s); screenshot saved',
    async (scheme) => {
      const p = await CardPage.open(browser);
      await p.page.emulateMedia({ colorScheme: scheme });
      await p.mention('p1', 'xi-jinping').click();
      await p.page.waitForFunction(
        (theme) =>
          document
            .querySelector('lens-card-host')
            ?.shadowRoot?.querySelector(`.lens-card[data-placed="true"][data-theme="${theme}"]`),
        scheme,
      );
      await p.moveAway();
      await p.page.addScriptTag({ path: resolve(REPO_ROOT, 'node_modules/axe-core/axe.min.js') });
      const violations = await p.page.evaluate(async () => {
        type AxeResult = { violations: { id: string; help: string; nodes: { target: unknown }[] }[] };
        const axe = (window as unknown as { axe: { run(context: unknown): Promise<AxeResult> } }).axe;
        const result = await axe.run({ include: [{ fromShadowDom: ['lens-card-host', '.lens-card'] }] });
        return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target) }));
      });
      expect(violations).toEqual([]);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const png = await p.dialog.screenshot({ animations: 'disabled' });
      writeFileSync(resolve(SCREENSHOT_DIR, `card-${scheme}.png`), png);
      await p.page.close();
    },
  );
});

describe('touch', () => {
  test('a tap opens the card, a tap outside closes it', async () => {
    const p = await CardPage.open(browser);
    await p.page.setViewportSize({ width: 412, height: 800 });
    await p.mention('p2').tap();
    await p.page.getByRole('dialog', { name: 'Vladimir Putin' }).waitFor({ state: 'visible' });
    await p.page.locator('h1').tap();
    await p.dialog.waitFor({ state: 'detached' });
    await p.page.close();
  });

  test('a tap on a mention inside a link follows the link and opens no card', async () => {
    const p = await CardPage.open(browser);
    await p.page.setViewportSize({ width: 412, height: 800 });
    await p.mention('p4').tap();
    await p.page.waitForURL(/#linked$/);
    expect(await p.dialog.count()).toBe(0);
    await p.page.close();
  });
});

describe('appearance', () => {
  test('the theme setting overrides the page colour scheme; reduced motion turns the animation off', async () => {
    await browser.serviceWorker.evaluate((s) => chrome.storage.local.set({ settings: s }), {
      ...SETTINGS,
      theme: 'dark',
    } satisfies Settings);
    const p = await CardPage.open(browser);
    await p.page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await p.mention('p1').click();
    await p.dialog.waitFor({ state: 'visible' });
    const style = await p.dialog.evaluate((el) => ({
      theme: el.getAttribute('data-theme'),
      animation: getComputedStyle(el).animationName,
    }));
    expect(style).toEqual({ theme: 'dark', animation: 'none' });
    await storeSettings(browser);
    await p.page.close();
  });
});

describe('actions', () => {
  test('a related chip opens its card inside the same dialog; Back returns', async () => {
    const p = await CardPage.open(browser);
    await p.mention('p1').click();
    await p.page.getByRole('dialog', { name: 'Vladimir Putin' }).waitFor({ state: 'visible' });
    await p.dialog.getByRole('button', { name: 'Xi Jinping' }).click();
    await p.page.getByRole('dialog', { name: 'Xi Jinping' }).waitFor({ state: 'visible' });
    expect(await p.dialog.count()).toBe(1);
    await p.dialog.getByRole('button', { name: /Back/ }).click();
    await p.page.getByRole('dialog', { name: 'Vladimir Putin' }).waitFor({ state: 'visible' });
    await p.page.close();
  });

  test('"Not this" hides the entity on this site (its marks go away) and is stored per site', async () => {
    const p = await CardPage.open(browser);
    await p.mention('p1').click();
    await p.dialog.getByRole('button', { name: 'Not this' }).click();
    await p.dialog.waitFor({ state: 'detached' });
    await p.page.waitForFunction(
      () => document.querySelectorAll('lens-mention[data-entity="vladimir-putin"]').length === 0,
    );
    const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('settings'));
    expect((stored.settings as Settings).hidden['127.0.0.1']).toEqual(['vladimir-putin']);
    await storeSettings(browser);
    await p.page.close();
  });
});
