/**
 * The card in the page's context, in real Chromium with the built extension,
 * on pages this file writes: names inside a marked phrase as chips, the
 * article's date (facts split around it, the chart marked), the article's
 * figures beside the sourced series, facts ranked for the page, and axe-core on
 * the new parts in light and dark. Saves docs/screenshots/dated-card.png and
 * figure-check.png.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, REPO_ROOT, type ExtensionBrowser } from './support/chromium';
import { serveStatic, type StaticServer } from './support/server';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/model';

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, density: { mode: 'all', n: 3 } };
const SCREENSHOT_DIR = resolve(REPO_ROOT, 'docs/screenshots');

/** A news page with a title and paragraphs p1, p2, …; `published` goes into the usual meta tag. */
function article(title: string, paragraphs: string[], published?: string): string {
  const meta = published ? `<meta property="article:published_time" content="${published}">` : '';
  const body = paragraphs.map((p, i) => `<p id="p${i + 1}">${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${meta}<title>${title}</title>
<style>body { font: 18px/1.5 Georgia, serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }</style></head>
<body><article><h1>${title}</h1>\n${body}</article></body></html>`;
}

const TRADE_2021 = [
  'Russia and China want to expand China–Russia trade as Western sanctions loom over Moscow.',
  'Vladimir Putin and Xi Jinping spoke by video link about the Power of Siberia pipeline.',
];
const PAGES: Record<string, string> = {
  'dated.html': article('Moscow and Beijing look to trade', TRADE_2021, '2021-06-01T09:00:00+03:00'),
  'undated.html': article('Moscow and Beijing look to trade', TRADE_2021),
  'figures.html': article(
    'Russia and China: the figures',
    [
      'Trade between China and Russia reached $190 billion in 2023, a think-tank report says. Officials in Beijing and Moscow expect China–Russia trade to reach $300 billion by 2030.',
      'Gazprom says the Power of Siberia pipeline carried 22.7 bcm last year, on page 4 of its report.',
      "The yuan's share of trading on the Moscow Exchange reached 42% last year, as Russia turned to China.",
    ],
    '2024-03-15T09:00:00Z',
  ),
  'leaders.html': article('Summit in Moscow', [
    'Vladimir Putin and Xi Jinping hailed the Power of Siberia pipeline at their summit in Moscow, where Russia and China signed new agreements.',
  ]),
  'companies.html': article('Gas talks', [
    'Gazprom and CNPC are haggling over the price of gas sent through the Power of Siberia pipeline from Russia to China.',
  ]),
  'nested.html': article('War and trade', [
    "Russia's invasion of Ukraine pushed Moscow closer to Beijing, and China–Russia trade soared.",
  ]),
};

let dir: string;
let server: StaticServer;
let browser: ExtensionBrowser;

/** Page object: one of the pages above with its marks, and the card host's dialog. */
class ContextPage {
  constructor(readonly page: Page) {}

  static async open(name: string, entity: string, scheme: 'light' | 'dark' = 'light'): Promise<ContextPage> {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.url(`/${name}`));
    await page.waitForFunction((id) => document.querySelector(`lens-mention[data-entity="${id}"]`), entity, {
      timeout: 15_000,
    });
    return new ContextPage(page);
  }

  mention(entity: string): Locator {
    return this.page.locator(`lens-mention[data-entity="${entity}"]`).first();
  }

  get dialog(): Locator {
    return this.page.locator('lens-card-host').locator('[role="dialog"]');
  }

  /** Clicks the entity's first mention and waits until its card is placed. */
  async openCard(entity: string, name: string | RegExp): Promise<Locator> {
    await this.mention(entity).click();
    await this.page.getByRole('dialog', { name }).waitFor({ state: 'visible' });
    await this.page.waitForFunction(() =>
      document.querySelector('lens-card-host')?.shadowRoot?.querySelector('.lens-card[data-placed="true"]'),
    );
    // Away from the mention and the card, so no hover state shows in screenshots.
    await this.page.mouse.move(1, this.page.viewportSize()!.height - 2);
    return this.dialog;
  }

  /** axe-core over the card in our shadow root. */
  async axe(): Promise<{ id: string; help: string; targets: unknown[] }[]> {
    await this.page.addScriptTag({ path: resolve(REPO_ROOT, 'node_modules/axe-core/axe.min.js') });
    return this.page.evaluate(async () => {
      type AxeResult = { violations: { id: string; help: string; nodes: { target: unknown }[] }[] };
      const axe = (window as unknown as { axe: { run(context: unknown): Promise<AxeResult> } }).axe;
      const result = await axe.run({ include: [{ fromShadowDom: ['lens-card-host', '.lens-card'] }] });
      return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target) }));
    });
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lens-context-pages-'));
  for (const [name, html] of Object.entries(PAGES)) writeFileSync(join(dir, name), html);
  server = await serveStatic([dir]);
  browser = await launchExtension({ colorScheme: 'light', viewport: { width: 1280, height: 1000 } });
  await browser.serviceWorker.evaluate((s) => chrome.storage.local.set({ settings: s }), SETTINGS);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('names inside a marked phrase', () => {
  test('the phrase carries the mark; its card names the inner entities as chips; keyboard opens one, Back returns', async () => {
    const p = await ContextPage.open('nested.html', 'russian-invasion-of-ukraine');
    // The outer phrase is the mark; the names inside it are not marked on their own.
    expect(await p.page.locator('#p1 lens-mention lens-mention').count()).toBe(0);
    const card = await p.openCard('russian-invasion-of-ukraine', /Russian invasion of Ukraine/);
    const chips = card.locator('section[aria-labelledby$="-inner"] button');
    await expect(chips.allTextContents()).resolves.toEqual(['Russia', 'Ukraine']);
    await chips.nth(1).focus();
    await p.page.keyboard.press('Enter');
    await p.page.getByRole('dialog', { name: 'Ukraine' }).waitFor({ state: 'visible' });
    expect(await p.dialog.count()).toBe(1);
    await p.dialog.getByRole('button', { name: /Back/ }).press('Enter');
    await p.page.getByRole('dialog', { name: /Russian invasion of Ukraine/ }).waitFor({ state: 'visible' });
    await p.page.close();
  });
});

describe('the article’s date', () => {
  test('the card shows the date and splits the facts; the chart marks the date; screenshot saved', async () => {
    const p = await ContextPage.open('dated.html', 'china-russia-trade');
    const card = await p.openCard('china-russia-trade', 'China–Russia bilateral trade');
    await expect(card.locator('.lc-article-date').textContent()).resolves.toBe('This article: Jun 1, 2021');
    await expect(card.locator('.lc-article-date time').getAttribute('datetime')).resolves.toBe('2021-06-01');
    const relative = await card
      .locator('.lc-fact-item')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-relative')));
    expect(relative).toHaveLength(5);
    expect(relative.filter((r) => r === 'before')).toHaveLength(1);
    expect(relative.filter((r) => r === 'after')).toHaveLength(4);
    await expect(card.getByRole('heading', { name: 'Since this article' }).count()).resolves.toBe(1);
    // The later facts are visually secondary: muted and smaller than the earlier ones.
    const styles = await card.locator('.lc-fact').evaluateAll((els) =>
      els.map((el) => ({
        relative: el.closest('li')!.getAttribute('data-relative'),
        color: getComputedStyle(el).color,
        size: parseFloat(getComputedStyle(el).fontSize),
      })),
    );
    const before = styles.find((s) => s.relative === 'before')!;
    const after = styles.find((s) => s.relative === 'after')!;
    expect(after.color).not.toBe(before.color);
    expect(after.size).toBeLessThan(before.size);
    await expect(card.locator('.lc-chart .lc-when').count()).resolves.toBe(1);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(resolve(SCREENSHOT_DIR, 'dated-card.png'), await card.screenshot({ animations: 'disabled' }));
    await p.page.close();
  });

  test('with no date on the page the card is as before: no date line, no placement', async () => {
    const p = await ContextPage.open('undated.html', 'china-russia-trade');
    const card = await p.openCard('china-russia-trade', 'China–Russia bilateral trade');
    await expect(card.locator('.lc-article-date').count()).resolves.toBe(0);
    await expect(card.locator('[data-relative]').count()).resolves.toBe(0);
    await expect(card.locator('.lc-when').count()).resolves.toBe(0);
    await expect(card.getByRole('heading', { name: 'Facts' }).count()).resolves.toBe(1);
    await p.page.close();
  });
});

describe('the article’s figures', () => {
  test('a figure that differs: both values, our source, neutral words; screenshot saved', async () => {
    const p = await ContextPage.open('figures.html', 'china-russia-trade');
    const card = await p.openCard('china-russia-trade', 'China–Russia bilateral trade');
    const checks = card.locator('[data-figure-check]');
    // The forecast for 2030 in the same paragraph is not compared.
    await expect(checks.count()).resolves.toBe(1);
    await expect(checks.first().getAttribute('data-figure-check')).resolves.toBe('differs');
    const line = (await checks.first().textContent())!.replace(/\s+/g, ' ');
    expect(line).toContain('This article: $190 billion for 2023');
    expect(line).toContain('Our source: $240B');
    expect(line).toContain('Foreign Affairs');
    expect(line).toContain('Our source gives a different figure');
    expect(line).not.toMatch(/wrong|false|incorrect|misleading/i);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(resolve(SCREENSHOT_DIR, 'figure-check.png'), await card.screenshot({ animations: 'disabled' }));
    await p.page.close();
  });

  test.each([
    ['power-of-siberia', 'Power of Siberia pipeline', 'This article: 22.7 bcm for 2023'],
    ['yuan', 'Chinese yuan (renminbi)', 'This article: 42% for 2023'],
  ])('%s: a figure that agrees with the sourced series', async (entity, name, expected) => {
    const p = await ContextPage.open('figures.html', entity);
    const card = await p.openCard(entity, name);
    const check = card.locator('[data-figure-check]');
    await expect(check.getAttribute('data-figure-check')).resolves.toBe('agrees');
    await expect(check.textContent()).resolves.toContain(expected);
    await p.page.close();
  });
});

describe('facts ranked for the page', () => {
  test('the same entity’s card opens with different facts on two different pages', async () => {
    const firstFact = async (name: string) => {
      const p = await ContextPage.open(name, 'power-of-siberia');
      const card = await p.openCard('power-of-siberia', 'Power of Siberia pipeline');
      const text = await card.locator('.lc-fact').first().textContent();
      await p.page.close();
      return text ?? '';
    };
    const leaders = await firstFact('leaders.html');
    const companies = await firstFact('companies.html');
    expect(leaders).toMatch(/^Putin and Xi opened/);
    expect(companies).toMatch(/Gazprom and China National Petroleum Corporation/);
  });
});

describe('accessibility of the new parts', () => {
  test.each(['light', 'dark'] as const)('axe-core finds no violations (%s)', async (scheme) => {
    for (const [name, entity, title] of [
      ['figures.html', 'china-russia-trade', 'China–Russia bilateral trade'],
      ['dated.html', 'power-of-siberia', 'Power of Siberia pipeline'],
      ['nested.html', 'russian-invasion-of-ukraine', /Russian invasion of Ukraine/],
    ] as const) {
      const p = await ContextPage.open(name, entity, scheme);
      const card = await p.openCard(entity, title);
      await expect(card.getAttribute('data-theme')).resolves.toBe(scheme);
      const parts = await card.evaluate((el) =>
        ['[data-figure-check]', '.lc-article-date', '.lc-later', '.lc-when', '[aria-labelledby$="-inner"]'].filter(
          (s) => el.querySelector(s),
        ),
      );
      expect(parts.length, name).toBeGreaterThan(0);
      expect(await p.axe(), `${name} (${scheme}): ${parts.join(', ')}`).toEqual([]);
      await p.page.close();
    }
  });
});
