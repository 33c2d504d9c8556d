// @vitest-environment happy-dom
/**
 * readPageDate over page heads in the styles of several kinds of publisher
 * (written for these tests): which declared date wins, in the order of trust
 * JSON-LD › meta › <time> › address, and the traps each style sets.
 */
import { describe, expect, test, vi } from 'vitest';
import { collectDateCandidates, readPageDate } from '@/lib/dom/page-date';

/** A fixed "today", so the future-date rule does not drift with the calendar. */
const NOW = new Date('2024-06-15T12:00:00Z');

function page(head: string, body = ''): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

/** A news agency: full JSON-LD, Open Graph times (modified later), a byline time. */
const AGENCY = page(
  `<title>Leaders meet in Moscow</title>
  <meta property="og:type" content="article">
  <meta property="article:modified_time" content="2023-03-23T16:40:00+03:00">
  <meta property="article:published_time" content="2023-03-21T10:05:00+03:00">
  <script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Leaders meet in Moscow",
     "dateModified": "2023-03-23T16:40:00+03:00", "datePublished": "2023-03-21T10:00:00+03:00",
     "image": {"@type": "ImageObject", "url": "https://agency.example/p.jpg", "datePublished": "2021-01-01"}}
  </script>`,
  `<article><header><h1>Leaders meet in Moscow</h1><time datetime="2023-03-21T10:00">21 March</time></header></article>`,
);

/** A WordPress blog with an SEO plugin: one @graph, the article after the page. */
const BLOG = page(
  `<meta property="article:published_time" content="2023-03-20T18:00:00+00:00">
  <script type="application/ld+json" class="seo-graph">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "@id": "https://blog.example/#website", "name": "Steppe Notes"},
      {"@type": "WebPage", "@id": "https://blog.example/2023/03/pipeline/", "datePublished": "2023-03-20T18:00:00+00:00",
       "dateModified": "2024-02-01T09:00:00+00:00"},
      {"@type": "BlogPosting", "isPartOf": {"@id": "https://blog.example/2023/03/pipeline/"},
       "datePublished": "2023-03-20T17:55:00+00:00", "dateModified": "2024-02-01T09:00:00+00:00"}
    ]}
  </script>`,
);

/** A Russian daily: no JSON-LD, Open Graph time, and today's date in the site banner. */
const RUSSIAN_DAILY = page(
  `<meta charset="utf-8"><meta property="og:locale" content="ru_RU">
  <meta property="article:published_time" content="2023-03-21T09:30:00+03:00">`,
  `<header class="site-header"><time datetime="2024-06-15">15 июня 2024</time></header>
  <main><h1>Переговоры в Кремле</h1><p class="byline">21 марта 2023, 09:30</p></main>`,
);

/** A Chinese portal: upper-case meta names, a Chinese-format date, no time element. */
const CHINESE_PORTAL = page(
  `<meta NAME="PubDate" content="2023-03-21 08:15:00">
  <meta name="keywords" content="外交">`,
  `<div class="info">2023年03月21日 08:15 来源：本网</div>`,
);

/** A journal: Highwire-style citation tags only. */
const JOURNAL = page(
  `<meta name="citation_title" content="Energy ties in Eurasia">
  <meta name="citation_publication_date" content="2023/03/21">
  <meta name="DC.Date" content="2023-03-19">`,
);

describe('readPageDate', () => {
  test.each<[string, Document, string, { date: string; source: string } | null]>([
    [
      'agency: JSON-LD datePublished, not dateModified or the image',
      AGENCY,
      'https://agency.example/world/1861234',
      { date: '2023-03-21', source: 'json-ld' },
    ],
    [
      'blog: the BlogPosting in @graph over the WebPage and the meta',
      BLOG,
      'https://blog.example/2023/03/pipeline/',
      { date: '2023-03-20', source: 'json-ld' },
    ],
    [
      'Russian daily: meta over the banner’s today',
      RUSSIAN_DAILY,
      'https://daily.example.ru/politics/1037463',
      { date: '2023-03-21', source: 'meta' },
    ],
    [
      'Chinese portal: meta name read case-insensitively',
      CHINESE_PORTAL,
      'https://portal.example.cn/a/1234567.shtml',
      { date: '2023-03-21', source: 'meta' },
    ],
    [
      'journal: citation date before the vaguer Dublin Core one',
      JOURNAL,
      'https://journal.example/article/view/8812',
      { date: '2023-03-21', source: 'meta' },
    ],
  ])('%s', (_name, doc, url, expected) => {
    expect(readPageDate(doc, url, NOW)).toEqual(expected);
  });

  test('the specific meta key beats a vague one that comes first', () => {
    const doc = page(
      `<meta name="date" content="2023-03-25"><meta property="article:published_time" content="2023-03-21T10:00:00Z">`,
    );
    expect(readPageDate(doc, 'https://x.example/a', NOW)).toEqual({ date: '2023-03-21', source: 'meta' });
  });

  test('a modification time alone is not a publication date: the address decides', () => {
    const doc = page(
      `<meta property="article:modified_time" content="2024-06-01T10:00:00Z"><meta property="og:updated_time" content="2024-06-01">`,
    );
    expect(readPageDate(doc, 'https://x.example/2023/03/21/story', NOW)).toEqual({ date: '2023-03-21', source: 'url' });
  });

  test('malformed JSON-LD is skipped and the meta tag decides', () => {
    const doc = page(
      `<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-01-01"</script>
      <meta itemprop="datePublished" content="2023-03-21">`,
    );
    expect(readPageDate(doc, 'https://x.example/a', NOW)).toEqual({ date: '2023-03-21', source: 'meta' });
  });

  test('a second, valid JSON-LD script is still read after a broken one', () => {
    const doc = page(
      `<script type="application/ld+json">{broken</script>
      <script type="application/ld+json">{"@type": "Article", "datePublished": "2023-03-21"}</script>`,
    );
    expect(readPageDate(doc, 'https://x.example/a', NOW)).toEqual({ date: '2023-03-21', source: 'json-ld' });
  });

  test('an ordinary script that looks like JSON-LD is not read', () => {
    const doc = page(`<script>var ld = {"@type": "NewsArticle", "datePublished": "2022-01-01"};</script>`);
    expect(readPageDate(doc, 'https://x.example/2023/03/21/a', NOW)).toEqual({ date: '2023-03-21', source: 'url' });
  });

  test('a future meta date is not believed', () => {
    const doc = page(`<meta property="article:published_time" content="2031-01-01T00:00:00Z">`);
    expect(readPageDate(doc, 'https://x.example/2023/03/21/a', NOW)).toEqual({ date: '2023-03-21', source: 'url' });
  });

  describe('<time> elements', () => {
    test('the article header’s time, not the site banner’s today', () => {
      const doc = page(
        '',
        `<header role="banner"><time datetime="2024-06-15">Saturday</time></header>
        <article><header><h1>Talks</h1><time datetime="2023-03-21T08:00:00Z">21 March 2023</time></header>
        <p>The treaty of <time datetime="2001-07-16">2001</time> was cited.</p></article>`,
      );
      expect(readPageDate(doc, 'https://x.example/a', NOW)).toEqual({ date: '2023-03-21', source: 'time' });
    });

    test('a header inside main counts; the banner before it does not', () => {
      const doc = page(
        '',
        `<header><time datetime="2024-06-15">today</time></header>
        <main><header><h1>Talks</h1><time datetime="2023-03-21">21 March 2023</time></header></main>`,
      );
      expect(readPageDate(doc, 'https://x.example/a', NOW)).toEqual({ date: '2023-03-21', source: 'time' });
    });

    test('with only a banner date, the address wins', () => {
      const doc = page('', `<header><time datetime="2024-06-15">15 июня</time></header><main><p>Text</p></main>`);
      expect(readPageDate(doc, 'https://x.example/20230321/a-1.html', NOW)).toEqual({
        date: '2023-03-21',
        source: 'url',
      });
    });

    test('microdata datePublished on a visible element, read from its content or text', () => {
      const withContent = page(
        '',
        `<p>Published <span itemprop="datePublished" content="2023-03-21">Tuesday</span></p>`,
      );
      const withText = page('', `<p>Опубликовано <span itemprop="datePublished">21 марта 2023</span></p>`);
      expect(readPageDate(withContent, 'https://x.example/a', NOW)).toEqual({ date: '2023-03-21', source: 'time' });
      expect(readPageDate(withText, 'https://x.example/a', NOW)).toEqual({ date: '2023-03-21', source: 'time' });
    });

    test('the first <time> of the article when there is no header', () => {
      const doc = page(
        '',
        `<article><p class="byline">By A. Writer, <time>March 21, 2023</time></p>
        <p>Talks began on <time datetime="2023-03-20">Monday</time>.</p></article>`,
      );
      expect(readPageDate(doc, 'https://x.example/a', NOW)).toEqual({ date: '2023-03-21', source: 'time' });
    });
  });

  describe('the address', () => {
    test('the canonical address when the visited one has no date', () => {
      const doc = page(`<link rel="canonical" href="https://x.example/world/2023/03/21/talks">`);
      expect(readPageDate(doc, 'https://x.example/amp/talks?share=1', NOW)).toEqual({
        date: '2023-03-21',
        source: 'url',
      });
    });

    test('an article id that looks like a date is not one', () => {
      expect(readPageDate(page(''), 'https://x.example/news/20231587', NOW)).toBeNull();
      expect(readPageDate(page(''), 'https://x.example/news/1037463', NOW)).toBeNull();
    });
  });

  test('a page that declares nothing has no date', () => {
    expect(readPageDate(page('<title>Home</title>', '<p>Hello</p>'), 'https://x.example/', NOW)).toBeNull();
  });

  test('candidates come in source order and each source in its own order', () => {
    const doc = page(
      `<meta name="date" content="2023-03-25"><meta property="article:published_time" content="2023-03-21">
      <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-03-20"}</script>`,
      `<article><header><time datetime="2023-03-22">x</time></header></article>`,
    );
    expect(collectDateCandidates(doc, 'https://x.example/2023/03/19/a')).toEqual([
      { source: 'json-ld', raw: '2023-03-20' },
      { source: 'meta', raw: '2023-03-21' },
      { source: 'meta', raw: '2023-03-25' },
      { source: 'time', raw: '2023-03-22' },
      { source: 'url', raw: 'https://x.example/2023/03/19/a' },
    ]);
  });

  test('reads with a handful of queries and never walks the tree', () => {
    // A page of its own, so the spies never outlive this test.
    const doc = page(AGENCY.head.innerHTML, AGENCY.body.innerHTML);
    const queryOne = vi.spyOn(doc, 'querySelector');
    const queryAll = vi.spyOn(doc, 'querySelectorAll');
    const walker = vi.spyOn(doc, 'createTreeWalker');
    readPageDate(doc, 'https://agency.example/world/1861234', NOW);
    expect(queryOne.mock.calls.length + queryAll.mock.calls.length).toBeLessThanOrEqual(10);
    expect(walker).not.toHaveBeenCalled();
  });
});
