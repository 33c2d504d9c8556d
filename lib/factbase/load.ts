/**
 * Assembles the fact base from its JSON files: every file is validated against
 * the schema, then the files are checked together (unique ids, sorted files,
 * resolvable `related` ids, disambiguation rules on shared aliases).
 * Pure module: the caller supplies the parsed JSON.
 */
import { FactbaseError, parseEntities, parseMeta, type Entity, type Meta } from './schema';

export interface Factbase {
  meta: Meta;
  /** All entities of all files, sorted by id. */
  entities: Entity[];
  byId: Map<string, Entity>;
}

/** Where an entity came from, for error messages. */
interface Located {
  file: string;
  entity: Entity;
}

/**
 * Validates `meta` and every entity file (`files` maps a file name to its parsed
 * JSON) and returns the merged fact base. Throws a {@link FactbaseError} that
 * names the file, the entity id and the field of the first problem found.
 */
export function loadFactbase(meta: unknown, files: Record<string, unknown>): Factbase {
  const parsedMeta = parseMeta(meta);
  const located: Located[] = [];

  for (const [file, data] of Object.entries(files)) {
    const entities = parseEntities(data, file);
    for (let i = 1; i < entities.length; i++) {
      const prev = entities[i - 1]!;
      const cur = entities[i]!;
      if (prev.id >= cur.id) {
        throw new FactbaseError(`${file}: entity "${cur.id}", field "id": not sorted by id (comes after "${prev.id}")`);
      }
    }
    for (const entity of entities) located.push({ file, entity });
  }

  const byId = new Map<string, Entity>();
  const fileOf = new Map<string, string>();
  for (const { file, entity } of located) {
    const earlier = fileOf.get(entity.id);
    if (earlier !== undefined) {
      throw new FactbaseError(`${file}: entity "${entity.id}", field "id": duplicate id (also in ${earlier})`);
    }
    byId.set(entity.id, entity);
    fileOf.set(entity.id, file);
  }

  for (const { file, entity } of located) {
    entity.related.forEach((rel, index) => {
      if (rel === entity.id) {
        throw new FactbaseError(`${file}: entity "${entity.id}", field "related.${index}": refers to itself`);
      }
      if (!byId.has(rel)) {
        throw new FactbaseError(`${file}: entity "${entity.id}", field "related.${index}": unknown id "${rel}"`);
      }
    });
  }

  checkSharedAliases(located);

  const entities = located.map((l) => l.entity).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { meta: parsedMeta, entities, byId };
}

/** An alias used by two or more entities must carry a disambiguation entry in each of them. */
function checkSharedAliases(located: Located[]): void {
  const owners = new Map<string, Located[]>();
  for (const l of located) {
    for (const alias of l.entity.aliases) {
      const list = owners.get(alias);
      if (list) list.push(l);
      else owners.set(alias, [l]);
    }
  }
  for (const [alias, list] of owners) {
    if (list.length < 2) continue;
    for (const { file, entity } of list) {
      if (!entity.disambiguation.some((d) => d.alias === alias)) {
        const others = list
          .filter((o) => o.entity.id !== entity.id)
          .map((o) => o.entity.id)
          .join(', ');
        const index = entity.aliases.indexOf(alias);
        throw new FactbaseError(
          `${file}: entity "${entity.id}", field "aliases.${index}": alias "${alias}" is shared with ${others} and needs a disambiguation entry`,
        );
      }
    }
  }
}
