/** The background's side of `card:get` in WXT's fake browser, for the card host's tests. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cardData } from '../../components/card/fixtures';

/** Answers `card:get` with the fixture card (null for an unknown id), noting each id asked for in `requests`. */
export function answerCardRequests(requests: string[]): void {
  fakeBrowser.runtime.onMessage.addListener((raw: unknown) => {
    const message = raw as { type: string; id: string };
    if (message.type !== 'card:get') return undefined;
    requests.push(message.id);
    try {
      return Promise.resolve(cardData(message.id));
    } catch {
      return Promise.resolve(null);
    }
  });
}
