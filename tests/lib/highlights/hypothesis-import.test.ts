/**
 * Reading a Hypothesis export: what each annotation becomes, what is counted
 * but not imported, and every way a bad file is refused whole, by name.
 */
import { describe, expect, test } from 'vitest';
import { bundledFactbase } from '../../../lib/factbase/bundled';
import { entityTagResolver } from '../../../lib/highlights/entity-tags';
import {
  HYPOTHESIS_ID_PREFIX,
  parseHypothesisExport,
  type HypothesisResult,
} from '../../../lib/highlights/hypothesis-import';
import { MAX_NOTE_CHARS, MAX_QUOTE_CHARS } from '../../../lib/highlights/model';
import { HYP_PAGE_TEXT, hypAnnotation, hypExport, hypId, type HypAnnotation } from './hypothesis-fixtures';

const resolveTag = entityTagResolver(bundledFactbase().entities);

function read(annotations: unknown[], extra: Record<string, unknown> = {}): HypothesisResult {
  return parseHypothesisExport({ ...JSON.parse(hypExport(annotations)), ...extra }, resolveTag);
}

function ok(annotations: unknown[]) {
  const r = read(annotations);
  if (!r.ok) throw new Error(r.error);
  return r;
}

function refused(annotations: unknown[]): string {
  const r = read(annotations);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.error;
}

const QUOTE = 'Gazprom and CNPC finally signed a thirty-year supply contract';

describe('a Hypothesis annotation becomes a highlight', () => {
  test('quote, context, position, page, title, times', () => {
    const a = hypAnnotation(QUOTE, { id: 'Xk9Quote0000000000000a' });
    const [h] = ok([a]).highlights;
    const start = HYP_PAGE_TEXT.indexOf(QUOTE);
    expect(h).toEqual({
      id: `${HYPOTHESIS_ID_PREFIX}Xk9Quote0000000000000a`,
      url: 'https://news.example.com/pipeline',
      originalUrl: 'https://news.example.com/pipeline?utm_source=hypothesis#section-2',
      title: 'Pipeline diplomacy | News Example',
      created: '2025-03-14T09:26:53.589Z',
      updated: '2025-03-15T17:02:11.004Z',
      anchor: {
        quote: {
          type: 'TextQuoteSelector',
          exact: QUOTE,
          prefix: HYP_PAGE_TEXT.slice(start - 32, start),
          suffix: HYP_PAGE_TEXT.slice(start + QUOTE.length, start + QUOTE.length + 32),
        },
        position: { type: 'TextPositionSelector', start, end: start + QUOTE.length },
      },
      note: '',
      entities: [],
      status: 'unknown',
    });
  });

  test('text becomes the note; tags that name entities become entities, the rest stay in the note', () => {
    const a = hypAnnotation(QUOTE, {
      text: 'The deal **everyone** waited for.\nSee <b>also</b> [the 2019 start](https://x.example).',
      tags: ['Gazprom', 'cnpc', 'Power_of_Siberia', 'pipelines', 'to-read', 'GAZPROM', 'Pipelines'],
    });
    const r = ok([a]);
    const [h] = r.highlights;
    expect(h!.entities).toEqual(['cnpc', 'gazprom', 'power-of-siberia']);
    // Markdown and HTML are kept as the reader wrote them; the page shows notes as text.
    expect(h!.note).toBe(
      'The deal **everyone** waited for.\nSee <b>also</b> [the 2019 start](https://x.example).\n\nTags: pipelines, to-read',
    );
    expect([r.tagsLinked, r.tagsKept]).toEqual([3, 2]);
  });

  test('tags and no text: the tags are the note', () => {
    const [h] = ok([hypAnnotation(QUOTE, { tags: ['energy security', 'Xi'] })]).highlights;
    expect(h!.note).toBe('Tags: energy security');
    expect(h!.entities).toEqual(['xi-jinping']);
  });

  test('a title given as a string, or none', () => {
    const [a, b] = ok([
      hypAnnotation(QUOTE, { document: { title: '  Plain title ' } }),
      { ...hypAnnotation('the Power of Siberia'), document: undefined },
    ]).highlights;
    expect(a!.title).toBe('Plain title');
    expect(b!.title).toBe('');
  });

  test('without a TextPositionSelector the quote still imports, with a placeholder position', () => {
    const a = hypAnnotation(QUOTE);
    a.target[0]!.selector = a.target[0]!.selector!.filter((s) => s.type !== 'TextPositionSelector');
    const [h] = ok([a]).highlights;
    expect(h!.anchor.position).toEqual({ type: 'TextPositionSelector', start: 0, end: QUOTE.length });
    expect(h!.anchor.quote.exact).toBe(QUOTE);
  });

  test('without prefix and suffix the context is empty', () => {
    const a = hypAnnotation(QUOTE);
    a.target[0]!.selector = [{ type: 'TextQuoteSelector', exact: QUOTE }];
    const [h] = ok([a]).highlights;
    expect(h!.anchor.quote).toEqual({ type: 'TextQuoteSelector', exact: QUOTE, prefix: '', suffix: '' });
  });

  test('the web address is preferred when the target names the document some other way', () => {
    const a = hypAnnotation(QUOTE, { uri: 'https://files.example/report.pdf' });
    a.target[0]!.source = 'urn:x-pdf:6c9e2ac5d9f1b0c7';
    expect(ok([a]).highlights[0]!.url).toBe('https://files.example/report.pdf');
  });

  test('page notes and replies quote nothing: counted, not imported', () => {
    const parent = hypAnnotation(QUOTE);
    const r = ok([
      parent,
      hypAnnotation(null, { text: 'A note about the whole page' }),
      hypAnnotation(null, { text: 'I agree', references: [parent.id] }),
      hypAnnotation(null, { text: 'Me too', references: [parent.id] }),
    ]);
    expect(r.highlights.map((h) => h.id)).toEqual([`${HYPOTHESIS_ID_PREFIX}${parent.id}`]);
    expect([r.pageNotes, r.replies]).toEqual([1, 2]);
  });

  test('an annotation listed twice is imported once', () => {
    const a = hypAnnotation(QUOTE);
    const r = ok([a, a, hypAnnotation('the Power of Siberia')]);
    expect(r.highlights).toHaveLength(2);
    expect(r.duplicates).toBe(1);
  });

  test('the same file read twice gives the same ids (so a re-import adds nothing)', () => {
    const file = [hypAnnotation(QUOTE), hypAnnotation('the Power of Siberia')];
    expect(ok(file).highlights.map((h) => h.id)).toEqual(ok(file).highlights.map((h) => h.id));
  });

  test('an API search answer (`rows`) is read like an export', () => {
    const r = parseHypothesisExport({ total: 1, rows: [hypAnnotation(QUOTE)] }, resolveTag);
    expect(r.ok && r.highlights).toHaveLength(1);
  });

  test('an empty export imports nothing', () => {
    expect(ok([]).highlights).toEqual([]);
  });
});

describe('a bad Hypothesis file is refused whole, naming the annotation and the problem', () => {
  const id = 'Xk9Bad00000000000000aa';
  const bad = (change: (a: HypAnnotation & Record<string, unknown>) => void) => {
    const a = hypAnnotation(QUOTE, { id }) as HypAnnotation & Record<string, unknown>;
    change(a);
    // The bad one is the second of three, so the message must say which.
    return refused([hypAnnotation('the Power of Siberia'), a, hypAnnotation('a second line')]);
  };
  const where = `Hypothesis annotation 2 of 3 (id ${id}): `;

  test.each<[string, (a: HypAnnotation & Record<string, unknown>) => void, RegExp]>([
    ['no id', (a) => delete (a as Partial<HypAnnotation>).id, /^Hypothesis annotation 2 of 3: id: .*it is missing/],
    ['an empty id', (a) => (a.id = ''), /^Hypothesis annotation 2 of 3 \(id \): id: must not be empty/],
    [
      'a bad created time',
      (a) => (a.created = 'last Tuesday'),
      /created: must be an ISO 8601 timestamp \(got "last Tuesday"\)/,
    ],
    ['a bad updated time', (a) => (a.updated = '2025-13-01T00:00:00Z'), /updated: must be an ISO 8601 timestamp/],
    ['no target', (a) => delete (a as Partial<HypAnnotation>).target, /target: .*it is missing/],
    ['an empty target list', (a) => (a.target = []), /target: must name the annotated document/],
    ['tags that are not a list', (a) => (a.tags = 'gazprom' as unknown as string[]), /tags: .*got "gazprom"/],
    ['a tag that is not text', (a) => (a.tags = ['ok', 7 as unknown as string]), /tags\.1: /],
    ['text that is not text', (a) => (a.text = { markdown: 'x' } as unknown as string), /text: /],
    [
      'a numeric title',
      (a) => (a.document = { title: 5 as unknown as string }),
      /document\.title: must be a string or a list of strings/,
    ],
    [
      'an empty quote',
      (a) => (a.target[0]!.selector![2] = { type: 'TextQuoteSelector', exact: '' }),
      /target\.0\.selector\.2\.exact: must not be empty/,
    ],
    [
      'a quote that is not text',
      (a) => (a.target[0]!.selector![2] = { type: 'TextQuoteSelector', exact: 42 }),
      /target\.0\.selector\.2\.exact: .*got 42/,
    ],
    [
      'a quote too long to keep',
      (a) => (a.target[0]!.selector![2] = { type: 'TextQuoteSelector', exact: 'x'.repeat(MAX_QUOTE_CHARS + 1) }),
      /target\.0\.selector\.2\.exact: is longer than the 10000 characters a highlight can hold/,
    ],
    [
      'a position whose end is before its start',
      (a) => (a.target[0]!.selector![1] = { type: 'TextPositionSelector', start: 50, end: 10 }),
      /target\.0\.selector\.1: end must be greater than start/,
    ],
    [
      'a negative position',
      (a) => (a.target[0]!.selector![1] = { type: 'TextPositionSelector', start: -1, end: 10 }),
      /target\.0\.selector\.1\.start: /,
    ],
    [
      'a note too long to keep',
      (a) => (a.text = 'x'.repeat(MAX_NOTE_CHARS + 1)),
      /its text and tags come to 10001 characters; a highlight's note holds at most 10000/,
    ],
    [
      'no address for the page',
      (a) => {
        delete (a as Partial<HypAnnotation>).uri;
        a.target[0]!.source = '';
      },
      /target\.0\.source: the annotated page's address is missing/,
    ],
  ])('%s', (_name, change, message) => {
    const error = bad(change);
    if (
      !error.startsWith('Hypothesis annotation 2 of 3:') &&
      !error.startsWith('Hypothesis annotation 2 of 3 (id ):')
    ) {
      expect(error.startsWith(where), error).toBe(true);
    }
    expect(error).toMatch(message);
  });

  test('an annotation that is not an object', () => {
    expect(refused([hypAnnotation(QUOTE), 'just a string'])).toMatch(
      /^Hypothesis annotation 2 of 2: must be an object \(got "just a string"\)/,
    );
  });

  test('an "annotations" that is not a list', () => {
    const r = parseHypothesisExport({ annotations: { id: hypId() } }, resolveTag);
    expect(r.ok ? '' : r.error).toMatch(/^Not a Hypothesis export — .*"annotations" list/);
  });
});
