/**
 * The early script's hand-over (lib/platform/early.ts): the settings read at
 * document_start reach the main script, changes made in between count, and
 * the wake port is let go once the main script has taken over.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEarly, takeEarlySettings } from '@/lib/platform/early';
import { WAKE_PORT } from '@/lib/dom/lifeline';
import { SETTINGS_STORAGE_KEY } from '@/lib/platform/page-settings';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/model';

const stored = (change: Partial<Settings>): Settings => ({ ...structuredClone(DEFAULT_SETTINGS), ...change });

let ports: { name: string; disconnected: boolean }[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  ports = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info: { name: string }) => {
    const port = { name: info.name, disconnected: false };
    ports.push(port);
    return {
      name: info.name,
      disconnect: () => {
        port.disconnected = true;
      },
      onDisconnect: { addListener: () => undefined },
      onMessage: { addListener: () => undefined },
      postMessage: () => undefined,
    };
  }) as never);
});
afterEach(() => {
  // Whatever a test left behind is not the next test's.
  void takeEarlySettings()?.catch(() => undefined);
  vi.restoreAllMocks();
});

describe('the early script', () => {
  test('without it, the main script reads for itself', () => {
    expect(takeEarlySettings()).toBeNull();
  });

  test('hands over the settings it read, once, and lets the wake port go', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: stored({ markStyle: 'tint' }) });
    startEarly();
    startEarly(); // a second start (two frames' worth of scripts never share a world, but be safe) changes nothing
    expect(ports.map((p) => [p.name, p.disconnected])).toEqual([[WAKE_PORT, false]]);
    const taken = takeEarlySettings();
    expect(takeEarlySettings()).toBeNull();
    expect((await taken)!.markStyle).toBe('tint');
    expect(ports[0]!.disconnected).toBe(true);
  });

  test('a change made after its read and before the hand-over is the one handed over', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: stored({ enabled: true }) });
    startEarly();
    // Let the first read finish, then change the settings (another tab, the popup).
    await new Promise<void>((done) => queueMicrotask(done));
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: stored({ enabled: false }) });
    expect((await takeEarlySettings())!.enabled).toBe(false);
  });

  test('nothing stored: the defaults', async () => {
    startEarly();
    expect(await takeEarlySettings()).toEqual(DEFAULT_SETTINGS);
  });

  test('a worker that cannot be reached does not stop the settings read', async () => {
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: stored({ theme: 'dark' }) });
    startEarly();
    expect((await takeEarlySettings())!.theme).toBe('dark');
  });
});
