import { describe, expect, test } from 'vitest';
import { addCounts, admitted, relevanceFromCounts, type RelevanceRule } from '../../../lib/detect/relevance';
import { aliasTable } from '../../../lib/detect/bundled-table';
import { createDetector } from '../../../lib/detect/detector';
import { coreCounts } from '../../../lib/detect/scan-service';
import type { Tier } from '../../../lib/detect/rules-schema';

const tiers: Record<string, Tier> = { russia: 'core', china: 'core', 'united-states': 'context', india: 'context' };
const tierOf = (id: string): Tier => tiers[id] ?? 'core';
const m = (...ids: string[]) => ids.map((id) => ({ id }));
const rule = { minCoreEntities: 2, minOneEntityMentions: 5, minCoreMentions: 3 };
const ids = (list: { id: string }[]) => list.map((x) => x.id);

/** A page's verdict from its mentions, as the probes count them: core mentions per id. */
function relevanceOf(mentions: { id: string }[], tiers: (id: string) => Tier, judged: RelevanceRule) {
  const counts: Record<string, number> = {};
  for (const x of mentions) if (tiers(x.id) === 'core') addCounts(counts, { [x.id]: 1 });
  return relevanceFromCounts(counts, judged);
}

/** The mentions such a page shows (all of them when the reader asks to mark it anyway). */
function filterByRelevance<M extends { id: string }>(
  mentions: M[],
  tiers: (id: string) => Tier,
  judged: RelevanceRule,
  anyway = false,
): M[] {
  if (anyway) return mentions;
  const relevance = relevanceOf(mentions, tiers, judged);
  return mentions.filter((x) => admitted(x.id, relevance, tiers));
}

describe('relevance', () => {
  test('a page with no core entity shows nothing, not even its context entities', () => {
    expect(filterByRelevance(m('united-states', 'india', 'united-states'), tierOf, rule)).toEqual([]);
    expect(relevanceOf(m('united-states'), tierOf, rule)).toEqual({
      core: 0,
      coreEntities: 0,
      shown: false,
      about: false,
    });
  });

  test('one core entity alone (a town called Moscow, a restaurant called Peking) shows nothing either', () => {
    expect(filterByRelevance(m('russia', 'russia', 'russia', 'united-states'), tierOf, rule)).toEqual([]);
  });

  test('one core entity named often enough makes the page about it (a page about Beijing)', () => {
    expect(
      ids(filterByRelevance(m('beijing', 'beijing', 'beijing', 'beijing', 'united-states'), tierOf, rule)),
    ).toEqual([]);
    expect(
      ids(filterByRelevance(m('beijing', 'beijing', 'beijing', 'beijing', 'beijing', 'united-states'), tierOf, rule)),
    ).toEqual(['beijing', 'beijing', 'beijing', 'beijing', 'beijing', 'united-states']);
  });

  test('context entities need enough core mentions; core ones show as soon as the page is shown', () => {
    expect(ids(filterByRelevance(m('united-states', 'china', 'russia'), tierOf, rule))).toEqual(['china', 'russia']);
    expect(ids(filterByRelevance(m('united-states', 'china', 'russia', 'china'), tierOf, rule))).toEqual([
      'united-states',
      'china',
      'russia',
      'china',
    ]);
  });

  test('"mark anyway" shows everything', () => {
    expect(filterByRelevance(m('united-states'), tierOf, rule, true)).toEqual(m('united-states'));
  });

  test('counts from several probes add up to the same verdict as the mentions themselves', () => {
    const counts: Record<string, number> = {};
    addCounts(counts, { china: 1 });
    addCounts(counts, { russia: 1, china: 1 });
    expect(relevanceFromCounts(counts, rule)).toEqual(relevanceOf(m('china', 'russia', 'china'), tierOf, rule));
    expect(admitted('india', relevanceFromCounts(counts, rule), tierOf)).toBe(true);
    expect(admitted('india', relevanceFromCounts({ china: 1, russia: 1 }, rule), tierOf)).toBe(false);
  });

  test('the bundled tiers: the two countries are core, the United States and India context', () => {
    const d = createDetector(aliasTable);
    expect(d.tierOf('russia')).toBe('core');
    expect(d.tierOf('china')).toBe('core');
    expect(d.tierOf('united-states')).toBe('context');
    expect(d.tierOf('india')).toBe('context');
    expect(d.tierOf('donald-trump')).toBe('context');
  });

  test('coreCounts counts core mentions only, in text run together', () => {
    expect(coreCounts('Putin met Xi Jinping in Beijing.U.S. officials said nothing.')).toEqual({
      'vladimir-putin': 1,
      'xi-jinping': 1,
      beijing: 1,
    });
    expect(coreCounts('The U.S. economy and Donald Trump.')).toEqual({});
  });

  test("a country's demonyms count for it beside the other country named in full, never alone", () => {
    const text = 'Минторг США внес 42 китайские компании в список за поставки в Россию микросхем.';
    expect(coreCounts(text)).toEqual({ russia: 1, china: 1 });
    expect(
      relevanceFromCounts(coreCounts(text), { minCoreEntities: 2, minOneEntityMentions: 8, minCoreMentions: 3 }).shown,
    ).toBe(true);
    expect(coreCounts('Chinese and Russian restaurants opened downtown.')).toEqual({});
    expect(coreCounts('We ate at a Chinese restaurant in Moscow.')).toEqual({ moscow: 1 });
  });
});
