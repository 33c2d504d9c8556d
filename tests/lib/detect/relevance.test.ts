import { describe, expect, test } from 'vitest';
import { admitted, filterByRelevance, relevanceOf } from '../../../lib/detect/relevance';
import { aliasTable } from '../../../lib/detect/bundled-table';
import { createDetector } from '../../../lib/detect/detector';
import type { Tier } from '../../../lib/detect/rules-schema';

const tiers: Record<string, Tier> = { russia: 'core', china: 'core', 'united-states': 'context', india: 'context' };
const tierOf = (id: string): Tier => tiers[id] ?? 'core';
const m = (...ids: string[]) => ids.map((id) => ({ id }));

describe('relevance', () => {
  test('a page with no core entity shows nothing, not even its context entities', () => {
    expect(filterByRelevance(m('united-states', 'india', 'united-states'), tierOf, 1)).toEqual([]);
    expect(relevanceOf(m('united-states'), tierOf, 1)).toEqual({ core: 0, about: false });
  });

  test('context entities need the page to name core entities often enough', () => {
    const page = m('united-states', 'china', 'india');
    expect(filterByRelevance(page, tierOf, 1).map((x) => x.id)).toEqual(['united-states', 'china', 'india']);
    expect(filterByRelevance(page, tierOf, 2).map((x) => x.id)).toEqual(['china']);
    expect(filterByRelevance(m('united-states', 'china', 'russia'), tierOf, 2).map((x) => x.id)).toEqual([
      'united-states',
      'china',
      'russia',
    ]);
  });

  test('"mark anyway" shows everything', () => {
    expect(filterByRelevance(m('united-states'), tierOf, 1, true)).toEqual(m('united-states'));
  });

  test('admitted() agrees with the filter', () => {
    const r = relevanceOf(m('china'), tierOf, 2);
    expect(admitted('china', r, tierOf)).toBe(true);
    expect(admitted('india', r, tierOf)).toBe(false);
  });

  test('the bundled tiers: the two countries are core, the United States and India context', () => {
    const d = createDetector(aliasTable);
    expect(d.tierOf('russia')).toBe('core');
    expect(d.tierOf('china')).toBe('core');
    expect(d.tierOf('united-states')).toBe('context');
    expect(d.tierOf('india')).toBe('context');
    expect(d.tierOf('donald-trump')).toBe('context');
  });
});
