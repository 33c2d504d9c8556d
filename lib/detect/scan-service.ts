/**
 * The background's side of `detect:scan`: one detector for the whole
 * extension, built on first use, scanning the text blocks a page sends. The
 * page's memory of full names (`PageState.seen`) travels with each request,
 * so the background keeps nothing per page.
 */
import type { RequestOf, ResponseFor } from '../messages';
import { aliasTable } from './bundled-table';
import { createDetector, settleDeferred, type Detector } from './detector';
import { DEMONYMS, RELEVANCE } from './rules';
import { MAX_ABBREVIATIONS } from './scan-limits';
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

/** Answers a `detect:scan` request: its blocks scanned with the page memory it carries. */
export function answerScan(request: RequestOf<'detect:scan'>, detector = sharedDetector()): ResponseFor<'detect:scan'> {
  if (request.readAhead) return readAhead(request, detector);
  return scanTexts(
    splitTexts(request.text, request.lengths),
    request.seen,
    detector,
    request.date,
    request.abbreviations,
    request.namesakes,
  );
}

/**
 * A text read ahead of the marking pass: scanned only for the page memory it
 * gives (names in full that short forms wait for, abbreviations, namesakes).
 * It runs the page's blocks together, so they are separated first, as the
 * probe does; the mentions themselves come with the pass's own request.
 */
function readAhead(request: RequestOf<'detect:scan'>, detector: Detector): ResponseFor<'detect:scan'> {
  const page = pageFrom(request.seen, request.date, request.abbreviations, request.namesakes);
  detector.scan(separateRunTogether(request.text), page);
  return { found: [], ...memoryOf(page), topics: {}, context: [] };
}

/** The page memory a request carries, as the detector keeps it. */
function pageFrom(
  seen: readonly string[],
  date?: string,
  abbreviations: readonly (readonly [string, string])[] = [],
  namesakes: readonly string[] = [],
): PageState {
  const page: PageState = { seen: new Set(seen) };
  if (date !== undefined) page.date = date;
  if (abbreviations.length > 0) page.abbreviations = new Map(abbreviations);
  if (namesakes.length > 0) page.namesakes = new Set(namesakes);
  return page;
}

/** The page memory an answer carries back. */
function memoryOf(page: PageState): Pick<ResponseFor<'detect:scan'>, 'seen' | 'abbreviations' | 'namesakes'> {
  return {
    seen: [...page.seen],
    abbreviations: [...(page.abbreviations ?? [])].slice(0, MAX_ABBREVIATIONS),
    namesakes: [...(page.namesakes ?? [])],
  };
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
  abbreviations: readonly (readonly [string, string])[] = [],
  namesakes: readonly string[] = [],
): ResponseFor<'detect:scan'> {
  const page = pageFrom(seen, date, abbreviations, namesakes);
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
    for (const c of waiting) if (!c.abbreviation) note(c.id);
    found.push({ at, mentions, pending, deferred: waiting, nested });
  });
  const context = Object.keys(topics).filter((id) => detector.tierOf(id) === 'context');
  return { found, ...memoryOf(page), topics, context };
}

/**
 * `textContent` runs the page's blocks together ("…the SummitXi said"): a
 * space where a lower-case letter meets a capital, before the last capital of
 * a run followed by a lower-case letter ("NATOPutin"), and between letters
 * and digits gives the names their word boundaries back. It may split a word
 * that was whole ("McDonald"): the probe scans both texts.
 */
export function separateRunTogether(text: string): string {
  // One loop over the text, by the Unicode classes Ll, Lu, L and Nd: a regular expression with
  // look-behinds on those classes took about as long as scanning the text it separated (each probe
  // and each piece read ahead goes through it; docs/benchmarks.md; the tests compare the two).
  let out = '';
  let from = 0;
  let before: Kind = OTHER;
  let at = 0;
  let kind: Kind = text.length > 0 ? kindAt(text, 0) : OTHER;
  while (at < text.length) {
    const width = codePointWidth(text, at);
    const next = at + width < text.length ? kindAt(text, at + width) : OTHER;
    if (at > 0 && splits(before, kind, next)) {
      out += text.slice(from, at) + ' ';
      from = at;
    }
    before = kind;
    kind = next;
    at += width;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** A code point's class as separating sees it: lower-case, upper-case, another letter, a digit, or none. */
const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const LETTER = 3;
const DIGIT = 4;
type Kind = typeof OTHER | typeof LOWER | typeof UPPER | typeof LETTER | typeof DIGIT;

const isLetter = (k: Kind) => k === LOWER || k === UPPER || k === LETTER;

/** Whether a space goes between a code point of class `before` and one of `kind` (then `next`). */
function splits(before: Kind, kind: Kind, next: Kind): boolean {
  if (before === LOWER && kind === UPPER) return true;
  if (before === UPPER && kind === UPPER && next === LOWER) return true;
  if (kind === DIGIT) return isLetter(before);
  return before === DIGIT && isLetter(kind);
}

/** 2 for a surrogate pair (one code point), else 1. */
function codePointWidth(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const low = text.charCodeAt(at + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

const KINDS = new Map<number, Kind>();

function kindAt(text: string, at: number): Kind {
  const c = text.charCodeAt(at);
  if (c < 128) {
    if (c >= 97 && c <= 122) return LOWER;
    if (c >= 65 && c <= 90) return UPPER;
    if (c >= 48 && c <= 57) return DIGIT;
    return OTHER;
  }
  const code = text.codePointAt(at)!;
  let kind = KINDS.get(code);
  if (kind === undefined) {
    const ch = String.fromCodePoint(code);
    kind = /\p{Ll}/u.test(ch)
      ? LOWER
      : /\p{Lu}/u.test(ch)
        ? UPPER
        : /\p{L}/u.test(ch)
          ? LETTER
          : /\p{Nd}/u.test(ch)
            ? DIGIT
            : OTHER;
    KINDS.set(code, kind);
  }
  return kind;
}

/**
 * Mentions of core entities in a page's text read the cheap way (blocks run
 * together, so they are separated first), per entity id: what the relevance
 * rule (relevance.ts) judges a page by. Certain mentions, names nested in
 * phrases and short forms whose full name the text holds count; uncertain
 * candidates do not (the resolver is for marks, not for this verdict). Names
 * wholly inside the first `overlap` characters were counted with the text before.
 */
export function coreCounts(text: string, detector = sharedDetector(), overlap = 0): Record<string, number> {
  return readProbe(text, detector, overlap).core;
}

/**
 * The background's side of `detect:probe`: whether a page's text, read the
 * cheap way, holds any candidate at all, certain or not (false only when the
 * full pass would find nothing in it either), and its core mentions.
 */
export function probeAnswer(text: string, overlap = 0, detector = sharedDetector()): ResponseFor<'detect:probe'> {
  const { separated, result, core } = readProbe(text, detector, overlap);
  // Separating may split a word that was whole ("McDonald"): the text as read is scanned too when that found nothing.
  const hit = foundAny(result) || (separated !== text && foundAny(detector.scan(text, { seen: new Set() })));
  return { hit, core, rule: RELEVANCE };
}

/** One scan of the separated text: the text, its result, and its core mentions counted as `coreCounts` says. */
function readProbe(
  text: string,
  detector: Detector,
  overlap: number,
): { separated: string; result: ScanResult; core: Record<string, number> } {
  const separated = separateRunTogether(text);
  const page: PageState = { seen: new Set() };
  const result = detector.scan(separated, page);
  // Separating words adds characters: the overlap is measured on the separated text's start.
  const from = overlap > 0 ? separateRunTogether(text.slice(0, overlap)).length : 0;
  const core: Record<string, number> = {};
  for (const m of [...result.mentions, ...result.nested, ...settleDeferred(result.deferred, page)]) {
    if (m.end <= from) continue;
    if (detector.tierOf(m.id) === 'core') core[m.id] = (core[m.id] ?? 0) + 1;
  }
  // A country's demonym ("китайских компаний") names nothing, but beside another of these countries named
  // in full it says the text is about both: it counts for the verdict, never as a mark.
  const named = DEMONYMS.filter((d) => (core[d.id] ?? 0) > 0);
  const read = named.length > 0 ? separated.slice(from) : '';
  for (const d of DEMONYMS) {
    if (!named.some((o) => o.id !== d.id)) continue;
    const n = read.match(d.pattern)?.length ?? 0;
    if (n > 0) core[d.id] = (core[d.id] ?? 0) + n;
  }
  return { separated, result, core };
}
