/** Page object for the extension's highlights page (list, export, import with its confirm step). */
import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

export class HighlightsPage {
  private constructor(readonly page: Page) {}

  static async open(browser: ExtensionBrowser): Promise<HighlightsPage> {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/highlights.html`);
    await page.locator('.hl-page').waitFor();
    return new HighlightsPage(page);
  }

  items(): Locator {
    return this.page.locator('.hl-item');
  }

  /** The page's one status line (import results and refusals). */
  async status(): Promise<string> {
    return (await this.page.locator('.hl-notice[role="status"]').textContent()) ?? '';
  }

  preview(): Locator {
    return this.page.getByTestId('hl-import-preview');
  }

  async previewSummary(): Promise<string> {
    return (await this.preview().locator('.hl-import-summary').textContent()) ?? '';
  }

  async previewDetails(): Promise<string[]> {
    return this.preview().locator('.hl-import-details li').allTextContents();
  }

  /** Chooses a file in the import control; the page reads it and shows what it holds. */
  async chooseImportFile(path: string): Promise<void> {
    await this.page.setInputFiles('input[data-testid="hl-import"]', path);
  }

  /** The preview's buttons, by their text. */
  async previewButtons(): Promise<string[]> {
    return this.preview().locator('button').allTextContents();
  }

  async confirmImport(): Promise<void> {
    await this.preview()
      .getByRole('button', { name: /^Import \d+ new highlights?$/ })
      .click();
    await this.preview().waitFor({ state: 'detached' });
  }

  async closePreview(): Promise<void> {
    await this.preview()
      .getByRole('button', { name: /^(Close|Cancel)$/ })
      .click();
    await this.preview().waitFor({ state: 'detached' });
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
