/**
 * Relevance: a lens for pages about Russia and China. Core entities are about
 * Russia, China or their relations; context entities (the United States, the
 * EU, India, …) matter only in that context. A page shows marks only when it
 * names enough different core entities (one place name alone — a Moscow
 * council in Idaho, a restaurant called Peking — does not make a page about
 * Russia or China) unless it names that one often (a page about Beijing),
 * and its context entities only when core mentions are frequent too. The
 * counts are the page's core mentions as the probes of its text find them
 * (scan-service.ts `coreCounts`), nested ones included, and a country's
 * demonyms beside another country named in full ("Chinese companies" on a
 * page that names Russia: `demonyms` in rules.json), so the verdict does
 * not depend on density settings or on which marks are on screen. Counts
 * only grow as more text is read, and so do both verdicts: reading stops once
 * the page is found to be about Russia or China. Pure module.
 */
import type { Tier } from './rules-schema';

export interface RelevanceRule {
  minCoreEntities: number;
  /** A page that names one core entity at least this often is about it. */
  minOneEntityMentions: number;
  minCoreMentions: number;
}

export interface Relevance {
  /** Mentions of core entities on the page (in the text read until the verdict could not change). */
  core: number;
  /** Different core entities named on the page (likewise). */
  coreEntities: number;
  /** Whether the page is for this lens at all: marks are shown. */
  shown: boolean;
  /** Whether the page is about Russia or China: context entities are marked too. */
  about: boolean;
}

/**
 * Mentions of core entities counted per id (as the probe answers them), judged
 * by `rule`. A `fragment` (a frame inside a page: an embed, a widget) is too
 * short to name several entities; one is enough there.
 */
export function relevanceFromCounts(
  counts: Readonly<Record<string, number>>,
  rule: RelevanceRule,
  fragment = false,
): Relevance {
  let core = 0;
  let coreEntities = 0;
  let most = 0;
  for (const n of Object.values(counts)) {
    if (n <= 0) continue;
    core += n;
    coreEntities++;
    most = Math.max(most, n);
  }
  const shown = coreEntities >= (fragment ? 1 : rule.minCoreEntities) || most >= rule.minOneEntityMentions;
  return { core, coreEntities, shown, about: shown && core >= rule.minCoreMentions };
}

/** Adds `more` into `into` (counts of several probes of one page). */
export function addCounts(into: Record<string, number>, more: Readonly<Record<string, number>>): void {
  for (const [id, n] of Object.entries(more)) into[id] = (into[id] ?? 0) + n;
}

/** Whether a mention of `id` may be marked on a page judged `relevance`. */
export function admitted(id: string, relevance: Relevance, tierOf: (id: string) => Tier): boolean {
  if (!relevance.shown) return false;
  return relevance.about || tierOf(id) === 'core';
}
