/**
 * `npm start`: builds the extension, serves the demo article on 127.0.0.1 and
 * opens it in Chromium with the extension loaded.
 *
 * - With a display (DISPLAY set) and no `--headless`: a normal browser window
 *   that stays open until Ctrl-C.
 * - Otherwise headless: waits for the marks, prints each one, hovers a mention
 *   (the Power of Siberia pipeline, whose card has a chart, or else the first),
 *   waits for its card and saves a screenshot of it to
 *   docs/screenshots/demo-card.png. Exits 1 with a clear message when no card
 *   appears within 10 s.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchExtension, REPO_ROOT, type ExtensionBrowser } from '../../tests/e2e/support/chromium';
import { serveStatic, type StaticServer } from '../../tests/e2e/support/server';
import { waitForPass } from '../../tests/e2e/support/lens-state';

/** The mention whose card the headless demo photographs: its card has facts, sources and a chart. */
const SHOWCASE_ENTITY = 'power-of-siberia';
/** How long the card may take after the hover (the hover delay is ~0.5 s). */
const CARD_TIMEOUT_MS = 10_000;
/** How long the first marks may take on a cold browser. */
const MARKS_TIMEOUT_MS = 15_000;
const SCREENSHOT = resolve(REPO_ROOT, 'docs/screenshots/demo-card.png');

function build(): Promise<void> {
  return new Promise((ok, fail) => {
    console.log('Building the extension (wxt build)…');
    // A test build: the page lens keeps its counters where DevTools can read them (lib/platform/test-hooks.ts),
    // so the first pass's end can be awaited.
    const child = spawn('npx', ['wxt', 'build'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: { ...process.env, LENS_TEST_HOOKS: '1' },
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`wxt build exited with code ${code}`))));
  });
}

async function headful(browser: ExtensionBrowser, url: string): Promise<void> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(url);
  console.log(`Demo open at ${url}. Hover an underlined name to see its card. Press Ctrl-C to quit.`);
  await new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    browser.context.once('close', () => done());
  });
}

async function headless(browser: ExtensionBrowser, url: string): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(url);
  try {
    await page.waitForSelector('lens-mention', { state: 'attached', timeout: MARKS_TIMEOUT_MS });
  } catch {
    console.error(`Error: no mention was marked on ${url} within ${MARKS_TIMEOUT_MS / 1000} s.`);
    return 1;
  }
  // Let the first pass finish (read from the content script's own world, lib/platform/test-hooks.ts).
  await waitForPass(page, MARKS_TIMEOUT_MS).catch(() => undefined);
  const mentions = await page.$$eval('lens-mention', (els) =>
    els.map((e) => ({ id: e.getAttribute('data-entity') ?? '', text: (e.textContent ?? '').replace(/\s+/g, ' ') })),
  );
  console.log(`\n${mentions.length} mentions marked on the demo page:`);
  const width = Math.max(...mentions.map((m) => m.id.length));
  for (const m of mentions) console.log(`  ${m.id.padEnd(width)}  ${m.text}`);

  const shown = mentions.find((m) => m.id === SHOWCASE_ENTITY) ?? mentions[0];
  const target = page.locator(`lens-mention[data-entity="${shown?.id ?? ''}"]`).first();
  await target.scrollIntoViewIfNeeded();
  await target.hover();
  const dialog = page.getByRole('dialog');
  try {
    await dialog.first().waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
  } catch {
    console.error(
      `Error: hovering "${shown?.text}" opened no context card within ${CARD_TIMEOUT_MS / 1000} s ` +
        '(no element with role="dialog" appeared).',
    );
    return 1;
  }
  // Wait for the card to be placed next to the mention before the picture.
  await page
    .waitForFunction(
      () => {
        const host = document.querySelector('lens-card-host');
        const card = host?.shadowRoot?.querySelector<HTMLElement>('.lens-card');
        return !card || card.dataset.placed !== 'false';
      },
      undefined,
      { timeout: 2_000 },
    )
    .catch(() => undefined);
  const name = await dialog
    .first()
    .getAttribute('aria-label')
    .catch(() => null);
  mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
  await dialog.first().screenshot({ path: SCREENSHOT });
  console.log(`\nCard opened${name ? ` for "${name}"` : ''}. Screenshot: ${SCREENSHOT}`);
  return 0;
}

async function main(): Promise<number> {
  const wantHeadless = process.argv.includes('--headless') || !process.env.DISPLAY;
  await build();
  let server: StaticServer | null = null;
  let browser: ExtensionBrowser | null = null;
  try {
    server = await serveStatic([resolve(REPO_ROOT, 'assets/demo')]);
    const url = server.url('/index.html');
    console.log(`Serving the demo at ${url}`);
    browser = await launchExtension({ headless: wantHeadless });
    if (!wantHeadless) {
      await headful(browser, url);
      return 0;
    }
    return await headless(browser, url);
  } finally {
    await browser?.close();
    await server?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
