/** Reading a publication date from metadata strings, addresses and JSON-LD. */
import { describe, expect, test } from 'vitest';
import {
  dateFromUrl,
  extractJsonLdDates,
  parseDateValue,
  pickArticleDate,
  type DateCandidate,
} from '../../../lib/detect/article-date';

/** A fixed "today", so the future-date rule does not drift with the calendar. */
const NOW = new Date('2024-06-15T12:00:00Z');

describe('parseDateValue', () => {
  test.each([
    // ISO 8601 and its relatives.
    ['2023-03-21', '2023-03-21'],
    ['2023-03-21T10:00:00+03:00', '2023-03-21'],
    ['2023-03-21T10:00:00.000Z', '2023-03-21'],
    ['2023-03-21T10:00:00+0300', '2023-03-21'],
    ['2023-03-21 10:00:00', '2023-03-21'],
    ['  2023-03-21\n', '2023-03-21'],
    ['2023-3-1', '2023-03-01'],
    ['2023/03/21', '2023-03-21'],
    ['2023/3/21 10:00', '2023-03-21'],
    ['2023.03.21', '2023-03-21'],
    ['2023-03', '2023-03'],
    // Zones: the day as written in the publisher's zone, not converted to UTC or to the reader's.
    ['2023-03-21T23:30:00-05:00', '2023-03-21'],
    ['2023-03-21T00:30:00+09:00', '2023-03-21'],
    ['2023-12-31T23:59:59-12:00', '2023-12-31'],
    // RFC 2822 and JavaScript's Date string.
    ['Tue, 21 Mar 2023 10:00:00 GMT', '2023-03-21'],
    ['Tue, 21 Mar 2023 10:00:00 +0000', '2023-03-21'],
    ['Tue Mar 21 2023 10:00:00 GMT+0300 (Moscow Standard Time)', '2023-03-21'],
    // English words.
    ['March 21, 2023', '2023-03-21'],
    ['Mar. 21, 2023', '2023-03-21'],
    ['Tuesday, March 21st, 2023 at 10:00 AM EDT', '2023-03-21'],
    ['21 March 2023', '2023-03-21'],
    ['21 March, 2023', '2023-03-21'],
    ['21-Mar-2023', '2023-03-21'],
    ['March 2023', '2023-03'],
    // Russian.
    ['21 марта 2023', '2023-03-21'],
    ['21 марта 2023 г., 10:00', '2023-03-21'],
    ['21 марта 2023 года в 10:00', '2023-03-21'],
    ['вт, 21 марта 2023', '2023-03-21'],
    ['1 мая 2023', '2023-05-01'],
    ['март 2023 г.', '2023-03'],
    ['21.03.2023', '2023-03-21'],
    ['21.03.2023 10:00', '2023-03-21'],
    // Chinese, with ASCII and full-width digits.
    ['2023年3月21日', '2023-03-21'],
    ['2023年03月21日 10:00', '2023-03-21'],
    ['２０２３年３月２１日 １０：００', '2023-03-21'],
    ['2023年3月', '2023-03'],
    // Leap day, and the edge of the one-year window after NOW.
    ['2024-02-29', '2024-02-29'],
    ['2025-06-15', '2025-06-15'],
    ['1900-01-01', '1900-01-01'],
  ])('%j → %j', (raw, expected) => {
    expect(parseDateValue(raw, NOW)).toBe(expected);
  });

  test.each([
    ['2023-02-30', 'impossible day'],
    ['2023-02-29', 'not a leap year'],
    ['2023-13-01', 'month 13'],
    ['2023-00-10', 'month 0'],
    ['30 февраля 2023', 'impossible day in Russian'],
    ['2023年2月30日', 'impossible day in Chinese'],
    ['1899-12-31', 'before 1900'],
    ['2025-06-16', 'more than a year after now'],
    ['2031-01-01T00:00:00Z', 'far future'],
    ['1970-01-01T00:00:00Z', 'a zero timestamp, not a date'],
    ['20230321', 'compact digits belong to addresses only'],
    ['1679392800', 'a Unix timestamp'],
    ['03/21/2023', 'month and day order unknown'],
    ['21 Smarch 2023', 'not a month'],
    ['Published on March 21, 2023 by the desk', 'prose around a date'],
    ['yesterday', 'relative words'],
    ['', 'empty'],
    ['2023-03-21T10:00:00+03:00 and some trailing words', 'trailing text'],
  ])('%j is refused (%s)', (raw) => {
    expect(parseDateValue(raw, NOW)).toBeNull();
  });

  test('the future limit follows `now`', () => {
    expect(parseDateValue('2025-06-16', new Date('2024-06-16T00:00:00Z'))).toBe('2025-06-16');
    expect(parseDateValue('2025-07', NOW)).toBeNull();
  });
});

describe('dateFromUrl', () => {
  test.each([
    ['https://news.example.com/world/2023/03/21/putin-xi-talks', '2023-03-21'],
    ['https://news.example.com/2023/3/21/summit/', '2023-03-21'],
    ['https://news.example.com/2023-03-21/summit/', '2023-03-21'],
    ['https://news.example.com/world/putin-xi-talks-2023-03-21.html', '2023-03-21'],
    ['https://news.example.com/world/talks_2023_03_21', '2023-03-21'],
    ['https://agency.example.ru/20230321/summit-1861234567.html', '2023-03-21'],
    ['https://paper.example.cn/n1/2023/0321/c1002-32648123.html', '2023-03-21'],
    ['https://agency.example.cn/world/2023-03/21/c_1129451234.htm', '2023-03-21'],
    ['https://blog.example.com/2023/03/summit-in-moscow/', '2023-03'],
    ['https://blog.example.com/archive/2023/03/', '2023-03'],
    ['https://blog.example.com/2023/03/1037463', '2023-03'],
    ['https://news.example.com/2023-03/summit', '2023-03'],
    ['/2023/03/21/relative-path', '2023-03-21'],
    ['https://news.example.com/1917/11/07/archive-piece', '1917-11-07'],
  ])('%s → %j', (url, expected) => {
    expect(dateFromUrl(url, NOW)).toBe(expected);
  });

  test.each([
    ['https://news.example.com/news/1037463', 'an article id'],
    ['https://news.example.com/politics/2023/1037463', 'a year then an id'],
    ['https://news.example.com/article/20230321', 'eight digits as the last segment are an id'],
    ['https://news.example.com/story/12345678/comments', 'eight digits that are no date'],
    ['https://news.example.com/contacts/8-800-555-35-35/', 'a phone number'],
    ['https://news.example.com/call/+7-495-123-45-67', 'a phone number with a country code'],
    ['https://news.example.com/photos/1920/1080/', 'image sizes'],
    ['https://news.example.com/2023/02/30/story', 'an impossible day'],
    ['https://news.example.com/2031/01/01/story', 'far future'],
    ['https://news.example.com/1899/05/01/story', 'before 1900'],
    ['https://news.example.com/search?date=2023-03-21', 'a date in the query'],
    ['https://news.example.com/story#2023-03-21', 'a date in the fragment'],
    ['https://news.example.com/id/120230321/', 'a longer digit run'],
    ['not an address', 'no address'],
  ])('%s → null (%s)', (url) => {
    expect(dateFromUrl(url, NOW)).toBeNull();
  });
});

describe('extractJsonLdDates', () => {
  const ld = (value: unknown): string => JSON.stringify(value);

  test.each([
    [
      'dateModified never stands in for datePublished',
      ld({
        '@type': 'NewsArticle',
        dateModified: '2024-01-02T09:00:00Z',
        datePublished: '2023-03-21T10:00:00+03:00',
      }),
      ['2023-03-21T10:00:00+03:00'],
    ],
    [
      'dateCreated when there is no datePublished',
      ld({ '@type': 'Article', dateCreated: '2023-03-20' }),
      ['2023-03-20'],
    ],
    [
      'datePublished over dateCreated in one object',
      ld({ '@type': 'BlogPosting', dateCreated: '2023-03-19', datePublished: '2023-03-21' }),
      ['2023-03-21'],
    ],
    ['only dateModified gives nothing', ld({ '@type': 'NewsArticle', dateModified: '2023-03-21' }), []],
    [
      'an article in @graph before the WebPage that lists it',
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', datePublished: '2023-03-22T08:00:00+00:00' },
          { '@type': 'Article', datePublished: '2023-03-21T07:00:00+00:00' },
          { '@type': 'WebSite', name: 'Example' },
        ],
      }),
      ['2023-03-21T07:00:00+00:00', '2023-03-22T08:00:00+00:00'],
    ],
    [
      'a NewsArticle under the WebPage’s mainEntity',
      ld({
        '@type': 'WebPage',
        datePublished: '2023-03-25',
        mainEntity: { '@type': 'NewsArticle', datePublished: '2023-03-21' },
      }),
      ['2023-03-21', '2023-03-25'],
    ],
    [
      'a top-level array with a typed list and full type IRIs',
      ld([
        { '@type': 'BreadcrumbList', itemListElement: [] },
        { '@type': ['ReportageNewsArticle', 'NewsArticle'], datePublished: '2023-03-21' },
        { '@type': 'https://schema.org/BlogPosting', datePublished: '2023-03-20' },
      ]),
      ['2023-03-21', '2023-03-20'],
    ],
    [
      'an image’s own date is not the article’s',
      ld({
        '@type': 'NewsArticle',
        image: { '@type': 'ImageObject', datePublished: '2019-05-05' },
        datePublished: '2023-03-21',
      }),
      ['2023-03-21'],
    ],
    [
      'related stories come after the page’s own article',
      ld({
        '@type': 'NewsArticle',
        datePublished: '2023-03-21',
        relatedLink: [{ '@type': 'NewsArticle', datePublished: '2022-11-11' }],
      }),
      ['2023-03-21', '2022-11-11'],
    ],
    ['a @value object', ld({ '@type': 'Article', datePublished: { '@value': '2023-03-21' } }), ['2023-03-21']],
    [
      'raw line breaks inside a string',
      '{"@type": "NewsArticle", "headline": "Two\nlines", "datePublished": "2023-03-21"}',
      ['2023-03-21'],
    ],
    ['a trailing comma', '{"@type": "NewsArticle", "datePublished": "2023-03-21",}', ['2023-03-21']],
    ['an HTML comment wrapper', '<!-- {"@type": "NewsArticle", "datePublished": "2023-03-21"} -->', ['2023-03-21']],
    ['a CDATA wrapper', '//<![CDATA[\n{"@type": "NewsArticle", "datePublished": "2023-03-21"}\n//]]>', ['2023-03-21']],
    ['malformed JSON', '{"@type": "NewsArticle", "datePublished": "2023-03-21"', []],
    ['not JSON at all', 'window.dataLayer = [];', []],
    ['empty', '', []],
    ['null', 'null', []],
    ['a bare string', '"2023-03-21"', []],
  ])('%s', (_name, json, expected) => {
    expect(extractJsonLdDates(json)).toEqual(expected);
  });

  test('a deeply nested document stays bounded and does not throw', () => {
    // Built as text: JSON.stringify itself would overflow the stack at this depth.
    const depth = 20_000;
    const json =
      '{"hasPart":'.repeat(depth) + '{"@type":"NewsArticle","datePublished":"2023-03-21"}' + '}'.repeat(depth);
    expect(extractJsonLdDates(json)).toEqual([]);
  });
});

describe('pickArticleDate', () => {
  const c = (source: DateCandidate['source'], raw: string): DateCandidate => ({ source, raw });

  test.each<[string, DateCandidate[], { date: string; source: string } | null]>([
    [
      'JSON-LD beats meta, time and address even when listed last',
      [
        c('url', 'https://x.example/2023/01/01/a'),
        c('time', '2023-02-02'),
        c('meta', '2023-03-03'),
        c('json-ld', '2023-04-04T10:00:00+03:00'),
      ],
      { date: '2023-04-04', source: 'json-ld' },
    ],
    [
      'meta beats time and address',
      [c('time', '2023-02-02'), c('meta', 'Tue, 21 Mar 2023 10:00:00 GMT'), c('url', '/2023/01/01/a')],
      { date: '2023-03-21', source: 'meta' },
    ],
    [
      'time beats the address',
      [c('url', '/2023/01/01/a'), c('time', '21 марта 2023')],
      { date: '2023-03-21', source: 'time' },
    ],
    ['the address alone', [c('url', 'https://x.example/20230321/a-1.html')], { date: '2023-03-21', source: 'url' }],
    [
      'an unparseable JSON-LD value falls through to meta',
      [c('json-ld', 'soon'), c('meta', '2023-03-21')],
      { date: '2023-03-21', source: 'meta' },
    ],
    [
      'an impossible meta date falls through to the address',
      [c('meta', '2023-02-30'), c('url', '/2023/03/21/a')],
      { date: '2023-03-21', source: 'url' },
    ],
    [
      'a future meta date falls through to time',
      [c('meta', '2030-01-01'), c('time', '2023-03-21')],
      { date: '2023-03-21', source: 'time' },
    ],
    [
      'compact digits count in an address but not in meta',
      [c('meta', '20230321'), c('url', '/20230322/a.html')],
      { date: '2023-03-22', source: 'url' },
    ],
    [
      'within one source, the first that parses',
      [c('meta', 'n/a'), c('meta', '2023-03-21'), c('meta', '2023-03-22')],
      { date: '2023-03-21', source: 'meta' },
    ],
    ['nothing parses', [c('meta', 'n/a'), c('url', '/news/1037463')], null],
    ['no candidates', [], null],
  ])('%s', (_name, candidates, expected) => {
    expect(pickArticleDate(candidates, NOW)).toEqual(expected);
  });

  test('`now` decides what is too far ahead', () => {
    const candidates = [c('meta', '2024-12-01'), c('url', '/2023/03/21/a')];
    expect(pickArticleDate(candidates, new Date('2023-06-01T00:00:00Z'))).toEqual({
      date: '2023-03-21',
      source: 'url',
    });
    expect(pickArticleDate(candidates, NOW)).toEqual({ date: '2024-12-01', source: 'meta' });
  });
});
