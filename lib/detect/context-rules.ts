/**
 * Cheap context rules for ambiguous aliases, checked by `scan` on the sentence
 * around a match (never on the whole page). Per entity: words that rule the
 * match out (`not`) and words that support it (`yes`); plus two rules that
 * apply to whole kinds of match (Roman numerals, national sports teams).
 * Everything here is lower-case words or phrases matched on word boundaries.
 * Pure module.
 */
import { CLASS_IGNORE, CLASS_WORD, charClass, classTable, foldChar, foldTable } from './normalize';

export interface EntityContext {
  /** Phrases that show another sense when found in the sentence or its neighbours (the match is rejected). */
  not?: readonly string[];
  /**
   * Phrases that support this entity in the sentence (the match is accepted).
   * An entity with such a list is only accepted with this support, the page's
   * earlier full mention, or a related entity named nearby: generic domain
   * words are not enough ("Mir" in a Soviet space story).
   */
  yes?: readonly string[];
  /**
   * A `proper-noun` alias that also needs the domain nearby (the page's earlier
   * full mention, another name of the domain or a domain word): "Xi".
   */
  domain?: boolean;
  /** `notAfter` and `notBefore` apply to unambiguous aliases as well; `notBeforeName` to ambiguous ones only. */
  /** Capitalised words right after the match that make it part of another name ("Arctic Monkeys"). */
  notBeforeName?: boolean;
  /** Words right before the match that show another sense ("fine china", "Inner Mongolia"). */
  notAfter?: readonly string[];
  /** Words right after the match that show another sense ("Peking duck"). */
  notBefore?: readonly string[];
}

const MONEY = ['card', 'cards', 'payment', 'payments', 'bank', 'banks', 'banking', 'transfer', 'transfers'];
const SPACE = ['space station', 'station', 'cosmonaut', 'cosmonauts', 'orbit', 'orbital', 'spacecraft', 'astronaut'];
const MUSIC = ['band', 'album', 'gig', 'tour', 'song', 'songs', 'singer', 'guitarist', 'drummer', 'concert', 'setlist'];
const FOOD = [
  'recipe',
  'roast',
  'roasted',
  'stuffing',
  'gravy',
  'oven',
  'brine',
  'thanksgiving',
  'cranberry',
  'drumstick',
  'drumsticks',
  'carve',
  'baste',
  'breast',
  'sandwich',
  'minutes',
  'degrees',
  'cook',
  'cooking',
  'thaw',
];
const NIGHTLIFE = [
  'nightclub',
  'nightlife',
  'nightclubs',
  'club',
  'dj',
  'dance floor',
  'cocktail',
  'cocktails',
  'bar',
  'bouncer',
  'vodka bar',
];

/** Entity-specific rules, keyed by entity id. */
export const ENTITY_CONTEXT: Readonly<Record<string, EntityContext>> = {
  china: {
    notAfter: ['fine', 'bone', 'antique', 'vintage', 'porcelain', 'willow'],
    notBefore: [
      // restaurant names: "China Garden", "China Palace"
      'garden',
      'palace',
      'buffet',
      'kitchen',
      'wok',
      'restaurant',
      'bistro',
      'takeaway',
      // porcelain
      'cabinet',
      'cabinets',
      'set',
      'sets',
      'pattern',
      'patterns',
      'plates',
      'dinnerware',
      'tableware',
      'teacups',
    ],
  },
  'xi-jinping': { domain: true },
  'mir-payment-system': { yes: MONEY, not: [...SPACE, 'peace'] },
  moscow: {
    not: ['idaho', 'pullman', 'latah', 'vandals', 'palouse', 'moscow, id'],
    notBefore: ['mule', 'mules'],
  },
  kremlin: {
    not: [...NIGHTLIFE, ...MUSIC, 'kazan', 'novgorod', 'pskov', 'rostov', 'tula', 'kolomna', 'smolensk'],
    notAfter: ['kazan', 'novgorod', 'pskov', 'tula', 'kolomna'],
  },
  arctic: {
    notBeforeName: true,
    not: [...MUSIC, 'blast', 'freeze', 'fox', 'char', 'cat', 'snowmobile'],
    yes: ['ice', 'shipping', 'sea route', 'lng', 'polar', 'climate', 'russia', 'russian', 'oil', 'gas', 'circle'],
  },
  turkey: {
    not: [...FOOD, 'bird', 'birds', 'hunting', 'wild turkey', 'gobble'],
    yes: [
      'ankara',
      'erdogan',
      'erdoğan',
      'istanbul',
      'nato',
      'black sea',
      'bosphorus',
      'turkish',
      'lira',
      'turkstream',
    ],
  },
  mongolia: { notAfter: ['inner'] },
  beijing: { notBefore: ['duck', 'opera'], not: ['peking university', 'peking man'] },
  siberia: { not: ['husky', 'huskies', 'tiger', 'tigers'] },
  'alexander-nevsky': { not: ['prospect', 'prospekt', 'avenue', 'film', 'eisenstein', 'monastery'] },
  'amur-river': { not: ['tiger', 'tigers', 'leopard', 'leopards', 'oblast', 'khabarovsk hockey', 'hockey'] },
  'united-states': { not: ['join us', 'with us', 'for us', 'to us', 'tell us', 'contact us'] },
  swift: { not: ['taylor', 'suzuki', 'apple', 'xcode', 'ios', 'programming', 'code', 'song', 'album'] },
  'espo-pipeline': { yes: ['pipeline', 'oil', 'crude', 'transneft', 'barrels'], notBefore: ['blend'] },
  'shanghai-cooperation-organisation': {
    yes: [
      'summit',
      'member',
      'members',
      'bloc',
      'grouping',
      'security',
      'shanghai',
      'astana',
      'tianjin',
      'samarkand',
      'charter',
    ],
    not: ['scotland', 'scottish', 'software', 'linux', 'unix'],
  },
  'peoples-liberation-army': {
    yes: ['navy', 'army', 'troops', 'military', 'air force', 'drills', 'exercise', 'exercises', 'rocket force'],
    not: ['filament', 'printer', 'printing', 'polylactic', 'bioplastic', 'plastic', 'nozzle'],
  },
  'chinese-communist-party': { yes: ['party', 'politburo', 'congress', 'committee', 'beijing'] },
  'belt-and-road-initiative': { yes: ['infrastructure', 'loans', 'projects', 'forum', 'initiative'] },
  cips: {
    yes: ['yuan', 'renminbi', 'swift', 'spfs', 'payment', 'payments', 'banks', 'clearing', 'sanctions'],
    not: ['procurement', 'supply chain'],
  },
  'european-union': {
    yes: [
      'brussels',
      'sanctions',
      'member states',
      'commission',
      'bloc',
      'european',
      'trade',
      'partner',
      'russia',
      'china',
    ],
  },
  'eurasian-economic-union': { yes: ['eurasian', 'member states', 'moscow', 'minsk', 'astana'] },
  'joe-biden': { not: ['hunter', 'jill'] },
  'donald-trump': { not: ['trump card', 'trump cards', 'bridge', 'suit'] },
  ruble: { yes: ['currency', 'exchange', 'dollar', 'yuan', 'central bank'] },
  'oil-price-cap': { yes: ['russia', 'russian', 'g7', 'barrel', 'sanctions', 'tankers', 'urals'] },
  'western-sanctions-on-russia': { yes: ['russia', 'russian', 'moscow', 'kremlin', 'ukraine'] },
  'marriage-of-convenience': {
    yes: [
      'china',
      'russia',
      'beijing',
      'moscow',
      'partnership',
      'alignment',
      'sino',
      'tie-up',
      'ties',
      'relationship',
      'kremlin',
      'putin',
      'xi',
    ],
  },
  'multipolar-world-order': { yes: ['world', 'order', 'west', 'hegemony', 'china', 'russia'] },
  'dmitry-medvedev': { not: ['tennis', 'daniil', 'atp', 'wimbledon', 'open', 'seed', 'skater', 'skating'] },
  'andrei-belousov': { yes: ['defence', 'defense', 'minister', 'ministry', 'kremlin', 'putin'] },
  'wang-yi': { yes: ['foreign minister', 'minister', 'diplomat', 'beijing', 'talks', 'lavrov'] },
  'li-qiang': { yes: ['premier', 'state council', 'beijing', 'government', 'mishustin'] },
  'li-hui': { yes: ['envoy', 'ukraine', 'special representative', 'eurasian', 'ambassador', 'peace'] },
  novatek: {
    yes: ['lng', 'gas', 'yamal', 'mikhelson', 'arctic'],
    not: ['microelectronics', 'chip', 'chips', 'display'],
  },
  'united-nations': { not: ['un peu', 'un poco', 'un grand', 'un bon'] },
  'new-development-bank': { yes: ['brics', 'bank', 'lending', 'loans', 'shanghai'] },
  's-400': { yes: ['missile', 'missiles', 'air defence', 'air defense', 'system', 'systems', 'battery'] },
  's-500': { yes: ['missile', 'missiles', 'air defence', 'air defense', 'system', 'systems'] },
  taiwan: { not: ['1912', '1945', 'sun yat-sen', 'chiang'] },
  'wagner-group': {
    not: [
      'composer',
      'opera',
      'operas',
      'ring cycle',
      'richard',
      'bayreuth',
      'symphony',
      'orchestra',
      'conductor',
      'lohengrin',
      'parsifal',
      'tannhäuser',
      'tristan',
      'valkyrie',
    ],
    yes: [
      'mercenary',
      'mercenaries',
      'prigozhin',
      'utkin',
      'mutiny',
      'fighters',
      'private military',
      'pmc',
      'africa',
      'bakhmut',
      'mali',
      'sahel',
    ],
  },
  // The entities below follow their notes in the dossier.
  'nixon-visit-to-china': {
    not: ['opera', 'john adams', 'libretto', 'soprano', 'baritone', 'staging', 'premiere', 'orchestra'],
  },
  'maria-zakharova': {
    yes: [
      'foreign ministry',
      'spokeswoman',
      'spokesperson',
      'ministry',
      'diplomat',
      'diplomatic',
      'briefing',
      'мид',
      'официальный представитель',
    ],
    not: ['ballerina', 'ballet', 'bolshoi', 'dancer', 'svetlana', 'балерина', 'светлана'],
  },
  'valery-gerasimov': {
    yes: [
      'general',
      'staff',
      'army',
      'military',
      'defence',
      'defense',
      'armed forces',
      'commander',
      'shoigu',
      'belousov',
      'генштаб',
      'генерального штаба',
      'начальник',
      'армии',
      'военн',
    ],
  },
  'yevgeny-prigozhin': {
    yes: [
      'вагнер',
      'вагнера',
      'чвк',
      'мятеж',
      'мятежа',
      'мятеже',
      'бойцы',
      'бойцов',
      'wagner',
      'mutiny',
      'mercenary',
      'mercenaries',
    ],
    not: ['иосиф', 'продюсер', 'iosif', 'producer'],
  },
  'rt-russia-today': {
    yes: [
      'media',
      'channel',
      'broadcaster',
      'television',
      'tv',
      'network',
      'propaganda',
      'outlet',
      'outlets',
      'sputnik',
      'state media',
      'news',
    ],
    not: ['retweet', 'retweets', 'real time', 'real-time', 'twitter'],
  },
  'sco-peace-mission-exercises': {
    yes: ['sco', 'shanghai cooperation', 'exercise', 'exercises', 'drill', 'drills', 'troops', 'military', 'joint'],
    not: ['kyiv', 'vatican', 'pope', 'envoy', 'united nations'],
  },
  // The dossier: the city only with place context; also the Xian H-6 bomber and a personal name.
  xian: {
    yes: ['shaanxi', 'summit', 'silk road', 'terracotta', 'central asia', 'city', 'province', 'hosted', 'visited'],
    not: ['h-6', 'h-6k', 'bomber', 'bombers', 'aircraft'],
    notAfter: [
      'chen',
      'wang',
      'li',
      'zhang',
      'liu',
      'yang',
      'huang',
      'zhao',
      'wu',
      'zhou',
      'xu',
      'sun',
      'ma',
      'zhu',
      'hu',
      'guo',
      'lin',
      'he',
      'gao',
      'luo',
      'zheng',
      'liang',
      'xie',
      'song',
      'tang',
      'han',
      'feng',
      'deng',
      'cao',
      'peng',
      'zeng',
      'xiao',
      'tian',
      'dong',
      'pan',
      'yuan',
      'cai',
      'jiang',
      'yu',
      'du',
      'ye',
      'cheng',
      'wei',
      'su',
      'lu',
      'ding',
      'ren',
      'shen',
      'yao',
      'shi',
      'fu',
      'zhong',
      'cui',
      'tan',
      'fan',
    ],
    notBeforeName: true,
  },
  'northern-sea-route': {
    yes: [
      'arctic',
      'route',
      'shipping',
      'icebreaker',
      'icebreakers',
      'tanker',
      'tankers',
      'lng',
      'navigation',
      'cargo',
      'rosatom',
    ],
  },
  'sputnik-news': {
    not: [
      'satellite',
      'orbit',
      '1957',
      'space race',
      'vaccine',
      'vaccines',
      'jab',
      'jabs',
      'dose',
      'doses',
      'gamaleya',
    ],
    yes: ['news', 'agency', 'reported', 'media', 'outlet', 'broadcaster', 'radio', 'website', 'propaganda', 'rt'],
  },
};

/**
 * Names of other things that contain one of our names: matched like aliases
 * (the longest match wins, so "Bank of China" takes its "China" along) and
 * then dropped. Newspapers, broadcasters, airlines, telecoms and teams named
 * after a country or a city are not mentions of it. (Banks are left out: the
 * labels count "Russia" in "the Central Bank of Russia" as a mention.)
 */
export const OTHER_NAMES: readonly string[] = [
  'China Daily',
  'South China Morning Post',
  'China Central Television',
  'China Media Group',
  'The Moscow Times',
  'Moscow Times',
  'Air China',
  'Vladivostok Avia',
  'China Eastern',
  'China Southern',
  'China Railway',
  'China Mobile',
  'China Telecom',
  'China Unicom',
  'Team China',
  'Team Russia',
  'China Open',
  'Sputnik V',
];

/** Words that show the text is about this product's domain: support for ambiguous names nearby. */
export const DOMAIN_WORDS: readonly string[] = [
  'china',
  'chinese',
  'russia',
  'russian',
  'russians',
  'beijing',
  'moscow',
  'kremlin',
  'putin',
  'xi jinping',
  'soviet',
  'sino',
  'eurasia',
  'eurasian',
  'ukraine',
  'sanctions',
  'diplomatic',
  'diplomacy',
  'minister',
  'president',
  'summit',
  'россия',
  'китай',
  '中国',
  '俄罗斯',
];

/** Words of sports reporting: in such a sentence a country's name means its national team. */
export const SPORTS_WORDS: readonly string[] = [
  'beat',
  'beats',
  'defeated',
  'defeat',
  'win over',
  'victory over',
  'scored',
  'score',
  'goal',
  'goals',
  'match',
  'matches',
  'tournament',
  'world cup',
  'olympics',
  'olympic',
  'medal',
  'medals',
  'semifinal',
  'semi-final',
  'quarterfinal',
  'quarter-final',
  'final',
  'league',
  'fifa',
  'uefa',
  'fiba',
  'volleyball',
  'basketball',
  'football',
  'soccer',
  'hockey',
  'striker',
  'midfielder',
  'goalkeeper',
  'coach',
  'squad',
  'kick-off',
  'penalty',
  'penalties',
  'halftime',
  'half-time',
  'set point',
  'table tennis',
  'badminton',
  'relay',
  'qualifier',
  'qualifiers',
  'group stage',
  'standings',
  'fixture',
  'fixtures',
  'innings',
];

/** Entity types whose names are also the names of national teams. */
export const TEAM_TYPES: ReadonlySet<string> = new Set(['country', 'territory']);

/** Words that, right before a Roman numeral, make "XI" a numeral: "Louis XI", "Super Bowl XI". */
export const NUMERAL_LEADS: readonly string[] = [
  'chapter',
  'part',
  'book',
  'volume',
  'vol',
  'act',
  'scene',
  'article',
  'section',
  'bowl',
  'louis',
  'pope',
  'pius',
  'gregory',
  'leo',
  'benedict',
  'clement',
  'innocent',
  'john',
  'king',
  'henry',
  'charles',
  'edward',
  'alfonso',
  'olympiad',
  'wrestlemania',
  'rocky',
  'star wars',
  'episode',
  'final fantasy',
  'world war',
  'plate',
  'table',
  'appendix',
  'title',
  'psalm',
  'canto',
  'symphony',
];

/**
 * Splits text into folded words: runs of letters and digits, with inner
 * dashes kept ("semi-final"); everything else separates words.
 */
export function foldedWords(text: string): string[] {
  const words: string[] = [];
  for (let at = 0; ;) {
    const w = readWord(text, at, true);
    if (!w) return words;
    words.push(w.word!);
    at = w.end;
  }
}

/** The next word at or after `from`: its bounds, and its folded form when `fold` is true. */
function readWord(
  text: string,
  from: number,
  fold: boolean,
): { start: number; end: number; word: string | null } | null {
  const n = text.length;
  let i = from;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    const cls = classTable[c] || charClass(c);
    if (cls === CLASS_WORD) break;
  }
  if (i >= n) return null;
  const start = i;
  let simple = true; // ASCII letters, digits and plain hyphens: slice and lower-case at once
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = classTable[c] || charClass(c);
    if (cls === CLASS_WORD) {
      if (c > 0x7f) simple = false;
    } else if (cls === CLASS_IGNORE) {
      simple = false;
    } else if (foldChar(c) === 0x2d && i + 1 < n && charClass(text.charCodeAt(i + 1)) === CLASS_WORD) {
      if (c !== 0x2d) simple = false;
    } else break;
    i++;
  }
  const end = i;
  if (!fold) return { start, end, word: null };
  if (simple) return { start, end, word: text.slice(start, end).toLowerCase() };
  let word = '';
  for (let k = start; k < end; k++) {
    const f = foldChar(text.charCodeAt(k));
    if (f !== 0) word += String.fromCharCode(f);
  }
  return { start, end, word };
}

/**
 * A set of phrases found case-insensitively on word boundaries. The text is
 * read word by word; only words whose length and first letter could start a
 * phrase are folded and looked up, so most words cost no allocation. Phrases
 * of several words are checked from their first word; phrases in Han script
 * (no word boundaries) by substring.
 */
const WORD_HASH_SEED = 0x811c9dc5 | 0;
/** FNV-style hash of folded code units, the same for a phrase's word and for the text's. */
function wordHash(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

export class PhraseSet {
  private readonly first = new Map<string, string[][]>();
  private readonly han: string[] = [];
  /** Hashes of the folded first words: a word is only sliced and looked up when its hash is here. */
  private readonly firstHashes = new Set<number>();
  readonly size: number;

  constructor(phrases: readonly string[]) {
    for (const p of new Set(phrases)) {
      if (/\p{Script=Han}/u.test(p)) {
        this.han.push(p);
        continue;
      }
      const words = foldedWords(p);
      const head = words[0];
      if (head === undefined) continue;
      const list = this.first.get(head);
      if (list) list.push(words);
      else this.first.set(head, [words]);
      let h = WORD_HASH_SEED;
      for (let k = 0; k < head.length; k++) h = wordHash(h, head.charCodeAt(k));
      this.firstHashes.add(h);
    }
    this.size = this.first.size + this.han.length;
  }

  /** The distinct phrases found in `text`, at most `limit` of them. */
  found(text: string, limit = Infinity): string[] {
    const out = new Set<string>();
    for (const p of this.han) if (out.size < limit && text.includes(p)) out.add(p);
    if (this.first.size === 0) return [...out];
    const n = text.length;
    let i = 0;
    while (i < n && out.size < limit) {
      // One word per round, read without allocating unless it could start a phrase.
      let c = text.charCodeAt(i);
      if ((classTable[c] || charClass(c)) !== CLASS_WORD) {
        i++;
        continue;
      }
      const start = i;
      let h = WORD_HASH_SEED;
      while (i < n) {
        c = text.charCodeAt(i);
        const cls = classTable[c] || charClass(c);
        if (cls === CLASS_WORD) h = wordHash(h, foldTable[c]!);
        else if (cls === CLASS_IGNORE) {
          // invisible inside a word: not part of it
        } else if (foldChar(c) === 0x2d && i + 1 < n && charClass(text.charCodeAt(i + 1)) === CLASS_WORD) {
          h = wordHash(h, 0x2d);
        } else break;
        i++;
      }
      if (!this.firstHashes.has(h)) continue;
      const word = readWord(text, start, true)!.word!;
      const candidates = this.first.get(word);
      if (!candidates) continue;
      for (const phrase of candidates) {
        let k = 1;
        let pos = i;
        while (k < phrase.length) {
          const next = readWord(text, pos, true);
          if (!next || next.word !== phrase[k]) break;
          pos = next.end;
          k++;
        }
        if (k === phrase.length) out.add(phrase.join(' '));
      }
    }
    return [...out];
  }

  test(text: string): boolean {
    return this.size > 0 && this.found(text, 1).length > 0;
  }
}
