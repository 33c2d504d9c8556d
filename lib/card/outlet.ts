/**
 * Which outlet of the fact base publishes the site being read, matched by the
 * host names its record lists (`hosts`), and the short line the popup shows
 * about it: the first sentence of its summary, as the fact base words it.
 * Pure module: the hosts are data, never code.
 */
import type { Entity } from '../factbase/schema';
import { splitSentences } from '../figures/sentences';

/**
 * The entity whose `hosts` include `hostname` or one of its parent domains
 * ("www.tass.com" → tass.com); the longest matching host wins
 * ("en.people.cn" over "people.cn"). Undefined when none does.
 */
export function outletFor(hostname: string, entities: Iterable<Entity>): Entity | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  let best: Entity | undefined;
  let length = 0;
  for (const entity of entities) {
    for (const h of entity.hosts ?? []) {
      if ((host === h || host.endsWith(`.${h}`)) && h.length > length) {
        best = entity;
        length = h.length;
      }
    }
  }
  return best;
}

/** The first sentence of a text ("Russia's government-owned news agency."). */
export function firstSentence(text: string): string {
  const first = splitSentences(text)[0];
  return first ? text.slice(first.start, first.end) : text.trim();
}
