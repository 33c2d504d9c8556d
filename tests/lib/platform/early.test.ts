// @vitest-environment happy-dom
/**
 * The early script (lib/platform/early.ts): on an ordinary page it only
 * listens for DOMContentLoaded; on a long one it reads the settings then, and
 * the content script takes them over (the latest value, changes made in
 * between included).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEarly, takeEarlySettings } from '@/lib/platform/early';
import { SETTINGS_STORAGE_KEY } from '@/lib/platform/page-settings';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/model';

const stored = (change: Partial<Settings>): Settings => ({ ...structuredClone(DEFAULT_SETTINGS), ...change });
/** Elements that make a page long in these tests. */
const LONG = 5;

/** A page of `n` paragraphs, then DOMContentLoaded. */
function parsed(n: number): void {
  document.body.innerHTML = '<p>x</p>'.repeat(n);
  document.dispatchEvent(new Event('DOMContentLoaded'));
}

/** Each test gets a world where the early script has not run yet. */
beforeEach(() => {
  fakeBrowser.reset();
  for (const key of Object.getOwnPropertySymbols(globalThis))
    if (String(key.description).startsWith('eurasia-lens.')) delete (globalThis as Record<symbol, unknown>)[key];
});
afterEach(() => {
  void takeEarlySettings()?.catch(() => undefined);
  vi.restoreAllMocks();
});

describe('the early script', () => {
  test('an ordinary page: no settings read, the content script reads for itself', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    startEarly({ largePage: LONG });
    parsed(1); // html, head, body and one paragraph
    expect(get).not.toHaveBeenCalled();
    expect(takeEarlySettings()).toBeNull();
  });

  test('a long page: the settings are read once, at DOMContentLoaded, and handed over once', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: stored({ markStyle: 'tint' }) });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    startEarly({ largePage: LONG });
    startEarly({ largePage: LONG }); // a second start changes nothing
    expect(get).not.toHaveBeenCalled();
    parsed(LONG * 2);
    expect(get).toHaveBeenCalledTimes(1);
    const taken = takeEarlySettings();
    expect(takeEarlySettings()).toBeNull();
    expect((await taken)!.markStyle).toBe('tint');
  });

  test('a change made after its read and before the hand-over is the one handed over, and then it stops following', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: stored({ enabled: true }) });
    const added = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    const removed = vi.spyOn(fakeBrowser.storage.onChanged, 'removeListener');
    startEarly({ largePage: LONG });
    parsed(LONG * 2);
    // Let the first read finish, then change the settings (another tab, the popup).
    await new Promise<void>((done) => queueMicrotask(done));
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: stored({ enabled: false }) });
    expect((await takeEarlySettings())!.enabled).toBe(false);
    expect(removed).toHaveBeenCalledWith(added.mock.calls[0]![0]);
  });

  test('nothing stored: the defaults', async () => {
    startEarly({ largePage: LONG });
    parsed(LONG * 2);
    expect(await takeEarlySettings()).toEqual(DEFAULT_SETTINGS);
  });

  test('an extension going away: nothing is handed over, and the scout reads for itself', () => {
    vi.spyOn(fakeBrowser.storage.onChanged, 'addListener').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    startEarly({ largePage: LONG });
    parsed(LONG * 2);
    expect(takeEarlySettings()).toBeNull();
  });
});
