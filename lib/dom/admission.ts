/**
 * Which marks may go on the page: the reader's settings (site on, topic on,
 * entity not hidden), the page's relevance (context entities only on a page
 * about Russia or China, unless the reader asked for marks anyway) and
 * density (how many marks of one entity). Verdicts per entity are cached
 * until the settings or the relevance change (`forget`).
 */
import { isEntityShown, type Settings } from '../settings/model';
import type { MarkWriter } from './mark-writer';

/** The relevance verdict on the page (lib/detect/relevance.ts), or the reader's "mark anyway". */
export interface PageRelevance {
  shown: boolean;
  about: boolean;
  /** The reader asked for marks whatever the verdict. */
  anyway?: boolean;
}

export interface AdmissionDeps {
  hostname: string;
  settings(): Settings | null;
  relevance(): PageRelevance | null;
  topicsOf(id: string): readonly string[];
  /** Whether an entity is of the context tier (lib/detect/relevance.ts). */
  isContext?(id: string): boolean;
  /** The marks written so far, which density counts. */
  writer: Pick<MarkWriter, 'hasRoom' | 'reserve'>;
}

/** Marks of one entity the density setting allows. */
export function quotaOf(settings: Settings): number {
  const { mode, n } = settings.density;
  if (mode === 'all') return Infinity;
  if (mode === 'first-n') return Math.max(1, n);
  return 1;
}

export class Admission {
  readonly #shown = new Map<string, boolean>();

  constructor(private readonly deps: AdmissionDeps) {}

  /** The settings or the relevance changed: verdicts are judged afresh. */
  forget(): void {
    this.#shown.clear();
  }

  /** Whether an entity may be marked on this page at all (nothing yet while settings or relevance are unknown). */
  shown(id: string): boolean {
    const settings = this.deps.settings();
    const relevance = this.deps.relevance();
    if (!settings || !relevance) return false;
    let known = this.#shown.get(id);
    if (known === undefined) {
      const relevant =
        relevance.anyway === true || (relevance.shown && (relevance.about || this.deps.isContext?.(id) !== true));
      known = relevant && isEntityShown(settings, this.deps.hostname, { id, topics: this.deps.topicsOf(id) });
      this.#shown.set(id, known);
    }
    return known;
  }

  /** Whether one more mark of this entity may go on the page (reserves nothing; see `admit`). */
  hasRoom(id: string): boolean {
    const settings = this.deps.settings();
    return !!settings && this.shown(id) && this.deps.writer.hasRoom(id, quotaOf(settings));
  }

  /** Whether one more mark of this entity may go on the page; if so, reserves its place. */
  admit(id: string): boolean {
    if (!this.hasRoom(id)) return false;
    this.deps.writer.reserve(id);
    return true;
  }
}
