/** The token patterns behind paraphrases. */
import { describe, expect, test } from 'vitest';
import { PARAPHRASES, compileParaphrase, matchParaphrase } from '../../../lib/detect/paraphrase';

const pattern = (p: string) => compileParaphrase({ id: 'x', pattern: p });

describe('matchParaphrase', () => {
  test.each([
    [
      'trade between (russia|china) and (russia|china)',
      'trade between Russia and China rose',
      'trade between Russia and China',
    ],
    [
      'trade (turnover)? between russia and china',
      'trade turnover between Russia and China',
      'trade turnover between Russia and China',
    ],
    ["xi 's visit", 'Xi’s visit to Moscow', 'Xi’s visit'],
    // A plural's lone apostrophe reads as a possessive too.
    ["sco leaders 's? summit", 'SCO leaders’ summit in Tianjin', 'SCO leaders’ summit'],
    ["sco leaders 's? summit", 'SCO leaders summit', 'SCO leaders summit'],
    ['february #Day? 2022 joint statement', 'February 4, 2022 joint statement', 'February 4, 2022 joint statement'],
    ['february #Day? 2022 joint statement', 'February 2022 joint statement', 'February 2022 joint statement'],
    ['border clashes of #Year', 'border clashes of 1969 were', 'border clashes of 1969'],
    ['in #Month #Year', 'in March 2023', 'in March 2023'],
    ['sino-soviet border', 'Sino–Soviet border', 'Sino–Soviet border'],
    // An abbreviation in brackets inside the phrase is read over; one at its end is not part of it.
    [
      'shanghai cooperation organisation summit',
      'Shanghai Cooperation Organisation (SCO) summit in Tianjin',
      'Shanghai Cooperation Organisation (SCO) summit',
    ],
    ['саммит шос', 'саммит ШОС (SCO) в Тяньцзине', 'саммит ШОС'],
    // In a Han phrase "…" reads up to eight Han characters.
    ['西方对俄…制裁', '西方对俄实施大规模金融制裁。', '西方对俄实施大规模金融制裁'],
    ['(西方对俄…制裁|美国对俄…制裁)', '美国对俄制裁加码', '美国对俄制裁'],
    // Traditional characters fold to the simplified ones of the rules' phrases too.
    ['从俄…原油', '從俄進口原油總量', '從俄進口原油'],
  ])('%s on %j', (p, text, matched) => {
    const end = matchParaphrase(pattern(p), text, 0);
    expect(text.slice(0, end)).toBe(matched);
  });

  test.each([
    ['trade between russia and china', 'trade between Russia and India'],
    ['trade between russia and china', 'trade between Russia. And China'],
    ['border clashes of #Year', 'border clashes of many years'],
    // An apostrophe after anything but an s ends the phrase.
    ["xi 's? visit", 'Xi’ visit'],
    // Brackets holding anything but capitals and digits end the phrase.
    ['sco summit', 'SCO (in Tianjin) summit'],
    ['sco summit', 'SCO (2025) summit'],
    ['sco summit', 'SCO (S) summit'],
    // Not over punctuation, nor over more than eight characters.
    ['西方对俄…制裁', '西方对俄关系紧张,美国实施制裁'],
    ['西方对俄…制裁', '西方对俄罗斯的能源出口实施了全面制裁'],
  ])('%s does not match %j', (p, text) => {
    expect(matchParaphrase(pattern(p), text, 0)).toBe(-1);
  });

  test('every shipped pattern compiles and starts with a literal', () => {
    for (const spec of PARAPHRASES) expect(() => compileParaphrase(spec)).not.toThrow();
    expect(() => pattern('#Year war')).toThrow(/first element/);
    // A group spanning a space would be two elements, neither matching anything.
    expect(() => pattern('summit of the (sco|shanghai cooperation organisation)')).toThrow(/group of single words/);
  });
});
