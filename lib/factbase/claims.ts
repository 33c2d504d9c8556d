/**
 * Claims and opinions apart: a fact states something a reader can check. A
 * judgement ("authoritarian", "a marriage of convenience", "unprecedented") is
 * only allowed as somebody's attributed view ("The essay argues …", "Blinken
 * called …"). Pure module.
 */

/**
 * Words and phrases that judge rather than state (regular-expression fragments,
 * matched case-insensitively as whole words). Ordinary descriptive uses that
 * overlap are left out on purpose: "key rate", "puppet state", "failed mutiny".
 */
export const JUDGEMENT_TERMS = [
  'authoritarian',
  'aggressive',
  'aggression',
  'unprecedented',
  'marriage of convenience',
  'junior partner',
  'a model (?:for|of)',
  'hawkish',
  'bitter',
  'cheap',
  'vulnerable',
  'hegemon(?:y|ic)?',
  'much[- ]touted',
  'touted',
  'provocative',
  'expansive war',
  'far-reaching',
  'sweeping',
  'dramatic(?:ally)?',
  'remarkabl[ey]',
  'brutal(?:ly)?',
  'landmark',
  'crucial',
  'notorious',
  'infamous',
  'controversial',
  'doomed',
  'ostentatious',
  'staunch',
  'reckless',
  'belligerent',
  'illegal',
  'illegitimate',
  'sham',
  'heroic',
  'glorious',
  'disastrous',
  'catastrophic',
  'humiliat(?:ing|ion)',
  'bully(?:ing)?',
  'hostile',
  'menacing',
  'tragic',
  'strongman',
  'dictator(?:ial|ship)?',
  'autocra(?:t|tic|cy)',
  'tyrann(?:y|ical)',
  'blatant(?:ly)?',
  'grandiose(?:ly)?',
  'flagship',
  'rightful',
  'failure',
  'without success',
  'to no avail',
  'gross violations?',
  'dictated',
  'lionized',
] as const;

/** Verbs and phrases that attribute a statement to someone (the essay, an official, a report). */
export const ATTRIBUTION_TERMS = [
  'argues?',
  'argued',
  'according to',
  'calls?',
  'called',
  'describe[sd]?',
  'says?',
  'said',
  'told',
  'tells',
  'wr(?:ote|ites)',
  'claim(?:s|ed)?',
  'warn(?:s|ed)?',
  'dub(?:s|bed)',
  'term(?:s|ed)',
  'hail(?:s|ed)',
  'condemn(?:s|ed)',
  'denounce[sd]',
  'accuse[sd]',
  'brand(?:s|ed)',
  'label(?:s|led)',
  'characteri[sz]e[sd]',
  'urge[sd]',
  'cite[sd]?',
  'insist(?:s|ed)',
  'contend(?:s|ed)',
  'voiced',
  'reported',
  'in the words of',
] as const;

const wordsPattern = (terms: readonly string[], flags: string) => new RegExp(`\\b(?:${terms.join('|')})\\b`, flags);
const JUDGEMENT = wordsPattern(JUDGEMENT_TERMS, 'gi');
const ATTRIBUTION = wordsPattern(ATTRIBUTION_TERMS, 'i');

/** The judgement words of `text`, in order, if the text attributes none of it to anyone; else []. */
export function unattributedJudgements(text: string): string[] {
  const found = [...text.matchAll(JUDGEMENT)].map((m) => m[0].toLowerCase());
  if (found.length === 0) return [];
  return ATTRIBUTION.test(text) ? [] : found;
}
