/** Character folding used by the matcher. */
import * as OpenCC from 'opencc-js';
import { describe, expect, test } from 'vitest';
import {
  CLASS_HAN,
  CLASS_IGNORE,
  CLASS_SPACE,
  CLASS_WORD,
  charClass,
  foldString,
  shapeString,
  SIMPLIFIED,
  TRADITIONAL,
} from '../../../lib/detect/normalize';
import { aliasTable } from '../../../lib/detect/bundled-table';
import { namesHan, traditionalPairs } from '../../../lib/cli/traditional-pairs';

describe('foldString', () => {
  test.each([
    ['China–Russia', 'china-russia'],
    ['China—Russia', 'china-russia'],
    ['Sino‑Soviet', 'sino-soviet'],
    ['Putin’s', "putin's"],
    ['“no limits”', "'no limits'"],
    ['«Сила Сибири»', "'сила сибири'"],
    ['Хрущёв', 'хрущев'],
    ['Xi\u00a0\u00a0Jinping', 'xi jinping'],
    ['Vladi\u00admir', 'vladimir'],
    ['  Xi\n\tJinping  ', 'xi jinping'],
    // Stress marks (Russian encyclopedias) are ignored; Latin letters lose their diacritics.
    ['Пеки\u0301н', 'пекин'],
    ['Hēixiāzi Dǎo', 'heixiazi dao'],
    ['Erdoğan', 'erdogan'],
    ['Łódź', 'łodz'],
    // Traditional characters fold to simplified ones, also variants a simplified name never converts to.
    ['俄太平洋艦隊', '俄太平洋舰队'],
    ['符拉迪沃斯託克', '符拉迪沃斯托克'],
  ])('%j → %j', (input, folded) => {
    expect(foldString(input)).toBe(folded);
  });

  test('shapeString keeps letter case and has the folded length', () => {
    for (const s of ['China–Russia', 'Хрущёв', '“No Limits”', 'Xi\u00a0Jinping']) {
      expect(shapeString(s).length).toBe(foldString(s).length);
      expect(shapeString(s).toLowerCase().replace(/ё/g, 'е')).toBe(foldString(s));
    }
  });
});

describe('charClass', () => {
  test.each([
    ['a', CLASS_WORD],
    ['Ж', CLASS_WORD],
    ['7', CLASS_WORD],
    ['\u0306', CLASS_WORD],
    ['\u0301', CLASS_IGNORE],
    ['习', CLASS_HAN],
    ['\u00a0', CLASS_SPACE],
    ['\u3000', CLASS_SPACE],
    ['\u00ad', CLASS_IGNORE],
    ['\u200b', CLASS_IGNORE],
  ])('%j', (ch, cls) => {
    expect(charClass(ch.charCodeAt(0))).toBe(cls);
  });
});

describe('traditional Chinese', () => {
  test('folds to the simplified names: 習近平 → 习近平, 俄羅斯 → 俄罗斯, 臺灣 → 台湾', () => {
    expect(foldString('習近平')).toBe('习近平');
    expect(foldString('俄羅斯')).toBe('俄罗斯');
    expect(foldString('臺灣')).toBe(foldString('台湾'));
  });

  test('the pairs are one-to-one, never chained, and serve names of the alias table', () => {
    expect(TRADITIONAL.length).toBe(SIMPLIFIED.length);
    const simplified = new Set(SIMPLIFIED);
    expect([...TRADITIONAL].filter((c) => simplified.has(c))).toEqual([]);
    expect(new Set(TRADITIONAL).size).toBe(TRADITIONAL.length);
    const names = [...namesHan()].join('');
    expect([...SIMPLIFIED].filter((c) => !names.includes(c))).toEqual([]);
  });

  test('every character of our names that OpenCC writes otherwise in Taiwan, Hong Kong or traditional script folds back', () => {
    const han = new Set([...JSON.stringify(aliasTable.entities)].filter((c) => /\p{Script=Han}/u.test(c)));
    const missing: string[] = [];
    for (const to of ['t', 'tw', 'twp', 'hk'] as const) {
      const convert = OpenCC.Converter({ from: 'cn', to });
      for (const c of han) {
        const t = convert(c);
        // Single characters that are not themselves one of our names' characters.
        if (t !== c && [...t].length === 1 && !han.has(t) && foldString(t) !== c) missing.push(`${t}→${c}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  test('the pairs are those lib/cli/traditional-pairs.ts makes for our names today (run it after adding names)', () => {
    const pairs = traditionalPairs(namesHan());
    expect(TRADITIONAL).toBe([...pairs.keys()].join(''));
    expect(SIMPLIFIED).toBe([...pairs.values()].join(''));
  });
});
