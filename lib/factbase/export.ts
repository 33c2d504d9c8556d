/**
 * The public JSON shape of the fact base (`npm run factbase -- --json`): one
 * record per entity with a fixed set of keys, so outside tools can rely on it.
 * Pure module.
 */
import type { Entity, Source } from './schema';

export interface ExportedSource {
  kind: Source['kind'];
  quote: string;
  url?: string;
  title?: string;
}

export interface ExportedEntity {
  id: string;
  name: string;
  type: Entity['type'];
  topics: Entity['topics'];
  aliases: string[];
  summary: string;
  facts: { text: string; asOf: string; source: ExportedSource }[];
  related: string[];
}

function exportSource(source: Source): ExportedSource {
  if (source.kind === 'seed') return { kind: 'seed', quote: source.quote };
  return { kind: 'web', quote: source.quote, url: source.url, title: source.title };
}

/** Copies only the public fields, in a fixed key order. */
export function exportEntity(entity: Entity): ExportedEntity {
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    topics: [...entity.topics],
    aliases: [...entity.aliases],
    summary: entity.summary,
    facts: entity.facts.map((f) => ({ text: f.text, asOf: f.asOf, source: exportSource(f.source) })),
    related: [...entity.related],
  };
}
