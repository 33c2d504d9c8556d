/**
 * Which fact-base entity a free-text tag names, if any. A tag matches an
 * entity's id, name, native names or any of its aliases, ignoring case,
 * Unicode compatibility forms, curly or straight apostrophes, and whether
 * words are joined by spaces, hyphens or underscores (tagging tools often
 * forbid spaces). A tag that
 * two entities share is ambiguous and names neither. Pure module.
 */

export interface TaggableEntity {
  id: string;
  name: string;
  aliases: readonly string[];
  native?: { ru?: string; zh?: string };
}

/** The form tags and aliases are compared in. */
export function tagKey(tag: string): string {
  return tag
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/gu, "'")
    .replace(/[\s_\-‐‑‒–—]+/gu, ' ')
    .trim();
}

export type TagResolver = (tag: string) => string | null;

export function entityTagResolver(entities: readonly TaggableEntity[]): TagResolver {
  const owners = new Map<string, Set<string>>();
  for (const e of entities) {
    for (const name of [e.id, e.name, ...e.aliases, e.native?.ru, e.native?.zh]) {
      if (!name) continue;
      const key = tagKey(name);
      if (!key) continue;
      let ids = owners.get(key);
      if (!ids) owners.set(key, (ids = new Set()));
      ids.add(e.id);
    }
  }
  return (tag) => {
    const ids = owners.get(tagKey(tag));
    return ids?.size === 1 ? ids.values().next().value! : null;
  };
}

/** A resolver that knows no entities (every tag stays a tag). */
export const noEntityTags: TagResolver = () => null;
