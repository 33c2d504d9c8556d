import { afterAll, beforeAll } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './chromium';
import { serveStatic, type StaticServer } from './server';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/model';

export interface ExtensionSuite {
  readonly browser: ExtensionBrowser;
  readonly server: StaticServer;
}

/**
 * One test file's browser with the built extension and its static server, with
 * `settings` stored before the first test; both are closed after the last.
 */
export function extensionSuite(settings: Settings = DEFAULT_SETTINGS): ExtensionSuite {
  let browser: ExtensionBrowser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic();
    browser = await launchExtension();
    await browser.serviceWorker.evaluate((s) => chrome.storage.local.set({ settings: s }), settings);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('The browser starts in beforeAll.');
      return browser;
    },
    get server() {
      if (!server) throw new Error('The server starts in beforeAll.');
      return server;
    },
  };
}
