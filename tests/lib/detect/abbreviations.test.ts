/**
 * Abbreviations a page defines for itself ("the Central Bank of Russia
 * (CBR)") name the entity wherever the page uses them afterwards, in the same
 * text or a later one, and nowhere else.
 */
import { describe, expect, test } from 'vitest';
import { abbreviates, waitingAbbreviations } from '../../../lib/detect/abbreviations';
import { aliasTable } from '../../../lib/detect/bundled-table';
import { createDetector, newPageState, settleDeferred } from '../../../lib/detect/detector';
import { scanTexts } from '../../../lib/detect/scan-service';

const detector = createDetector(aliasTable);
const found = (text: string, page = newPageState()) =>
  detector.scan(text, page).mentions.map((m) => `${m.id}:${m.text}@${m.start}`);

describe('abbreviates', () => {
  test.each([
    ['CBR', 'Central Bank of Russia', true],
    ['MOFA', 'Chinese Ministry of Foreign Affairs', true],
    ['BIS', 'Bureau of Industry and Security', true],
    ['ШОС', 'Шанхайской организации сотрудничества', true],
    ['AP', 'Reuters', false],
    ['RU', 'Russia', false],
    ['FAC', 'Chinese Ministry of Foreign Affairs', false],
    // The letters of a common noun after the name's own word: liquefied natural gas, not the project.
    ['LNG', 'Yamal liquefied natural gas', false],
    // Small letters inside, and a possessive that is no word of its own.
    ['MoD', "Russia's Ministry of Defense", true],
  ])('%s for %s: %s', (abbr, name, expected) => {
    expect(abbreviates(abbr, name)).toBe(expected);
  });
});

describe('abbreviations defined on the page', () => {
  test('the definition and later uses in the same text are mentions', () => {
    expect(found('The Central Bank of Russia (CBR) cut rates. The CBR said so; CBRS did not.')).toEqual([
      'central-bank-of-russia:Central Bank of Russia@4',
      'central-bank-of-russia:CBR@28',
      'central-bank-of-russia:CBR@48',
    ]);
  });

  test('a later text of the same page uses them; another page does not', () => {
    const page = newPageState();
    found('A readout from the Chinese Ministry of Foreign Affairs (MOFA) followed.', page);
    expect(found('MOFA added nothing.', page)).toEqual(['chinese-foreign-ministry:MOFA@0']);
    expect(found('MOFA added nothing.')).toEqual([]);
  });

  test('a bracket that does not spell the name defines nothing', () => {
    expect(found('Vladimir Putin (AP) spoke. AP reported it.')).toEqual(['vladimir-putin:Vladimir Putin@0']);
  });

  test('a use before the definition waits for it, like a short form', () => {
    const page = newPageState();
    const { mentions, deferred } = detector.scan('MOFA added nothing new.', page);
    expect(mentions).toEqual([]);
    expect(deferred.map((c) => c.text)).toEqual(['MOFA']);
    expect(settleDeferred(deferred, page)).toEqual([]);
    found('A readout from the Chinese Ministry of Foreign Affairs (MOFA) followed.', page);
    expect(settleDeferred(deferred, page).map((c) => `${c.id}:${c.text}`)).toEqual(['chinese-foreign-ministry:MOFA']);
    // A headline in capitals leaves its words alone.
    expect(detector.scan('PUTIN MEETS XI IN MOSCOW', newPageState()).deferred).toEqual([]);
  });

  test("the background's scanner carries them between requests", () => {
    const first = scanTexts(['The China News Service (CNS) reported the visit.'], []);
    expect(first.abbreviations).toEqual([['CNS', 'china-news-service']]);
    const next = scanTexts(['CNS reported more.'], first.seen, detector, undefined, first.abbreviations);
    expect(next.found[0]!.mentions.map((m) => `${m.id}:${m.text}`)).toEqual(['china-news-service:CNS']);
    const elsewhere = scanTexts(['CNS reported more.'], first.seen).found[0]!;
    expect(elsewhere.mentions).toEqual([]);
    expect(elsewhere.deferred.map((c) => c.text)).toEqual(['CNS']);
  });
});

describe('words in capitals that wait for a definition', () => {
  // The shape, as a regular expression: what the hand-written scanner must find.
  const SHAPE = /(?<![\p{L}\p{Nd}])\p{Lu}[\p{Lu}\p{Nd}&-]{0,8}\p{Lu}(?![\p{L}\p{Nd}])/gu;
  const words = (text: string, mentions: { id: string; start: number; end: number; text: string }[] = []) =>
    waitingAbbreviations(text, mentions, newPageState()).map((c) => `${c.start}:${c.text}`);

  test('finds what the shape matches, on random text of capitals, digits, signs and lower case', () => {
    const alphabet = ['A', 'B', 'Ж', 'Щ', '1', '&', '-', ' ', ' ', 'a', 'ж', '.', '(', ')'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 500; round++) {
      const text = 'x ' + Array.from({ length: 40 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const expected = [...text.matchAll(SHAPE)].map((m) => `${m.index}:${m[0]}`);
      expect(words(text), text).toEqual(expected);
    }
  });

  test('leaves out the words inside mentions, whatever their order, and text with no lower case', () => {
    const text = 'The CBR and the PBOC met the ECB.';
    const cbr = { id: 'central-bank-of-russia', start: 4, end: 7, text: 'CBR' };
    const ecb = { id: 'x', start: 29, end: 32, text: 'ECB' };
    expect(words(text, [ecb, cbr])).toEqual(['16:PBOC']);
    expect(words('THE CBR AND THE PBOC')).toEqual([]);
  });
});
