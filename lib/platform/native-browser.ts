/**
 * Stands in for webextension-polyfill in the content script's bundle only
 * (wxt.config.ts aliases it there): the browser's own promise-based extension
 * API, Firefox's `browser` or Chromium's Manifest V3 `chrome`. The content
 * script uses only calls whose native form returns promises (sendMessage,
 * storage, connect, i18n); its message listener answers through
 * `sendResponse` (page-messaging.ts), which both browsers support natively.
 * The background and the extension pages keep the polyfill.
 */
const scope = globalThis as unknown as { browser?: { runtime?: { id?: string } }; chrome?: unknown };

export default scope.browser?.runtime?.id ? scope.browser : scope.chrome;
