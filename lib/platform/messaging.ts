/**
 * Browser glue for lib/messages.ts in the background and extension pages:
 * typed send and a listener that validates every payload with the full
 * schema. The content script listens through page-messaging.ts instead.
 */
import { browser } from 'wxt/browser';
import { parseRequest, type Request, type RequestOf, type RequestType, type ResponseFor } from '../messages';

export { sendRequest, sendToTab } from './send';

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
