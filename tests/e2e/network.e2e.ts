/**
 * Zero network: records every request Chromium makes while the extension runs
 * on every hostile fixture, the plain page, the demo page and the extension's
 * own pages, and asserts that none comes from the extension.
 *
 * Two recorders, so neither is a single point of blindness:
 * - Playwright's context-wide `request` event: pages, frames, extension pages
 *   and the extension's service worker (Playwright reports service-worker
 *   requests in Chromium; `request.serviceWorker()` names the worker);
 * - a CDP Network session per page, whose `initiator` (with its stack) says
 *   which script asked for a request: a chrome-extension:// frame on the stack
 *   is our content script.
 * Two positive controls prove both recorders see what they must: a fetch made
 * by the service worker, and one made from the content script's isolated world.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page, Request } from 'playwright-core';
import { EXTENSION_DIR, launchExtension, REPO_ROOT, type ExtensionBrowser } from './support/chromium';
import { serveStatic, type StaticServer } from './support/server';
import { ConsoleWatch } from './support/hostile';
import { waitForPass } from './support/lens-state';

interface Recorded {
  url: string;
  type: string;
  navigation: boolean;
  /** URL of the frame that made it, '' when none (service worker). */
  frame: string;
  serviceWorker: string;
}

interface CdpRecorded {
  url: string;
  page: string;
  initiatorType: string;
  /** Script URLs on the initiator's stack, and the initiator URL itself. */
  initiatorUrls: string[];
}

const HOSTILE_DIR = join(REPO_ROOT, 'tests/e2e/pages/hostile');
const DEMO_DIR = join(REPO_ROOT, 'assets/demo');

/** Pages to visit: every hostile fixture (frames come with their parents), the plain page, every demo page. */
function pagesToVisit(): string[] {
  const hostile = readdirSync(HOSTILE_DIR)
    .filter((f) => f.endsWith('.html') && f !== 'iframe-child.html')
    .sort()
    .map((f) => `/hostile/${f}`);
  const demo = existsSync(DEMO_DIR)
    ? readdirSync(DEMO_DIR)
        .filter((f) => f.endsWith('.html'))
        .map((f) => `/${f}`)
    : [];
  return [...hostile, '/plain.html', ...demo];
}

/** The built extension's pages (popup, options, highlights…). */
function extensionPages(): string[] {
  return readdirSync(EXTENSION_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort();
}

let browser: ExtensionBrowser;
let server: StaticServer;
const requests: Recorded[] = [];
const cdpRequests: CdpRecorded[] = [];
const visited: string[] = [];
const consoles = new Map<string, ConsoleWatch>();

function record(request: Request): void {
  let frame = '';
  try {
    frame = request.frame().url();
  } catch {
    // service-worker requests and early navigations have no frame
  }
  requests.push({
    url: request.url(),
    type: request.resourceType(),
    navigation: request.isNavigationRequest(),
    frame,
    serviceWorker: request.serviceWorker()?.url() ?? '',
  });
}

async function watchWithCdp(page: Page): Promise<CDPSession> {
  const cdp = await browser.context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (e) => {
    const urls: string[] = [];
    if (e.initiator.url) urls.push(e.initiator.url);
    for (let s: typeof e.initiator.stack | undefined = e.initiator.stack; s; s = s.parent) {
      for (const f of s.callFrames) urls.push(f.url);
    }
    cdpRequests.push({ url: e.request.url, page: page.url(), initiatorType: e.initiator.type, initiatorUrls: urls });
  });
  await cdp.send('Network.enable');
  return cdp;
}

/** Things a reader does that could make the extension reach out: open a card, trigger the resolver. */
async function exercise(page: Page): Promise<void> {
  // Ambiguous names go to the background's resolver.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Novatek row; Mir cards; Amur.';
    document.body.append(p);
  });
  const mention = page.locator('lens-mention').first();
  if ((await mention.count()) > 0 && (await mention.isVisible())) {
    await mention.click();
    // The card asks the background for its data; wait for it to show.
    await page.getByRole('dialog').first().waitFor({ state: 'visible', timeout: 5_000 });
    await page.keyboard.press('Escape');
  }
}

beforeAll(async () => {
  // The hostile folder is a third root only so that /favicon.ico exists for pages that name no icon.
  server = await serveStatic([join(REPO_ROOT, 'tests/e2e/pages'), DEMO_DIR, HOSTILE_DIR], {
    '/hostile/csp.html': { 'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self'" },
  });
  browser = await launchExtension();
  browser.context.on('request', record);

  for (const path of pagesToVisit()) {
    const page = await browser.context.newPage();
    consoles.set(path, new ConsoleWatch(page));
    const cdp = await watchWithCdp(page);
    await page.goto(server.url(path));
    await waitForPass(page, 30_000);
    if (path.includes('hydrate')) await page.evaluate(() => (window as unknown as { hydrateNow(): void }).hydrateNow());
    if (path.includes('spa'))
      await page.evaluate(() => (window as unknown as { spa: { navigate(r: string): void } }).spa.navigate('energy'));
    await exercise(page);
    visited.push(path);
    await cdp.detach();
    await page.close();
  }

  // The extension's own pages, every one the build has.
  for (const name of extensionPages()) {
    const page = await browser.context.newPage();
    const cdp = await watchWithCdp(page);
    await page.goto(`chrome-extension://${browser.extensionId}/${name}`);
    await page.waitForLoadState('load');
    await page.locator('body *').first().waitFor({ state: 'attached' });
    visited.push(name);
    await cdp.detach();
    await page.close();
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Our own files: the extension's origin, and the page lens and cards-and-highlights scripts under
 * the per-session address Chromium gives web-accessible resources marked use_dynamic_url (a random
 * UUID host).
 */
function isOwnFile(url: string): boolean {
  return (
    url.startsWith(`chrome-extension://${browser.extensionId}/`) ||
    /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/lens-(ui|page)\.js$/.test(url)
  );
}

describe('zero network', () => {
  test('every fixture, the plain page, the demo page and the extension pages were visited', () => {
    expect(visited).toEqual(
      expect.arrayContaining(['/plain.html', '/index.html', 'popup.html', 'options.html', ...extensionPages()]),
    );
    expect(visited.filter((p) => p.startsWith('/hostile/')).length).toBe(
      readdirSync(HOSTILE_DIR).filter((f) => f.endsWith('.html')).length - 1,
    );
    expect(requests.length).toBeGreaterThan(visited.length);
    console.info(
      `zero network: ${requests.length} requests (${cdpRequests.length} seen by CDP) over ${visited.length} pages`,
    );
  });

  test('every request goes to the local test server or to our own extension files', () => {
    const foreign = requests.filter(
      (r) => !r.url.startsWith(`${server.origin}/`) && !isOwnFile(r.url) && !/^(data|blob|about):/.test(r.url),
    );
    expect(foreign).toEqual([]);
  });

  test('the service worker makes no request', () => {
    expect(requests.filter((r) => r.serviceWorker !== '')).toEqual([]);
  });

  test("the service worker's own resource timeline, from its start, names only our files", async () => {
    // Covers what the request listener cannot: anything fetched while the worker started,
    // before the test attached. Resource Timing keeps every fetch the worker made.
    const own = `chrome-extension://${browser.extensionId}/`;
    const fetched = await browser.serviceWorker.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name),
    );
    expect(fetched.filter((url) => !url.startsWith(own))).toEqual([]);
  });

  test('no request to a web server comes from an extension page or the content script', () => {
    // Extension pages may load only their own files.
    const fromExtensionPages = requests.filter((r) => r.frame.startsWith('chrome-extension://') && !isOwnFile(r.url));
    expect(fromExtensionPages).toEqual([]);
    // Web pages' requests: none may be initiated by a script of ours (the content script loads its UI script).
    const byOurScripts = cdpRequests.filter(
      (r) => !isOwnFile(r.url) && r.initiatorUrls.some((u) => u.startsWith('chrome-extension://')),
    );
    expect(byOurScripts).toEqual([]);
  });

  test('no error reached the console of any visited page', () => {
    for (const [path, watch] of consoles) expect(watch.errors, path).toEqual([]);
  });
});

describe('the recorders see what they must (positive controls)', () => {
  test('a fetch by the service worker is recorded as coming from it', async () => {
    const marker = `${server.origin}/plain.html?from-service-worker`;
    const seen = new Promise<Request>((resolve) => {
      const listener = (r: Request) => {
        if (r.url() === marker) {
          browser.context.off('request', listener);
          resolve(r);
        }
      };
      browser.context.on('request', listener);
    });
    await browser.serviceWorker.evaluate(async (url) => {
      const g = globalThis as unknown as { fetch(u: string): Promise<{ text(): Promise<string> }> };
      // Read the body: a resource timing entry is made once the response has fully arrived.
      await (await g.fetch(url)).text();
    }, marker);
    const request = await seen;
    expect(request.serviceWorker()?.url()).toBe(browser.serviceWorker.url());
    // …and the worker's resource timeline keeps it.
    const fetched = await browser.serviceWorker.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name),
    );
    expect(fetched).toContain(marker);
  });

  test("a fetch from the content script's isolated world is attributed to the extension", async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const initiators: string[][] = [];
    const marker = `${server.origin}/plain.html?from-content-script`;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.request.url !== marker) return;
      const urls: string[] = [];
      if (e.initiator.url) urls.push(e.initiator.url);
      for (let s: typeof e.initiator.stack | undefined = e.initiator.stack; s; s = s.parent) {
        for (const f of s.callFrames) urls.push(f.url);
      }
      initiators.push(urls);
    });
    await cdp.send('Network.enable');
    await page.goto(server.url('/plain.html'));
    await waitForPass(page);
    const isolated = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${browser.extensionId}`,
    );
    expect(isolated, 'the content script world').toBeTruthy();
    // A function defined by our content script is on the stack of any fetch it makes; an
    // evaluated expression carries no script URL, so call fetch through a chrome-extension:// frame:
    // the isolated world's own scripts are the only chrome-extension:// code in the page.
    await cdp.send('Runtime.evaluate', {
      contextId: isolated!.id,
      expression: `fetch(${JSON.stringify(marker)})\n//# sourceURL=chrome-extension://${browser.extensionId}/probe.js`,
      awaitPromise: true,
    });
    await expect.poll(() => initiators.length).toBeGreaterThan(0);
    expect(initiators[0]!.some((u) => u.startsWith('chrome-extension://'))).toBe(true);
    await cdp.detach();
    await page.close();
  });
});
