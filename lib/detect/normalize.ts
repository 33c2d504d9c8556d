/**
 * Character classes and folding used by the matcher. Every UTF-16 code unit of
 * page text maps to one class and one folded code unit, so matching never
 * builds a normalised copy of the text: offsets stay those of the original.
 *
 * Folding: lower case; ё → е; Latin letters without their diacritics; traditional Chinese characters of our names →
 * simplified; every dash → "-"; apostrophes, quotes and
 * guillemets → "'"; every kind of white space
 * (NBSP, line breaks, thin spaces) → " ". Soft hyphens and zero-width
 * characters are ignorable: skipped inside names.
 *
 * Tables are filled lazily, one code unit at a time, so start-up costs nothing.
 * Pure module.
 */

/** Letters, digits and combining marks of alphabetic scripts: word boundaries apply. */
export const CLASS_WORD = 1;
/** Han characters: no word boundaries. */
export const CLASS_HAN = 2;
/** White space of any kind. */
export const CLASS_SPACE = 3;
/** Soft hyphen, zero-width space/joiners, BOM: invisible, skipped. */
export const CLASS_IGNORE = 4;
/** Apostrophes (straight and curly). */
export const CLASS_APOS = 5;
/** Anything else (punctuation, symbols). */
export const CLASS_OTHER = 6;

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const HAN_RE = /\p{Script=Han}/u;
const SPACE_RE = /\s/u;

/**
 * Class and folded code unit per code unit, lazily computed (class 0 = not yet).
 * Exported for the matcher's inner loop; read them only after `ensureChar`.
 */
export const classTable = new Uint8Array(65536);
export const foldTable = new Uint16Array(65536);

const APOSTROPHES = new Set([0x27, 0x2018, 0x2019, 0x201b, 0x2032, 0x02bc, 0x0060, 0x00b4, 0xff07]);
const DOUBLE_QUOTES = new Set([0x22, 0x201c, 0x201d, 0x201e, 0x201f, 0x00ab, 0x00bb, 0x2033, 0xff02]);
const DASHES = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]);
/**
 * Invisible characters, and the stress marks Russian dictionaries and
 * encyclopedias set over vowels ("Пеки́н", combining acute or grave): ignored
 * inside names.
 */
const IGNORABLE = new Set([0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x034f, 0x0300, 0x0301]);

/**
 * Traditional Chinese characters whose simplified forms occur in the names of
 * the fact base or in the detection rules, position by position with those
 * forms: text in traditional characters (Taiwan, Hong Kong) folds to the
 * simplified names and phrases, and so do the traditional names of the fact
 * base. Made with OpenCC (t, tw and hk to cn, character by character over the
 * CJK blocks), keeping the characters that become one of ours:
 * `npx tsx lib/cli/traditional-pairs.ts` rewrites them after names or phrases
 * with new characters are added (a test fails until it is run).
 */
export const TRADITIONAL =
  '並乾亞佈併來侷係俬個們倫傑備傢傳僑價儀儲內兩凱別剋剎剛創劃劇劉劍動務勛勝勞勳匯區協厤參吳員唸問喫喬單噁嚮囌國園圖團埰執堅報場塊墰壇壓壘壜壯壽夥奧奪奬學宮寀實寧寶將專對導屆峯島峽崑嶺嶽帳帶幣幷幹幾庫廈廟廠廢廣廳張強彆彈彙彿後徑從復恆惡愛慶應懞戰戲捨採揚揮撫擊據擴敍敎敗敘敵數於旂時暉曆曉曏書會朮東枱條業極榦構樂樓標樺橋機檯權欖欽歐歷殲氣決沒沖況減湯溫滙滿漢漲澤濛濟濤濱瀋灣為烏無營爭爲爾獎獨琿瑩瑪璦環產産畫畵發盃盤盧眞睏矇硃磚礎礦祕禎禦稅稜種稱積穩窩箇節築簽籃籤糰紀約紅納級紛紮紹組結給統絲綏經綜綢綫維網緊緒線練總織繫纔罈罎羅羣義習翫聖聞聯聲脈脩腦腸臺與興舉舊舘艦茲莊華萬葉葯蓆蓋蔘蔣蕭薩藍藥蘇蘭號術衕衚衛衝衞裏補裝裡製複覈見規視覺覽訂計訊託訥訪設許詞詠詢詩話該誌語誠說説談論諮諸諾謀謙謝議護變讓谿豐貓貝財貢貨責貴買貸費貿賀資賓購賽趙車軍軟載輔輝輪輯輸轉轎轟辦逕這連週進遊運過達遠適選遼邊邏郵鄧鄰醣醫針鉅銀銷鋁鋼錦錫錶鍋鍼鎭鎮鐵長門開間閤閱閲闆闇關陣陳陸陽隊際險雙雜雞難電韃韋韓頁頂項順頓領頭額顧風颱飛飯館馬駐騎驅體髮鬆鬍鬥魚魯鮮鯊鴉鴨鶴鷄鹹麪麫麯麴麵黃黨鼕齊齣龍';
export const SIMPLIFIED =
  '并干亚布并来局系私个们伦杰备家传侨价仪储内两凯别克刹刚创划剧刘剑动务勋胜劳勋汇区协历参吴员念问吃乔单恶向苏国园图团采执坚报场块坛坛压垒坛壮寿伙奥夺奖学宫采实宁宝将专对导届峰岛峡昆岭岳帐带币并干几库厦庙厂废广厅张强别弹汇佛后径从复恒恶爱庆应蒙战戏舍采扬挥抚击据扩叙教败叙敌数于旗时晖历晓向书会术东台条业极干构乐楼标桦桥机台权榄钦欧历歼气决没冲况减汤温汇满汉涨泽蒙济涛滨沈湾为乌无营争为尔奖独珲莹玛瑷环产产画画发杯盘卢真困蒙朱砖础矿秘祯御税棱种称积稳窝个节筑签篮签团纪约红纳级纷扎绍组结给统丝绥经综绸线维网紧绪线练总织系才坛坛罗群义习玩圣闻联声脉修脑肠台与兴举旧馆舰兹庄华万叶药席盖参蒋萧萨蓝药苏兰号术同胡卫冲卫里补装里制复核见规视觉览订计讯托讷访设许词咏询诗话该志语诚说说谈论咨诸诺谋谦谢议护变让溪丰猫贝财贡货责贵买贷费贸贺资宾购赛赵车军软载辅辉轮辑输转轿轰办径这连周进游运过达远适选辽边逻邮邓邻糖医针巨银销铝钢锦锡表锅针镇镇铁长门开间合阅阅板暗关阵陈陆阳队际险双杂鸡难电鞑韦韩页顶项顺顿领头额顾风台飞饭馆马驻骑驱体发松胡斗鱼鲁鲜鲨鸦鸭鹤鸡咸面面曲曲面黄党冬齐出龙';
let simplifiedOf: Map<number, number> | null = null;

/** The simplified form of a traditional Chinese character of our names (the code unit itself otherwise). */
function simplify(c: number): number {
  if (!simplifiedOf) {
    simplifiedOf = new Map();
    for (let i = 0; i < TRADITIONAL.length; i++) simplifiedOf.set(TRADITIONAL.charCodeAt(i), SIMPLIFIED.charCodeAt(i));
  }
  return simplifiedOf.get(c) ?? c;
}

/** Latin letters with diacritics (Latin-1 Supplement, Extended-A and -B, Extended Additional). */
export function isAccentedLatin(c: number): boolean {
  return (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff);
}

/**
 * The plain lower-case letter under a Latin letter's diacritics ("ē", "ǎ" in
 * Pinyin with tones, "é", "ö"), or null when it has none to take off ("ß",
 * "ø", "ł"): names match whether or not the page writes the marks.
 */
function latinBase(ch: string): number | null {
  const parts = ch.normalize('NFD');
  if (parts.length < 2 || !/^[A-Za-z]\p{M}+$/u.test(parts)) return null;
  return parts.toLowerCase().charCodeAt(0);
}

/** Fills the tables for code unit `c`. */
export function ensureChar(c: number): void {
  let cls: number;
  let fold = c;
  if (IGNORABLE.has(c)) {
    cls = CLASS_IGNORE;
    fold = 0;
  } else if (APOSTROPHES.has(c)) {
    cls = CLASS_APOS;
    fold = 0x27;
  } else if (DOUBLE_QUOTES.has(c)) {
    cls = CLASS_OTHER;
    fold = 0x27; // single and double quotes are interchangeable in names: ‘no limits’, “no limits”
  } else if (DASHES.has(c)) {
    cls = CLASS_OTHER;
    fold = 0x2d;
  } else if (c >= 0xd800 && c <= 0xdfff) {
    cls = CLASS_OTHER;
  } else {
    const ch = String.fromCharCode(c);
    if (SPACE_RE.test(ch) || c === 0x2028 || c === 0x2029) {
      cls = CLASS_SPACE;
      fold = 0x20;
    } else if (HAN_RE.test(ch)) {
      cls = CLASS_HAN;
      fold = simplify(c);
    } else if (WORD_RE.test(ch)) {
      cls = CLASS_WORD;
      const lower = ch.toLowerCase();
      if (lower.length === 1) fold = lower.charCodeAt(0);
      if (fold === 0x451)
        fold = 0x435; // ё → е
      else if (isAccentedLatin(c)) fold = latinBase(ch) ?? fold;
    } else {
      cls = CLASS_OTHER;
    }
  }
  classTable[c] = cls;
  foldTable[c] = fold;
}

/** The class of a code unit (one of the CLASS_* constants). */
export function charClass(c: number): number {
  const cls = classTable[c]!;
  if (cls !== 0) return cls;
  ensureChar(c);
  return classTable[c]!;
}

/** The folded code unit (0 for ignorable characters). Call after `charClass` or on its own. */
export function foldChar(c: number): number {
  if (classTable[c] === 0) ensureChar(c);
  return foldTable[c]!;
}

/** Whether the code unit is an upper-case letter (has a distinct lower-case form). */
export function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  if (charClass(c) !== CLASS_WORD) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/** Whether the code unit is a lower-case letter (has a distinct upper-case form). */
export function isLower(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  if (charClass(c) !== CLASS_WORD) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase();
}

/** Scratch buffer for `transform` (grown when a longer string comes). */
let scratch = new Uint16Array(256);

/** Folds or shapes `s` (see below); gives `s` itself back when nothing changes. */
function transform(s: string, keepCase: boolean): string {
  if (scratch.length < s.length) scratch = new Uint16Array(s.length * 2);
  const out = scratch;
  let n = 0;
  let same = true;
  let lastSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const cls = charClass(c);
    if (cls === CLASS_IGNORE) {
      same = false;
      continue;
    }
    if (cls === CLASS_SPACE) {
      if (lastSpace || c !== 0x20) same = false;
      if (!lastSpace) out[n++] = 0x20;
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    const f = keepCase && cls === CLASS_WORD ? c : foldTable[c]!;
    if (f !== c) same = false;
    out[n++] = f;
  }
  if (n > 0 && out[n - 1] === 0x20) {
    n--;
    same = false;
  }
  if (same) return s;
  let result = '';
  for (let i = 0; i < n; i += 4096)
    result += String.fromCharCode.apply(null, out.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return result;
}

/**
 * Folds a whole string the way the matcher folds text: ignorable characters
 * dropped, runs of white space collapsed to one space, ends trimmed.
 */
export function foldString(s: string): string {
  return transform(s, false);
}

/**
 * Like {@link foldString} but keeps letter case: the form against which the
 * case of matched text is checked, one code unit per folded code unit.
 */
export function shapeString(s: string): string {
  return transform(s, true);
}
