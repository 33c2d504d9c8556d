/** Browser glue for lib/messages.ts: typed send and a validating listener. */
import { browser } from 'wxt/browser';
import { parseRequest, type Request, type RequestOf, type RequestType, type ResponseFor } from '../messages';

/** Sends a request to the background (or to extension pages). */
export async function sendRequest<T extends RequestType>(request: RequestOf<T>): Promise<ResponseFor<T>> {
  return (await browser.runtime.sendMessage(request)) as ResponseFor<T>;
}

/** Sends a request to the content script of one tab (its top frame). */
export async function sendToTab<T extends RequestType>(tabId: number, request: RequestOf<T>): Promise<ResponseFor<T>> {
  return (await browser.tabs.sendMessage(tabId, request, { frameId: 0 })) as ResponseFor<T>;
}

export type Handlers = {
  [T in RequestType]?: (
    request: RequestOf<T>,
    sender: { tabId?: number; frameId?: number; url?: string },
  ) => ResponseFor<T> | Promise<ResponseFor<T>>;
};

/**
 * Listens for our requests. Payloads that fail validation, or that have no
 * handler here, are ignored so another listener may answer them.
 */
export function listen(handlers: Handlers): () => void {
  const listener = (raw: unknown, sender: { tab?: { id?: number }; frameId?: number; url?: string }) => {
    const request: Request | null = parseRequest(raw);
    if (!request) return undefined;
    const handler = handlers[request.type] as
      ((r: Request, s: { tabId?: number; frameId?: number; url?: string }) => unknown) | undefined;
    if (!handler) return undefined;
    return Promise.resolve(handler(request, { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url }));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
