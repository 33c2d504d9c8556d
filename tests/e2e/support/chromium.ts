/**
 * Launches the real Chromium with the built extension loaded (playwright-core,
 * no browser download). Shared by the end-to-end suite, the demo and the benchmarks.
 */
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const EXTENSION_DIR = resolve(REPO_ROOT, '.output/chrome-mv3');

/** Finds Chromium or fails with an error that names the fix. Never skips. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with "apt-get update && apt-get install -y chromium", ` +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  return path;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Load the extension (default) or run the same browser without it (for baselines). */
  withExtension?: boolean;
  /** An unpacked extension other than the built one (the benchmark's empty content script). */
  extensionDir?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  hasTouch?: boolean;
  deviceScaleFactor?: number;
  /** Extra Chromium switches, e.g. `--host-resolver-rules=MAP tass.com 127.0.0.1:PORT` to serve a page under a real host. */
  args?: readonly string[];
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const withExtension = options.withExtension ?? true;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Run "npm run build" first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'lens-profile-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
  ];
  if (withExtension) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  args.push(...(options.args ?? []));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args,
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : undefined,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme,
    reducedMotion: options.reducedMotion,
    hasTouch: options.hasTouch,
    deviceScaleFactor: options.deviceScaleFactor,
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  };
  if (!withExtension) {
    return { context, extensionId: '', serviceWorker: undefined as unknown as Worker, close };
  }
  try {
    const serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, extensionId, serviceWorker, close };
  } catch (error) {
    await close();
    throw error;
  }
}
