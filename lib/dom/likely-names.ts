/**
 * The few names most pages about Russia or China hold (assets/detection/likely-names.json).
 * The scout fetches the page lens script while its probe is on the way when the page's text
 * holds one of them, so that the script is there when the answer comes instead of being
 * fetched after it; a page that names none of them (most pages) fetches nothing. A hint
 * only: the probe still decides whether the page lens starts. Plain string searches, as
 * written and in capitals, since every page pays for this: a regular expression with
 * Unicode classes took 18–32 ms to compile on its first use (Node 20). Pure module.
 */
import data from '../../assets/detection/likely-names.json';

export const LIKELY_NAMES: readonly string[] = data.names;

interface Form {
  text: string;
  /** A stem ("Росси*"): any ending may follow. */
  stem: boolean;
  /** Chinese: no word boundaries to check. */
  han: boolean;
}

let forms: Form[] | null = null;

function formsOf(name: string): Form[] {
  const stem = name.endsWith('*');
  const text = stem ? name.slice(0, -1) : name;
  const han = /[\u3400-\u9fff]/.test(text);
  const upper = text.toUpperCase();
  return (upper === text ? [text] : [text, upper]).map((t) => ({ text: t, stem, han }));
}

/** A letter or digit of the Latin, Greek or Cyrillic alphabets: what a name in them may not touch. */
function isWordChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x52f)
  );
}

/** Whether `text` holds one of the likely names, standing as a word (or a stem's start) where it has letters. */
export function namesLikely(text: string): boolean {
  forms ??= LIKELY_NAMES.flatMap(formsOf);
  for (const form of forms) {
    const n = form.text.length;
    for (let at = text.indexOf(form.text); at >= 0; at = text.indexOf(form.text, at + 1)) {
      if (form.han) return true;
      if (isWordChar(text.charCodeAt(at - 1))) continue;
      if (form.stem || !isWordChar(text.charCodeAt(at + n))) return true;
    }
  }
  return false;
}
