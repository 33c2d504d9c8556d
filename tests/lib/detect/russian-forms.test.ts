/** Generated Russian case forms. */
import { describe, expect, test } from 'vitest';
import { aliasTable } from '../../../lib/detect/bundled-table';
import { createDetector, newPageState } from '../../../lib/detect/detector';
import {
  coordinatedForms,
  englishCoordinatedForms,
  mayStartSmall,
  russianForms,
  singularOfPluralHead,
} from '../../../lib/detect/russian-forms';

describe('russianForms', () => {
  test.each([
    ['Путин', ['Путина', 'Путину', 'Путиным', 'Путине']],
    ['Москва', ['Москвы', 'Москве', 'Москву', 'Москвой']],
    ['Россия', ['России', 'Россию', 'Россией']],
    ['Кремль', ['Кремля', 'Кремлю', 'Кремлём', 'Кремле']],
    ['Сибирь', ['Сибири', 'Сибирью']],
    ['Китай', ['Китая', 'Китаю', 'Китаем', 'Китае']],
    ['Зеленский', ['Зеленского', 'Зеленскому', 'Зеленским', 'Зеленском']],
    ['Дальний Восток', ['Дальнего Востока', 'Дальнему Востоку', 'Дальним Востоком', 'Дальнем Востоке']],
    ['Дмитрий Песков', ['Дмитрия Пескова', 'Дмитрию Пескову', 'Дмитрием Песковым']],
    ['Владимир Путин', ['Владимира Путина', 'Владимиру Путину', 'Владимиром Путиным']],
    ['Дэн Сяопин', ['Дэн Сяопина', 'Дэн Сяопину']],
    ['Северная Корея', ['Северной Кореи', 'Северную Корею']],
    // Soft adjectives.
    ['Средняя Азия', ['Средней Азии', 'Среднюю Азию', 'Средней Азией']],
    ['Верхнее Приамурье', ['Верхнего Приамурья', 'Верхнему Приамурью', 'Верхнем Приамурье']],
    ['Сила Сибири', ['Силы Сибири', 'Силу Сибири', 'Силой Сибири']],
    // The head declines; its complement keeps its case.
    [
      'Организация договора о коллективной безопасности',
      ['Организации договора о коллективной безопасности', 'Организацией договора о коллективной безопасности'],
    ],
    [
      'Шанхайская организация сотрудничества',
      ['Шанхайской организации сотрудничества', 'Шанхайскую организацию сотрудничества'],
    ],
    ['Коммунистическая партия Китая', ['Коммунистической партии Китая', 'Коммунистическую партию Китая']],
    ['Приамурье', ['Приамурья', 'Приамурью', 'Приамурьем']],
    ['Айгунское соглашение', ['Айгунского соглашения', 'Айгунскому соглашению', 'Айгунском соглашении']],
    ['Северный морской путь', ['Северного морского пути', 'Северному морскому пути', 'Северным морским путём']],
    ['Большой Уссурийский остров', ['Большого Уссурийского острова', 'Большим Уссурийским островом']],
    ['Ханой', ['Ханоя', 'Ханою', 'Ханоем']],
    ['Чаяндинское месторождение', ['Чаяндинского месторождения', 'Чаяндинским месторождением']],
    // The nouns that head place names decline, though other names in -е do not.
    ['Южно-Китайское море', ['Южно-Китайского моря', 'Южно-Китайскому морю', 'Южно-Китайском море']],
    ['река Амур', ['реки Амура', 'реке Амуру', 'рекой Амуром']],
    // A name in capitals takes small-letter endings.
    ['МИД', ['МИДа', 'МИДу', 'МИДом', 'МИДе']],
    // From a plural adjective in the genitive on, a complement keeps its case.
    [
      'Российский фонд прямых инвестиций',
      ['Российского фонда прямых инвестиций', 'Российским фондом прямых инвестиций'],
    ],
    [
      'Всекитайское собрание народных представителей',
      ['Всекитайского собрания народных представителей', 'Всекитайском собрании народных представителей'],
    ],
  ])('%s', (alias, expected) => {
    const forms = russianForms(alias);
    for (const f of expected) expect(forms).toContain(f);
    expect(forms).not.toContain(alias);
  });

  test.each([['СНВ-3'], ['Шойгу'], ['США'], ['Putin'], ['普京']])('leaves %s alone', (alias) => {
    expect(russianForms(alias)).toEqual([]);
  });
});

describe('mayStartSmall', () => {
  test.each([
    ['Российско-китайское ЭКСПО', true],
    ['Северный морской путь', true],
    ['Тихоокеанский флот', true],
    // A capitalised word after the adjective: "единая Россия" is a phrase about the country.
    ['Единая Россия', false],
    ['Большой Уссурийский остров', false],
    // Not an adjective first, or one word.
    ['Сила Сибири', false],
    ['Китай', false],
  ])('%s: %s', (alias, expected) => {
    expect(mayStartSmall(alias)).toBe(expected);
  });
});

describe('coordinated names with one head in the plural', () => {
  test('the last conjunct: the adjectives in a case, the head in the plural', () => {
    expect(coordinatedForms('Восточно-Китайское море')).toEqual([
      'Восточно-Китайское моря',
      'Восточно-Китайского морей',
      'Восточно-Китайскому морям',
      'Восточно-Китайским морями',
      'Восточно-Китайском морях',
    ]);
    expect(coordinatedForms('Сила Сибири')).toEqual([]);
  });

  test('the head in the singular, in the same case, for the earlier conjuncts', () => {
    expect(singularOfPluralHead('морей')).toBe('моря');
    expect(singularOfPluralHead('островах')).toBe('острове');
    expect(singularOfPluralHead('договоры')).toBe('договор');
    expect(singularOfPluralHead('морями')).toBe('морем');
    expect(singularOfPluralHead('Китая')).toBeNull();
  });

  test('in the nominative, each earlier name keeps its own singular: "Айгунский и Пекинский договоры"', () => {
    const detector = createDetector(aliasTable);
    const found = detector.scan('Айгунский и Пекинский договоры определили границу.', newPageState()).mentions;
    expect(found.map((m) => `${m.id}:${m.text}`)).toEqual([
      'treaty-of-aigun:Айгунский',
      'convention-of-peking:Пекинский договоры',
    ]);
  });
});

describe('case forms in the detector', () => {
  test('a treaty named in full without its parties declines too: "по Договору о дружбе, союзе и взаимной помощи"', () => {
    const detector = createDetector(aliasTable);
    const found = detector.scan(
      'По Договору о дружбе, союзе и взаимной помощи СССР дал кредит.',
      newPageState(),
    ).mentions;
    expect(found.map((m) => m.id)).toContain('sino-soviet-treaty-1950');
  });

  test('aliases that differ only in case give forms that match either way: "российско-китайском ЭКСПО"', () => {
    const detector = createDetector(aliasTable);
    const found = (text: string) => detector.scan(text, newPageState()).mentions.map((m) => `${m.id}:${m.text}`);
    expect(found('Компании участвуют в российско-китайском ЭКСПО в Харбине.')).toContain(
      'china-russia-expo:российско-китайском ЭКСПО',
    );
    expect(found('Компании участвуют в Российско-Китайском ЭКСПО.')).toContain(
      'china-russia-expo:Российско-Китайском ЭКСПО',
    );
  });
});

describe('coordinated names in English', () => {
  test('the last conjunct takes the plural head; earlier ones are names with the singular', () => {
    expect(englishCoordinatedForms('Bering Sea')).toEqual(['Bering seas']);
    expect(englishCoordinatedForms('Sea of Japan')).toEqual([]);
    // A name of several words before its head: "the Japanese and East China Seas".
    expect(englishCoordinatedForms('East China Sea')).toEqual(['East China seas']);
    expect(singularOfPluralHead('seas')).toBe('Sea');
    const detector = createDetector(aliasTable);
    const found = (text: string) => detector.scan(text, newPageState()).mentions.map((m) => `${m.id}:${m.text}`);
    expect(found('Bombers flew over the Chukchi and Bering seas.')).toEqual([
      'chukchi-sea:Chukchi',
      'bering-sea:Bering seas',
    ]);
    expect(found('The Amur and Ussuri rivers meet at Khabarovsk.')).toEqual([
      'amur-river:Amur',
      'ussuri-river:Ussuri rivers',
      'khabarovsk:Khabarovsk',
    ]);
    // The country inside the sea's name is not named: the plural is the sea's.
    expect(found('Bombers patrolled over the Japanese and East China Seas.')).toEqual([
      'east-china-sea:East China Seas',
    ]);
  });
});
