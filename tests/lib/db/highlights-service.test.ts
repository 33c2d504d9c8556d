import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { HighlightsDb } from '../../../lib/db/highlights-db';
import { highlightHandlers } from '../../../lib/db/highlights-service';
import { describeRange } from '../../../lib/highlights/describe-range';
import { parseRequest } from '../../../lib/messages';

const TEXT = 'Gazprom and CNPC signed the Power of Siberia contract in May 2014, after a decade of talks about price.';
let n = 0;

function setup() {
  const db = new HighlightsDb({ name: `service-${++n}` });
  let id = 0;
  const handlers = highlightHandlers(db, {
    newId: () => `id-${++id}`,
    now: () => new Date('2026-11-28T10:00:00.000Z'),
    entitiesOf: (text) => (text.includes('Gazprom') ? ['gazprom'] : []),
  });
  return { db, handlers };
}

const draft = {
  pageUrl: 'https://news.example.com/a?utm_source=x&id=3#frag',
  canonical: null,
  title: 'A title',
  anchor: describeRange(TEXT, 0, 44)!,
  entities: ['cnpc'],
};

describe('highlight handlers', () => {
  test('save normalises the URL, adds detected entities and answers a result', async () => {
    const { handlers } = setup();
    const r = await handlers['highlight:save']({ type: 'highlight:save', draft });
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({
        id: 'id-1',
        url: 'https://news.example.com/a?id=3',
        originalUrl: draft.pageUrl,
        entities: ['cnpc', 'gazprom'],
        created: '2026-11-28T10:00:00.000Z',
        status: 'anchored',
      }),
    });
    const list = await handlers['highlight:list-for-page']({
      type: 'highlight:list-for-page',
      url: 'https://news.example.com/a?id=3&fbclid=zzz',
    });
    expect(list.ok && list.value.map((h) => h.id)).toEqual(['id-1']);
  });

  test("a page's highlights are listed in reading order, not in the store's id order", async () => {
    const { handlers } = setup();
    // Saved last-passage-first; ids grow in save order, so id order would be the reverse.
    const anchors = [describeRange(TEXT, 67, 101)!, describeRange(TEXT, 28, 44)!, describeRange(TEXT, 0, 16)!];
    for (const anchor of anchors) {
      await handlers['highlight:save']({ type: 'highlight:save', draft: { ...draft, anchor } });
    }
    const list = await handlers['highlight:list-for-page']({ type: 'highlight:list-for-page', url: draft.pageUrl });
    const starts = anchors.map((a) => a.position.start);
    expect(starts).not.toEqual([...starts].sort((a, b) => a - b));
    expect(list.ok && list.value.map((h) => h.anchor.position.start)).toEqual([...starts].sort((a, b) => a - b));
  });

  test('report marks orphans; orphans are listed and can be kept', async () => {
    const { handlers } = setup();
    await handlers['highlight:save']({ type: 'highlight:save', draft });
    await handlers['highlight:report']({ type: 'highlight:report', anchored: [], orphaned: ['id-1'] });
    const orphans = await handlers['highlight:orphans']({ type: 'highlight:orphans', url: draft.pageUrl });
    expect(orphans.ok && orphans.value.map((h) => h.id)).toEqual(['id-1']);
    await handlers['highlight:update']({ type: 'highlight:update', id: 'id-1', status: 'unknown' });
    const after = await handlers['highlight:orphans']({ type: 'highlight:orphans' });
    expect(after.ok && after.value).toEqual([]);
  });

  test('a failure comes back as a reader-facing error, not an exception', async () => {
    const { handlers } = setup();
    const r = await handlers['highlight:update']({ type: 'highlight:update', id: 'nope', note: 'x' });
    expect(r).toEqual({ ok: false, error: { kind: 'not-found', message: 'That highlight no longer exists.' } });
  });

  test('the receiving side refuses malformed payloads', () => {
    expect(parseRequest({ type: 'highlight:save', draft: { ...draft, entities: ['<img>'] } })).toBeNull();
    expect(parseRequest({ type: 'highlight:delete', id: '' })).toBeNull();
    expect(parseRequest({ type: 'highlight:import', highlights: [{ id: 'x' }] })).toBeNull();
    expect(parseRequest({ type: 'highlight:save', draft })).not.toBeNull();
  });
});

describe('list-for-page without the canonical (as the popup asks)', () => {
  test('finds highlights filed under the canonical address but saved from this one', async () => {
    const { handlers } = setup();
    await handlers['highlight:save']({
      type: 'highlight:save',
      draft: { ...draft, pageUrl: 'https://news.example.com/amp/a?utm_source=x', canonical: '/a' },
    });
    const fromPopup = await handlers['highlight:list-for-page']({
      type: 'highlight:list-for-page',
      url: 'https://news.example.com/amp/a',
    });
    expect(fromPopup.ok && fromPopup.value.map((h) => h.url)).toEqual(['https://news.example.com/a']);
    const fromContent = await handlers['highlight:list-for-page']({
      type: 'highlight:list-for-page',
      url: 'https://news.example.com/amp/a',
      canonical: null,
    });
    expect(fromContent.ok && fromContent.value).toEqual([]);
  });
});
