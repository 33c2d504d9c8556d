/**
 * Sending our requests. Kept apart from the validating listener
 * (messaging.ts) so the content script can send without pulling in the
 * schema library.
 */
import { browser } from 'wxt/browser';
import type { RequestOf, RequestType, ResponseFor } from '../messages';

/** Sends a request to the background (or to extension pages). */
export async function sendRequest<T extends RequestType>(request: RequestOf<T>): Promise<ResponseFor<T>> {
  return (await browser.runtime.sendMessage(request)) as ResponseFor<T>;
}

/** Sends a request to the content script of one tab (its top frame). */
export async function sendToTab<T extends RequestType>(tabId: number, request: RequestOf<T>): Promise<ResponseFor<T>> {
  return (await browser.tabs.sendMessage(tabId, request, { frameId: 0 })) as ResponseFor<T>;
}
