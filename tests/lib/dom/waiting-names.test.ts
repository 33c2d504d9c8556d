// @vitest-environment happy-dom
/**
 * Names that wait before they are marked: short forms until the page names
 * their entity in full, ambiguous candidates until the resolver answers (in
 * batches, after a short delay). What settles becomes a mark request only if
 * its text is still where it was read; a reset drops answers under way.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { newPageState } from '@/lib/detect/page-state';
import type { Candidate, PageState, ScanResult } from '@/lib/detect/types';
import type { MarkRequest } from '@/lib/dom/mark';
import type { Block } from '@/lib/dom/scanned-block';
import { RESOLVE_BATCH, WaitingNames, type WaitingNamesDeps } from '@/lib/dom/waiting-names';

let page: PageState;
let timers: (() => void)[];
let written: MarkRequest[][];
let settled: number;
let answers: ((verdicts: boolean[]) => void)[];
let asked: Candidate[][];

function blockOf(text: string): Block {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  return { text, parts: [{ node: p.firstChild as Text, start: 0, end: text.length }] };
}

function candidate(text: string, id: string, word: string, extra: Partial<Candidate> = {}): Candidate {
  const start = text.indexOf(word);
  return { id, start, end: start + word.length, text: word, rule: 'context', context: text, contextStart: 0, ...extra };
}

function result(pending: Candidate[], deferred: Candidate[]): ScanResult {
  return { mentions: [], pending, deferred, nested: [] };
}

function names(overrides: Partial<WaitingNamesDeps> = {}): WaitingNames {
  return new WaitingNames({
    resolve: (items) => {
      asked.push(items);
      return new Promise((resolve) => answers.push(resolve));
    },
    admit: () => true,
    shown: () => true,
    page: () => page,
    write: (requests) => written.push(requests),
    setTimeout: (fn) => timers.push(fn),
    clearTimeout: () => {},
    isValid: () => true,
    onError: () => {},
    onSettled: () => settled++,
    ...overrides,
  });
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  document.body.replaceChildren();
  page = newPageState();
  timers = [];
  written = [];
  settled = 0;
  answers = [];
  asked = [];
});

describe('short forms', () => {
  test('wait until the page names their entity in full, then become requests', () => {
    const text = 'Xi said so.';
    const waiting = names();
    waiting.take(blockOf(text), result([], [candidate(text, 'xi-jinping', 'Xi', { rule: 'after-full-name' })]));
    expect(waiting.settleNamed()).toEqual([]);
    page.seen.add('xi-jinping');
    const [request] = waiting.settleNamed();
    expect(request).toMatchObject({ id: 'xi-jinping', start: 0, end: 2, text: 'Xi' });
    // Settled once only.
    expect(waiting.settleNamed()).toEqual([]);
    // Short forms never hold up the pass.
    expect(waiting.busy).toBe(false);
  });

  test('one whose text the page changed meanwhile, or that the filters refuse, is dropped', () => {
    const text = 'Xi said so.';
    const block = blockOf(text);
    const waiting = names({ admit: (id) => id !== 'li-qiang' });
    waiting.take(block, result([], [candidate(text, 'xi-jinping', 'Xi', { rule: 'after-full-name' })]));
    block.parts[0]!.node.data = 'He said so.';
    page.seen.add('xi-jinping');
    expect(waiting.settleNamed()).toEqual([]);
    const other = 'Li said so.';
    waiting.take(blockOf(other), result([], [candidate(other, 'li-qiang', 'Li', { rule: 'after-full-name' })]));
    page.seen.add('li-qiang');
    expect(waiting.settleNamed()).toEqual([]);
  });

  test('are forgotten on a new route, and entities not shown are never kept', () => {
    const text = 'Xi said so.';
    const waiting = names({ shown: (id) => id !== 'li-qiang' });
    waiting.take(blockOf(text), result([], [candidate(text, 'xi-jinping', 'Xi', { rule: 'after-full-name' })]));
    waiting.take(blockOf('Li said so.'), result([], [candidate('Li said so.', 'li-qiang', 'Li')]));
    waiting.forgetShortForms();
    page.seen.add('xi-jinping').add('li-qiang');
    expect(waiting.settleNamed()).toEqual([]);
  });
});

describe('candidates for the resolver', () => {
  test('are asked in one batch after the delay; accepted ones are written, and the pass is told', async () => {
    const waiting = names();
    for (const text of ['Turkey said no.', 'They ate turkey.']) {
      waiting.take(
        blockOf(text),
        result([candidate(text, 'turkey', text.includes('Turkey') ? 'Turkey' : 'turkey')], []),
      );
    }
    expect(waiting.busy).toBe(true);
    expect(timers).toHaveLength(1);
    timers.shift()!();
    await flush();
    expect(asked).toHaveLength(1);
    expect(asked[0]!.map((c) => c.text)).toEqual(['Turkey', 'turkey']);
    answers.shift()!([true, false]);
    await flush();
    expect(written).toHaveLength(1);
    expect(written[0]!.map((r) => r.text)).toEqual(['Turkey']);
    expect(waiting.resolved).toBe(1);
    expect(waiting.busy).toBe(false);
    expect(settled).toBe(1);
  });

  test('a refused Chinese phrase leaves the names that stand alone in it written', async () => {
    const waiting = names();
    const text = '中国引进更多的俄罗斯石油。';
    const inner = [{ id: 'russia', start: text.indexOf('俄罗斯'), end: text.indexOf('俄罗斯') + 3, text: '俄罗斯' }];
    waiting.take(blockOf(text), result([candidate(text, 'rosneft', '俄罗斯石油', { inner })], []));
    timers.shift()!();
    await flush();
    answers.shift()!([false]);
    await flush();
    expect(written.flat().map((r) => `${r.id}:${r.text}`)).toEqual(['russia:俄罗斯']);
    // Accepted, the phrase is the mark and nothing inside it is written apart.
    const other = '他们买了俄罗斯石油的股份。';
    const more = [{ id: 'russia', start: other.indexOf('俄罗斯'), end: other.indexOf('俄罗斯') + 3, text: '俄罗斯' }];
    waiting.take(blockOf(other), result([candidate(other, 'rosneft', '俄罗斯石油', { inner: more })], []));
    timers.shift()!();
    await flush();
    answers.shift()!([true]);
    await flush();
    expect(written.at(-1)!.map((r) => `${r.id}:${r.text}`)).toEqual(['rosneft:俄罗斯石油']);
  });

  test('one whose entity the page names in full needs no resolver', async () => {
    const waiting = names();
    const text = 'Turkey said no.';
    waiting.take(blockOf(text), result([candidate(text, 'turkey', 'Turkey')], []));
    page.seen.add('turkey');
    timers.shift()!();
    await flush();
    expect(asked).toEqual([]);
    expect(written[0]!.map((r) => r.id)).toEqual(['turkey']);
  });

  test('one whose entity a later answer names is settled with it, without waiting to be asked', async () => {
    // The resolver waits for the text read ahead; the page memory may name the entity well before.
    let ready!: () => void;
    const readAhead = new Promise<void>((resolve) => (ready = resolve));
    const waiting = names({ ready: () => readAhead });
    const text = 'Turkey said no. Arctic ice.';
    const block = blockOf(text);
    waiting.take(block, result([candidate(text, 'turkey', 'Turkey'), candidate(text, 'arctic', 'Arctic')], []));
    expect(waiting.settleNamed()).toEqual([]);
    page.seen.add('turkey');
    const settledNow = waiting.settleNamed();
    expect(settledNow.map((r) => `${r.id}:${r.text}`)).toEqual(['turkey:Turkey']);
    expect(waiting.resolved).toBe(1);
    // Settled once only; the other still waits for the resolver, which is asked once the reading is done.
    expect(waiting.settleNamed()).toEqual([]);
    expect(waiting.busy).toBe(true);
    timers.shift()!();
    await flush();
    expect(asked).toEqual([]);
    ready();
    await flush();
    expect(asked.map((batch) => batch.map((c) => c.text))).toEqual([['Arctic']]);
    answers.shift()!([true]);
    await flush();
    expect(written.flat().map((r) => r.text)).toEqual(['Arctic']);
    expect(waiting.busy).toBe(false);
    expect(settled).toBe(1);
  });

  test('one settled before the delay is over leaves the resolver unasked', async () => {
    const waiting = names();
    const text = 'Turkey said no.';
    waiting.take(blockOf(text), result([candidate(text, 'turkey', 'Turkey')], []));
    page.seen.add('turkey');
    expect(waiting.settleNamed().map((r) => r.id)).toEqual(['turkey']);
    timers.shift()!();
    await flush();
    expect(asked).toEqual([]);
    expect(written).toEqual([]);
    expect(waiting.busy).toBe(false);
    expect(settled).toBe(1);
  });

  test(`go in batches of ${RESOLVE_BATCH}`, async () => {
    const waiting = names();
    const text = 'Turkey said no.';
    for (let k = 0; k < RESOLVE_BATCH + 1; k++)
      waiting.take(blockOf(text), result([candidate(text, 'turkey', 'Turkey')], []));
    timers.shift()!();
    await flush();
    expect(asked[0]).toHaveLength(RESOLVE_BATCH);
    answers.shift()!(new Array<boolean>(RESOLVE_BATCH).fill(false));
    await flush();
    expect(asked[1]).toHaveLength(1);
  });

  test('a reset drops the answer under way and what waits', async () => {
    const waiting = names();
    const text = 'Turkey said no.';
    waiting.take(blockOf(text), result([candidate(text, 'turkey', 'Turkey')], []));
    timers.shift()!();
    await flush();
    waiting.reset();
    expect(waiting.busy).toBe(false);
    answers.shift()!([true]);
    await flush();
    expect(written).toEqual([]);
    expect(settled).toBe(0);
  });

  test('without a resolver nothing is kept for it; a failing one is reported and the pass goes on', async () => {
    const quiet = names({ resolve: undefined });
    quiet.take(blockOf('Turkey said no.'), result([candidate('Turkey said no.', 'turkey', 'Turkey')], []));
    expect(quiet.busy).toBe(false);
    const errors: unknown[] = [];
    const failing = names({ resolve: () => Promise.reject(new Error('gone')), onError: (e) => errors.push(e) });
    failing.take(blockOf('Turkey said no.'), result([candidate('Turkey said no.', 'turkey', 'Turkey')], []));
    timers.shift()!();
    await flush();
    expect(errors).toHaveLength(1);
    expect(failing.busy).toBe(false);
    expect(settled).toBe(1);
  });
});
