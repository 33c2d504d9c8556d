/**
 * Background wiring of saved highlights: the database handlers behind the
 * message protocol, the "Save highlight" context-menu item and the keyboard
 * command, both of which ask the tab's content script to save its selection.
 */
import { browser } from 'wxt/browser';
import { newPageState } from '../detect/page-state';
import { sharedDetector } from '../detect/scan-service';
import { listen } from '../platform/messaging';
import { HighlightsDb } from './highlights-db';
import { highlightHandlers } from './highlights-service';

export const SAVE_MENU_ID = 'lens-save-highlight';
/** Must match the `commands` key in wxt.config.ts. */
export const SAVE_COMMAND = 'save-highlight';

/** Entity ids mentioned in a quote, by the detection engine (built on first use). */
function entitiesOf(text: string): string[] {
  return sharedDetector()
    .scan(text, newPageState())
    .mentions.map((m) => m.id);
}

async function askTabToSave(tabId: number | undefined, frameId = 0): Promise<void> {
  if (tabId === undefined) return;
  try {
    await browser.tabs.sendMessage(tabId, { type: 'highlight:save-selection' }, { frameId });
  } catch {
    // No content script in that tab (browser pages, the web store): nothing to save.
  }
}

/** The one database instance of the extension; other background code (e.g. "delete all my data") may use it. */
export const highlightsDb = new HighlightsDb();

export function startHighlightsBackground(): void {
  listen(highlightHandlers(highlightsDb, { entitiesOf }));

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.remove(SAVE_MENU_ID).catch(() => undefined);
    browser.contextMenus.create({
      id: SAVE_MENU_ID,
      title: browser.i18n.getMessage('hl_menuSave') || 'Save highlight',
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_MENU_ID) void askTabToSave(tab?.id, info.frameId ?? 0);
  });
  browser.commands?.onCommand.addListener(async (command, tab) => {
    if (command !== SAVE_COMMAND) return;
    const target = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    await askTabToSave(target);
  });
}
