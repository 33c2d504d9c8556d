/**
 * Settles the candidates that the cheap rules of `scan` left open, with
 * compromise's part-of-speech and named-entity tags on each candidate's
 * sentence window only (compromise never reads a whole page). Runs in the
 * background service worker and in the command-line tool — never in the
 * content script, whose bundle must stay small. Pure module.
 *
 * Decisions:
 * - Words of another sense anywhere in the window reject (context-rules.ts).
 * - Roman numerals: a one-word match tagged #RomanNumeral right after a noun
 *   ("LOUIS XI") is rejected.
 * - Headlines in capitals are re-tagged in lower case: "us" after a verb or a
 *   preposition ("JOIN US") is the pronoun, not the country.
 * - In running text a one-word match that compromise reads as a verb,
 *   adjective, pronoun or other function word, and not as a name, is rejected
 *   ("Trump cards win tricks").
 * - `proper-noun` aliases are then accepted; `context` aliases also need
 *   support in the window besides the match: the entity's own supporting words
 *   where it has them, otherwise words of the China–Russia domain.
 */
import { loadNlp } from './nlp-loader';
import { DOMAIN_WORDS, ENTITY_CONTEXT, PhraseSet } from './context-rules';
import type { Candidate } from './types';

const domainWords = new PhraseSet(DOMAIN_WORDS);
const NAME_TAGS = ['ProperNoun', 'Person', 'Place', 'Organization', 'Acronym', 'Country', 'City'];
const COMMON_TAGS = ['Verb', 'Pronoun', 'Adjective', 'Determiner', 'Preposition', 'Conjunction', 'Adverb'];

interface TermInfo {
  text: string;
  tags: string[];
  start: number;
  end: number;
}

interface JsonTerm {
  text: string;
  tags?: string[];
  offset?: { start: number; length: number };
}

function terms(text: string): TermInfo[] {
  const json = loadNlp()(text).json({ offset: true, terms: { offset: true } }) as { terms: JsonTerm[] }[];
  const out: TermInfo[] = [];
  for (const sentence of json) {
    for (const t of sentence.terms) {
      if (!t.offset) continue;
      out.push({ text: t.text, tags: t.tags ?? [], start: t.offset.start, end: t.offset.start + t.offset.length });
    }
  }
  return out;
}

/** Terms overlapping [start, end) and the term just before. */
function termsAt(list: TermInfo[], start: number, end: number): { hit: TermInfo[]; before: TermInfo | undefined } {
  const hit: TermInfo[] = [];
  let before: TermInfo | undefined;
  for (const t of list) {
    if (t.end <= start) before = t;
    else if (t.start < end) hit.push(t);
  }
  return { hit, before };
}

const has = (t: TermInfo | undefined, tags: readonly string[]) => !!t && tags.some((tag) => t.tags.includes(tag));

function hasLowerCase(s: string): boolean {
  return /\p{Ll}/u.test(s);
}

/** Decides one candidate. */
export function resolveOne(c: Candidate): boolean {
  const start = c.start - c.contextStart;
  const end = c.end - c.contextStart;
  if (start < 0 || end > c.context.length) return false;
  const spec = ENTITY_CONTEXT[c.id];
  const without = c.context.slice(0, start) + ' '.repeat(end - start) + c.context.slice(end);
  if (new PhraseSet([...(spec?.not ?? []), ...(spec?.namesake ?? [])]).test(without)) return false;

  const headline = !hasLowerCase(c.context);
  const singleWord = !/\s/.test(c.text.trim());
  if (singleWord) {
    const tagged = terms(c.context);
    const { hit, before } = termsAt(tagged, start, end);
    if (hit.length === 0) return false;
    const head = hit[0]!;
    // A Roman numeral right after a name or noun: "LOUIS XI", "SUPER BOWL XI".
    if (head.tags.includes('RomanNumeral') && before && has(before, ['Noun']) && !has(before, ['Verb'])) return false;
    if (headline) {
      // Re-read the headline in lower case: an object pronoun follows a verb or preposition ("JOIN US").
      const re = termsAt(terms(c.context.toLowerCase()), start, end);
      const h = re.hit[0];
      if (h && has(h, ['Pronoun']) && has(re.before, ['Verb', 'Preposition'])) return false;
      if (h && has(h, ['Determiner', 'Preposition', 'Conjunction'])) return false;
    } else {
      const isName = hit.some((t) => has(t, NAME_TAGS));
      if (!isName && hit.some((t) => has(t, COMMON_TAGS))) return false;
    }
  }

  if (c.rule === 'proper-noun' && !spec?.yes && !spec?.domain) return true;
  // An entity with its own supporting words needs them; others need the domain named nearby.
  const yes = new PhraseSet(spec?.yes ?? []);
  return yes.size > 0 ? yes.test(without) : domainWords.test(without);
}

/**
 * Makes the tagger ready ahead of the first request (in the extension it is
 * evaluated on first use, which is slow): for when candidates are on their way.
 */
export function warmResolver(): void {
  loadNlp();
}

/** One boolean per candidate: accept? */
export function resolveWithNlp(pending: Candidate[]): boolean[] {
  return pending.map((c) => {
    try {
      return resolveOne(c);
    } catch {
      return false; // a candidate the tagger cannot read is not a mention
    }
  });
}
