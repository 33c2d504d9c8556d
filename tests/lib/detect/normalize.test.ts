/** Character folding used by the matcher. */
import { describe, expect, test } from 'vitest';
import {
  CLASS_HAN,
  CLASS_IGNORE,
  CLASS_SPACE,
  CLASS_WORD,
  charClass,
  foldString,
  shapeString,
} from '../../../lib/detect/normalize';

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
    ['\u0301', CLASS_WORD],
    ['习', CLASS_HAN],
    ['\u00a0', CLASS_SPACE],
    ['\u3000', CLASS_SPACE],
    ['\u00ad', CLASS_IGNORE],
    ['\u200b', CLASS_IGNORE],
  ])('%j', (ch, cls) => {
    expect(charClass(ch.charCodeAt(0))).toBe(cls);
  });
});
