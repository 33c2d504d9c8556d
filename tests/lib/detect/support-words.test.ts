/**
 * An ambiguous name needs words of its sense in its sentence (`yes` in
 * rules.json), in the sentence's own script: a Chinese or Russian sentence
 * supports 王毅 or "S-400" with its own words, and a sentence without them
 * still supports nothing.
 */
import { describe, expect, test } from 'vitest';
import { aliasTable } from '../../../lib/detect/bundled-table';
import { PhraseSet } from '../../../lib/detect/context-rules';
import { createDetector, newPageState } from '../../../lib/detect/detector';

const detector = createDetector(aliasTable);
const ids = (text: string) => detector.scan(text, newPageState()).mentions.map((m) => m.id);

describe('support words in Chinese and Russian', () => {
  test.each([
    ['外长王毅表示,双方将加强合作。', 'wang-yi'],
    ['李强总理会见了来访的代表团。', 'li-qiang'],
    ['印度接收了S-400防空系统。', 's-400'],
    ['SCO峰会在天津举行。', 'shanghai-cooperation-organisation'],
    ['Министр обороны Белоусов заявил об этом.', 'andrei-belousov'],
    ['В 1848 году к устью Амура направили экспедицию.', 'amur-river'],
    ['中俄双边贸易额再创新高,人民币结算占比上升。', 'china-russia-trade'],
    ['Объем взаимной торговли России и Китая вырос на 26%.', 'china-russia-trade'],
    // The invasion as Chinese reports name it.
    ['俄侵乌以来,中方立场未变。', 'russian-invasion-of-ukraine'],
    ['西方谴责俄罗斯对乌克兰的入侵。', 'russian-invasion-of-ukraine'],
    ['俄羅斯與烏克蘭的戰爭仍在持續。', 'russian-invasion-of-ukraine'],
    ['俄罗斯对乌克兰发动全面入侵后,基辅遭到空袭。', 'russian-invasion-of-ukraine'],
    ['Under the 2004 agreement, Russia handed the islands over.', 'border-agreement-2004'],
    // 黑龙江 is the river or the province, as its sentence says.
    ['黑龙江和乌苏里江涨水。', 'amur-river'],
    ['长城在俄罗斯的汽车销量增长。', 'great-wall-motor'],
    ['哥萨克武装航行黑龙江,向黑龙江左岸移民。', 'amur-river'],
    ['他在内蒙古和黑龙江旅行。', 'heilongjiang-province'],
    // Words right after it that rule out the river and are the province's own: 境内 ("within").
    ['四个极点中,有两个位于黑龙江境内。', 'heilongjiang-province'],
    // Before the province, the name of the region along the river: 黑龙江一带 in Qing history.
    ['清朝无暇顾及东北黑龙江一带。', 'amur-river'],
    ['康熙帝以为应适时出兵黑龙江。', 'amur-river'],
    // Both senses supported: the one with more words of its own.
    ['岛在抚远县境内的黑龙江、乌苏里江汇合处。', 'amur-river'],
    // The province named as such (黑龙江省) sets the bare name beside it apart: its 省 is not a word for it.
    ['岛位于黑龙江省佳木斯市抚远市,地处黑龙江与乌苏里江交汇处。', 'amur-river'],
    ['中俄原油管道控制性工程黑龙江穿越工程开钻施工。', 'amur-river'],
    ['The boundary ran north of the Amoor to the sea of Okhotsk.', 'amur-river'],
    // 大陆 right before another name is the mainland's: China.
    ['大陸黑龍江哈爾濱最著名的景點開門迎客。', 'china'],
    ['大陸央視新聞報道。', 'china'],
    // 外交部 alone is China's where the sentence names China's side or its spokespeople.
    ['外交部发言人毛宁表示。', 'chinese-foreign-ministry'],
    ['Ли Хуэй — спецпредставитель Китая по делам Евразии.', 'li-hui'],
    ['俄国人沿阿穆尔河流域东进。', 'amur-river'],
    ['Товарооборот России с Китаем вырос, сообщила таможня Китая.', 'general-administration-of-customs'],
    ['На участке по рекам Аргунь и Амур.', 'amur-river'],
    ['Речные сообщения по Амуру нерегулярны.', 'amur-river'],
    ['Между городами всего 800 метров по Амуру.', 'amur-river'],
    ['Russian, Chinese bombers fly joint patrols over Pacific.', 'joint-bomber-patrols'],
    ['2014年5月,诺瓦泰克公司与中国石油签订了供货合同。', 'cnpc'],
    ['国防部新闻发言人张晓刚表示,中方将继续合作。', 'china-ministry-of-national-defense'],
    ['原职:张辞去外交部副部长职务,就任中国驻俄罗斯大使。', 'chinese-foreign-ministry'],
    ['8月12日,国务院任免国家工作人员。', 'state-council-of-china'],
    // 商务部 is China's or the US's, as the sentence says.
    ['商务部新闻发言人何亚东表示,中方坚决反对。', 'mofcom'],
    ['美国政府宣布,商务部工业和安全局将42家企业列入清单。', 'us-commerce-department'],
    // Any blacklist is a 'черный список': the US Entity List where the Commerce Department is named.
    ['Минторг США внес в черный список десять компаний из Китая.', 'entity-list'],
    ['Chinese PLA personnel faced the Soviet border guards.', 'peoples-liberation-army'],
    ['当被问及通过中国向俄罗斯转运的双用途商品时,商务部引用了声明。', 'dual-use-goods'],
    ['Границы были проведены по китайскому берегу Амура, Уссури, а также протоке.', 'ussuri-river'],
    // 实体清单 is the US list in Chinese news; China's own is the 'unreliable' one.
    ['美國將11家中國公司列入實體清單。', 'entity-list'],
    // Any country's trade with China (or with Russia), and any air patrol, where the sentence says whose.
    ['Россия идет на новые рекорды в торговле с Китаем.', 'china-russia-trade'],
    ['Таможня Китая: товарооборот с Россией снизился на 9,5 процента.', 'china-russia-trade'],
    ['24 мая Россия и Китай провели воздушное патрулирование с участием бомбардировщиков.', 'joint-bomber-patrols'],
    ['中方表示,中俄之间的正常经贸往来不应受到干扰。', 'china-russia-trade'],
    ['中共外交部說,中俄的貿易將保持正常。', 'china-russia-trade'],
    // The same in traditional characters: a shared name is shared in either script.
    ['美國白宮和商務部未對這些出口管制的改變發表評論。', 'us-commerce-department'],
    ['俄氣總裁米勒對記者表示,雙方簽署了備忘錄。', 'alexei-miller'],
    ['烏國總統澤倫斯基表示,基輔不會讓步。', 'ukraine'],
    ['两位大使中,李辉曾任中国驻俄罗斯大使。', 'li-hui'],
    ['美國財政部外國資產控制辦公室說,財政部將制裁這些公司。', 'us-treasury'],
    ['俄羅斯石油和路克石油遭到美國制裁。', 'rosneft'],
    ['Там они встретились с китайскими бомбардировщиками H-6.', 'xian-h-6'],
    ['Control over three islands in the Amur and Argun rivers is unsettled.', 'argun-river'],
    ['The Treasury sanctioned 31 Chinese firms, a US official said.', 'us-treasury'],
    ['美国商务部下属的BIS负责出口管制。', 'bureau-of-industry-and-security'],
    ['На Амуре продолжается постепенный рост уровня воды.', 'amur-river'],
    // 白俄 is Belarus among other countries (and the White Russian émigrés elsewhere).
    ['伊朗、俄國和白俄等國明顯視西方為敵人。', 'belarus'],
    // Names that are no other word stay names in the small letters a page writes them in.
    ['Китай и россия совместно бряцают оружием.', 'russia'],
    ['Пять самых острых конфликтов между ссср и китаем.', 'soviet-union'],
    // A transliterated surname right after an office names the office-holder, in either script.
    ['俄羅斯副總理特魯特涅夫3月31日推銷北方海航道。', 'yury-trutnev'],
    ['據俄羅斯總統助理烏沙科夫向俄新社表示。', 'yuri-ushakov'],
    ['Договор подписал министр иностранных дел А. А. Громыко.', 'andrei-gromyko'],
    ['Двусторонний товарооборот России и Китая вырос на 20%.', 'china-russia-trade'],
    ['The figures were reported by RIA, a Russian news agency.', 'ria-novosti'],
    ['工行港股半日升1%,银行股普遍走强。', 'icbc'],
    ['这些公司被列入SDN名单,受到美国财政部制裁。', 'sdn-list'],
    ['俄罗斯因对乌克兰发动战争而持续遭到西方多国制裁。', 'western-sanctions-on-russia'],
    ['Ранее в пресс-службе МИД сообщили, что Лавров провел встречу.', 'russian-foreign-ministry'],
    // "в провинции Хэйлунцзян" names the province in full, whatever else the sentence says.
    ['Хэйхэ («Чёрная река») — городской округ в провинции Хэйлунцзян КНР.', 'heilongjiang-province'],
    // "Our country's" customs are China's.
    ['据我国海关总署统计,俄罗斯对华出口增长。', 'general-administration-of-customs'],
    // Маньчжурия is the region where the sentence speaks of it, else the border town of Manzhouli.
    ['В августе 1945 года советские войска вошли в Маньчжурию.', 'manchuria'],
  ])('%s names %s', (text, id) => {
    expect(ids(text)).toContain(id);
  });

  test.each([
    // Russian oil by the barrel or bought is the commodity, though the sentence names the company too.
    ['在英国制裁俄罗斯石油公司和卢克石油公司后,中国石油公司停止了俄罗斯石油采购。', '俄罗斯石油采购'],
    ['中国每天进口约140万桶俄罗斯石油,卢克石油公司也受影响。', '俄罗斯石油,'],
  ])('%s: not Rosneft in %s', (text, where) => {
    const at = text.indexOf(where);
    const mentions = detector.scan(text, newPageState()).mentions;
    expect(mentions.filter((m) => m.id === 'rosneft' && m.start === at)).toEqual([]);
    expect(mentions.some((m) => m.id === 'russia' && m.start === at)).toBe(true);
  });

  test('a page that names the trade by a descriptive phrase supports its short form elsewhere', () => {
    const page = newPageState();
    detector.scan("China's trade with Russia hit a record high in 2022.", page);
    const later = detector.scan('Officials said bilateral trade would grow this year.', page);
    expect(later.mentions.map((m) => m.id)).toEqual(['china-russia-trade']);
  });

  test.each([['管道始于斯科沃罗季诺,穿越黑龙江江底抵达漠河输油站,再延伸到大庆。', '黑龙江', 'amur-river']])(
    'words of both senses in the sentence: the one beside the name decides (%s)',
    (text, name, id) => {
      const mentions = detector.scan(text, newPageState()).mentions;
      expect(mentions.find((m) => m.text === name)?.id).toBe(id);
    },
  );

  test('a sentence that names one sense by another of its names settles a shared name', () => {
    const mentions = detector.scan('横跨两个城市的黑龙江(俄称阿穆尔河)成为障碍。', newPageState()).mentions;
    expect(mentions.find((m) => m.text === '黑龙江')?.id).toBe('amur-river');
  });

  test.each([
    ['王毅和李强是常见的名字。', ['wang-yi', 'li-qiang']],
    ['Белоусов пришёл домой.', ['andrei-belousov']],
    ['The 2004 agreement on gas prices lapsed.', ['border-agreement-2004']],
    ['两国双边贸易增长。', ['china-russia-trade']],
    ['德俄双边贸易额下降,俄罗斯和中国的贸易上升。', ['china-russia-trade']],
    ['黑龙江的风景很美。', ['amur-river', 'heilongjiang-province']],
    ['外交部宣布新的签证政策。', ['chinese-foreign-ministry']],
    ['他1972年毕业于苏联外交部附属的学院,毛宁说。', ['chinese-foreign-ministry']],
    ['Ресторан попал в черный список санитарной службы.', ['entity-list']],
    // A capital stands for its country: Moscow's ministries are Russia's, even beside China's words.
    ['他先后在莫斯科外交部中央办公室以及中国驻华使馆任职,发言人说。', ['chinese-foreign-ministry']],
    ['莫斯科商务部新闻发言人表示,中方坚决反对。', ['mofcom']],
    ['中国石油需求持续增长。', ['cnpc']],
    ['The navies held joint patrols in the strait.', ['joint-bomber-patrols']],
    ['俄罗斯国防部发言人表示,中方将参加演习。', ['china-ministry-of-national-defense']],
    ['美国财政部和国务院宣布对42个中国实体实施制裁。', ['state-council-of-china']],
    ['美商务部在一份声明中说,中国企业被列入清单。', ['mofcom']],
    ['俄国国防部说,中国空军参加了巡逻。', ['china-ministry-of-national-defense']],
    ['俄中海军舰艇完成对太平洋水域的联合巡逻。', ['joint-bomber-patrols']],
    ['这块地方成了阿穆尔省,阿穆尔虎也生活在这里。', ['amur-river']],
    ['Товарооборот с Китаем у Индии вырос.', ['china-russia-trade']],
    ['Торговля с Китаем у Индии выросла.', ['china-russia-trade']],
    ['中国商务部将美国企业列入不可靠实体清单。', ['entity-list']],
    ['Пограничники провели воздушное патрулирование границы.', ['joint-bomber-patrols']],
    // Border trade is a trade of its own: the labels keep it apart from the two countries' trade.
    ['中俄边境贸易持续增长。', ['china-russia-trade']],
    ['米勒教授在柏林讲课。', ['alexei-miller']],
    ['我们去长城爬山,在Great Wall上拍照。', ['great-wall-motor']],
    ['祝你新年吉利。', ['geely']],
    ['中国九大城市的房价。', ['ninth-party-congress-1969']],
    ['乌国总统米尔济约耶夫访问塔什干。', ['ukraine']],
    ['2014年俄罗斯的入侵使克里米亚易手。', ['russian-invasion-of-ukraine']],
    ['中国仍然是俄罗斯石油的最大买家之一。', ['rosneft']],
    ['德国财政部长表示预算紧张。', ['us-treasury']],
    ['The Treasury said gilt yields rose, the Chancellor added.', ['us-treasury']],
    ['US Secretary of the Treasury Janet Yellen said so.', ['us-treasury']],
    ['特鲁特涅夫品牌的新车上市。', ['yury-trutnev']],
    ['Громыко подписал договор.', ['andrei-gromyko']],
    ['The RIA award went to a storage firm.', ['ria-novosti']],
    ['Модель H-6 поступила в продажу.', ['xian-h-6']],
    ['МИД КНР заявил, что Россия и Китай договорились.', ['russian-foreign-ministry']],
    ['The BIS in Basel publishes a quarterly review.', ['bureau-of-industry-and-security']],
    ['伊朗长期遭到欧美制裁。', ['western-sanctions-on-russia']],
    ['За семь месяцев через Маньчжурию проехало более 100 тысяч контейнеров.', ['manchuria']],
  ])('without words of the sense, %s names none of %j', (text, none) => {
    for (const id of none) expect(ids(text)).not.toContain(id);
  });

  test('东京 for the government is Japan where the page names Japan, in either script', () => {
    const texts = (text: string) => detector.scan(text, newPageState()).mentions.map((m) => `${m.id}:${m.text}`);
    expect(texts('日本政府提出抗议。東京认为这是挑衅。')).toContain('japan:東京');
    expect(texts('东京认为这是挑衅。')).not.toContain('japan:东京');
  });

  // Its people, a company named after it and its border area are not the river's, whatever the sentence says.
  test.each([
    '一篇外藉黑龙江人游黑河对岸城市的文章。',
    '国网黑龙江公司的跨江输电线路投运。',
    '黑龍江邊境的口岸城市沿江而建。',
  ])('%s: 黑龙江 right before 人, 公司 or 边境 is not the river', (text) => {
    expect(ids(text)).not.toContain('amur-river');
  });
});

describe('Russian currency plurals and Washington for the US government', () => {
  test('"в рублях и юанях" names both currencies', () => {
    expect(ids('Расчёты идут в рублях и юанях.')).toEqual(['ruble', 'yuan']);
  });

  test('"Вашингтон" is the US government where the sentence is about policy, not the city as a place', () => {
    expect(ids('Вашингтон ввёл санкции против Москвы.')).toContain('united-states');
    expect(ids('Он живёт в Вашингтоне.')).not.toContain('united-states');
  });
});

describe('a country among countries', () => {
  test('an ambiguous country name in a sentence naming two other countries is the country', () => {
    expect(ids('Turkey, Azerbaijan and Malaysia have applied to join.')).toContain('turkey');
    expect(ids('Turkey has applied to join.')).not.toContain('turkey');
    expect(ids('We ate turkey with friends from Russia.')).not.toContain('turkey');
  });
});

describe('phrases of support in either Chinese script', () => {
  test('a simplified phrase is found in traditional text, and a phrase listed in both scripts counts once', () => {
    const set = new PhraseSet(['苏联', '战胜', '戰勝']);
    expect(set.found('蘇聯還在遠東地區')).toEqual(['苏联']);
    expect(set.found('堅定捍衛二戰勝利成果')).toHaveLength(1);
  });

  test('a traditional sentence supports a name by the simplified words of its sense', () => {
    expect(ids('不僅如此,蘇聯還在遠東地區佈置了70多個師。')).toContain('russian-far-east');
  });
});
