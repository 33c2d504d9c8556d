/**
 * The conformance checks themselves: a document written by hand after the
 * model's own examples passes, and each MUST, broken on its own, is caught
 * under its rule. Without this a check that never fires would pass every export.
 */
import { describe, expect, test } from 'vitest';
import { checkAnnotation, checkAnnotationCollection, type Violation } from './web-annotation-conformance';

type Doc = Record<string, unknown>;

/** A conforming collection with one embedded page of two annotations. */
function goodCollection(): Doc {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'http://example.org/collection1',
    type: 'AnnotationCollection',
    label: 'Two Annotations',
    total: 2,
    generated: '2015-02-04T12:00:00Z',
    first: {
      id: 'http://example.org/page1',
      type: 'AnnotationPage',
      partOf: 'http://example.org/collection1',
      startIndex: 0,
      items: [
        {
          id: 'http://example.org/anno1',
          type: 'Annotation',
          motivation: 'commenting',
          created: '2015-01-28T12:00:00Z',
          body: [
            { type: 'TextualBody', value: 'a comment', format: 'text/plain', purpose: 'commenting' },
            { type: 'TextualBody', value: 'tag1', purpose: 'tagging' },
          ],
          target: {
            type: 'SpecificResource',
            source: 'http://example.org/page1',
            selector: [
              { type: 'TextQuoteSelector', exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' },
              { type: 'TextPositionSelector', start: 412, end: 795 },
            ],
          },
        },
        {
          id: 'urn:uuid:dbfb1861-0ecf-41ad-be94-a584e5c4f1df',
          type: 'Annotation',
          bodyValue: 'text',
          target: 'http://example.com/page2',
        },
      ],
    },
    last: 'http://example.org/page1',
  };
}

const first = (c: Doc) => c.first as Doc;
const item = (c: Doc, i = 0) => (first(c).items as Doc[])[i]!;
const target = (c: Doc) => item(c).target as Doc;
const selector = (c: Doc, i: number) => (target(c).selector as Doc[])[i]!;
const body = (c: Doc, i = 0) => (item(c).body as Doc[])[i]!;

const rules = (found: Violation[]) => [...new Set(found.map((v) => v.rule))];

describe('conformance checks', () => {
  test('a collection written after the model’s examples conforms', () => {
    expect(checkAnnotationCollection(goodCollection())).toEqual([]);
  });

  test('an empty collection needs no page', () => {
    const c = goodCollection();
    c.total = 0;
    delete c.first;
    delete c.last;
    expect(checkAnnotationCollection(c)).toEqual([]);
  });

  test('a standalone annotation needs its own @context; embedded ones share the collection’s', () => {
    const a = item(goodCollection());
    expect(rules(checkAnnotation(a))).toEqual(['3.1 annotation @context']);
    expect(checkAnnotation({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...a })).toEqual([]);
    expect(rules(checkAnnotation({ '@context': ['http://www.w3.org/ns/anno.jsonld'], ...a }))).toEqual([
      '3.1 annotation @context',
    ]);
  });

  // Each row breaks one MUST and names the rule that must catch it.
  test.each<[string, (c: Doc) => void, string]>([
    ['collection without @context', (c) => delete c['@context'], '5.1 collection @context'],
    ['@context without the anno context', (c) => (c['@context'] = 'http://schema.org/'), '5.1 collection @context'],
    ['collection without id (the bug this export had)', (c) => delete c.id, '5.1 collection id'],
    ['collection id not an IRI', (c) => (c.id = 'my-collection'), '5.1 collection id'],
    ['collection with two ids', (c) => (c.id = ['http://a.example/1', 'http://a.example/2']), '5.1 collection id'],
    ['collection of another type', (c) => (c.type = 'OrderedCollection'), '5.1 collection type'],
    ['label not a string', (c) => (c.label = 7), '5.1 collection label'],
    ['negative total', (c) => (c.total = -1), '5.1 collection total'],
    ['fractional total', (c) => (c.total = 1.5), '5.1 collection total'],
    ['annotations but no first page', (c) => delete c.first, '5.1 collection first'],
    ['last not an IRI', (c) => (c.last = 'page1'), '5.1 collection last'],
    ['generated not in UTC "Z"', (c) => (c.generated = '2015-02-04T12:00:00+00:00'), '3.3.1 generated'],
    ['page without id', (c) => delete first(c).id, '5.2 page id'],
    ['page id not an IRI', (c) => (first(c).id = 'page-1'), '5.2 page id'],
    ['page of another type', (c) => (first(c).type = 'Page'), '5.2 page type'],
    ['page with no items', (c) => (first(c).items = []), '5.2 page items'],
    ['page startIndex negative', (c) => (first(c).startIndex = -2), '5.2 page startIndex'],
    ['not the last page, no next', (c) => (c.total = 5), '5.2 page next'],
    ['partOf not an IRI', (c) => (first(c).partOf = 'collection1'), '5.2 page partOf'],
    ['annotation without id', (c) => delete item(c).id, '3.1 annotation id'],
    ['annotation with a bare id', (c) => (item(c).id = 'abc-123'), '3.1 annotation id'],
    [
      'annotation with a UUID not in urn:uuid form',
      (c) => (item(c).id = 'dbfb1861-0ecf-41ad-be94-a584e5c4f1df'),
      '3.1 annotation id',
    ],
    ['annotation without type', (c) => delete item(c).type, '3.1 annotation type'],
    ['annotation of another type', (c) => (item(c).type = ['Note']), '3.1 annotation type'],
    ['annotation without target', (c) => delete item(c).target, '3.1 annotation target'],
    ['annotation with an empty target list', (c) => (item(c).target = []), '3.1 annotation target'],
    ['both body and bodyValue', (c) => (item(c).bodyValue = 'also'), '3.2.5 body/bodyValue'],
    ['bodyValue that is not a string', (c) => (item(c, 1).bodyValue = { value: 'x' }), '3.2.5 bodyValue'],
    ['two bodyValues', (c) => (item(c, 1).bodyValue = ['a', 'b']), '3.2.5 bodyValue'],
    ['TextualBody without value', (c) => delete body(c).value, '3.2.4 TextualBody value'],
    ['TextualBody with two values', (c) => (body(c).value = ['a', 'b']), '3.2.4 TextualBody value'],
    ['body given as a relative reference', (c) => (item(c).body = 'comment1'), '3.2.1 body IRI'],
    ['external body without id', (c) => (item(c).body = { format: 'audio/mpeg' }), '3.2.1 body id'],
    ['target given as a relative reference', (c) => (item(c, 1).target = 'page2'), '3.2.1 target IRI'],
    ['bad textDirection', (c) => (body(c).textDirection = 'up'), '3.2.1 textDirection'],
    ['unknown motivation', (c) => (item(c).motivation = 'liking'), '3.3.5 motivation'],
    ['unknown purpose', (c) => (body(c).purpose = 'noting'), '3.3.5 purpose'],
    ['created with an offset, not "Z"', (c) => (item(c).created = '2015-01-28T12:00:00+01:00'), '3.3.1 created'],
    ['two created times', (c) => (item(c).created = ['2015-01-28T12:00:00Z', '2015-01-29T12:00:00Z']), '3.3.1 created'],
    ['modified not a date', (c) => (item(c).modified = 'yesterday'), '3.3.1 modified'],
    ['rights not an IRI', (c) => (item(c).rights = 'CC-BY'), '3.3.6 rights'],
    ['canonical not an IRI', (c) => (item(c).canonical = 'anno1'), '3.3.7 canonical'],
    [
      'agent with two ids',
      (c) => (item(c).creator = { id: ['http://a.example/1', 'http://a.example/2'] }),
      '3.3.2 agent id',
    ],
    ['specific resource without source', (c) => delete target(c).source, '4 SpecificResource source'],
    [
      'specific resource with two sources',
      (c) => (target(c).source = ['http://a.example/', 'http://b.example/']),
      '4 SpecificResource source',
    ],
    ['source not an IRI', (c) => (target(c).source = 'page1'), '4 SpecificResource source'],
    ['selector without type', (c) => delete selector(c, 0).type, '4.2 selector type'],
    ['selector that is neither IRI nor object', (c) => (target(c).selector = [42]), '4.2 selector'],
    ['quote selector without exact', (c) => delete selector(c, 0).exact, '4.2.4 TextQuoteSelector exact'],
    ['quote selector with two prefixes', (c) => (selector(c, 0).prefix = ['a', 'b']), '4.2.4 TextQuoteSelector prefix'],
    ['quote selector with a non-string suffix', (c) => (selector(c, 0).suffix = 3), '4.2.4 TextQuoteSelector suffix'],
    ['position selector without start', (c) => delete selector(c, 1).start, '4.2.5 TextPositionSelector start'],
    ['position selector with a negative end', (c) => (selector(c, 1).end = -1), '4.2.5 TextPositionSelector end'],
    [
      'position selector with a fractional start',
      (c) => (selector(c, 1).start = 1.5),
      '4.2.5 TextPositionSelector start',
    ],
  ])('%s', (_name, breakIt, rule) => {
    const c = goodCollection();
    breakIt(c);
    const found = checkAnnotationCollection(c);
    expect(rules(found)).toContain(rule);
  });
});
