/**
 * Dated phrases ("Xi's visit", "the joint statement", "the border clashes")
 * name an event only in its time: a year in their sentence decides, else the
 * page's publication date; with neither, a place of the event named in the
 * same text, or, for an event still going on, no year of the text outside its
 * time; else they are refused.
 */
import { describe, expect, test } from 'vitest';
import { aliasTable } from '../../../lib/detect/bundled-table';
import { createDetector, newPageState } from '../../../lib/detect/detector';

const detector = createDetector(aliasTable);
const ids = (text: string, date?: string) => {
  const page = newPageState();
  if (date !== undefined) page.date = date;
  return detector.scan(text, page).mentions.map((m) => m.id);
};

describe('dated phrases', () => {
  test.each([
    // [text, page date, named?]
    ["Xi's visit was closely watched in Kyiv.", '2023-03-21', true],
    ["Xi's visit was closely watched in Kyiv.", '2019-06-05', false],
    ["Xi's visit was closely watched in Kyiv.", undefined, false],
    ['The state visit to Russia ended on Wednesday.', '2023-03-22', true],
    ['Xi’s 2019 trip to Moscow was shorter.', '2023-03-22', false],
    ['Xi’s trip to Moscow in 2023 was his first since the war began.', '2024-05-01', true],
  ])('%s (page dated %s)', (text, date, named) => {
    expect(ids(text, date).includes('xi-state-visit-moscow-2023')).toBe(named);
  });

  test.each([
    ['The joint statement set out a shared view of world order.', '2022-02-05', true],
    ['The joint statement set out a shared view of world order.', '2023-03-22', false],
    ['The March 2023 joint statement was longer.', '2022-02-20', false],
  ])('%s (page dated %s)', (text, date, named) => {
    expect(ids(text, date).includes('joint-statement-feb-2022')).toBe(named);
  });

  test.each([
    ['In 1969 the border clashes brought the two powers close to war.', true],
    ['The border clashes with India in 2020 left soldiers dead.', false],
    ['Border clashes were reported again.', false],
  ])('%s', (text, named) => {
    expect(ids(text, '2024-01-10').includes('sino-soviet-border-conflict')).toBe(named);
  });
});

test('a dated phrase that takes over a name keeps its date (bug: "Vladimir Putin’s visit" was named in any year)', () => {
  const text = 'It was signed during Vladimir Putin’s visit to Beijing.';
  expect(ids(text, '2014-06-16')).not.toContain('putin-state-visit-china-2024');
  expect(ids(text, '2014-06-16')).toEqual(expect.arrayContaining(['vladimir-putin', 'beijing']));
  expect(ids(text, '2024-05-16')).toContain('putin-state-visit-china-2024');
});

test("2025's two victory parades by what they mark: Moscow's the 80th anniversary of the Victory, Beijing's the end of the Second World War", () => {
  expect(ids('Си Цзиньпин приедет в Москву на парад к 80-летию Победы.')).toContain('victory-day-parade-2025');
  expect(ids('Putin will attend a military parade marking the 80th anniversary of the end of World War II.')).toContain(
    'beijing-victory-parade-2025',
  );
  expect(ids('Путин приехал на военный парад по случаю завершения Второй мировой войны.', '2025-09-07')).toContain(
    'beijing-victory-parade-2025',
  );
  expect(ids('Путин приехал на военный парад по случаю завершения Второй мировой войны.', '2015-09-03')).not.toContain(
    'beijing-victory-parade-2025',
  );
  expect(ids('纪念世界反法西斯战争胜利80周年阅兵在北京举行。')).toContain('beijing-victory-parade-2025');
});

test('a BRICS summit by its Chinese formal name: the leaders’ meeting, numbered or in its time', () => {
  expect(ids('金砖国家领导人第十六次会晤在喀山举行。')).toContain('brics-kazan-summit-2024');
  expect(ids('金砖国家领导人第七次会晤发表宣言。')).toContain('brics-ufa-summit-2015');
  expect(ids('习近平出席金磚國家領導人會晤。', '2023-08-23')).toContain('brics-johannesburg-summit-2023');
});

test("Russia's full-scale or 2022 invasion is the invasion of Ukraine; a bare 'Russia's invasion' of somewhere else is not", () => {
  expect(ids('He has defended Russia’s 2022 military invasion.', '2024-01-10')).toContain(
    'russian-invasion-of-ukraine',
  );
  expect(ids('It came a year after Russia’s full-scale invasion.', '2023-02-24')).toContain(
    'russian-invasion-of-ukraine',
  );
  expect(ids('Russia’s invasion of Georgia was brief.', '2024-01-10')).not.toContain('russian-invasion-of-ukraine');
});

test('a visit is named from the time it is announced: 普京访华 in April 2024 is the May visit, not the one of October 2023', () => {
  const text = '佩斯科夫证实了普京计划访华,不过他没有透露普京访华的具体日期。';
  expect(ids(text, '2024-04-09')).toContain('putin-state-visit-china-2024');
  expect(ids(text, '2023-10-17')).not.toContain('putin-state-visit-china-2024');
  expect(ids('普丁在七個月內第二度訪問中國。', '2024-05-17')).toContain('putin-state-visit-china-2024');
});

describe('events that share their words, or have only their place', () => {
  test.each([
    // The same words name several events: the date picks the one in its time.
    ['Leaders gathered for the BRICS summit.', '2023-08-22', 'brics-johannesburg-summit-2023'],
    ['Leaders gathered for the BRICS summit.', '2024-10-22', 'brics-kazan-summit-2024'],
    ['Putin flew in for the SCO summit.', '2025-09-01', 'sco-tianjin-summit-2025'],
    ['Putin flew in for the SCO summit.', '2024-07-03', 'sco-astana-summit-2024'],
    // The abbreviation in brackets between the name and "summit", after a possessive or not.
    [
      "Putin flew in for the Shanghai Cooperation Organization's (SCO) summit.",
      '2025-09-01',
      'sco-tianjin-summit-2025',
    ],
    ['Putin flew in for the Shanghai Cooperation Organisation (SCO) summit.', '2024-07-03', 'sco-astana-summit-2024'],
    // Russian case forms and Chinese, which runs on without spaces.
    ['Путин прибыл на саммит ШОС.', '2025-08-31', 'sco-tianjin-summit-2025'],
    ['上海合作组织峰会在天津举行。', '2025-09-01', 'sco-tianjin-summit-2025'],
    ['中俄两国发表联合声明。', '2022-02-04', 'joint-statement-feb-2022'],
    ['Talks on the conflict in Ukraine stalled.', '2024-03-01', 'russian-invasion-of-ukraine'],
    ['中方呼吁政治解决乌克兰危机。', '2023-05-18', 'russian-invasion-of-ukraine'],
    // A year in Chinese is followed by 年, which does not hide it.
    ['2022年2月,中俄两国发表联合声明。', '2024-05-01', 'joint-statement-feb-2022'],
    // "The state visit" in Chinese is the one of its time.
    ['正在中国进行国事访问的俄罗斯总统普京到访哈尔滨。', '2024-05-17', 'putin-state-visit-china-2024'],
    ['习近平抵达莫斯科开始国事访问。', '2023-03-20', 'xi-state-visit-moscow-2023'],
  ])('%s (page dated %s) is %s', (text, date, id) => {
    expect(ids(text, date)).toContain(id);
  });

  test('undated, a place of the event named in the same text decides', () => {
    expect(ids('Leaders arrived in Kazan for a summit of the BRICS bloc.')).toContain('brics-kazan-summit-2024');
    expect(ids('Leaders arrived for a summit of the BRICS bloc.')).toEqual(['brics']);
    // Not a place named in another text of the page: that would depend on the order texts are scanned in.
    const page = newPageState();
    detector.scan('Tianjin prepared for weeks.', page);
    expect(detector.scan('The SCO summit opened on Sunday.', page).mentions.map((m) => m.id)).toEqual([
      'shanghai-cooperation-organisation',
    ]);
    // A page date outside the event's time outweighs its place.
    expect(ids('Leaders arrived in Kazan for the BRICS summit.', '2019-11-13')).not.toContain(
      'brics-kazan-summit-2024',
    );
  });
});

test('"the conflict in Ukraine" before the invasion is not the invasion', () => {
  expect(ids('Talks on the conflict in Ukraine stalled.', '2019-06-01')).not.toContain('russian-invasion-of-ukraine');
  expect(ids('中方呼吁政治解决乌克兰危机。', '2014-05-01')).not.toContain('russian-invasion-of-ukraine');
});

describe('an event still going on: on a page with no date, its words are today’s sense', () => {
  test.each([
    ['Since the start of the conflict in Ukraine, China has stayed neutral.', true],
    ['С начала конфликта на Украине Китай придерживается взвешенной позиции.', true],
    ['The conflict in Ukraine reached a new phase in 2023.', true],
    // A year of the text outside the event's time: another conflict.
    ['In 2014, talks on the conflict in Ukraine stalled; by 2015 they had failed.', false],
  ])('%s', (text, named) => {
    expect(ids(text).includes('russian-invasion-of-ukraine')).toBe(named);
  });
});

describe('years before 1900 count where the text marks them as years', () => {
  test.each([
    // 沙俄 ("Tsarist Russia") is the tsardom before 1721 and the empire after.
    ['1689年,沙俄与清朝签订条约。', 'tsardom-of-russia'],
    ['1858年,沙俄逼迫清政府签订条约。', 'russian-empire'],
  ])('%s', (text, id) => {
    expect(ids(text, '2024-01-10')).toContain(id);
  });

  test('a year in a neighbouring sentence decides where the page is dated after the time (a history told today)', () => {
    expect(ids('1857年9月,中俄双方举行谈判。沙俄代表蛮横提出要求。', '2025-08-10')).toContain('russian-empire');
    expect(ids('沙皇俄国加紧了侵略。从1854年到1857年,俄军四次入侵。', '2025-08-10')).toContain('russian-empire');
    // A page dated in the event's time still decides before a neighbour's year.
    const text = 'Officials spoke on Friday. The upcoming trip of Xi Jinping to Russia matters. In 2022 they met.';
    expect(ids(text, '2023-03-17')).toContain('xi-state-visit-moscow-2023');
    expect(ids(text, '2024-06-01')).not.toContain('xi-state-visit-moscow-2023');
  });

  test('沙俄 beside a year of today is still Tsarist Russia: the empire, its reading where dates speak against both', () => {
    expect(ids('黑瞎子岛近代被沙俄侵占,2008年后中国收回一半。')).toContain('russian-empire');
    expect(ids('1689年,沙俄与清朝签订条约。', '2024-01-10')).not.toContain('russian-empire');
    // Undated, with no year near it, a block's own years choose.
    expect(ids('沙俄派出军队。雅克萨之战在1685年和1686年。')).toContain('tsardom-of-russia');
    // Undated with no year at all: nothing speaks for the tsardom, so the empire.
    expect(ids('沙俄侵占了大片领土。')).toContain('russian-empire');
    // Words of the time date it where no year does: a reign, a battle of the tsardom's years.
    expect(ids('康熙年间,沙俄侵扰黑龙江一带。')).toContain('tsardom-of-russia');
    expect(ids('清軍入關後,沙俄屢次侵擾。')).toContain('tsardom-of-russia');
    expect(ids('咸丰年间,沙俄逼迫清政府签约。')).toContain('russian-empire');
  });

  test('a number that is not marked as a year decides nothing: a page of today leaves 沙俄 the empire', () => {
    expect(ids('沙俄派出1650名士兵。', '2024-01-10')).not.toContain('tsardom-of-russia');
    expect(ids('沙俄派出1650名士兵。', '2024-01-10')).toContain('russian-empire');
  });
});
