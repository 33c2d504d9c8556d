/**
 * The content script and its command-line twin agree: on every document of the
 * development set, the built extension in Chromium ("mark all mentions") marks
 * exactly the mentions `npm run annotate` reports for the same file, with the
 * same offsets into the body's text. The extension reads the page in its own
 * way (visible part first, in slices, plain paragraphs whole, uncertain names
 * settled by the background); this is where any of that would show.
 */
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { annotateHtml } from '../../lib/cli/annotate';
import { aliasTable } from '../../lib/detect/bundled-table';
import { createDetector } from '../../lib/detect/detector';
import { DEFAULT_SETTINGS } from '../../lib/settings/model';
import { launchExtension, REPO_ROOT } from './support/chromium';
import { waitForPass } from './support/lens-state';
import { serveStatic } from './support/server';

const DEV_SET = resolve(REPO_ROOT, 'tests/fixtures/dev-set');
const DEMO = resolve(REPO_ROOT, 'assets/demo');

test('on the demo page and every development-set document the extension marks what the command-line twin finds', async () => {
  const files = (await readdir(DEV_SET)).filter((f) => f.endsWith('.html')).sort();
  expect(files.length).toBeGreaterThanOrEqual(38);
  // The demo page is served as /index.html from its own folder (the dev set has no index.html).
  files.push('index.html');
  const detector = createDetector(aliasTable);
  const server = await serveStatic([DEV_SET, DEMO]);
  const browser = await launchExtension();
  try {
    const settings = { ...structuredClone(DEFAULT_SETTINGS), density: { mode: 'all' as const, n: 3 } };
    await browser.serviceWorker.evaluate((s) => chrome.storage.local.set({ settings: s }), settings);
    const page = await browser.context.newPage();
    let compared = 0;
    for (const file of files) {
      const path = resolve(file === 'index.html' ? DEMO : DEV_SET, file);
      const twin = await annotateHtml(await readFile(path, 'utf8'), detector);
      await page.goto(server.url(`/${file}`));
      await waitForPass(page);
      // Each mark's place in body.textContent (marking leaves that text unchanged).
      const marked = await page.evaluate(() => {
        const out: { id: string; text: string; start: number; end: number }[] = [];
        let at = 0;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const mark = n.parentElement?.closest('lens-mention');
          if (mark && mark.firstChild === n) {
            const text = mark.textContent ?? '';
            out.push({ id: mark.getAttribute('data-entity') ?? '', text, start: at, end: at + text.length });
          }
          at += (n as Text).data.length;
        }
        return out;
      });
      // Names nested in a phrase are listed by the twin but carry no mark of their own.
      const marks = twin.mentions.filter((m) => !m.nested);
      expect(marked, file).toEqual(marks.map(({ id, text, start, end }) => ({ id, text, start, end })));
      compared += marked.length;
    }
    // The controls mark nothing; the articles hold hundreds of mentions between them.
    expect(compared).toBeGreaterThan(500);
    await page.close();
  } finally {
    await browser.close();
    await server.close();
  }
}, 120_000);
