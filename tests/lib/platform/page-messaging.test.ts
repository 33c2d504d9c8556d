/**
 * The content script's request guards (lib/platform/page-messaging.ts): as
 * strict as the valibot schema in lib/messages.ts for the requests a page
 * answers, checked against that schema on the same inputs.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseRequest } from '@/lib/messages';
import { listenOnRuntime, parsePageRequest } from '@/lib/platform/page-messaging';

const ACCEPTED = [
  { type: 'page:status' },
  { type: 'highlight:save-selection' },
  { type: 'page:reveal', id: 'vladimir-putin' },
  { type: 'page:reveal', id: 'x'.repeat(200) },
];
const REFUSED: unknown[] = [
  null,
  'page:status',
  [],
  {},
  { type: 'page:status', extra: 1 },
  { type: 'highlight:save-selection', id: 'x' },
  { type: 'page:reveal' },
  { type: 'page:reveal', id: '' },
  { type: 'page:reveal', id: 7 },
  { type: 'page:reveal', id: 'x'.repeat(201) },
  { type: 'page:reveal', id: 'a', more: true },
];

describe('parsePageRequest', () => {
  test.each(ACCEPTED)('accepts %j, as the schema does', (raw) => {
    expect(parsePageRequest(raw)).toEqual(raw);
    expect(parseRequest(raw)).toEqual(raw);
  });

  test.each(REFUSED)('refuses %j, as the schema does', (raw) => {
    expect(parsePageRequest(raw)).toBeNull();
    expect(parseRequest(raw)).toBeNull();
  });

  test.each([{ type: 'card:get', id: 'a' }, { type: 'ping' }])('leaves %j to other listeners', (raw) => {
    expect(parseRequest(raw)).not.toBeNull();
    expect(parsePageRequest(raw)).toBeNull();
  });
});

describe("listenOnRuntime (the scout's one listener)", () => {
  beforeEach(() => fakeBrowser.reset());

  test('answers valid requests it has a handler for, ignores the rest', async () => {
    const stop = listenOnRuntime({ 'page:reveal': ({ id }) => ({ ok: id === 'a' }) });
    expect(await fakeBrowser.runtime.sendMessage({ type: 'page:reveal', id: 'a' })).toEqual({ ok: true });
    expect(await fakeBrowser.runtime.sendMessage({ type: 'page:reveal', id: '' })).toBeUndefined();
    expect(await fakeBrowser.runtime.sendMessage({ type: 'page:status' })).toBeUndefined();
    stop();
  });

  test('answers through sendResponse where the browser passes one (no polyfill)', async () => {
    const listeners: ((raw: unknown, sender: unknown, respond: (a: unknown) => void) => unknown)[] = [];
    const original = fakeBrowser.runtime.onMessage.addListener;
    fakeBrowser.runtime.onMessage.addListener = ((fn: (typeof listeners)[number]) => {
      listeners.push(fn);
    }) as typeof original;
    try {
      listenOnRuntime({ 'page:status': () => ({ url: 'u', hostname: 'h', active: true, entities: [] }) });
      const answer = await new Promise((resolve) => {
        expect(listeners[0]!({ type: 'page:status' }, {}, resolve)).toBe(true);
      });
      expect(answer).toEqual({ url: 'u', hostname: 'h', active: true, entities: [] });
    } finally {
      fakeBrowser.runtime.onMessage.addListener = original;
    }
  });
});

describe('dispatchPageRequest (requests the scout took before their handlers listened)', () => {
  beforeEach(() => fakeBrowser.reset());

  test('the first registered handler for the type answers; none registered: undefined', async () => {
    // A fresh copy of the module: the tests above left listeners registered in this one.
    vi.resetModules();
    const { dispatchPageRequest, listenInPage } = await import('@/lib/platform/page-messaging');
    expect(dispatchPageRequest({ type: 'page:status' })).toBeUndefined();
    const stop = listenInPage({ 'page:reveal': () => ({ ok: true }) });
    const stopStatus = listenInPage({
      'page:status': () => ({ url: 'u', hostname: 'h', active: true, entities: [] }),
    });
    await expect(dispatchPageRequest({ type: 'page:status' })).resolves.toMatchObject({ hostname: 'h' });
    await expect(dispatchPageRequest({ type: 'page:reveal', id: 'x' })).resolves.toEqual({ ok: true });
    stopStatus();
    expect(dispatchPageRequest({ type: 'page:status' })).toBeUndefined();
    stop();
    expect(dispatchPageRequest({ type: 'page:reveal', id: 'x' })).toBeUndefined();
  });
});

describe('listenInPage (the page lens and the UI script, behind the scout)', () => {
  beforeEach(() => fakeBrowser.reset());

  test('handlers are registered for dispatch only: the runtime sees no second listener', async () => {
    vi.resetModules();
    const messaging = await import('@/lib/platform/page-messaging');
    const added = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const stop = messaging.listenInPage({ 'page:reveal': () => ({ ok: true }) });
    expect(added).not.toHaveBeenCalled();
    await expect(messaging.dispatchPageRequest({ type: 'page:reveal', id: 'x' })).resolves.toEqual({ ok: true });
    stop();
    expect(messaging.dispatchPageRequest({ type: 'page:reveal', id: 'x' })).toBeUndefined();
  });

  test("the scout's listenOnRuntime listens on the runtime, and is not itself a dispatch target", async () => {
    vi.resetModules();
    const messaging = await import('@/lib/platform/page-messaging');
    const scoutStop = messaging.listenOnRuntime({
      'page:status': () => messaging.dispatchPageRequest({ type: 'page:status' }) as never,
    });
    const lensStop = messaging.listenInPage({
      'page:status': () => ({ url: 'u', hostname: 'h', active: true, entities: [] }),
    });
    expect(await fakeBrowser.runtime.sendMessage({ type: 'page:status' })).toMatchObject({ hostname: 'h' });
    lensStop();
    // Without the page lens nothing answers: the scout's handler is not found by dispatch (no loop).
    expect(messaging.dispatchPageRequest({ type: 'page:status' })).toBeUndefined();
    scoutStop();
    await expect(fakeBrowser.runtime.sendMessage({ type: 'page:status' })).rejects.toThrow('No listeners');
  });
});
