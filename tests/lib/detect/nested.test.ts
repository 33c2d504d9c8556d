/** Names inside descriptive phrases are mentions too; names inside other proper names are not. */
import { describe, expect, test } from 'vitest';
import { aliasTable } from '../../../lib/detect/bundled-table';
import { createDetector, newPageState } from '../../../lib/detect/detector';
import { annotateHtml } from '../../../lib/cli/annotate';

const detector = createDetector(aliasTable);
const scan = (text: string) => detector.scan(text, newPageState());
const ids = (list: { id: string; text: string }[]) => list.map((x) => `${x.id}:${x.text}`);

describe('nested mentions', () => {
  test.each([
    ["Russia's invasion of Ukraine began in 2022.", ['russia:Russia', 'ukraine:Ukraine']],
    ['Trade between Russia and China grew.', ['russia:Russia', 'china:China']],
    ['Прошла встреча глав правительств России и Китая.', ['russia:России', 'china:Китая']],
    // Two countries' initials side by side in a Chinese phrase, in either script.
    ['俄乌冲突持续。', ['russia:俄', 'ukraine:乌']],
    ['烏俄戰爭爆發。', ['ukraine:烏', 'russia:俄']],
    // A sentence's capitalised "The" does not make the phrase a proper name.
    ['“The China-Russia relationship today is hard-earned,” he said.', ['china:China', 'russia:Russia']],
    // A headline capitalises the phrase's own words: they make no longer name of the names in it.
    ['Russia-China Trade Surges by 92%', ['russia:Russia', 'china:China']],
    ['Since Russia’s invasion of Ukraine, sanctions grew.', ['russia:Russia', 'ukraine:Ukraine']],
    ["Nancy Pelosi's visit to Taiwan in 2022 angered Beijing.", ['nancy-pelosi:Nancy Pelosi', 'taiwan:Taiwan']],
    // An organ's name names the body it is part of (`partOf`), wherever that stands in it.
    ['The US Treasury Department said so.', ['united-states:US']],
    ['ВКС РФ и ВВС НОАК провели патрулирование.', ['russia:РФ', 'peoples-liberation-army:НОАК']],
    ['Совет глав государств-членов ШОС собрался.', ['shanghai-cooperation-organisation:ШОС']],
    // Down more than one level: the SCO in its council, inside the phrase for the council's meeting.
    [
      'В сентябре 2025 года в Тяньцзине прошло заседание Совета глав государств-членов ШОС.',
      ['sco-heads-of-state-council:Совета глав государств-членов ШОС', 'shanghai-cooperation-organisation:ШОС'],
    ],
    // The party inside its congress's name.
    ['中國共產黨第九次全國代表大會召開。', ['chinese-communist-party:中國共產黨']],
    // A Chinese phrase reads the names in it; a Chinese proper name does not ("西伯利亚力量").
    ['各方呼吁和平解决乌克兰冲突。', ['ukraine:乌克兰']],
    ['美国商务部工业和安全局宣布新规。', ['us-commerce-department:美国商务部', 'united-states:美国']],
    ['美国财政部海外资产控制办公室宣布制裁。', ['us-treasury:美国财政部', 'united-states:美国']],
    [
      'The Ninth National Congress of the Communist Party of China met in 1969.',
      ['chinese-communist-party:Communist Party of China'],
    ],
  ])('%s', (text, inner) => {
    const r = scan(text);
    expect(r.mentions.length).toBeGreaterThan(0);
    expect(ids(r.nested)).toEqual(inner);
    for (const n of r.nested) {
      expect(n.nested).toBe(true);
      // Inside an outer mention, which alone is a mark.
      expect(r.mentions.some((o) => o.start <= n.start && n.end <= o.end && o.id !== n.id)).toBe(true);
    }
  });

  test.each([
    'The Treaty of Beijing was signed in 1860.',
    'Gas flows through the Power of Siberia pipeline.',
    'The Central Bank of Russia raised rates.',
    'Tensions rose in the South China Sea.',
    'The Kremlin said so.',
    // Only the bodies an organ is part of: a company or a party named after a country is not an organ.
    'China National Petroleum Corporation signed.',
    'United Russia won the vote.',
    // A name with a word for its kind is still a proper name, in Chinese too.
    'The Blagoveshchensk–Heihe bridge opened in 2022.',
    '西伯利亚力量管道向中国供气。',
  ])('no nested names inside a proper name: %s', (text) => {
    expect(scan(text).nested).toEqual([]);
  });

  test('an ambiguous Chinese phrase refused in its sentence still names the names in it', () => {
    const r = scan('2014年俄罗斯的入侵使克里米亚易手。');
    expect(ids(r.mentions)).toContain('russia:俄罗斯');
    expect(r.mentions.map((m) => m.id)).not.toContain('russian-invasion-of-ukraine');
  });

  test('a name that begins with an office inside a phrase: "Chinese" qualifies the office ("trip of Chinese President Xi Jinping")', () => {
    const page = newPageState();
    page.date = '2023-03-17';
    const r = detector.scan('The upcoming trip of Chinese President Xi Jinping to Russia was announced.', page);
    expect(r.mentions.map((m) => m.id)).toContain('xi-state-visit-moscow-2023');
    expect(r.nested.map((m) => m.id)).toEqual(['xi-jinping', 'russia']);
  });

  test('a capitalised word after a phrase is not read as part of the name that ends it ("саммита ШОС Путина")', () => {
    const page = newPageState();
    page.date = '2025-09-07';
    const r = detector.scan('На приеме в честь участников саммита ШОС Путина встречали песней.', page);
    expect(ids(r.mentions)).toContain('sco-tianjin-summit-2025:саммита ШОС');
    expect(ids(r.nested)).toEqual(['shanghai-cooperation-organisation:ШОС']);
  });

  test('a phrase inside a phrase that its context refuses still names the names in it', () => {
    // 俄罗斯入侵 alone would be the invasion of Ukraine; here it is part of the annexation of Crimea.
    const r = scan('当时俄罗斯入侵克里米亚。');
    expect(ids(r.mentions)).toEqual(['annexation-of-crimea:俄罗斯入侵克里米亚']);
    expect(ids(r.nested)).toEqual(['russia:俄罗斯', 'crimea:克里米亚']);
  });

  test('annotate lists nested mentions and their entities; --json keeps four keys per mention', async () => {
    const html = "<p>Russia's invasion of Ukraine was condemned in Kyiv and in Beijing.</p>";
    const r = await annotateHtml(html, detector);
    expect(r.entities).toEqual(expect.arrayContaining(['russia', 'ukraine', 'russian-invasion-of-ukraine']));
    const outer = r.mentions.find((x) => x.id === 'russian-invasion-of-ukraine')!;
    const inner = r.mentions.filter((x) => x.nested);
    expect(inner.map((x) => x.id)).toEqual(['russia', 'ukraine']);
    for (const n of inner) expect(outer.start <= n.start && n.end <= outer.end).toBe(true);
    // A phrase comes before the names inside it.
    expect(r.mentions.indexOf(outer)).toBeLessThan(r.mentions.indexOf(inner[0]!));
  });
});

test('the forum named with the initiative in quotation marks, as Chinese writes it', () => {
  expect(scan('出席「一帶一路」國際合作高峰論壇。').mentions.map((m) => m.id)).toEqual(['belt-and-road-forum']);
  expect(scan('第三届“一带一路”国际合作高峰论坛在北京举行。').mentions.map((m) => m.id)).toContain(
    'belt-and-road-forum',
  );
});

test('two organs sharing a name do not read each other inside it ("the Foreign Ministry’s" after Russia’s was named)', () => {
  const r = scan(
    'The Russian Foreign Ministry said so. He was in China. He served as the Director of the Foreign Ministry’s First Asian Department.',
  );
  expect(ids(r.mentions)).toContain('russian-foreign-ministry:Foreign Ministry');
});

test('Chinese descriptions of the relationship and of a visit read the names in them', () => {
  expect(ids(scan('中国和俄罗斯的关系处于历史最好时期。').nested)).toEqual(
    expect.arrayContaining(['china:中国', 'russia:俄罗斯']),
  );
  expect(ids(scan('中国和俄罗斯的关系处于历史最好时期。').mentions)).toContain(
    'china-russia-relations:中国和俄罗斯的关系',
  );
  expect(ids(scan('1949年12月,毛泽东访问苏联,与斯大林会谈。').mentions)).toContain(
    'mao-visit-moscow-1949:毛泽东访问苏联',
  );
  // The SCO's treaty of 2007 is not the Sino-Russian one of 2001.
  expect(ids(scan('上海合作组织成员国长期睦邻友好合作条约').mentions)).not.toContain(
    'treaty-of-good-neighborliness-2001:睦邻友好合作条约',
  );
});
