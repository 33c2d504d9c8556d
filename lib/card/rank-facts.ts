/**
 * Orders a card's facts for the page being read: first the facts that link
 * this entity to others named on the page (the fact's text names one of them;
 * entities the fact base lists as related come first among those), then the
 * facts dated near the article's date, then the rest in the fact base's order.
 * Each fact is also placed before or after the article's date. Pure module.
 */
import type { Entity, Fact } from '../factbase/schema';
import { daysApart, placeFact, type Relative } from './date-placement';

/** Another entity named on the page, with the names it can be written as (its name and aliases). */
export interface PageEntity {
  id: string;
  names: readonly string[];
}

/** What the page tells a card: its date and the other entities named on it. */
export interface CardPageFacts {
  /** The article's date (YYYY-MM-DD or YYYY-MM). */
  date?: string;
  entities?: readonly PageEntity[];
}

export interface PlacedFact {
  fact: Fact;
  /** Undefined when the article's date is unknown. */
  relative?: Relative;
  /** Ids of the page's entities the fact names. */
  links: string[];
}

/** A fact dated within this many days of the article counts as near it (about a year either side). */
export const NEAR_ARTICLE_DAYS = 366;

const patterns = new Map<string, RegExp>();

/**
 * Whether `text` names `name` as a whole word. A name written with capitals
 * must match exactly ("RT", not "art"; "Xi", not "xi"); one in lower case
 * ("yuan") also matches at the start of a sentence.
 */
export function namesIn(text: string, name: string): boolean {
  let re = patterns.get(name);
  if (!re) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, name === name.toLowerCase() ? 'iu' : 'u');
    patterns.set(name, re);
  }
  return re.test(text);
}

/** The entity's facts in the order for this page, each placed against the article's date. */
export function arrangeFacts(entity: Entity, page: CardPageFacts = {}): PlacedFact[] {
  const others = (page.entities ?? []).filter((e) => e.id !== entity.id);
  const ranked = entity.facts.map((fact, index) => {
    const links = others.filter((o) => o.names.some((n) => n.length > 1 && namesIn(fact.text, n))).map((o) => o.id);
    const apart = page.date === undefined ? Infinity : daysApart(fact.asOf, page.date);
    return {
      placed: { fact, relative: placeFact(fact.asOf, page.date), links },
      tier: links.length > 0 ? 0 : apart <= NEAR_ARTICLE_DAYS ? 1 : 2,
      related: links.filter((id) => entity.related.includes(id)).length,
      apart,
      index,
    };
  });
  ranked.sort(
    (a, b) =>
      a.tier - b.tier ||
      b.related - a.related ||
      b.placed.links.length - a.placed.links.length ||
      (a.tier === 2 ? 0 : a.apart - b.apart || 0) ||
      a.index - b.index,
  );
  return ranked.map((r) => r.placed);
}
