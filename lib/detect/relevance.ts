/**
 * Relevance: a lens for pages about Russia and China. Core entities are about
 * Russia, China or their relations; context entities (the United States, the
 * EU, India, …) matter only in that context. A page whose text names no core
 * entity gets no marks at all; context entities are marked only where the
 * page names core entities at least `minCore` times. Counting is over every
 * mention the page's detection found, nested ones included, so the verdict
 * does not depend on density settings or on which marks are on screen.
 * Pure module.
 */
import type { Tier } from './rules-schema';

export interface Relevance {
  /** Mentions of core entities on the page. */
  core: number;
  /** Whether the page is about Russia or China: context entities are marked too. */
  about: boolean;
}

export function relevanceOf(
  mentions: Iterable<{ id: string }>,
  tierOf: (id: string) => Tier,
  minCore: number,
): Relevance {
  let core = 0;
  for (const m of mentions) if (tierOf(m.id) === 'core') core++;
  return { core, about: core >= minCore };
}

/** Whether a mention of `id` may be marked on a page judged `relevance`. */
export function admitted(id: string, relevance: Relevance, tierOf: (id: string) => Tier): boolean {
  if (relevance.core === 0) return false;
  return relevance.about || tierOf(id) === 'core';
}

/** The mentions a page of this relevance shows (all of them when `anyway`, as the reader may ask). */
export function filterByRelevance<M extends { id: string }>(
  mentions: readonly M[],
  tierOf: (id: string) => Tier,
  minCore: number,
  anyway = false,
): M[] {
  if (anyway) return [...mentions];
  const relevance = relevanceOf(mentions, tierOf, minCore);
  return mentions.filter((m) => admitted(m.id, relevance, tierOf));
}
