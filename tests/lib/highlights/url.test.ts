import { describe, expect, test } from 'vitest';
import { normalizePageUrl } from '../../../lib/highlights/url';

const BASE = 'https://news.example.com/world/2024/05/putin-xi-summit';

describe('normalizePageUrl', () => {
  test.each([
    ['plain address stays', BASE, null, BASE],
    ['fragment removed', `${BASE}#comments`, null, BASE],
    ['text fragment removed', `${BASE}#:~:text=Power%20of%20Siberia`, null, BASE],
    ['utm_source removed', `${BASE}?utm_source=twitter`, null, BASE],
    ['all utm_* removed', `${BASE}?utm_source=a&utm_medium=b&utm_campaign=c&utm_term=d&utm_content=e`, null, BASE],
    ['upper-case UTM removed', `${BASE}?UTM_Source=x`, null, BASE],
    ['fbclid removed', `${BASE}?fbclid=IwAR0abc`, null, BASE],
    ['gclid removed', `${BASE}?gclid=Cj0KCQ`, null, BASE],
    ['msclkid and mc_cid removed', `${BASE}?msclkid=1&mc_cid=2&mc_eid=3`, null, BASE],
    ['real parameters kept', `${BASE}?page=2`, null, `${BASE}?page=2`],
    ['real kept, tracking dropped', `${BASE}?utm_medium=email&id=7&fbclid=x`, null, `${BASE}?id=7`],
    ['parameter order does not matter', `${BASE}?b=2&a=1`, null, `${BASE}?a=1&b=2`],
    ['tracking plus fragment', `${BASE}?gclid=1#top`, null, BASE],
    ['host case folded', 'https://NEWS.Example.COM/world/2024/05/putin-xi-summit', null, BASE],
    ['default port dropped', 'https://news.example.com:443/world/2024/05/putin-xi-summit', null, BASE],
    ['empty query dropped', `${BASE}?`, null, BASE],
    ['canonical on the same host wins', `${BASE}?amp=1`, `${BASE}`, BASE],
    [
      'relative canonical resolved',
      'https://news.example.com/story?id=9&utm_source=x',
      '/world/2024/05/putin-xi-summit',
      BASE,
    ],
    ['canonical gets cleaned too', `${BASE}?x=1`, `${BASE}?utm_source=feed#top`, BASE],
    ['canonical on another host ignored', `${BASE}?utm_source=x`, 'https://evil.example.net/other', BASE],
    ['canonical on a subdomain ignored', BASE, 'https://amp.news.example.com/x', BASE],
    ['javascript: canonical ignored', BASE, 'javascript:alert(1)', BASE],
    ['unparseable canonical ignored', BASE, 'http://[bad', BASE],
    ['http page keeps its scheme', 'http://example.org/a?utm_source=x', null, 'http://example.org/a'],
    ['file URL loses only its fragment', 'file:///home/me/page.html#x', null, 'file:///home/me/page.html'],
    ['unparseable URL comes back trimmed', '  not a url  ', null, 'not a url'],
    [
      'Cyrillic path kept (percent-encoded)',
      'https://ria.ru/новости?utm_source=x',
      null,
      'https://ria.ru/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8',
    ],
  ])('%s', (_name, url, canonical, expected) => {
    expect(normalizePageUrl(url, canonical)).toBe(expected);
  });

  test('variants of one article share one key', () => {
    const variants = [
      BASE,
      `${BASE}#x`,
      `${BASE}?utm_source=a`,
      `${BASE}?fbclid=1#y`,
      `${BASE}?gclid=2&utm_campaign=b`,
      'https://NEWS.example.com:443/world/2024/05/putin-xi-summit?utm_medium=c',
    ];
    expect(new Set(variants.map((v) => normalizePageUrl(v))).size).toBe(1);
  });
});
