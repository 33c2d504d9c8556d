import type { Page } from 'playwright-core';

/**
 * Appends `<p id="late">` with `text` to the page's article, as a page adding content would,
 * and waits until it holds `count` marks (at least one when `count` is not given).
 */
export async function appendLateParagraph(
  page: Page,
  text: string,
  { count, timeout }: { count?: number; timeout: number },
): Promise<void> {
  await page.evaluate((content) => {
    const p = document.createElement('p');
    p.id = 'late';
    p.textContent = content;
    document.querySelector('article')!.append(p);
  }, text);
  await page.waitForFunction(
    (n) => {
      const marks = document.querySelectorAll('#late lens-mention').length;
      return n === null ? marks > 0 : marks === n;
    },
    count ?? null,
    { timeout },
  );
}
