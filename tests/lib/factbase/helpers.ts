/** Shared file access for the fact-base data tests (Node only). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Entity, Source } from '../../../lib/factbase/schema';

export const FACTBASE_DIR = resolve(__dirname, '../../../assets/factbase');
/** The dossier lives next to the repository (../shared/dossier); it is read, never copied. */
export const DOSSIER_DIR = resolve(__dirname, '../../../../shared/dossier');

export function readText(file: string): string {
  return readFileSync(resolve(FACTBASE_DIR, file), 'utf8');
}

export function readJson(file: string): unknown {
  return JSON.parse(readText(file)) as unknown;
}

export function readSeed(): string {
  return readFileSync(resolve(DOSSIER_DIR, 'seed-article.txt'), 'utf8');
}

export function readDossierIds(): string[] {
  const data = JSON.parse(readFileSync(resolve(DOSSIER_DIR, 'entities.json'), 'utf8')) as { id: string }[];
  return data.map((e) => e.id);
}

/** The canonical form of a data file: two-space JSON, raw non-ASCII, one final newline. */
export function canonical(data: unknown): string {
  return JSON.stringify(data, null, 2) + '\n';
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Every source of an entity, facts and series points, with where it stands (for messages). */
export function sourcesOf(entity: Entity): { where: string; source: Source }[] {
  const out = entity.facts.map((f, i) => ({ where: `${entity.id} facts.${i}`, source: f.source }));
  for (const [s, series] of (entity.series ?? []).entries()) {
    for (const [p, point] of series.points.entries()) {
      out.push({ where: `${entity.id} series.${s}.points.${p}`, source: point.source });
    }
  }
  return out;
}
