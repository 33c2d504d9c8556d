/**
 * What disambiguation buys: the plain matcher (rules off) marks confusable
 * phrases; the cheap context rules of `scan` plus compromise in
 * `resolveWithNlp` remove them without losing the true mentions.
 */
import { describe, expect, test } from 'vitest';
import { aliasTable } from '../../../lib/detect/bundled-table';
import { createDetector, newPageState, type Detector } from '../../../lib/detect/detector';
import { resolveWithNlp } from '../../../lib/detect/nlp-resolve';
import type { Candidate } from '../../../lib/detect/types';

const plain = createDetector(aliasTable, { rules: false });
const full = createDetector(aliasTable);

function ids(d: Detector, text: string): string[] {
  const { mentions, pending } = d.scan(text, newPageState());
  const verdicts = resolveWithNlp(pending);
  return [...mentions, ...pending.filter((_, k) => verdicts[k])]
    .sort((a, b) => a.start - b.start)
    .map((m) => `${m.id}:${m.text}`);
}

/** Confusable sentences: the plain matcher marks the named entity; disambiguation must not. */
const CONFUSABLES: [string, string][] = [
  ['Louis XI of France was called the universal spider.', 'xi-jinping'],
  ['Super Bowl XI was played at the Rose Bowl.', 'xi-jinping'],
  ['Chapter XI describes the estates of 1468.', 'xi-jinping'],
  ['Cosmonauts spent months aboard Mir before it burned up over the Pacific.', 'mir-payment-system'],
  ['Turkey and stuffing are the heart of the Thanksgiving table.', 'turkey'],
  ['The Kremlin nightclub reopened with a new DJ.', 'kremlin'],
  ['Arctic Monkeys sold out their tour in minutes.', 'arctic'],
  ['Moscow, Idaho, is home to the University of Idaho.', 'moscow'],
  ['SUPER BOWL XI REMEMBERED: JOIN US FOR THE REUNION', 'united-states'],
  ['India and France held joint naval exercises in the Arabian Sea.', 'joint-naval-exercises'],
  ['The ESPO Blend cargo sailed from Kozmino.', 'espo-pipeline'],
];

/** True mentions of the same aliases: disambiguation must keep them. */
const TRUE_MENTIONS: [string, string][] = [
  ['Xi met Putin in Moscow on Tuesday.', 'xi-jinping'],
  ['XI ARRIVES IN MOSCOW FOR STATE VISIT', 'xi-jinping'],
  ['Russian travellers pay with Mir cards; Mir is the national card system.', 'mir-payment-system'],
  ['Turkey, a NATO member, buys Russian gas through TurkStream.', 'turkey'],
  ['The Kremlin said Putin would attend the summit.', 'kremlin'],
  ['Shipping in the Arctic grew as Russia sent LNG east.', 'arctic'],
  ['Moscow and Beijing signed a joint statement.', 'moscow'],
  ['US, EU WEIGH NEW SANCTIONS ON CHINESE BANKS', 'united-states'],
  ['Oil flows through the ESPO pipeline to the Pacific; ESPO carries Russian crude to China.', 'espo-pipeline'],
  ['Russia and China expect their mutual trade to grow.', 'china-russia-trade'],
  ['Russia and China launched joint naval exercises in the Sea of Japan.', 'joint-naval-exercises'],
];

describe('disambiguation removes the plain matcher’s false positives', () => {
  test.each(CONFUSABLES)('%s', (text, id) => {
    expect(ids(plain, text).some((m) => m.startsWith(`${id}:`))).toBe(true);
    expect(ids(full, text).filter((m) => m.startsWith(`${id}:`))).toEqual([]);
  });
});

describe('and keeps the true mentions', () => {
  test.each(TRUE_MENTIONS)('%s', (text, id) => {
    expect(ids(plain, text).some((m) => m.startsWith(`${id}:`))).toBe(true);
    expect(ids(full, text).some((m) => m.startsWith(`${id}:`))).toBe(true);
  });

  test('over all sentences: precision rises to 1 and recall stays 1', () => {
    const count = (d: Detector, rows: [string, string][]) =>
      rows.filter(([text, id]) => ids(d, text).some((m) => m.startsWith(`${id}:`))).length;
    const plainFalse = count(plain, CONFUSABLES);
    const fullFalse = count(full, CONFUSABLES);
    const fullTrue = count(full, TRUE_MENTIONS);
    console.log(
      `disambiguation: false positives ${plainFalse} → ${fullFalse} of ${CONFUSABLES.length}; true mentions kept ${fullTrue} of ${TRUE_MENTIONS.length}`,
    );
    expect(plainFalse).toBe(CONFUSABLES.length);
    expect(fullFalse).toBe(0);
    expect(fullTrue).toBe(TRUE_MENTIONS.length);
  });
});

describe('compromise decides what the cheap rules leave open', () => {
  /** The candidates `scan` leaves pending for a text (it must leave some). */
  function pendingOf(text: string, id: string): Candidate[] {
    const pending = full.scan(text, newPageState()).pending.filter((c) => c.id === id);
    expect(pending.length, `pending ${id} in ${text}`).toBeGreaterThan(0);
    return pending;
  }

  test.each([
    ['THEY TOLD US TO WAIT', 'united-states', false],
    ['CHINA TELLS US TO BACK OFF', 'united-states', false],
    ['US, EU WEIGH NEW SANCTIONS ON CHINESE BANKS', 'united-states', true],
    ['US TROOPS LAND IN MANILA', 'united-states', true],
    ['GUSTAV XI OF SWEDEN DIES', 'xi-jinping', false],
  ])('%s → %s accepted: %s', (text, id, accept) => {
    expect(resolveWithNlp(pendingOf(text, id))).toEqual([accept]);
  });

  test('a candidate whose offsets do not fit its context is refused, not thrown', () => {
    const bad: Candidate = {
      id: 'moscow',
      start: 50,
      end: 56,
      text: 'Moscow',
      rule: 'context',
      context: 'Moscow',
      contextStart: 0,
    };
    expect(resolveWithNlp([bad])).toEqual([false]);
  });
});
