/**
 * The background's `detect:scan` (lib/detect/scan-service.ts) and the page's
 * side of it (lib/dom/background-scanner.ts): the same results as the
 * detector run in place, with the page's memory of full names carried both ways.
 */
import { describe, expect, test } from 'vitest';
import { createDetector } from '@/lib/detect/detector';
import { newPageState } from '@/lib/detect/page-state';
import { aliasTable } from '@/lib/detect/bundled-table';
import { scanTexts, splitTexts } from '@/lib/detect/scan-service';
import type { ScanResult } from '@/lib/detect/types';
import { backgroundScanner } from '@/lib/dom/background-scanner';
import type { RequestOf, ResponseFor } from '@/lib/messages';
import { parseRequest } from '@/lib/messages';

const TEXTS = [
  'Mao was there.',
  'Vladimir Putin recalled Mao Zedong in Moscow; Putin spoke first.',
  'Later Xi flew home. The Mir station is long gone.',
];

/** The answer's results, one per text (texts where nothing was found are left out of the answer). */
function perText(answer: ResponseFor<'detect:scan'>, count: number): ScanResult[] {
  const out: ScanResult[] = Array.from({ length: count }, () => ({ mentions: [], pending: [], deferred: [] }));
  for (const { at, ...result } of answer.found) out[at] = result;
  return out;
}

describe('scanTexts', () => {
  test('gives what the detector gives in place, text by text, with one page state', () => {
    const detector = createDetector(aliasTable);
    const page = newPageState();
    const expected = TEXTS.map((t) => detector.scan(t, page));
    const answer = scanTexts(TEXTS, [], detector);
    const results = perText(answer, TEXTS.length);
    expect(results.map((r) => r.mentions)).toEqual(expected.map((r) => r.mentions));
    expect(results.map((r) => r.pending)).toEqual(expected.map((r) => r.pending));
    // Short forms waiting for their full name travel without their context.
    expect(results[0]!.deferred.map((c) => [c.id, c.text, c.context])).toEqual([['mao-zedong', 'Mao', '']]);
    expect(answer.seen.sort()).toEqual([...page.seen].sort());
    expect(answer.seen).toContain('mao-zedong');
    expect(results[2]!.pending.map((c) => c.id)).toContain('xi-jinping');
  });

  test('what the page has already named in full is taken into account', () => {
    expect(scanTexts(['Mao was there.'], []).found[0]!.mentions).toEqual([]);
    expect(scanTexts(['Mao was there.'], ['mao-zedong']).found[0]!.mentions.map((m) => m.id)).toEqual(['mao-zedong']);
  });

  test('brings the topics of every entity it returns', () => {
    const detector = createDetector(aliasTable);
    const answer = scanTexts(TEXTS, [], detector);
    const ids = new Set(answer.found.flatMap((r) => [...r.mentions, ...r.pending, ...r.deferred].map((m) => m.id)));
    expect(Object.keys(answer.topics).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(answer.topics[id]).toEqual(detector.topicsOf(id));
    expect(answer.topics['vladimir-putin']!.length).toBeGreaterThan(0);
  });
});

describe('the detect:scan request', () => {
  const ok = { type: 'detect:scan', text: 'abcde', lengths: [2, 0, 3], seen: [] };
  test('is validated: one text cut by lengths that add up, seen ids, bounded', () => {
    expect(parseRequest(ok)).not.toBeNull();
    expect(parseRequest({ ...ok, lengths: [2, 2] })).toBeNull();
    expect(parseRequest({ ...ok, lengths: [2, -1, 4] })).toBeNull();
    expect(parseRequest({ ...ok, lengths: [2.5, 2.5] })).toBeNull();
    expect(parseRequest({ ...ok, text: 5 })).toBeNull();
    expect(parseRequest({ ...ok, seen: [''] })).toBeNull();
    expect(parseRequest({ type: 'detect:scan', text: 'a', lengths: [1] })).toBeNull();
    expect(parseRequest({ ...ok, extra: 1 })).toBeNull();
    expect(parseRequest({ ...ok, text: 'x'.repeat(4_000_001), lengths: [4_000_001] })).toBeNull();
  });

  test('its text is cut back into the blocks it was made of', () => {
    expect(splitTexts('abcde', [2, 0, 3])).toEqual(['ab', '', 'cde']);
    expect(splitTexts('', [])).toEqual([]);
  });
});

describe('backgroundScanner (the page side)', () => {
  test('sends the page state, keeps what comes back, and knows the topics of what it found', async () => {
    const sent: RequestOf<'detect:scan'>[] = [];
    const send = (async (request: RequestOf<'detect:scan'>) => {
      sent.push(request);
      return scanTexts(splitTexts(request.text, request.lengths), request.seen);
    }) as unknown as (r: RequestOf<'detect:scan'>) => Promise<ResponseFor<'detect:scan'>>;
    const scanner = backgroundScanner(send as never);
    const page = newPageState();
    const first = await scanner.scanMany(['Nothing here.', 'Mao Zedong arrived.'], page);
    expect(first[0]).toEqual({ mentions: [], pending: [], deferred: [] });
    expect(first[1]!.mentions.map((m) => m.id)).toEqual(['mao-zedong']);
    expect(sent[0]).toMatchObject({ text: 'Nothing here.Mao Zedong arrived.', lengths: [13, 19], seen: [] });
    expect(page.seen.has('mao-zedong')).toBe(true);
    const second = await scanner.scanMany(['Mao spoke.'], page);
    expect(sent[1]!.seen).toEqual(['mao-zedong']);
    expect(second[0]!.mentions.map((m) => m.id)).toEqual(['mao-zedong']);
    expect(scanner.topicsOf('mao-zedong')).toEqual(createDetector(aliasTable).topicsOf('mao-zedong'));
    expect(scanner.topicsOf('mao-zedong').length).toBeGreaterThan(0);
    expect(scanner.topicsOf('unknown-entity')).toEqual([]);
  });
});
