/**
 * Names several entities share: a surname ("Li": Li Qiang, Li Keqiang …) is
 * the one person the page names in full; a description ("the foreign
 * ministry") is the one ministry its sentence or the page points to. When
 * that is not exactly one, it names none.
 */
import { describe, expect, test } from 'vitest';
import { aliasTable } from '../../../lib/detect/bundled-table';
import { createDetector, newPageState, settleDeferred } from '../../../lib/detect/detector';
import { surnameOf, surnamesOf } from '../../../lib/detect/alias-table';
import { resolveWithNlp } from '../../../lib/detect/nlp-resolve';
import type { PageState } from '../../../lib/detect/types';

const detector = createDetector(aliasTable);
function ids(text: string, page: PageState = newPageState()): string[] {
  const { mentions, pending } = detector.scan(text, page);
  const verdicts = resolveWithNlp(pending);
  return [...mentions, ...pending.filter((_, k) => verdicts[k])]
    .sort((a, b) => a.start - b.start)
    .map((m) => `${m.id}:${m.text}`);
}

describe('surnames', () => {
  test.each([
    [{ name: 'Li Qiang', type: 'person' }, 'Li'],
    [{ name: 'Sergey Lavrov', type: 'person' }, 'Lavrov'],
    [{ name: 'Vladimir Putin', type: 'person' }, 'Putin'],
    [{ name: 'Stalin', type: 'person' }, null],
    [{ name: 'Power of Siberia', type: 'project' }, null],
  ] as const)('%o → %s', (entity, expected) => {
    expect(surnameOf(entity)).toBe(expected);
  });

  test('in Chinese and Russian too: the last part of a dotted transliteration, the last word of a Russian name', () => {
    const novak = {
      name: 'Alexander Novak',
      type: 'person' as const,
      aliases: ['亚历山大·诺瓦克', 'Александр Новак', 'Новак-Петров'],
    };
    expect(surnamesOf(novak)).toEqual(['Novak', '诺瓦克', 'Новак']);
    // Russian writes a Chinese surname first, and alone it is too common ("Ван").
    expect(surnamesOf({ name: 'Wang Yi', type: 'person' as const, aliases: ['Ван И', '王毅'] })).toEqual(['Wang']);
    expect(ids('俄副总理亚历山大·诺瓦克表示。诺瓦克还说')).toContain('alexander-novak:诺瓦克');
    expect(ids('诺瓦克还说')).toEqual([]);
  });

  test('a surname is the person the page names in full', () => {
    expect(ids('Li Qiang met Mikhail Mishustin. Li said the talks went well.')).toContain('li-qiang:Li');
    expect(ids('Foreign ministry spokeswoman Mao Ning told reporters. Mao said the visit was a success.')).toContain(
      'mao-ning:Mao',
    );
    expect(ids('Mao Zedong met Stalin. Mao stayed for weeks.')).toContain('mao-zedong:Mao');
  });

  test('alone, or with two people of that name on the page, it names nobody', () => {
    expect(ids('Li said the talks went well.')).toEqual([]);
    const page = newPageState();
    ids('Li Qiang succeeded Li Keqiang as premier in 2023.', page);
    expect(ids('Li said the talks went well.', page)).toEqual([]);
  });

  test("after a given name that is none of the person's, a surname names another person", () => {
    expect(ids('Пять лет проработал Василий Песков в «Комсомольской правде».')).toEqual([]);
    expect(ids('Its editor Vasily Peskov retired in 2001.')).toEqual([]);
    // Past a patronymic to the given name, and in a Russian line full of capitals.
    expect(ids('Умер Кирилл Юрьевич Лавров, Народный Артист СССР.')).not.toContain('sergey-lavrov:Лавров');
    // The person's own given name in any case form, a patronymic, an office, another entity's name, a headline.
    expect(ids('Об этом сказал Дмитрий Песков, а Дмитрия Пескова спросили о встрече.')).toEqual([
      'dmitry-peskov:Дмитрий Песков',
      'dmitry-peskov:Дмитрия Пескова',
    ]);
    expect(ids('Об этом сообщил Дмитрий Сергеевич Песков.')).toEqual(['dmitry-peskov:Песков']);
    expect(ids('Об этом заявил Кремль. Представитель Кремля Песков добавил, что ответа нет.')).toEqual([
      'kremlin:Кремль',
      'kremlin:Кремля',
      'dmitry-peskov:Песков',
    ]);
    expect(ids('Kremlin Says Peskov Will Brief Reporters On Talks')).toContain('dmitry-peskov:Peskov');
  });

  test('a Chinese transliteration followed by another person’s name in Latin letters is that person', () => {
    const page = newPageState();
    expect(ids('网球名将梅德韦傑夫（Daniil Medvedev）今日获胜。', page)).toEqual([]);
    expect(ids('梅德韦傑夫说很好。', page)).toEqual([]);
    expect(ids('俄罗斯前总统梅德韦杰夫（Dmitry Medvedev）表示。')).toContain('dmitry-medvedev:梅德韦杰夫');
    // Any of the person's given names will do.
    expect(ids('南非总统拉瑪佛沙(Matamela Cyril Ramaphosa)表示。')).toContain('cyril-ramaphosa:拉瑪佛沙');
  });

  test('once the page has given the name to another person, the name alone is no longer the entity, in later texts too', () => {
    const page = newPageState();
    expect(ids('Пять лет проработал Василий Песков в газете.', page)).toEqual([]);
    expect(page.namesakes).toEqual(new Set(['dmitry-peskov']));
    expect(ids('Песков первым написал о Юрии Гагарине.', page)).toEqual(['yuri-gagarin:Юрии Гагарине']);
    expect(ids('Песков первым написал о Юрии Гагарине.')).toEqual([
      'dmitry-peskov:Песков',
      'yuri-gagarin:Юрии Гагарине',
    ]);
  });

  test('a surname before the full name waits for it, then takes its id', () => {
    const page = newPageState();
    const { deferred } = detector.scan('Li arrived on Monday.', page);
    expect(deferred.map((c) => c.text)).toEqual(['Li']);
    expect(settleDeferred(deferred, page)).toEqual([]);
    ids('Premier Li Qiang was welcomed in Moscow.', page);
    expect(settleDeferred(deferred, page).map((c) => c.id)).toEqual(['li-qiang']);
  });
});

describe('shared descriptions', () => {
  test("the sentence's spokesperson, minister or capital decides", () => {
    expect(ids('A foreign ministry spokesperson, Mao Ning, said so.')).toContain(
      'chinese-foreign-ministry:foreign ministry',
    );
    expect(ids('The foreign ministry said Lavrov would travel.')).toContain(
      'russian-foreign-ministry:foreign ministry',
    );
  });

  test('else the ministry the page has named in full', () => {
    const page = newPageState();
    ids("China's foreign ministry issued a statement.", page);
    expect(ids('The foreign ministry added that talks would go on.', page)).toContain(
      'chinese-foreign-ministry:foreign ministry',
    );
    ids('The Russian Foreign Ministry disagreed.', page);
    expect(ids('The foreign ministry added that talks would go on.', page)).toEqual([]);
  });

  test("another country's ministry, or none in view, is not ours", () => {
    expect(ids("Japan's foreign ministry protested to Beijing.")).toEqual(["japan:Japan's", 'beijing:Beijing']);
    expect(ids('The Indian Foreign Ministry met Lavrov.')).not.toContain('russian-foreign-ministry:Foreign Ministry');
    expect(ids('The foreign ministry said nothing.')).toEqual([]);
  });
});
