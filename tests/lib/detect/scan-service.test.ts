/**
 * The background's `detect:scan` (lib/detect/scan-service.ts) and the page's
 * side of it (lib/dom/background-scanner.ts): the same results as the
 * detector run in place, with the page's memory of full names carried both ways.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createDetector } from '@/lib/detect/detector';
import { newPageState } from '@/lib/detect/page-state';
import { aliasTable } from '@/lib/detect/bundled-table';
import {
  answerScan,
  probeAnswer,
  scanTexts,
  separateRunTogether,
  sharedDetector,
  splitTexts,
} from '@/lib/detect/scan-service';
import { answerScanMessage, holdsCandidates } from '@/lib/platform/scan-ports';
import type { PageState, ScanResult } from '@/lib/detect/types';
import type { Detector } from '@/lib/detect/detector';
import {
  backgroundScanner,
  portTransport,
  requestGroups,
  type PortLike,
  type ScanPortRequest,
} from '@/lib/dom/background-scanner';
import { MAX_PROBE_CHARS, MAX_SCAN_CHARS, MAX_SCAN_TEXTS } from '@/lib/detect/scan-limits';
import type { RequestOf, ResponseFor } from '@/lib/messages';
import { parseRequest } from '@/lib/messages';

const TEXTS = [
  'Mao was there.',
  'Vladimir Putin recalled Mao Zedong in Moscow; Putin spoke first.',
  'Later Xi flew home. The Mir station is long gone.',
];

/** The answer's results, one per text (texts where nothing was found are left out of the answer). */
function perText(answer: ResponseFor<'detect:scan'>, count: number): ScanResult[] {
  const out: ScanResult[] = Array.from({ length: count }, () => ({
    mentions: [],
    pending: [],
    deferred: [],
    nested: [],
  }));
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
    expect(results[0]!.deferred.map((c) => [[c.id, ...(c.alternatives ?? [])].sort(), c.text, c.context])).toEqual([
      [['mao-ning', 'mao-zedong'], 'Mao', ''],
    ]);
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
    expect(parseRequest({ ...ok, readAhead: true })).not.toBeNull();
    expect(parseRequest({ ...ok, readAhead: false })).toBeNull();
  });

  test('its text is cut back into the blocks it was made of', () => {
    expect(splitTexts('abcde', [2, 0, 3])).toEqual(['ab', '', 'cde']);
    expect(splitTexts('', [])).toEqual([]);
  });
});

describe('backgroundScanner (the page side)', () => {
  /** A scanner whose requests the background's own code answers in place; `sent` keeps them. */
  function scannerInPlace() {
    const sent: RequestOf<'detect:scan'>[] = [];
    const send = (async (request: RequestOf<'detect:scan'>) => {
      sent.push(request);
      return answerScan(request);
    }) as unknown as (r: RequestOf<'detect:scan'>) => Promise<ResponseFor<'detect:scan'>>;
    return { sent, scanner: backgroundScanner(send as never) };
  }

  test('sends the page state, keeps what comes back, and knows the topics of what it found', async () => {
    const { sent, scanner } = scannerInPlace();
    const page = newPageState();
    const first = await scanner.scanMany(['Nothing here.', 'Mao Zedong arrived.'], page);
    expect(first[0]).toEqual({ mentions: [], pending: [], deferred: [], nested: [] });
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

  test('text read ahead brings back only the page memory, from blocks run together', async () => {
    const { sent, scanner } = scannerInPlace();
    const page = newPageState();
    // textContent runs the blocks together ("…todayJoe Biden…"); the background separates them.
    await scanner.readAhead!('Nothing much happened todayJoe Biden spokeПять лет проработал Василий Песков.', page);
    expect(sent[0]).toMatchObject({ readAhead: true, seen: [] });
    expect(page.seen.has('joe-biden')).toBe(true);
    expect(page.namesakes).toEqual(new Set(['dmitry-peskov']));
    const answer = answerScan({ ...sent[0]!, seen: [] });
    expect(answer.found).toEqual([]);
    expect(answer.topics).toEqual({});
    // A short form on the page's first slice then settles as if the pass had read that far.
    const first = await scanner.scanMany(['Biden spoke.'], page);
    expect(first[0]!.mentions.map((m) => m.id)).toEqual(['joe-biden']);
  });

  test('carries the namesakes the page has met from one request to the next', async () => {
    const { sent, scanner } = scannerInPlace();
    const page = newPageState();
    await scanner.scanMany(['Пять лет проработал Василий Песков в газете.'], page);
    expect(page.namesakes).toEqual(new Set(['dmitry-peskov']));
    const later = await scanner.scanMany(['Песков первым написал об этом.'], page);
    expect(sent[1]!.namesakes).toEqual(['dmitry-peskov']);
    expect(later[0]!.mentions).toEqual([]);
  });
});

describe('the scan port', () => {
  /** A port whose far side is the test: it sees what is posted and answers or hangs up. */
  function fakePorts() {
    const ports: {
      posted: ScanPortRequest[];
      reply(r: unknown): void;
      hangUp(): void;
      disconnected: boolean;
    }[] = [];
    const connect = (): PortLike => {
      const onMessage: ((m: unknown) => void)[] = [];
      const onDisconnect: (() => void)[] = [];
      const side = {
        posted: [] as ScanPortRequest[],
        disconnected: false,
        reply: (r: unknown) => onMessage.forEach((fn) => fn(r)),
        hangUp: () => onDisconnect.forEach((fn) => fn()),
      };
      ports.push(side);
      return {
        postMessage: (m) => side.posted.push(m as ScanPortRequest),
        disconnect: () => {
          side.disconnected = true;
        },
        onMessage: { addListener: (fn) => onMessage.push(fn) },
        onDisconnect: { addListener: (fn) => onDisconnect.push(fn) },
      };
    };
    return { ports, connect };
  }
  const request: RequestOf<'detect:scan'> = { type: 'detect:scan', text: 'Putin spoke.', lengths: [12], seen: [] };

  test('answers are matched to their requests by id, whatever their order', async () => {
    const { ports, connect } = fakePorts();
    const t = portTransport(connect);
    const a = t.send({ ...request, text: 'A', lengths: [1] });
    const b = t.send({ ...request, text: 'B', lengths: [1] });
    expect(ports).toHaveLength(1);
    const [ra, rb] = ports[0]!.posted;
    ports[0]!.reply({ id: rb!.id, answer: { found: [], seen: ['b'], topics: {} } });
    ports[0]!.reply({ id: ra!.id, answer: { found: [], seen: ['a'], topics: {} } });
    expect((await a).seen).toEqual(['a']);
    expect((await b).seen).toEqual(['b']);
  });

  test('the background’s own answer, through answerScanMessage', async () => {
    const { ports, connect } = fakePorts();
    const t = portTransport(connect);
    const pending = t.send(request);
    ports[0]!.reply(answerScanMessage(ports[0]!.posted[0]));
    const answer = await pending;
    expect(answer.found[0]!.mentions.map((m) => m.id)).toEqual(['vladimir-putin']);
    expect(answerScanMessage({ id: 3, request: { ...request, lengths: [5] } })).toEqual({
      id: 3,
      error: 'Not a valid detect:scan or detect:probe request.',
    });
    expect(answerScanMessage({ request })).toBeNull();
    expect(answerScanMessage('<img src=x onerror=alert(1)>')).toBeNull();
  });

  test('an answer with candidates for the resolver is told apart (the background readies the tagger then)', () => {
    const ask = (text: string) =>
      answerScanMessage({ id: 1, request: { ...request, text, lengths: [text.length], seen: [] } })!;
    expect(holdsCandidates(ask('The Fed in Washington raised rates.'))).toBe(true);
    expect(holdsCandidates(ask('Vladimir Putin met Xi Jinping.'))).toBe(false);
    expect(holdsCandidates({ id: 1, error: 'Not a valid detect:scan request.' })).toBe(false);
  });

  test('a request lost when the port closes is sent once more on a new port; a second loss rejects it', async () => {
    const { ports, connect } = fakePorts();
    const t = portTransport(connect);
    const pending = t.send(request);
    ports[0]!.hangUp();
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted.map((p) => p.request)).toEqual([request]);
    ports[1]!.hangUp();
    await expect(pending).rejects.toThrow(/closed the scan port/);
    // The next request opens a port again.
    const next = t.send(request);
    expect(ports).toHaveLength(3);
    ports[2]!.reply({ id: ports[2]!.posted[0]!.id, error: 'boom' });
    await expect(next).rejects.toThrow('boom');
  });

  test('close() rejects what is in flight, hangs up, and refuses later requests', async () => {
    const { ports, connect } = fakePorts();
    const t = portTransport(connect);
    const pending = t.send(request);
    t.close();
    await expect(pending).rejects.toThrow(/closed/);
    expect(ports[0]!.disconnected).toBe(true);
    await expect(t.send(request)).rejects.toThrow(/closed/);
    expect(ports).toHaveLength(1);
  });
});

describe('requests stay within the background’s bounds', () => {
  test('texts are split into runs of at most MAX_SCAN_CHARS characters and MAX_SCAN_TEXTS texts, in order', () => {
    const texts = ['a'.repeat(3_000_000), 'b'.repeat(2_000_000), 'c', ...Array.from({ length: 6000 }, () => 'd')];
    const groups = requestGroups(texts);
    expect(groups.map((g) => g.first)).toEqual([0, 1, 5001]);
    for (const g of groups) {
      expect(g.texts.reduce((n, t) => n + t.length, 0)).toBeLessThanOrEqual(MAX_SCAN_CHARS);
      expect(g.texts.length).toBeLessThanOrEqual(MAX_SCAN_TEXTS);
    }
    expect(groups.flatMap((g) => g.texts)).toEqual(texts);
  });

  test('one text beyond the bound is scanned as far as it goes, and its mentions keep their offsets', async () => {
    const huge = 'Putin spoke. ' + 'x '.repeat(MAX_SCAN_CHARS) + ' Xi Jinping replied.';
    const sent: RequestOf<'detect:scan'>[] = [];
    const scanner = backgroundScanner(async (request) => {
      sent.push(request);
      expect(parseRequest(request)).not.toBeNull();
      return answerScan(request);
    });
    const [result, after] = await scanner.scanMany([huge, 'Xi Jinping met him.'], newPageState());
    expect(sent.map((r) => r.lengths)).toEqual([[MAX_SCAN_CHARS], [19]]);
    expect(result!.mentions.map((m) => [m.id, m.start])).toEqual([['vladimir-putin', 0]]);
    // The Xi Jinping past the bound was not scanned; the next text's one was.
    expect(after!.mentions.map((m) => m.id)).toEqual(['xi-jinping']);
  });
});

describe('the scout probe (detect:probe)', () => {
  test('blocks run together by textContent get their word boundaries back', () => {
    expect(separateRunTogether('Summit newsXi Jinping said')).toBe('Summit news Xi Jinping said');
    expect(separateRunTogether('NATOPutin')).toBe('NATO Putin');
    expect(separateRunTogether('in 2023Putin')).toBe('in 2023 Putin');
    expect(separateRunTogether('СаммитПутин')).toBe('Саммит Путин');
    expect(separateRunTogether('Plain text, nothing joined.')).toBe('Plain text, nothing joined.');
  });

  test('separating finds what its regular expression finds, code point by code point', () => {
    // Where separating puts a space, as a regular expression.
    const RUN_TOGETHER =
      /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{Nd})|(?<=\p{Nd})(?=\p{L})/gu;
    const byExpression = (text: string) => text.replace(RUN_TOGETHER, ' ');
    // Letters of every case and script, titlecase and modifier letters, digits of other scripts,
    // astral letters and digits, lone surrogates.
    const tricky = 'aAbZ9z0ǅǆǄʰ中文٣Жж𝐀𝐚𝟘\ud800\udc00x\ud801Ab1 .-';
    const pieces = fc.constantFrom(...Array.from(tricky), 'AB', 'Ab', 'aB', 'A1', '1a', '𝐀𝐀𝐚');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 40 }),
        (parts) => {
          const text = parts.join('');
          expect(separateRunTogether(text)).toBe(byExpression(text));
        },
      ),
      { numRuns: 2000 },
    );
    for (const text of ['', 'A', 'AAa', 'ABCdef', '𝐀𝐀𝐚', 'x\ud800Y', 'ǅA', '٣Ж', 'Ж٣'])
      expect(separateRunTogether(text)).toBe(byExpression(text));
  });

  test('a hit for any candidate, certain or not; none for text without names', () => {
    const hit = (text: string) => probeAnswer(text).hit;
    expect(hit('Putin arrived in Beijing.')).toBe(true);
    // A headline without a full stop, run into the next paragraph by textContent.
    expect(hit('Weather for the weekendXi Jinping will visit')).toBe(true);
    // Uncertain (needs the resolver) still counts: the full pass decides.
    expect(hit('The Mir was mentioned.')).toBe(scanTexts(['The Mir was mentioned.'], []).found.length > 0);
    expect(hit('Rain in the afternoon, clearing later. Fine china on the table.')).toBe(false);
  });

  test('a long text is read whole, once: a name late, or run into its neighbour, is found', () => {
    const filler = (n: number) => 'Rain in the afternoon, clearing later. '.repeat(Math.ceil(n / 39)).slice(0, n);
    const piece = 16_000;
    expect(probeAnswer(filler(5 * piece)).hit).toBe(false);
    expect(probeAnswer(`${filler(4 * piece)} Xi Jinping spoke.`).hit).toBe(true);
    expect(probeAnswer(`${filler(piece - 11)} Vladimir Putin ${filler(piece)}`).hit).toBe(true);
    expect(probeAnswer(`${filler(piece - 3)}NATOPutin${filler(piece)}`).hit).toBe(true);
    // The same scan serves the hit and the relevance counts: a text that names something is scanned once.
    const scanned: number[] = [];
    const detector = {
      scan: (text: string, page: PageState) => {
        scanned.push(text.length);
        return sharedDetector().scan(text, page);
      },
      tierOf: (id: string) => sharedDetector().tierOf(id),
    } as unknown as Detector;
    const text = `Putin arrived. ${filler(10 * piece)}`;
    expect(probeAnswer(text, 0, detector)).toMatchObject({ hit: true, core: { 'vladimir-putin': 1 } });
    expect(scanned).toEqual([text.length]);
  });

  test('the probe request is bounded', () => {
    expect(parseRequest({ type: 'detect:probe', text: 'Putin' })).not.toBeNull();
    expect(parseRequest({ type: 'detect:probe', text: 'x'.repeat(MAX_PROBE_CHARS + 1) })).toBeNull();
    expect(parseRequest({ type: 'detect:probe', text: 'Putin', extra: 1 })).toBeNull();
  });
});
