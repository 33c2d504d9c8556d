/**
 * Generates the oblique case forms of Russian names (genitive, dative,
 * accusative, instrumental, prepositional), so that "Путина", "Москве" and
 * "России" match like "Путин", "Москва" and "Россия". Rules follow the word's
 * ending; over-generation is harmless (a form that does not exist never
 * occurs in text), missing a form only costs recall. A name in capitals
 * that ends in a consonant takes small-letter endings (МИДа); other words in
 * capitals, words with digits and non-Cyrillic words are left unchanged. Also
 * the forms of place names coordinated under one plural head, in Russian
 * ("Японского и Восточно-Китайского морей") and in English ("the Chukchi and
 * Bering seas"). Pure module.
 */

const CYRILLIC = /[\u0400-\u04ff]/;
const CYRILLIC_WORD = /^[\u0400-\u04ff]+$/;
const CONSONANTS = 'бвгджзклмнпрстфхцчшщ';
const HUSHING_OR_VELAR = 'гкхжшчщ';

const CAPITALS_WORD = /^[А-ЯЁ]{2,}[БВГДЖЗКЛМНПРСТФХЦЧШЩ]$/;
const GENITIVE_PLURAL_ADJECTIVE = /[\u0400-\u04ff]{2}(?:ых|их)$/;

/** Per grammatical case, the forms of one word (may be empty: the word does not change). */
function wordForms(word: string): string[][] {
  const lower = word.toLowerCase();
  if (!CYRILLIC_WORD.test(word) || word === word.toUpperCase() || word.length < 2) return [];
  // A plural adjective in the genitive ("народных", "прямых") is a complement that keeps its case.
  if (GENITIVE_PLURAL_ADJECTIVE.test(word)) return [];
  const stem = (n: number) => word.slice(0, word.length - n);
  const last = lower.slice(-1);
  const last2 = lower.slice(-2);
  // The nouns that head place names decline as they do ("Южно-Китайского моря"), even those the rules below leave alone.
  const head = HEADS[lower];
  if (head) {
    const cased = (f: string) => (word[0] === lower[0] ? f : f[0]!.toUpperCase() + f.slice(1));
    const [gen, dat, ins, prep] = head.singular.map(cased);
    return [[gen!], [dat!], [last === 'а' ? stem(1) + 'у' : word], [ins!], [prep!]];
  }
  if (last2 === 'ия') {
    const s = stem(1);
    return [[s + 'и'], [s + 'и'], [s + 'ю'], [s + 'ей'], [s + 'и']];
  }
  if (last2 === 'ый') {
    const s = stem(2);
    return [[s + 'ого'], [s + 'ому'], [s + 'ого'], [s + 'ым'], [s + 'ом']];
  }
  if (last2 === 'ий') {
    const s = stem(2);
    const before = lower.slice(-3, -2);
    // Hard adjectives after к, г, х ("Зеленский": "Зеленского").
    if ('кгх'.includes(before)) return [[s + 'ого'], [s + 'ому'], [s + 'ого'], [s + 'им'], [s + 'ом']];
    // Nouns such as "Дмитрий" ("Дмитрия"); after н, ж, ш, ч, щ also soft adjectives ("на Дальнем Востоке").
    const noun = [[s + 'ия'], [s + 'ию'], [s + 'ия'], [s + 'ием'], [s + 'ии']];
    if (!'нжшчщ'.includes(before)) return noun;
    const soft = ['его', 'ему', 'его', 'им', 'ем'];
    return noun.map((forms, c) => [s + soft[c], ...forms]);
  }
  if (last2 === 'ой' && lower.length > 3) {
    // Adjectives stressed on the ending ("Большой", "морской": и after к, г, х, ж, ш, "морским"),
    // and nouns such as "Ханой" ("Ханоя"): both sets, as a form that does not exist never occurs.
    const s = stem(2);
    const n = stem(1);
    const ins = HUSHING_OR_VELAR.includes(lower.slice(-3, -2)) ? 'им' : 'ым';
    return [
      [s + 'ого', n + 'я'],
      [s + 'ому', n + 'ю'],
      [s + 'ого', n + 'я'],
      [s + ins, n + 'ем'],
      [s + 'ом', n + 'е'],
    ];
  }
  if ((last2 === 'ье' || last2 === 'ие') && lower.length > 3) {
    // Neuter nouns: "Приамурье" ("Приамурья", "в Приамурье"), "соглашение" ("соглашении").
    const s = stem(1);
    return [[s + 'я'], [s + 'ю'], [word], [s + 'ем'], [last2 === 'ие' ? s + 'и' : word]];
  }
  if (last2 === 'ая') {
    const s = stem(2);
    return [[s + 'ой'], [s + 'ой'], [s + 'ую'], [s + 'ой'], [s + 'ой']];
  }
  // Soft adjectives: "Средняя Азия" ("Среднюю Азию"), "Верхнее Приамурье" ("Верхнего Приамурья").
  if (last2 === 'яя' && lower.length > 3) {
    const s = stem(2);
    return [[s + 'ей'], [s + 'ей'], [s + 'юю'], [s + 'ей'], [s + 'ей']];
  }
  if (last2 === 'ее' && lower.length > 3) {
    const s = stem(2);
    return [[s + 'его'], [s + 'ему'], [word], [s + 'им'], [s + 'ем']];
  }
  if (last2 === 'ое') {
    const s = stem(2);
    const ins = HUSHING_OR_VELAR.includes(lower.slice(-3, -2)) ? 'им' : 'ым';
    return [[s + 'ого'], [s + 'ому'], [word], [s + ins], [s + 'ом']];
  }
  if (last === 'а') {
    const s = stem(1);
    const gen = HUSHING_OR_VELAR.includes(lower.slice(-2, -1)) ? 'и' : 'ы';
    return [[s + gen], [s + 'е'], [s + 'у'], [s + 'ой'], [s + 'е']];
  }
  if (last === 'я') {
    const s = stem(1);
    return [[s + 'и'], [s + 'е'], [s + 'ю'], [s + 'ей'], [s + 'е']];
  }
  if (last === 'ь') {
    const s = stem(1);
    return [[s + 'я', s + 'и'], [s + 'ю', s + 'и'], [s + 'я'], [s + 'ём', s + 'ем', s + 'ью'], [s + 'е', s + 'и']];
  }
  if (last === 'й') {
    const s = stem(1);
    return [[s + 'я'], [s + 'ю'], [s + 'я'], [s + 'ем'], [s + 'е']];
  }
  if (CONSONANTS.includes(last)) {
    const surname = /(ов|ев|ёв|ин|ын)$/.test(lower);
    const ins = surname ? 'ым' : HUSHING_OR_VELAR.includes(last) || last === 'ц' ? 'ем' : 'ом';
    return [[word + 'а'], [word + 'у'], [word + 'а'], [word + ins, word + 'ом'], [word + 'е']];
  }
  return []; // vowel endings such as -о, -е, -и, -у are indeclinable in names
}

/** Every way the parts before `upTo` can take their forms for case `c` (a part without forms stays as it is). */
function declined(parts: readonly string[], perWord: readonly string[][][], c: number, upTo: number): string[] {
  let variants = [''];
  for (let i = 0; i < upTo; i++) {
    const forms = perWord[i]![c] ?? [];
    const options = forms.length > 0 ? forms : [parts[i]!];
    variants = variants.flatMap((v) => options.map((o) => v + o));
  }
  return variants;
}

/** The oblique case forms of a Russian alias (without the alias itself), de-duplicated. */
export function russianForms(alias: string): string[] {
  if (!CYRILLIC.test(alias)) return [];
  // A name in capitals that ends in a consonant takes its endings in small letters: "ЛУКОЙЛе", "МИДа".
  if (CAPITALS_WORD.test(alias)) return ['а', 'у', 'ом', 'е'].map((ending) => alias + ending);
  const parts = alias.split(/(\s+|-)/);
  const perWord = parts.map((p) => (/^\s+$|^-$/.test(p) ? [] : wordForms(p)));
  if (perWord.every((f) => f.length === 0)) return [];
  const out = new Set<string>();
  const last = parts.length - 1;
  for (let c = 0; c < 5; c++) {
    // Each word takes its form for case c; alternatives multiply (there are few).
    for (const v of declined(parts, perWord, c, parts.length)) if (v !== alias) out.add(v);
    // Foreign given names often stay unchanged before a declined surname ("Дэн Сяопина").
    if (last > 0) for (const f of perWord[last]![c] ?? []) out.add(parts.slice(0, last).join('') + f);
    // A complement after the head keeps its case: "Шанхайской организации сотрудничества" (three words or more),
    // and everything from a plural adjective in the genitive on: "Российского фонда прямых инвестиций".
    if (last >= 4)
      for (const v of declined(parts, perWord, c, last)) if (v + parts[last] !== alias) out.add(v + parts[last]);
    // A name headed by its first word, or by its first two, keeps the case of all that follows: "Организации
    // договора о коллективной безопасности", "Банка России", "Российского фонда прямых инвестиций".
    for (const head of [1, 3])
      if (head < last) for (const v of declined(parts, perWord, c, head)) out.add(v + parts.slice(head).join(''));
    const complement = parts.findIndex((p, i) => i > 0 && GENITIVE_PLURAL_ADJECTIVE.test(p));
    if (complement > 0) {
      const rest = parts.slice(complement).join('');
      for (const v of declined(parts, perWord, c, complement)) if (v + rest !== alias) out.add(v + rest);
    }
  }
  out.delete(alias);
  return [...out];
}

/** Endings of Russian adjectives in every case and gender ("Северный", "Российско-китайское", "Тихоокеанского"). */
const ADJECTIVE_END = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими)$/;

/**
 * Whether a Russian name that begins with an adjective may be written with a
 * small first letter: Russian capitalises only the first word of such names,
 * and the press often not even that ("российско-китайское ЭКСПО", "северный
 * морской путь"). Only when no later word is capitalised: "Единая Россия"
 * written "единая Россия" is a phrase about the country, not the party.
 */
export function mayStartSmall(alias: string): boolean {
  const words = alias.split(/\s+/);
  if (words.length < 2 || !/^[А-ЯЁ]/.test(words[0]!)) return false;
  if (!ADJECTIVE_END.test(words[0]!.toLowerCase())) return false;
  return words.slice(1).every((w) => !/^[А-ЯЁ]/.test(w) || w === w.toUpperCase());
}

/**
 * The words that head Russian place names, in the cases a coordination puts
 * them in (genitive, dative, instrumental, prepositional), singular and
 * plural: "Японского и Восточно-Китайского морей", "в Японском и Охотском морях".
 */
const HEADS: Readonly<Record<string, { singular: readonly string[]; plural: readonly string[] }>> = {
  море: { singular: ['моря', 'морю', 'морем', 'море'], plural: ['морей', 'морям', 'морями', 'морях'] },
  остров: {
    singular: ['острова', 'острову', 'островом', 'острове'],
    plural: ['островов', 'островам', 'островами', 'островах'],
  },
  река: { singular: ['реки', 'реке', 'рекой', 'реке'], plural: ['рек', 'рекам', 'реками', 'реках'] },
  озеро: { singular: ['озера', 'озеру', 'озером', 'озере'], plural: ['озер', 'озерам', 'озерами', 'озерах'] },
  область: {
    singular: ['области', 'области', 'областью', 'области'],
    plural: ['областей', 'областям', 'областями', 'областях'],
  },
  край: { singular: ['края', 'краю', 'краем', 'крае'], plural: ['краев', 'краям', 'краями', 'краях'] },
  договор: {
    singular: ['договора', 'договору', 'договором', 'договоре'],
    plural: ['договоров', 'договорам', 'договорами', 'договорах'],
  },
};
/** The case (index into wordForms) of each form above. */
const HEAD_CASES = [0, 1, 3, 4] as const;
/**
 * The nominative plural of each head: "Айгунский и Пекинский договоры", where
 * each name before the head keeps its own nominative singular.
 */
const NOMINATIVE_PLURAL: Readonly<Record<string, string>> = {
  море: 'моря',
  остров: 'острова',
  река: 'реки',
  озеро: 'озера',
  область: 'области',
  край: 'края',
  договор: 'договоры',
};

/** A word's forms for case `c`; a hyphenated word declines its last part ("Восточно-Китайское"). */
function formsOf(word: string, c: number): string[] {
  const cut = word.lastIndexOf('-');
  const forms = wordForms(cut < 0 ? word : word.slice(cut + 1));
  return (forms[c] ?? []).map((f) => (cut < 0 ? f : word.slice(0, cut + 1) + f));
}

/**
 * The forms a Russian place name takes as the last of coordinated names that
 * share one head in the plural: "Восточно-Китайское море" → "Восточно-Китайского
 * морей", "Восточно-Китайском морях"… Only for names of declinable words and one such head.
 */
export function coordinatedForms(alias: string): string[] {
  const words = alias.split(' ');
  const key = words[words.length - 1]!.toLowerCase().replace(/ё/g, 'е');
  const head = HEADS[key];
  if (!head || words.length < 2) return [];
  const out: string[] = [`${words.slice(0, -1).join(' ')} ${NOMINATIVE_PLURAL[key]!}`];
  HEAD_CASES.forEach((c, k) => {
    const lead = words.slice(0, -1).map((w) => formsOf(w, c)[0]);
    if (lead.every((w) => w !== undefined)) out.push(`${lead.join(' ')} ${head.plural[k]}`);
  });
  return out;
}

/** English heads of place names, singular to plural ("the Chukchi and Bering seas"). */
const ENGLISH_HEADS: Readonly<Record<string, string>> = {
  sea: 'seas',
  river: 'rivers',
  island: 'islands',
  strait: 'straits',
  lake: 'lakes',
  peninsula: 'peninsulas',
};

/** Each plural head form with its singular in the same case ("морей" → "моря", "seas" → "sea"). */
const SINGULAR_OF_PLURAL: ReadonlyMap<string, string> = new Map([
  ...Object.values(HEADS).flatMap(({ singular, plural }) => plural.map((p, k) => [p, singular[k]!] as const)),
  ...Object.entries(NOMINATIVE_PLURAL).map(([singular, plural]) => [plural, singular] as const),
  // As English names write the singular: "Chukchi" + "Sea".
  ...Object.entries(ENGLISH_HEADS).map(
    ([singular, plural]) => [plural, singular[0]!.toUpperCase() + singular.slice(1)] as const,
  ),
]);

/**
 * As `coordinatedForms`, in English: "Bering Sea" → "Bering seas", the last of
 * coordinated names that share one head in the plural.
 */
export function englishCoordinatedForms(alias: string): string[] {
  const cut = alias.lastIndexOf(' ');
  if (cut <= 0 || !/^[A-Z][A-Za-z-]*(?: [A-Z][A-Za-z-]*)*$/.test(alias.slice(0, cut))) return [];
  const plural = ENGLISH_HEADS[alias.slice(cut + 1).toLowerCase()];
  return plural === undefined ? [] : [`${alias.slice(0, cut)} ${plural}`];
}

/**
 * For a plural head that ends coordinated names, its singular in the same
 * case ("морей" → "моря"): an earlier conjunct reads as a whole name with it
 * ("Японского" + "моря"). Null for any other word. Asked for every match of
 * several words, so one lookup.
 */
export function singularOfPluralHead(word: string): string | null {
  return SINGULAR_OF_PLURAL.get(word.toLowerCase().replace(/ё/g, 'е')) ?? null;
}
