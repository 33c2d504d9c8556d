// What the labellers' checks (check-part.mjs, check-relabel.mjs) and the corpus test share: the nine topics,
// the fact base's ids and occurrences counted by the labelling standard. None of them runs the detector.
import { execFileSync } from 'node:child_process';

/** The nine topics of a document on China–Russia matters (an off-topic page's topic is free). */
export const TOPICS = [
  'energy',
  'trade-finance',
  'military',
  'diplomacy',
  'sanctions-tech',
  'history',
  'geography',
  'institutions',
  'people',
];

/** The fact base's ids, as `npm run factbase -- --json` prints them. */
export function factbaseIds() {
  const json = execFileSync('npx', ['tsx', new URL('../../lib/cli/factbase.ts', import.meta.url).pathname, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return new Set(JSON.parse(json).map((e) => e.id));
}

const WORD = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;

/**
 * Starts of the occurrences of `needle` in `text` that count (case-sensitive, non-overlapping, left to
 * right; no letter or digit may touch a name on either side, except a Chinese one, which has no word
 * boundaries).
 */
export function occurrences(text, needle) {
  const han = HAN.test(needle[0]) || HAN.test(needle[needle.length - 1]);
  const out = [];
  for (let at = text.indexOf(needle); at >= 0;) {
    const ok = han || (!WORD.test(text[at - 1] ?? ' ') && !WORD.test(text[at + needle.length] ?? ' '));
    if (ok) {
      out.push(at);
      at = text.indexOf(needle, at + needle.length);
    } else at = text.indexOf(needle, at + 1);
  }
  return out;
}
