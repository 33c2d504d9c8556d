/**
 * The background's side of `detect:scan`: one detector for the whole
 * extension, built on first use, scanning the text blocks a page sends. The
 * page's memory of full names (`PageState.seen`) travels with each request,
 * so the background keeps nothing per page.
 */
import type { ResponseFor } from '../messages';
import { aliasTable } from './bundled-table';
import { createDetector, settleDeferred, type Detector } from './detector';
import { RELEVANCE } from './rules';
import type { PageState, ScanResult } from './types';

let shared: Detector | null = null;

/** The extension's detector over the bundled alias table (built once, on first use). */
export function sharedDetector(): Detector {
  return (shared ??= createDetector(aliasTable));
}

/** Cuts the joined text of a `detect:scan` request back into its blocks. */
export function splitTexts(text: string, lengths: readonly number[]): string[] {
  const texts: string[] = [];
  let at = 0;
  for (const n of lengths) {
    texts.push(text.slice(at, at + n));
    at += n;
  }
  return texts;
}

/** Whether one text's scan found anything: a mention, an uncertain candidate or a waiting short form. */
function foundAny({ mentions, pending, deferred }: ScanResult): boolean {
  return mentions.length + pending.length + deferred.length > 0;
}

export function scanTexts(
  texts: readonly string[],
  seen: readonly string[],
  detector = sharedDetector(),
  date?: string,
): ResponseFor<'detect:scan'> {
  const page: PageState = { seen: new Set(seen) };
  if (date !== undefined) page.date = date;
  const topics: Record<string, readonly string[]> = {};
  const note = (id: string) => {
    if (!(id in topics)) topics[id] = detector.topicsOf(id);
  };
  const found: ResponseFor<'detect:scan'>['found'] = [];
  texts.forEach((text, at) => {
    const result = detector.scan(text, page);
    if (!foundAny(result)) return;
    const { mentions, pending, deferred, nested } = result;
    for (const m of mentions) note(m.id);
    for (const c of pending) note(c.id);
    for (const m of nested) note(m.id);
    // A short form waits only for its entity: its context would be dead weight in the answer.
    // Nested short forms stay here: the page marks outer phrases only.
    const waiting = deferred.filter((c) => !c.nested).map((c) => ({ ...c, context: '', contextStart: 0 }));
    for (const c of waiting) note(c.id);
    found.push({ at, mentions, pending, deferred: waiting, nested });
  });
  const context = Object.keys(topics).filter((id) => detector.tierOf(id) === 'context');
  return { found, seen: [...page.seen], topics, context };
}

/**
 * `textContent` runs the page's blocks together ("…the SummitXi said"): a
 * space where a lower-case letter meets a capital, before the last capital of
 * a run followed by a lower-case letter ("NATOPutin"), and between letters
 * and digits gives the names their word boundaries back. It may split a word
 * that was whole ("McDonald"): the probe scans both texts.
 */
export function separateRunTogether(text: string): string {
  return text.replace(
    /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{Nd})|(?<=\p{Nd})(?=\p{L})/gu,
    ' ',
  );
}

/**
 * Mentions of core entities in a page's text read the cheap way (blocks run
 * together, so they are separated first), per entity id: what the relevance
 * rule (relevance.ts) judges a page by. Certain mentions, names nested in
 * phrases and short forms whose full name the text holds count; uncertain
 * candidates do not (the resolver is for marks, not for this verdict).
 */
export function coreCounts(text: string, detector = sharedDetector(), overlap = 0): Record<string, number> {
  const page: PageState = { seen: new Set() };
  // Separating words adds characters: the overlap is measured on the separated text's start.
  const from = overlap > 0 ? separateRunTogether(text.slice(0, overlap)).length : 0;
  const { mentions, nested, deferred } = detector.scan(separateRunTogether(text), page);
  const counts: Record<string, number> = {};
  for (const m of [...mentions, ...nested, ...settleDeferred(deferred, page)]) {
    // A name wholly inside the overlap was counted with the text before.
    if (m.end <= from) continue;
    if (detector.tierOf(m.id) === 'core') counts[m.id] = (counts[m.id] ?? 0) + 1;
  }
  return counts;
}

/**
 * The background's side of `detect:probe`: whether a page's text, read the
 * cheap way, holds any candidate at all, certain or not. False only when the
 * full pass would find nothing in it either.
 */
export function holdsCandidate(text: string, detector = sharedDetector()): boolean {
  const holdsAny = (t: string) => foundAny(detector.scan(t, { seen: new Set() }));
  // Piece by piece, so a page that names something early is settled without scanning the rest
  // (on a worker that just started, every scan also builds the matcher parts it meets).
  for (let at = 0; at < text.length; at += PROBE_PIECE - PROBE_PIECE_OVERLAP) {
    const piece = text.slice(at, at + PROBE_PIECE);
    if (holdsAny(piece)) return true;
    const separated = separateRunTogether(piece);
    if (separated !== piece && holdsAny(separated)) return true;
    if (at + PROBE_PIECE >= text.length) break;
  }
  return false;
}

/** The whole answer to `detect:probe`: candidates at all, and what the relevance rule needs. */
export function probeAnswer(text: string, overlap = 0, detector = sharedDetector()): ResponseFor<'detect:probe'> {
  return { hit: holdsCandidate(text, detector), core: coreCounts(text, detector, overlap), rule: RELEVANCE };
}

/** Characters the probe scans at a time, and the overlap between pieces (longer than any name). */
export const PROBE_PIECE = 16_000;
export const PROBE_PIECE_OVERLAP = 200;
