import { describe, expect, test } from 'vitest';
import { filterHighlights, groupByPage } from '../../../lib/highlights/query';
import { sentenceAround, describeRange } from '../../../lib/highlights/describe-range';
import { makeHighlights } from './fixtures';

const highlights = makeHighlights(30, 5);
const topics: Record<string, string[]> = { gazprom: ['energy'], cnpc: ['energy'], 'vladimir-putin': ['people'] };

describe('grouping and filters', () => {
  test('groups by page, newest page first, every highlight once', () => {
    const groups = groupByPage(highlights);
    expect(groups).toHaveLength(5);
    expect(groups.flatMap((g) => g.highlights)).toHaveLength(30);
    expect(groups[0]!.highlights.some((h) => h.id === highlights[29]!.id)).toBe(true);
  });

  test('full-text search matches quote, note and title, ignoring case and accents', () => {
    const hit = filterHighlights(highlights, { text: 'NOTE  12:' });
    expect(hit.map((h) => h.id)).toEqual([highlights[12]!.id]);
    expect(filterHighlights(highlights, { text: 'статья' }).length).toBeGreaterThan(0);
    expect(filterHighlights(highlights, { text: 'zzzz-nothing' })).toEqual([]);
  });

  test('entity, topic and orphan filters', () => {
    const byEntity = filterHighlights(highlights, { entity: 'gazprom' });
    expect(byEntity.length).toBeGreaterThan(0);
    expect(byEntity.every((h) => h.entities.includes('gazprom'))).toBe(true);
    const byTopic = filterHighlights(highlights, { topic: 'people' }, (id) => topics[id] ?? []);
    expect(byTopic.every((h) => h.entities.includes('vladimir-putin'))).toBe(true);
    expect(filterHighlights(highlights, { orphansOnly: true }).every((h) => h.status === 'orphan')).toBe(true);
  });
});

describe('describeRange and sentenceAround', () => {
  const text = 'First sentence here. Gazprom and CNPC signed a contract in May 2014! Third one follows here.';

  test('the sentence around a mention', () => {
    const i = text.indexOf('CNPC');
    const s = sentenceAround(text, i, i + 4);
    expect(text.slice(s.start, s.end)).toBe('Gazprom and CNPC signed a contract in May 2014!');
  });

  test('surrounding whitespace is trimmed; context reaches a word boundary', () => {
    const a = describeRange(text, 20, 45)!;
    expect(a.quote.exact).toBe('Gazprom and CNPC signed');
    expect(a.position).toEqual({ type: 'TextPositionSelector', start: 21, end: 44 });
    expect(a.quote.prefix).toBe('First sentence here. ');
    expect(a.quote.suffix.length).toBeGreaterThanOrEqual(32);
    expect(describeRange(text, 5, 6)).toBeNull();
  });
});
