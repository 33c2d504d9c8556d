/**
 * Fact-base search for the options page: matches the query against an
 * entity's name, every alias and its Russian and Chinese names, in any script,
 * ignoring case, accents and width differences. Pure module.
 */
import type { Entity } from '../../lib/factbase/schema';

/** Folds case, compatibility forms (full-width letters) and Latin accents; keeps ё/й and CJK intact. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('und')
    .replace(/ё/g, 'е')
    .normalize('NFD')
    .replace(/(?<=[a-z])[\u0300-\u036f]+/g, '')
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

export function entityTerms(entity: Entity): string[] {
  return [entity.name, ...entity.aliases, entity.native.ru, entity.native.zh].filter(
    (x): x is string => typeof x === 'string',
  );
}

/** Entities whose names contain the query, those whose names start with it first; all entities for an empty query. */
export function searchEntities(entities: readonly Entity[], query: string): Entity[] {
  const q = foldForSearch(query);
  if (!q) return [...entities];
  const scored: { entity: Entity; rank: number }[] = [];
  for (const entity of entities) {
    let rank = -1;
    for (const term of entityTerms(entity)) {
      const folded = foldForSearch(term);
      if (folded === q) rank = Math.max(rank, 2);
      else if (folded.startsWith(q)) rank = Math.max(rank, 1);
      else if (folded.includes(q)) rank = Math.max(rank, 0);
    }
    if (rank >= 0) scored.push({ entity, rank });
  }
  return scored.sort((a, b) => b.rank - a.rank || a.entity.name.localeCompare(b.entity.name)).map((s) => s.entity);
}
