import type { PageState, ScanResult } from '../detect/types';
import { sendRequest } from '../platform/send';
import type { Scanner } from './annotator';

/** The result of a text where nothing was found (shared: the annotator only reads results). */
const NOTHING: ScanResult = Object.freeze({ mentions: [], pending: [], deferred: [] }) as unknown as ScanResult;

/**
 * The background's detector as the annotator's scanner: one `detect:scan`
 * request per slice, carrying the page's memory of full names there and back.
 * Topics of the entities found are kept for the settings filters.
 */
export function backgroundScanner(send = sendRequest): Scanner {
  const topics = new Map<string, readonly string[]>();
  return {
    async scanMany(texts: string[], page: PageState): Promise<ScanResult[]> {
      const answer = await send({
        type: 'detect:scan',
        text: texts.join(''),
        lengths: texts.map((t) => t.length),
        seen: [...page.seen],
      });
      for (const id of answer.seen) page.seen.add(id);
      for (const [id, list] of Object.entries(answer.topics)) topics.set(id, list);
      const results: ScanResult[] = texts.map(() => NOTHING);
      for (const { at, mentions, pending, deferred } of answer.found) {
        if (at >= 0 && at < results.length) results[at] = { mentions, pending, deferred };
      }
      return results;
    },
    topicsOf: (id) => topics.get(id) ?? [],
  };
}
