/**
 * The outlet behind the site being read, matched by the `hosts` of the fact
 * base's media records (data, never code), and the line the popup shows.
 */
import { describe, expect, test } from 'vitest';
import extra1 from '../../../assets/factbase/extra-1.json';
import { parseEntities, type Entity } from '../../../lib/factbase/schema';
import { firstSentence, outletFor } from '../../../lib/card/outlet';

const media = parseEntities(extra1, 'extra-1.json').filter((e) => e.type === 'media');

describe('the fact base lists the outlets’ hosts', () => {
  test('every media record has lowercase hosts without scheme, and no host belongs to two outlets', () => {
    const seen = new Map<string, string>();
    for (const e of media) {
      expect(e.hosts?.length, e.id).toBeGreaterThan(0);
      for (const h of e.hosts!) {
        expect(h).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
        expect(seen.get(h), h).toBeUndefined();
        seen.set(h, e.id);
      }
    }
    expect(Object.fromEntries([...seen].sort())).toEqual({
      'cgtn.com': 'cgtn',
      'en.people.cn': 'peoples-daily',
      'globaltimes.cn': 'global-times',
      'news.cn': 'xinhua',
      'people.com.cn': 'peoples-daily',
      'ria.ru': 'ria-novosti',
      'rt.com': 'rt-russia-today',
      'sputnikglobe.com': 'sputnik-news',
      'sputniknews.com': 'sputnik-news',
      'tass.com': 'tass',
      'tass.ru': 'tass',
      'xinhuanet.com': 'xinhua',
    });
  });
});

describe('outletFor', () => {
  test.each([
    ['tass.com', 'tass'],
    ['TASS.RU', 'tass'],
    ['www.tass.com', 'tass'],
    ['tass.com.', 'tass'],
    ['english.news.cn', 'xinhua'],
    ['german.xinhuanet.com', 'xinhua'],
    ['en.people.cn', 'peoples-daily'],
    ['world.people.com.cn', 'peoples-daily'],
    ['sputnikglobe.com', 'sputnik-news'],
    ['www.rt.com', 'rt-russia-today'],
  ])('%s → %s', (host, id) => {
    expect(outletFor(host, media)?.id).toBe(id);
  });

  test.each(['nottass.com', 'tass.com.evil.example', 'people.cn', 'art.com', 'example.org', '127.0.0.1', ''])(
    '%s → none',
    (host) => {
      expect(outletFor(host, media)).toBeUndefined();
    },
  );

  test('the longest matching host wins', () => {
    const base = media[0]!;
    const wide: Entity = { ...base, id: 'wide', hosts: ['example.cn'] };
    const narrow: Entity = { ...base, id: 'narrow', hosts: ['en.example.cn'] };
    expect(outletFor('www.en.example.cn', [wide, narrow])?.id).toBe('narrow');
    expect(outletFor('www.example.cn', [wide, narrow])?.id).toBe('wide');
  });
});

describe('firstSentence', () => {
  test('the first sentence of each outlet’s summary is a short factual line', () => {
    const tass = media.find((e) => e.id === 'tass')!;
    expect(firstSentence(tass.summary)).toBe("Russia's government-owned news agency.");
    for (const e of media) {
      const line = firstSentence(e.summary);
      expect(e.summary.startsWith(line), e.id).toBe(true);
      expect(line.length, e.id).toBeLessThanOrEqual(e.summary.length);
      expect(line, e.id).toMatch(/[.!?]$/);
    }
  });

  test('abbreviations do not end the sentence', () => {
    expect(firstSentence('Founded in St. Petersburg in 1904. Renamed later.')).toBe(
      'Founded in St. Petersburg in 1904.',
    );
    expect(firstSentence('No full stop')).toBe('No full stop');
  });
});
