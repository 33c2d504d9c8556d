/**
 * A card's facts in the order for the page: facts naming other entities on
 * the page first, then facts near the article's date, then the rest, each
 * placed before or after the article's date. Real catalogue records.
 */
import { describe, expect, test } from 'vitest';
import catalogue from '../../../assets/factbase/catalogue.json';
import { parseEntities, type Entity } from '../../../lib/factbase/schema';
import { arrangeFacts, namesIn, type PageEntity } from '../../../lib/card/rank-facts';

const byId = new Map(parseEntities(catalogue, 'catalogue.json').map((e) => [e.id, e]));
const entity = (id: string): Entity => byId.get(id)!;
const onPage = (...ids: string[]): PageEntity[] =>
  ids.map((id) => ({ id, names: [entity(id).name, ...entity(id).aliases] }));
const first = (facts: ReturnType<typeof arrangeFacts>) => facts[0]!.fact.text;

describe('arrangeFacts', () => {
  const pipeline = entity('power-of-siberia');

  test('without page context the facts keep the fact base order and carry no placement', () => {
    const facts = arrangeFacts(pipeline);
    expect(facts.map((f) => f.fact)).toEqual(pipeline.facts);
    expect(facts.every((f) => f.relative === undefined && f.links.length === 0)).toBe(true);
  });

  test('the same card opens with different facts on two different pages', () => {
    const leaders = arrangeFacts(pipeline, { entities: onPage('vladimir-putin', 'xi-jinping', 'power-of-siberia') });
    const companies = arrangeFacts(pipeline, { entities: onPage('gazprom', 'cnpc', 'power-of-siberia') });
    expect(first(leaders)).toMatch(/^Putin and Xi opened/);
    expect(leaders[0]!.links).toEqual(['vladimir-putin', 'xi-jinping']);
    // Both companies are named, and both are among the pipeline's related entities.
    expect(first(companies)).toMatch(/Gazprom and China National Petroleum Corporation/);
    expect(companies[0]!.links).toEqual(['gazprom', 'cnpc']);
    expect(first(leaders)).not.toBe(first(companies));
  });

  test('a fact naming a related entity on the page ranks above one naming an unrelated one', () => {
    // Facts 0 and 1 name Gazprom (related); fact 3 names Putin and Xi (two links, neither related).
    const facts = arrangeFacts(pipeline, { entities: onPage('gazprom', 'vladimir-putin', 'xi-jinping') });
    expect(facts.map((f) => f.links)).toEqual([['gazprom'], ['gazprom'], ['vladimir-putin', 'xi-jinping'], [], []]);
  });

  test('with the article date, facts near it come next, then the rest in order', () => {
    const facts = arrangeFacts(pipeline, { date: '2015-03-01', entities: [] });
    // The 2014 agreement is the one fact within a year of an article of March 2015.
    expect(first(facts)).toMatch(/30-year supply agreement/);
    expect(facts.map((f) => f.relative)).toEqual(['before', 'after', 'after', 'after', 'after']);
    expect(facts.slice(1).map((f) => pipeline.facts.indexOf(f.fact))).toEqual([0, 2, 3, 4]);
  });

  test('the card entity itself never counts as a link', () => {
    const facts = arrangeFacts(pipeline, { entities: onPage('power-of-siberia') });
    expect(facts.every((f) => f.links.length === 0)).toBe(true);
  });
});

describe('namesIn', () => {
  test.each([
    ['Putin and Xi met.', 'Xi', true],
    ['A taxi arrived.', 'Xi', false],
    ['RT reported it.', 'RT', true],
    ['The art of it.', 'RT', false],
    ['Yuan settlements grew.', 'yuan', true],
    ['China’s exports.', 'China', true],
    ['Chinatown is busy.', 'China', false],
    ['Путин и Си встретились.', 'Путин', true],
    ['The (S-400) arrived.', 'S-400', true],
  ])('%s names %s: %s', (text, name, expected) => {
    expect(namesIn(text, name)).toBe(expected);
  });
});
