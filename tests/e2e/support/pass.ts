import type { Page } from 'playwright-core';

/** Waits until the annotator's first pass is over (it publishes its counters on <html>). */
export async function waitForPass(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const raw = document.documentElement.dataset.lensStats;
      return !!raw && JSON.parse(raw).passDoneMs !== null;
    },
    undefined,
    { timeout },
  );
}
