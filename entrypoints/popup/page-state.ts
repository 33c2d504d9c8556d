/**
 * Works out what the popup can say about a tab: asks its content script for
 * `page:status`, and when nothing answers, names the likely reason from the
 * tab's URL (visible only when the browser exposes it).
 */
import type { PageState, UnavailableReason } from '@/components/popup/Popup';
import { sendToTab } from '@/lib/platform/messaging';

const BROWSER_SCHEMES =
  /^(chrome|chrome-extension|chrome-untrusted|edge|about|view-source|devtools|moz-extension|resource|brave|opera|vivaldi):/i;
const STORE_URLS = [
  /^https:\/\/chromewebstore\.google\.com\//i,
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
  /^https:\/\/addons\.mozilla\.org\//i,
];

function isPdf(url: string): boolean {
  try {
    return /\.pdf$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

export function reasonFromUrl(url: string | undefined): UnavailableReason {
  if (!url) return 'no-answer';
  if (BROWSER_SCHEMES.test(url)) return 'browser-page';
  if (STORE_URLS.some((re) => re.test(url))) return 'web-store';
  if (isPdf(url)) return 'pdf';
  return 'no-answer';
}

export async function readPageState(tabId: number, tabUrl: string | undefined): Promise<PageState> {
  const known = reasonFromUrl(tabUrl);
  if (known !== 'no-answer') return { kind: 'unavailable', reason: known };
  try {
    const status = await sendToTab(tabId, { type: 'page:status' });
    if (!status || typeof status !== 'object' || !Array.isArray(status.entities)) {
      return { kind: 'unavailable', reason: 'no-answer' };
    }
    if (isPdf(status.url) || status.contentType === 'application/pdf') return { kind: 'unavailable', reason: 'pdf' };
    return { kind: 'ready', status };
  } catch {
    return { kind: 'unavailable', reason: 'no-answer' };
  }
}
