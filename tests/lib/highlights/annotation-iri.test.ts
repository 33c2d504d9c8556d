import { describe, expect, test } from 'vitest';
import {
  HIGHLIGHT_IRI_BASE,
  highlightIri,
  idFromAnnotationIri,
  newUrnUuid,
} from '../../../lib/highlights/annotation-iri';
import { isAbsoluteIri } from './web-annotation-conformance';

/** Ids a store can hold: ours, older imports, Hypothesis ones, and awkward strings. */
const IDS = [
  '00000000-0000-4000-8000-000000000007',
  'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D',
  'legacy-7',
  'hypothesis-Xk90001aBcD_eFgH-iJkL',
  'id with spaces',
  'a/b?c#d',
  '100%',
  'выделение-1',
  '中俄-标注',
  'quote"s <and> {braces}',
  'urn:isbn:0451450523',
  'emoji-🙂',
];

describe('highlight IRIs', () => {
  test('a UUID id becomes urn:uuid:, as before', () => {
    expect(highlightIri('00000000-0000-4000-8000-000000000007')).toBe('urn:uuid:00000000-0000-4000-8000-000000000007');
  });

  test('a non-UUID id becomes an IRI under our base (it was exported bare, which is no IRI)', () => {
    expect(highlightIri('legacy-7')).toBe(`${HIGHLIGHT_IRI_BASE}legacy-7`);
    expect(highlightIri('id with spaces')).toBe(`${HIGHLIGHT_IRI_BASE}id%20with%20spaces`);
  });

  test.each(IDS)('%s: an absolute IRI, the same every time, and read back as the same id', (id) => {
    const iri = highlightIri(id);
    expect(isAbsoluteIri(iri)).toBe(true);
    expect(highlightIri(id)).toBe(iri);
    expect(idFromAnnotationIri(iri)).toBe(id);
  });

  test('distinct ids never share an IRI', () => {
    expect(new Set(IDS.map(highlightIri)).size).toBe(IDS.length);
  });

  test('bare ids of format version 1 and other tools’ IRIs are kept as they are', () => {
    expect(idFromAnnotationIri('legacy-7')).toBe('legacy-7');
    expect(idFromAnnotationIri('https://hypothes.is/a/Xk90001aBcD')).toBe('https://hypothes.is/a/Xk90001aBcD');
    expect(idFromAnnotationIri('urn:uuid:not-a-uuid')).toBe('urn:uuid:not-a-uuid');
  });

  test('an IRI under our base that we would not have written keeps its full form', () => {
    for (const iri of [`${HIGHLIGHT_IRI_BASE}%E0%A4%A`, `${HIGHLIGHT_IRI_BASE}`, `${HIGHLIGHT_IRI_BASE}a b`]) {
      expect(idFromAnnotationIri(iri)).toBe(iri);
    }
  });

  test('collection and page IRIs are fresh urn:uuid IRIs', () => {
    const a = newUrnUuid();
    expect(isAbsoluteIri(a)).toBe(true);
    expect(a).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(newUrnUuid()).not.toBe(a);
  });
});

describe('the IRI test of the conformance checks', () => {
  test.each([
    ['urn:uuid:00000000-0000-4000-8000-000000000007', true],
    ['https://eurasia-lens.invalid/highlight/legacy-7', true],
    ['http://www.w3.org/ns/anno.jsonld', true],
    ['urn:isbn:0451450523', true],
    ['https://例え.jp/引用', true],
    ['legacy-7', false],
    ['00000000-0000-4000-8000-000000000007', false],
    ['/relative/path', false],
    ['urn:uuid:1234', false],
    ['https://x.example/a b', false],
    ['https://x.example/%zz', false],
    ['https:no-authority', false],
    ['', false],
  ])('%s → %s', (iri, ok) => {
    expect(isAbsoluteIri(iri)).toBe(ok);
  });
});
