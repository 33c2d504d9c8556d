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
 * Traditional Chinese characters that occur, in simplified form, in the names
 * of the fact base, position by position with their simplified forms: text in
 * traditional characters (Taiwan, Hong Kong) folds to the simplified names.
 * Made with OpenCC (cn to t, tw, twp and hk) over the Han characters of the
 * alias table, keeping the characters that convert back; extend it when
 * Chinese names with new characters are added (a test checks the pairs).
 */
export const TRADITIONAL =
  '業東絲兩為爲烏喬習亞產夥會體黨蘭關茲軍衝擊剛別區華協盧衛歷參雙發變敘臺葉號團國圖聖壇寶宮賓對爾島峽峯幣帳帶庫開強總惡戰報時曉條傑極橋歐氣沒澤濟濤灣滿濱環琿璦電磚礎約納線組織紹經統維羅聯蘇薩視訊論設諾謝貿資輝輸邊遠連鄧鄰裡裏欽銀錦際韋頁項馬魯鮮龍係衞敍製羣綜並奧級運額閱閲補於減領議導與敵揚達車裝綢廣聞網覽動決機場彈創義陣營實單備輪員個規劃術費爭購銷長韓倫寧勞學貝劍窩騎來訪問權間擴張無辦財價勳萬內順廢稅選舉儲構祕後傳穩計幹鐵訂轟驅頓漢暉趙樂緊況聲諮詢結撫陸';
export const SIMPLIFIED =
  '业东丝两为为乌乔习亚产伙会体党兰关兹军冲击刚别区华协卢卫历参双发变叙台叶号团国图圣坛宝宫宾对尔岛峡峰币帐带库开强总恶战报时晓条杰极桥欧气没泽济涛湾满滨环珲瑷电砖础约纳线组织绍经统维罗联苏萨视讯论设诺谢贸资辉输边远连邓邻里里钦银锦际韦页项马鲁鲜龙系卫叙制群综并奥级运额阅阅补于减领议导与敌扬达车装绸广闻网览动决机场弹创义阵营实单备轮员个规划术费争购销长韩伦宁劳学贝剑窝骑来访问权间扩张无办财价勋万内顺废税选举储构秘后传稳计干铁订轰驱顿汉晖赵乐紧况声咨询结抚陆';
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
function isAccentedLatin(c: number): boolean {
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
