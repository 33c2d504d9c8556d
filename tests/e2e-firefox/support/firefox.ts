/**
 * Launches the Debian Firefox ESR (puppeteer-core over WebDriver BiDi, no browser download)
 * and installs the built Firefox extension (.output/firefox-mv2) as a temporary add-on.
 *
 * Two things Firefox's BiDi does differently from Chromium, and how this copes:
 * - Navigating a tab to moz-extension:// is refused ("not allowed in this context") unless the
 *   browser runs with --remote-allow-system-access (BiDi allows only http, https, file, blob and
 *   about:blank otherwise).
 * - Firefox sends no browsingContext load events for documents in the extension process, so
 *   puppeteer's `page.goto()` never settles there. Extension pages are opened with the BiDi
 *   command itself (browsingContext.navigate, readiness "complete") instead.
 * The add-on's internal UUID, which the moz-extension:// address is made of, is chosen here and
 * handed to Firefox through the `extensions.webextensions.uuids` preference.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../../e2e/support/chromium';

export const FIREFOX_EXTENSION_DIR = resolve(REPO_ROOT, '.output/firefox-mv2');

/** Finds Firefox or fails with an error that names the fix. Never skips. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `Firefox not found at ${path}. Install it with "apt-get update && apt-get install -y firefox-esr", ` +
        'or point FIREFOX_PATH at a Firefox binary.',
    );
  }
  return path;
}

/** The add-on id the Firefox build declares (browser_specific_settings.gecko.id). */
function builtAddonId(): string {
  const manifestFile = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`No built Firefox extension at ${FIREFOX_EXTENSION_DIR}. Run "npm run build:firefox" first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestFile} declares no browser_specific_settings.gecko.id.`);
  return id;
}

/** The slice of puppeteer's BiDi frame that sends browsingContext.navigate (not in its public types). */
interface BidiNavigable {
  browsingContext?: { navigate(url: string, wait?: 'none' | 'interactive' | 'complete'): Promise<void> };
}

export interface FirefoxExtension {
  browser: Browser;
  addonId: string;
  /** `moz-extension://<uuid>/`, the extension's own origin with a trailing slash. */
  baseUrl: string;
  /** Opens one of the extension's pages (e.g. `options.html`) in a new tab, loaded. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxExtension(): Promise<FirefoxExtension> {
  const addonId = builtAddonId();
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }) },
    defaultViewport: { width: 1280, height: 800 },
  });
  const close = () => browser.close().catch(() => undefined);
  try {
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== addonId) throw new Error(`Installed add-on ${installed}, expected ${addonId}.`);
  } catch (error) {
    await close();
    throw error;
  }
  const baseUrl = `moz-extension://${uuid}/`;
  const openExtensionPage = async (path: string): Promise<Page> => {
    const url = new URL(path, baseUrl).href;
    const page = await browser.newPage();
    const context = (page.mainFrame() as unknown as BidiNavigable).browsingContext;
    if (!context) throw new Error('puppeteer-core no longer exposes the BiDi browsing context of a frame.');
    await context.navigate(url, 'complete');
    await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', {}, url);
    return page;
  };
  return { browser, addonId, baseUrl, openExtensionPage, close };
}
