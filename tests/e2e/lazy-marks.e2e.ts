/**
 * A long page in real Chromium, marking every mention: detection reads the
 * whole page (the popup counts every mention), but marks are written only
 * near what the reader sees, and the rest as the reader scrolls to them.
 */
import { expect, test } from 'vitest';
import { extensionSuite } from './support/suite';
import { waitForPass } from './support/lens-state';
import { tabIdOf } from './support/tabs';
import { DEFAULT_SETTINGS } from '../../lib/settings/model';

const suite = extensionSuite({ ...structuredClone(DEFAULT_SETTINGS), density: { mode: 'all', n: 3 } });

test('marks near the viewport at once, the rest when scrolled to; the popup counts them all', async () => {
  const { browser, server } = suite;
  const page = await browser.context.newPage();
  await page.goto(server.url('/long-article.html'));
  await waitForPass(page);
  const marksIn = (id: string) => page.locator(`#${id} lens-mention`).count();
  expect(await marksIn('p1')).toBe(2);
  expect(await marksIn('p1500')).toBe(0);
  const written = await page.locator('lens-mention').count();
  expect(written).toBeGreaterThan(0);
  expect(written).toBeLessThan(3000);

  await page.locator('#p1500').scrollIntoViewIfNeeded();
  await expect.poll(() => marksIn('p1500'), { timeout: 1_000 }).toBe(2);
  // Far from both ends, nothing yet.
  expect(await marksIn('p750')).toBe(0);

  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(browser, page.url())}`);
  await expect
    .poll(() => popup.locator('.popup__entity[data-entity="vladimir-putin"] .popup__count').textContent())
    .toBe('1500');
  await popup.close();
  await page.close();
});
