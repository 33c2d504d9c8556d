/**
 * Detection runs in the extension's service worker, which Chrome stops after
 * ~30 s without events. Pages must not notice: a page loaded while it is
 * stopped wakes it through its scan port, and a page whose port closed when
 * the worker stopped opens a new one for its next scan.
 */
import { expect, test } from 'vitest';
import { extensionSuite } from './support/suite';
import { appendLateParagraph } from './support/pass';
import { statsOf, waitForPass } from './support/lens-state';

const suite = extensionSuite();

/** Stops every service worker and waits until DevTools reports ours stopped. */
async function stopServiceWorker(): Promise<void> {
  const page = await suite.browser.context.newPage();
  const cdp = await suite.browser.context.newCDPSession(page);
  const stopped = new Promise<void>((done) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.find((v) => v.scriptURL.startsWith(`chrome-extension://${suite.browser.extensionId}/`));
      if (ours?.runningStatus === 'stopped') done();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
  await page.close();
}

test('a page loaded while the worker is stopped is marked, and so is what it adds after the worker stopped again', async () => {
  await stopServiceWorker();
  const page = await suite.browser.context.newPage();
  await page.goto(suite.server.url('/index.html'));
  await waitForPass(page);
  const ids = await page.$$eval('lens-mention', (els) => els.map((e) => e.getAttribute('data-entity')));
  expect(ids).toContain('power-of-siberia-2');
  expect(ids).toContain('vladimir-putin');

  await stopServiceWorker();
  await appendLateParagraph(page, 'Later, officials discussed Arctic LNG 2.', { count: 1, timeout: 5_000 });
  expect(await page.$eval('#late lens-mention', (m) => m.getAttribute('data-entity'))).toBe('arctic-lng-2');
  expect((await statsOf(page))?.errors).toBe(0);
  await page.close();
});
