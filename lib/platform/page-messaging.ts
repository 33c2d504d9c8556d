/**
 * The content script's side of the message protocol (lib/messages.ts). The
 * page answers only a few requests; each is checked here by a small guard
 * instead of the full valibot schema, which stays with the background and the
 * extension pages (and out of the content script's bundle). The guards are as
 * strict as the schema for these requests: exact keys, typed, bounded.
 */
import { browser } from 'wxt/browser';
import type { RequestOf, ResponseFor } from '../messages';

export { sendRequest } from './send';

/** The requests a content script answers. */
export type PageRequestType = 'page:status' | 'page:reveal' | 'page:mark-anyway' | 'highlight:save-selection';
export type PageRequest = RequestOf<PageRequestType>;

/** Longest entity id a request may carry (as in lib/messages.ts). */
const MAX_ID_CHARS = 200;

function hasOnlyKeys(value: object, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && own.every((k) => keys.includes(k));
}

/** The validated request, or null when the payload is not one the page answers. */
export function parsePageRequest(raw: unknown): PageRequest | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  switch (r.type) {
    case 'page:status':
    case 'page:mark-anyway':
    case 'highlight:save-selection':
      return hasOnlyKeys(r, ['type']) ? { type: r.type } : null;
    case 'page:reveal':
      return hasOnlyKeys(r, ['type', 'id']) &&
        typeof r.id === 'string' &&
        r.id.length > 0 &&
        r.id.length <= MAX_ID_CHARS
        ? { type: 'page:reveal', id: r.id }
        : null;
    default:
      return null;
  }
}

export type PageHandlers = {
  [T in PageRequestType]?: (request: RequestOf<T>) => ResponseFor<T> | Promise<ResponseFor<T>>;
};

/** The handlers registered in this bundle (listenInPage). */
const registered = new Set<PageHandlers>();

/**
 * Registers handlers for the page's requests, answered through
 * dispatchPageRequest: the scout's one runtime listener (listenOnRuntime)
 * takes every request and hands it on, so a request is answered once, even
 * while the page lens or the UI script is starting.
 */
export function listenInPage(handlers: PageHandlers): () => void {
  registered.add(handlers);
  return () => void registered.delete(handlers);
}

/**
 * Listens for the page's requests on the runtime: the scout's one listener.
 * Payloads that fail the guards, or that have no handler here, are ignored so
 * another listener may answer them. A handler that throws answers with nothing
 * (never an error thrown into the page).
 */
export function listenOnRuntime(handlers: PageHandlers): () => void {
  const listener = (raw: unknown, _sender: unknown, sendResponse?: (answer: unknown) => void) => {
    const request = parsePageRequest(raw);
    if (!request) return undefined;
    const handler = handlerFor(handlers, request);
    if (!handler) return undefined;
    const answer = Promise.resolve().then(() => handler(request));
    // Without the polyfill (native-browser.ts) Chromium needs sendResponse and `true`; a
    // listener called without sendResponse (the test double) gets the promise.
    if (typeof sendResponse !== 'function') return answer;
    answer.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

function handlerFor(handlers: PageHandlers, request: PageRequest): ((r: PageRequest) => unknown) | undefined {
  return handlers[request.type] as ((r: PageRequest) => unknown) | undefined;
}

/**
 * Answers a request the scout took (see listenInPage): the first
 * registered handler for its type, as the runtime would have chosen;
 * undefined when none answers it here.
 */
export function dispatchPageRequest(request: PageRequest): Promise<unknown> | undefined {
  for (const handlers of registered) {
    const handler = handlerFor(handlers, request);
    if (handler) return Promise.resolve().then(() => handler(request));
  }
  return undefined;
}
