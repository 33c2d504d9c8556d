/**
 * A place's name inside the name of another body is not that place (the
 * labelling standard: "China" in "China Daily", a country's name in a
 * university's, a news agency's or a company's), while the same words in
 * running text still name it. The words come from `longerNames` in rules.json.
 */
import { describe, expect, test } from 'vitest';
import { aliasTable } from '../../../lib/detect/bundled-table';
import { createDetector, newPageState } from '../../../lib/detect/detector';

const detector = createDetector(aliasTable);
const found = (text: string) => {
  const r = detector.scan(text, newPageState());
  return [...r.mentions, ...r.nested].map((m) => `${m.id}:${m.text}`);
};

describe('names inside the names of other bodies', () => {
  test.each([
    ['A professor at Moscow State University said so.', 'moscow'],
    ['Scholars of Beijing Normal University wrote it.', 'beijing'],
    ['A professor at Renmin University of China said so.', 'china'],
    ['China Development Bank lent the money.', 'china'],
    ['The Moscow Institute of Physics and Technology opened a lab.', 'moscow'],
    ['The Beijing News reported it.', 'beijing'],
    ['据中国日报报道。', 'china'],
    ['他毕业于莫斯科罗蒙诺索夫国立大学亚非研究所。', 'moscow'],
    ['中国人民大学教授表示。', 'china'],
    ['北京大学学者表示。', 'beijing'],
    ['據中國時報報導。', 'china'],
    ['中國人民大學教授表示。', 'china'],
    ['中國醫藥大學的研究。', 'china'],
    ['中国科学院院士表示。', 'china'],
    ['据美国之音报道。', 'united-states'],
    ['据俄罗斯卫星网报道。', 'russia'],
    // Another city's kremlin, in Chinese too.
    ['游客参观了诺夫哥罗德克里姆林宫。', 'kremlin'],
    ['The Novgorod Kremlin is old.', 'kremlin'],
    // A quoted name after a word for a named thing: a ship, a channel, an airline.
    ['Крейсер «Москва» затонул.', 'moscow'],
    ['Самолёт авиакомпании «Сибирь» приземлился.', 'siberia'],
    // Other names listed as such: a district, a channel, a person.
    ['Офис у станции Китай-город.', 'china'],
    ['Телеканал Россия 24 показал сюжет.', 'russia'],
    ['Elia Kazan directed the film.', 'kazan'],
    // A name that runs past the other name by a mark only does not take it over.
    ['In Elia Kazan’s film, Brando plays a docker.', 'kazan'],
    ["In Elia Kazan's film, Brando plays a docker.", 'kazan'],
    // A river named after a town.
    ['The Kazan River flows through the tundra.', 'kazan'],
    ['Canoeists paddle the Kazan Heritage River.', 'kazan'],
    ['Trump Tower stands in Manhattan.', 'donald-trump'],
    // A dish and people named after a place.
    ['He ordered Chicken Kiev.', 'kyiv'],
    ['午飯叫了羅宋湯和俄羅斯牛柳飯。', 'russia'],
    ['中国的上海罗宋汤用的是上海大红肠。', 'shanghai'],
    ['俄罗斯蓝猫聪明伶俐。', 'russia'],
    ['北接大连西路。', 'dalian'],
    ['中国的上海绿地申花足球队主场在虹口。', 'shanghai'],
    ['中国人开的俄罗斯城堡餐厅很有名。', 'russia'],
    ['Denzel Washington starred in it.', 'united-states'],
    ['據香港商報報導。', 'hong-kong'],
    ['香港文匯報記者報道。', 'hong-kong'],
    ['印度是发展中国家之一。', 'china'],
    ['台灣民主國成立於1895年。', 'taiwan'],
    ['活动在南海路举行。', 'south-china-sea'],
    ['晚宴有遠東海鮮。', 'east-china-sea'],
    ['俄方晚宴有遠東海鮮。', 'east-china-sea'],
    // A work's title: a place's name between Chinese title marks.
    ['我最喜欢的歌是《莫斯科》。', 'moscow'],
    ['敘述1909年刺殺伊藤博文的歷史諜報片《哈爾濱》上映。', 'harbin'],
    ['好久沒吃蒙古烤肉了。', 'mongolia'],
    ['Есть альтернатива — напиток Байкал.', 'lake-baikal'],
    ['корветы «Герой РФ Алдар Цыденжапов» вышли в море.', 'russia'],
    ['例如1992年陳昇的〈北京一夜〉(One Night in Beijing),現代流行。', 'beijing'],
    ['《莫斯科郊外的晚上》是一首苏联歌曲。', 'moscow'],
    // Institutions, venues and companies that begin with a city's name.
    ['他毕业于莫斯科国立国际关系学院。', 'moscow'],
    ['成立於一九八八年的莫斯科市立芭蕾舞團來台演出。', 'moscow'],
    ['老莫就是莫斯科餐厅。', 'moscow'],
    // A listed company, ended by its stock code; a street; a city's beer.
    ['部份澳門賭業股反覆回穩,金沙中國(01928.HK)上季EBITDA跌三成二。', 'china'],
    ['中国石油（601857.SH）收涨。', 'china'],
    ['鋁業股持續強勢，中國宏橋（1378）半日升3.8%。', 'china'],
    ['旧称“中国大街”,曾是商店的聚集地。', 'china'],
    ['拥有百年历史的哈尔滨啤酒销量下滑。', 'harbin'],
    ['It is a joint venture between Disney and Shanghai Shendi Group, a state firm.', 'shanghai'],
    ['Клуб сменил название на "Шанхай Дрэгонс".', 'shanghai'],
    ['В настоящее время пункт пропуска Маньчжурия работает в штатном режиме.', 'manchuria'],
    // A place alone in Chinese quotation marks before a word for a named thing: a pipeline route.
    ['并将「遠東」管線的年輸送量提高。', 'russian-far-east'],
    // Another country's organ: Thailand's customs, Russia's.
    ['泰國海關總署署長潘通指出,進口中國製無人機。', 'general-administration-of-customs'],
    ['俄罗斯海关总署表示,对华出口增长。', 'general-administration-of-customs'],
    // A body named after a person.
    ['The exhibition opened at the Yeltsin Center in Yekaterinburg.', 'boris-yeltsin'],
    ['Какими были первые проекты здания Ельцин Центра?', 'boris-yeltsin'],
    // …or beginning the quoted name: a ship.
    ['船舶追踪数据显示,“北极牡丹”号于10月初装载了一批液化天然气。', 'arctic'],
    ['然而蒙古人通常將這條河稱為阿瑪爾河。', 'mongolia'],
    ['航线途经东京、日本海上自卫队横须贺基地。', 'sea-of-japan'],
    ['本文将带您走进上海交大的历史。', 'shanghai'],
    ['Sanctions target Gazprom Neft and Surgutneftegaz.', 'gazprom'],
    ['They supplied parts for Iran Aircraft Manufacturing Co., an aircraft maker.', 'iran'],
    ['Settlements will be used in Asia, Africa and Latin America.', 'united-states'],
    // A place's Latin name running into another Latin name in Russian or Chinese text: a foreign company.
    ['В перечень попала китайская Shanghai Fudan Microelectronics.', 'shanghai'],
    ['紧邻北京景山学校北校区。', 'beijing'],
    ['头图|视觉中国', 'china'],
    ['原住之滿洲人等,照舊準其居住。', 'manchuria'],
    ['香港政府將差館街改名為上海街。', 'shanghai'],
    ['Shanghai Street, spanning four areas of Kowloon, is old.', 'shanghai'],
    ['【莫斯科郊外的晚上】《莫斯科郊外的晚上》是一首经典的苏联歌曲。', 'moscow'],
    ['強烈大陸冷氣團南下,中部以北天氣轉冷。', 'china'],
    // A currency's name is its own: the US in "US dollar" is part of it.
    ['Moscow wants to move away from the US dollar.', 'united-states'],
    ['台北的北京烤鴨名店。', 'beijing'],
    ['在谈到朝鲜半岛问题时。', 'north-korea'],
    ['民族:俄羅斯族。', 'russia'],
    ['他熟练掌握俄语和英语。', 'russia'],
    ['地点选在玉渊潭南路的基辅罗斯。', 'kyiv'],
    ['模块通过白令海峡运输。', 'bering-sea'],
    ['目前98%的中國銀行拒絕收款。', 'bank-of-china'],
    ['他曾任北京外交事务局翻译。', 'beijing'],
    // Clubs named after their city, and other things named after a place.
    ['上海申花队主场以1比1战平北京国安队。', 'shanghai'],
    ['上海申花队主场以1比1战平北京国安队。', 'beijing'],
    ['哈士奇的正式名称是西伯利亞哈士奇。', 'siberia'],
    ['美國犬業俱樂部正式認定了這個犬種。', 'united-states'],
    ['南非國際事務研究所的研究員表示。', 'south-africa'],
    ['黑瞎子岛上举行中俄国界东段界桩揭幕仪式。', 'russia'],
    ['沙俄在尼布楚河与石勒喀河合流处建城。', 'nerchinsk'],
    ['Героем Советского Союза стал генерал Бабанский.', 'soviet-union'],
    ['Хоккеисты «СКА-Хабаровск» завершили сбор.', 'khabarovsk'],
    ['据《解放军报》报道,中国军队参加演习。', 'peoples-liberation-army'],
    ['必须是北京填鸭,北京冬奥会上也有它。', 'beijing'],
    ['WBC美國隊再宣布4名球員入隊。', 'united-states'],
    ['林書豪與CBA北京鴨首鋼達成共識。', 'beijing'],
    ['中国社会科学院俄罗斯东欧中亚研究所所长表示。', 'russia'],
    ['位于亚欧大陆北部。', 'china'],
    ['Russian由英語譯為上海話「羅宋」。', 'shanghai'],
    ['由蒙古語轉譯北京官話叫「俄羅斯」。', 'beijing'],
    ['The imaging firm (Beijing Yunze Technology Co) was listed.', 'beijing'],
    ['北京昀澤科技有限公司(Beijing Yunze Technology Co)、以及其他公司。', 'beijing'],
    ['根据2004年《中华人民共和国和俄罗斯联邦关于中俄国界东段的补充协定》。', 'russia'],
    ['香港中通社8月31日電。', 'hong-kong'],
    ['中國發展高層論壇剛結束。', 'china'],
    ['下週將有來自蒙古西伯利亞的大陸高壓南下。', 'china'],
    ['弘扬“上海精神”。', 'shanghai'],
    ['He lived in Khabarovsk Krai for years.', 'khabarovsk'],
    ['内蒙古草原和蒙古族文化。', 'mongolia'],
    // Named things: alone in guillemets, or titled with their kind in brackets.
    ['Россия (гостиница, Москва) — статья о гостинице.', 'russia'],
    ['В «России» было 2772 номера.', 'russia'],
    ['Об этом сообщает «Тихоокеанская Россия».', 'russia'],
    ['Одним из любимых напитков в СССР был "Байкал".', 'lake-baikal'],
    ['В трактире “Москва” её готовят очень достойно.', 'moscow'],
    // Unquoted, in the nominative after a word for a named thing.
    ['Лекция об истории и тайнах отеля Пекин.', 'beijing'],
    ['Отель Пекин всегда был связан с силовыми структурами.', 'beijing'],
    // A street or an avenue named after a person or a place.
    ['Арт-галерея: г. Екатеринбург, ул. Бориса Ельцина, 3.', 'boris-yeltsin'],
    ['Кафе на проспекте Путина открылось в Грозном.', 'vladimir-putin'],
    ['Moscow (band) released an album.', 'moscow'],
    ['源自中国青年报。', 'china'],
    ['据日本经济新闻报道。', 'japan'],
    // Other senses of short Chinese names, and words that run on over a name.
    ['苏州的金砖是御窑烧制的。', 'brics'],
    ['甘肃黑河流域风光。', 'heihe'],
    ['欧洲大陆和大陆架。', 'china'],
    ['俄中共同纪念胜利。', 'chinese-communist-party'],
    ['北京和德宇航技术有限公司被列入清单。', 'beijing'],
    ['集装箱在满洲里集散。', 'manchuria'],
    ['北极光在船头飞舞。', 'arctic'],
    ['东方集团股价上涨。', 'eastern-bloc'],
    ['一些中国银行已开始退回付款。', 'bank-of-china'],
    ['天津飯是芡汁飯的第一名。', 'tianjin'],
    ['最大陆路口岸。', 'china'],
    // The time zone is not the city.
    ['每日北京时间9:30至11:00期间通航。', 'beijing'],
    ['The talks begin at 9 a.m. Beijing time.', 'beijing'],
    ['伪满洲国接收了分关。', 'manchuria'],
    ['香港亞太廿一學會主辦論壇。', 'hong-kong'],
    // Treaties and declarations named after a place ("Treaty of Beijing").
    ['会议发布了《天津宣言》。', 'tianjin'],
    ['1860年签订的北京条约。', 'beijing'],
    // A registered company's name, up to eight characters before its ending.
    ['北京字节跳动科技有限公司宣布。', 'beijing'],
    // Streets, venues, restaurants and dishes named after a city; a name inside a brand written in Latin letters.
    ['全国最火的北京路步行街在广州。', 'beijing'],
    ['我们参观了上海博物馆和上海大剧院。', 'shanghai'],
    ['晚上住在哈尔滨大酒店。', 'harbin'],
    ['该专辑获得Music Radio中国TOP排行榜年度最佳唱片奖。', 'china'],
    ['The China Passenger Car Association said sales rose.', 'china'],
    // Two names joined by a hyphen begin the longer name together.
    ['He spoke at the 6th Russia-China Energy Business Forum.', 'russia'],
    ['He spoke at the 6th Russia-China Energy Business Forum.', 'china'],
    ['Siluanov spoke during the 11th China-Russia Financial Dialogue.', 'china'],
    ['A concert by the Symphony Orchestra of Moscow opened the season.', 'moscow'],
    ['The State Symphonic Kapelle of Moscow played it.', 'moscow'],
    ['演出者是“莫斯科俄羅斯愛樂管弦樂團”。', 'moscow'],
    ['【莫斯科郊外歌词】《莫斯科郊外的晚上》是一首经典的苏联歌曲。', 'moscow'],
    // Sports teams and newspapers, in Chinese as in English.
    ['华盛顿奇才队主场获胜。', 'united-states'],
    ['俄羅斯好手盧布列夫今天在美國網球公開賽獲勝。', 'ruble'],
    ['2020年获得“亚历山大·涅夫斯基勋章”。', 'alexander-nevsky'],
    ['俄羅斯好手盧布列夫今天在美國網球公開賽獲勝。', 'united-states'],
    ['北京道1號是香港一座辦公室大廈。', 'beijing'],
    ['日本語版「フォーカス台湾」に移動しますか。', 'japan'],
    ['中国女排超级联赛决赛第三场天津3-1力克上海女排。', 'tianjin'],
    ['喀山圣母大教堂是东正教教堂。', 'kazan'],
    ['欧盟还将天津西山福盛国际贸易有限公司列入制裁名单。', 'tianjin'],
    ['中国石油香港有限公司被列入名单。', 'hong-kong'],
    ['来源:中国新闻网。', 'china'],
    ['城市:海兰泡、黑河、阿穆尔河畔共青城。', 'amur-river'],
    ['亞錦賽決賽:中華大比分擊敗中國,明天決賽對日本。', 'china'],
    ['亞洲棒球錦標賽複賽,台灣中華隊以10:2擊敗中國。', 'china'],
    ['中国女排3比0战胜俄罗斯女排。', 'china'],
    ['中国女排3比0战胜俄罗斯女排。', 'russia'],
    ['据华盛顿邮报报道。', 'united-states'],
  ])('%s has no %s', (text, id) => {
    expect(found(text).filter((m) => m.startsWith(`${id}:`))).toEqual([]);
  });

  test('an alias that a longer name ends is not its entity: "Agricultural Bank of China"', () => {
    expect(found('Agricultural Bank of China froze the accounts.')).toEqual([]);
    expect(found('The Bank of China froze the accounts.')).toEqual(['bank-of-china:Bank of China']);
  });

  test('a word that describes after a Chinese place makes a description, not a name: 中国国有银行 names China', () => {
    expect(found('俄媒称中国国有银行拒绝付款。')).toContain('china:中国');
    expect(found('中國小型銀行還承做俄方付款。')).toContain('china:中國');
    expect(found('中国建设银行宣布。')).not.toContain('china:中国');
    expect(found('中國大銀行正在限制此類交易。')).toContain('china:中國');
  });

  test("a country's name right before 银行 is its banks; a city's begins a bank's name", () => {
    expect(found('美国已将数百家俄罗斯银行踢出系统。')).toContain('russia:俄罗斯');
    expect(found('被切断的俄羅斯銀行名單。')).toContain('russia:俄羅斯');
    expect(found('哈尔滨银行与俄方合作。')).not.toContain('harbin:哈尔滨');
    expect(found('上海银行宣布。')).not.toContain('shanghai:上海');
  });

  test('a newspaper named after a country is the paper only in title marks: 俄罗斯报价 is Russia quoting a price', () => {
    expect(found('俄罗斯报价高,中国觉得不划算。')).toContain('russia:俄罗斯');
    expect(found('据《俄罗斯报》报道。')).not.toContain('russia:俄罗斯');
  });

  test('a land bridge (大陆桥) is not the mainland, on a page about China too', () => {
    expect(found('中国满洲里口岸地处亚欧第一大陆桥的交通要冲,是中国对俄贸易的窗口。')).not.toContain('china:大陆');
  });

  test('a region names the country it is part of: 俄罗斯远东 names Russia', () => {
    expect(found('符拉迪沃斯托克是俄罗斯远东城市。')).toEqual(
      expect.arrayContaining(['russian-far-east:俄罗斯远东', 'russia:俄罗斯']),
    );
  });

  test('a place in a long quotation, or in Chinese title marks that run over a line, is the place', () => {
    expect(found('Он сказал: «Россия готова к диалогу с Китаем и Индией».')).toContain('russia:Россия');
    expect(found('《莫斯科\n郊外》')).toContain('moscow:莫斯科');
  });

  test('a party named after its country does not name it, in Chinese either; an organ of the state does', () => {
    expect(found('中国共产党中央委员会')).not.toContain('china:中国');
    expect(found('中國國民黨主席')).not.toContain('china:中國');
    expect(found('中国外交部发言人')).toContain('china:中国');
  });

  test("a minister's title (部长) is not the ministry, but still names its country", () => {
    expect(found('中国外交部长王毅表示。')).toEqual(['china:中国', 'wang-yi:王毅']);
    expect(found('中国外交部发言人表示。')).toContain('chinese-foreign-ministry:中国外交部');
  });

  test.each([
    ['Russia and China signed a deal with the Bank of China.', 'china:China'],
    ['Moscow said universities would close.', 'moscow:Moscow'],
    ['China Hosts Talks in Beijing', 'china:China'],
    ['中国大学生赴俄罗斯留学。', 'china:中国'],
    ['中国公司在俄罗斯投资。', 'china:中国'],
    ['中国进口俄罗斯石油。', 'china:中国'],
    ['中国对俄银行实施限制。', 'china:中国'],
    ['中国集团和俄罗斯公司合作。', 'china:中国'],
    ['俄罗斯退出八国集团。', 'russia:俄罗斯'],
    ['中国加入条约。', 'china:中国'],
    // A Chinese name that turns out to be something else still names what is in it.
    ['一些中国银行已开始退回付款。', 'china:中国'],
    ['《恰克图条约》签订于1727年。', 'treaty-of-kyakhta:恰克图条约'],
    ['«Нерчинский договор» подписан.', 'treaty-of-nerchinsk:Нерчинский договор'],
    ['大陸從俄國進口原油。', 'china:大陸'],
    ['中國大陸從俄國進口原油。', 'china:中國大陸'],
    ['«Россия готова к диалогу», — заявил Песков.', 'russia:Россия'],
    ['Газета «Россия» пишет, что Россия готова.', 'russia:Россия'],
    ['Washington imposed sanctions on Moscow.', 'united-states:Washington'],
    ['普京返回克里姆林宫。', 'kremlin:克里姆林宫'],
    ['中国(包括香港)的出口增长。', 'china:中国'],
    ['北京大街小巷都在讨论。', 'beijing:北京'],
    ['北京街头出现了排队人群。', 'beijing:北京'],
    ['The Beijing road map was revised.', 'beijing:Beijing'],
    ['新中国（1949）成立后。', 'china:中国'],
    ['今年以来,中国四大银行中的三家停止了付款。', 'china:中国'],
    ['学校将与俄罗斯顶尖大学密切合作。', 'russia:俄罗斯'],
    ['一位莫斯科的俄羅斯銀行家表示。', 'russia:俄羅斯'],
    ['中国啤酒进口俄罗斯。', 'china:中国'],
    ['俄罗斯「远东」地区的开发。', 'russian-far-east:远东'],
    ['在去北京路上堵了两个小时。', 'beijing:北京'],
    ['北京道歉了。', 'beijing:北京'],
    ['欧美已将部分俄罗斯银行剔除出SWIFT。', 'russia:俄罗斯'],
    ['中国企业向被制裁的俄方银行汇款。', 'russia:俄方'],
    ['忧美制裁 中国这家银行突跳船。', 'china:中国'],
    ['台灣網球選手謝淑薇與俄羅斯搭檔以2比1擊敗對手。', 'russia:俄羅斯'],
    ['北京3-5月降雨偏少。', 'beijing:北京'],
    ['Визит Си Цзиньпина в Россию 3-4 июля.', 'russia:Россию'],
    ['Встреча пройдет в Пекине 10:30 по местному времени.', 'beijing:Пекине'],
    ['普京在符拉迪沃斯托克出席东方经济论坛。', 'vladivostok:符拉迪沃斯托克'],
    ['北京道路拥堵。', 'beijing:北京'],
    ['卢布汇率下跌。', 'ruble:卢布'],
    ['莫斯科路透电。', 'moscow:莫斯科'],
    ['在黑龙江省虎林县乌苏里江畔。', 'heilongjiang-province:黑龙江省'],
    ['中国GDP增长了5%。', 'china:中国'],
    // A place alone in title marks with no work near it is the place, set off as in quotation marks.
    ['中俄兩國海軍將於8月位俄《符拉迪沃斯託克》附近海空域舉行演習。', 'vladivostok:符拉迪沃斯託克'],
    ['他在北京(中国首都)工作。', 'beijing:北京'],
    ['Компания работает в Shanghai и в Москве.', 'shanghai:Shanghai'],
    // Russian oil as a commodity, in either script: the country, not the company.
    ['近期特朗普以印度購買俄羅斯石油為由加徵關稅。', 'russia:俄羅斯'],
    ['中国仍然是俄罗斯石油的最大买家之一。', 'russia:俄罗斯'],
    // The place's own hotels and companies: another case than the nominative, or a name that does not decline.
    ['Лучшие отели Москвы подняли цены.', 'moscow:Москвы'],
    ['Глава крупнейшей нефтяной компании РФ рассказал об этом.', 'russia:РФ'],
  ])('running text still names the place: %s', (text, mention) => {
    expect(found(text)).toContain(mention);
  });
});
