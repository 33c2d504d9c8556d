/**
 * Card data for component tests, built from the real catalogue file. The one
 * series below is test-only data (the catalogue has none yet); its figures are
 * placeholders that exercise the chart, not facts.
 */
import catalogue from '../../../assets/factbase/catalogue.json';
import metaJson from '../../../assets/factbase/meta.json';
import { parseEntities, parseMeta, type Entity, type Series } from '../../../lib/factbase/schema';
import { buildCardData, type CardData } from '../../../lib/card/view-model';

const entities = parseEntities(catalogue, 'catalogue.json');
export const meta = parseMeta(metaJson);
export const byId = new Map<string, Entity>(entities.map((e) => [e.id, e]));

export const TEST_SERIES: Series = {
  label: 'Test volume',
  unit: 'units',
  points: [
    {
      period: '2020',
      value: 4,
      source: { kind: 'web', url: 'https://example.org/a', title: 'Test source A', quote: 'a' },
    },
    {
      period: '2021',
      value: 10,
      source: { kind: 'web', url: 'https://example.org/a', title: 'Test source A', quote: 'a' },
    },
    { period: '2022', value: 15, source: { kind: 'seed', quote: 'b' } },
  ],
};

export function cardData(id: string, withSeries = false): CardData {
  const data = buildCardData(id, byId, meta);
  if (!data) throw new Error(`fixture: no entity ${id}`);
  return withSeries ? { ...data, entity: { ...data.entity, series: [TEST_SERIES] } } : data;
}
