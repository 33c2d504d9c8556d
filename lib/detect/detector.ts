/**
 * The detection engine: finds mentions of the alias table's entities in a
 * text. Pure, synchronous and allocation-light: the text is never copied or
 * normalised as a whole; a trie of folded aliases is walked from each word
 * start (every position for Han), and the original offsets are kept. The
 * trie is built in parts, one per first letter, when a word first needs one.
 *
 * Matching rules: the longest match wins; word boundaries for alphabetic
 * scripts, none for Han; the case of the alias is respected (capitals must be
 * capitals, but for lines of a few small words and Russian names that are no
 * other word, `smallLetterNames`; lower-case alias letters may be capitalised
 * at a word start, and the whole match may be in capitals as in headlines);
 * possessives end a name; dashes, quotes, white space and invisible
 * characters are folded; Russian case forms are generated. Ambiguous aliases go through cheap context rules
 * (context-rules.ts) and, when still uncertain, become `pending` candidates for
 * the NLP resolver (nlp-resolve.ts), which never runs in the page.
 */
import type { TopicId } from '../factbase/schema';
import type { Tier } from './rules-schema';
import { readTable, ruleOf, topicsOfIndex, type AliasTable, type RuleCode, type TableData } from './table-format';
import {
  ENTITY_CONTEXT,
  DOMAIN_WORDS,
  HAN_INITIALS,
  TITLE_WORDS,
  NUMERAL_LEADS,
  SMALL_LETTER_NAMES,
  LONGER_NAMES,
  OTHER_NAMES,
  PART_OF,
  SPORTS_WORDS,
  PhraseSet,
  type EntityContext,
} from './context-rules';
import * as norm from './normalize';
import { ensureChar, foldString, isAccentedLatin, isLower, isUpper, shapeString } from './normalize';
import {
  PARAPHRASES,
  compileParaphrase,
  matchParaphrase,
  matchParaphrases,
  nextStarts,
  triggerWords,
  type CompiledParaphrase,
  type Dated,
  type ParaphraseSpec,
} from './paraphrase';
import { abbreviationMentions, waitingAbbreviations } from './abbreviations';
import {
  coordinatedForms,
  englishCoordinatedForms,
  mayStartSmall,
  russianForms,
  singularOfPluralHead,
} from './russian-forms';
import { sentenceAround, windowAround } from './sentence';
import { PREFIX, ROOT_DIRECT, WHOLE, buildTrie, childOf, prefixHash, rootOf, type Trie } from './trie';
import type { Candidate, Mention, PageState, ScanResult } from './types';
import { settles } from './page-state';

export { newPageState, settleDeferred } from './page-state';

export interface Detector {
  /** Finds mentions in `text`; updates `page.seen`. Sync, fast, pure apart from `page`. */
  scan(text: string, page: PageState): ScanResult;
  topicsOf(id: string): readonly TopicId[];
  /** The relevance tier of an entity (`core` for an id the table does not hold). */
  tierOf(id: string): Tier;
  ids(): readonly string[];
}

export interface DetectorOptions {
  /**
   * Disambiguation on (default). Off: every alias match is a mention, whatever
   * its rule — the plain matcher, used to show what the rules remove.
   */
  rules?: boolean;
  /** Paraphrase patterns on (default). */
  paraphrases?: boolean;
  /** Generate Russian case forms (default on). */
  russianForms?: boolean;
}

/**
 * One alias form in the trie, packed into a number: entity << 4 | rule << 2 |
 * ENDS_WORD | NUMERAL. Its shape (the alias folded except for letter case, one
 * code unit per trie step) is kept beside it.
 */
const ENDS_WORD = 2; // first/last character is a letter or digit of an alphabetic script: needs a word boundary
const NUMERAL = 1; // the alias is a Roman numeral in letters ("Xi"): numeral rules apply

/** A raw match before disambiguation. */
interface Raw {
  start: number;
  end: number;
  entity: number;
  rule: RuleCode;
  numeral: boolean;
  paraphrase: boolean;
  /** A phrase that names its entity only between these dates ("Xi's visit"): see `inTime` and `dating`. */
  dated?: Dated;
  /** Read out of a longer name that turned out to be something else: not part of another name (see `namesInRefused`). */
  freed?: true;
  /** Already found to be no other name here (see `namesInRefused`): not judged again. */
  ownName?: true;
}

/** `defer`: rejected only because the entity is not yet in `page.seen`. */
type Verdict = 'accept' | 'reject' | 'pending' | 'defer';

// Local copies: module bindings may compile to property getters, too slow for the inner loops.
const CLASS_APOS = norm.CLASS_APOS;
const CLASS_IGNORE = norm.CLASS_IGNORE;
const CLASS_SPACE = norm.CLASS_SPACE;
const CLASS_WORD = norm.CLASS_WORD;
const classTable = norm.classTable;
const foldTable = norm.foldTable;

/** Longest alias walked, in folded code units (longer aliases are cut off). */
const MAX_DEPTH = 256;
/** Sports words in one sentence that make a country's name a national team. */
const SPORTS_THRESHOLD = 2;
/** Words after "Arctic" etc. that continue the geographic name rather than make a brand. */
const NAME_CONTINUATIONS = new Set([
  'ocean',
  'circle',
  'council',
  'sea',
  'seas',
  'region',
  'shelf',
  'coast',
  'zone',
  'route',
  'policy',
  'strategy',
  'express',
  'states',
  'nations',
  'waters',
  'islands',
  'peninsula',
]);

const NUMERAL_RE = /^[ivxlcdm]+$/;
/** Word lists and patterns of the rules, made on first use (loading the module costs nothing). */
let lazyRules: { numeralLead: RegExp; sportsWords: PhraseSet; domainWords: PhraseSet } | null = null;
function rules() {
  return (lazyRules ??= {
    numeralLead: new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${NUMERAL_LEADS.map((w) => w.replace(/ /g, '\\s+')).join('|')})[\\s\\u00a0]+$`,
      'iu',
    ),
    sportsWords: new PhraseSet(SPORTS_WORDS),
    domainWords: new PhraseSet(DOMAIN_WORDS),
  });
}
/** Characters looked at on each side of a country's name for sports words. */
const SPORTS_RADIUS = 100;

/** Any Cyrillic letter: the text may hold Russian case forms. */
const CYRILLIC = /[\u0400-\u04ff]/;

/** Paraphrases sharing a trigger word, compiled on the first occurrence of the word. */
interface Trigger {
  specs: ParaphraseSpec[];
  compiled: CompiledParaphrase[] | null;
  /** Folded code units that may start the next token (null: any). */
  next: Set<number> | null;
}

/**
 * One trie with its patterns and paraphrase triggers. The patterns are split
 * by their first folded code unit: one small part per letter (or other code
 * unit) below ROOT_DIRECT, one for all the rest (Han and other scripts). Each
 * part is built, with its Russian case forms, on the first word that starts
 * with its code unit: building the detector costs next to nothing, a page pays
 * only for the letters its words start with, and a little at a time.
 */
interface Part {
  trie: Trie;
  /** Root entry of the part's code unit (letter parts), as `rootOf` gives it. */
  entry: number;
  /** Packed patterns (see ENDS_WORD), parallel to `shapes`. */
  patterns: Int32Array;
  shapes: string[];
  /** Trigger terms: trie term index − patterns.length → trigger. */
  triggers: Trigger[];
}

type Entry = [alias: string, entity: number, rule: RuleCode];

/** The first folded code unit of a string, as `foldString` would give it (0 when there is none). */
function firstFolded(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const cls = norm.charClass(c);
    if (cls !== CLASS_SPACE && cls !== CLASS_IGNORE) return foldTable[c]!;
  }
  return 0;
}

class Engine implements Detector {
  /** Letter parts by first folded code unit: undefined = not built yet, null = no pattern starts so. */
  private readonly parts: (Part | null | undefined)[] = new Array<Part | null | undefined>(ROOT_DIRECT).fill(null);
  /** The part for first code units from ROOT_DIRECT up (built on demand). */
  private far: Part | null = null;
  /** The table's aliases by first folded code unit (all from ROOT_DIRECT up under ROOT_DIRECT). */
  private readonly groups = new Map<number, Entry[]>();
  private readonly depthPos = new Int32Array(MAX_DEPTH);
  /**
   * Set while the names inside a phrase are matched: paraphrases and the
   * phrase's own entity would only find the phrase again.
   */
  private namesOnly = false;
  private outerEntity = -1;
  /** Aliases that several entities share under one rule ("rule alias", lower case), with their entities' ids. */
  private sharedAliases: Map<string, string[]> | null = null;
  /** Every dated phrase, compiled on first need (see `dating`). */
  private datedPhrases: CompiledParaphrase[] | null = null;
  /** Entity index of OTHER_NAMES: one past the table's entities. */
  private readonly otherNames: number;
  private readonly idIndex: Map<string, number>;
  private readonly data: TableData;
  /** The page being scanned, while `scan` runs: the rules read and add to what the page has said. */
  private page: PageState | null = null;
  /** Per person: the keys of the words of their full names (see `ownNameKeys`). */
  private readonly ownNames = new Map<number, ReadonlySet<string> | null>();
  /** Per place: the oblique case forms of its Russian names (see `caseFormsOf`). */
  private readonly caseForms = new Map<number, ReadonlySet<string>>();
  private readonly contextCache = new Map<
    number,
    {
      not: PhraseSet | null;
      namesake: PhraseSet | null;
      yes: PhraseSet | null;
      spec: EntityContext;
      hanNotAfter: readonly string[];
      hanNotBefore: readonly string[];
    }
  >();

  constructor(
    private readonly table: AliasTable,
    private readonly options: Required<DetectorOptions>,
  ) {
    this.data = readTable(table);
    this.idIndex = new Map(this.data.ids.map((id, i) => [id, i]));
    const group = (first: number, entry: Entry | null) => {
      const key = Math.min(first, ROOT_DIRECT);
      if (key < ROOT_DIRECT) this.parts[key] = undefined;
      const list = this.groups.get(key);
      if (!list) this.groups.set(key, entry ? [entry] : []);
      else if (entry) list.push(entry);
    };
    for (const entry of this.data.entries) group(firstFolded(entry[0]), entry);
    // Other names are matched as one more, nameless entity, whose matches scan() drops.
    this.otherNames = this.data.ids.length;
    if (options.rules) for (const name of OTHER_NAMES) group(firstFolded(name), [name, this.otherNames, 0]);
    if (options.paraphrases) {
      for (const spec of PARAPHRASES) {
        if (this.idIndex.has(spec.id)) for (const t of triggerWords(spec)) group(firstFolded(t), null);
      }
    }
  }

  /** Builds the part for first code unit `f` (below ROOT_DIRECT: that letter's; else the far part). */
  private buildPart(f: number): Part {
    if (f >= ROOT_DIRECT) {
      return (this.far ??= this.compile(this.groups.get(ROOT_DIRECT) ?? [], (first) => first >= ROOT_DIRECT));
    }
    const part = this.compile(this.groups.get(f) ?? [], (first) => first === f);
    part.entry = rootOf(part.trie, f);
    this.parts[f] = part;
    return part;
  }

  /** The part for a word start whose folded first code unit is `f`, or null when no pattern starts so. */
  private partFor(f: number): Part | null {
    if (f >= ROOT_DIRECT) return this.far ?? this.buildPart(f);
    const part = this.parts[f];
    return part === undefined ? this.buildPart(f) : part;
  }

  /**
   * Builds the patterns, triggers and trie of one part from its aliases, with
   * the Russian case forms of those that hold Cyrillic, and the paraphrase
   * triggers whose first folded code unit `mine` accepts.
   */
  private compile(aliases: readonly Entry[], mine: (first: number) => boolean): Part {
    const { options } = this;
    const packed: number[] = [];
    const shapes: string[] = [];
    const folded: string[] = [];
    const taken = new Set<string>();
    const add = (alias: string, entity: number, rule: RuleCode, f: string) => {
      let shape = shapeString(alias);
      // A small letter in the shape accepts either case at a word start (see caseMatches).
      if (mayStartSmall(alias)) shape = shape[0]!.toLowerCase() + shape.slice(1);
      if (f.length === 0 || f.length > MAX_DEPTH || shape.length !== f.length) return;
      const endsWord = classTable[shape.charCodeAt(shape.length - 1)] === CLASS_WORD;
      packed.push((entity << 4) | (rule << 2) | (endsWord ? ENDS_WORD : 0) | (NUMERAL_RE.test(f) ? NUMERAL : 0));
      shapes.push(shape);
      folded.push(f);
    };
    for (const [alias, entity, rule] of aliases) {
      const f = foldString(alias);
      add(alias, entity, rule, f);
      taken.add(f);
    }
    if (options.russianForms) {
      // Where two aliases differ only in case ("Российско-Китайское ЭКСПО", "Российско-китайское ЭКСПО"),
      // so do their forms: one pattern takes the small letters of both.
      const formAt = new Map<string, number>();
      for (const [alias, entity, rule] of aliases) {
        const forms = CYRILLIC.test(alias)
          ? [...russianForms(alias), ...coordinatedForms(alias)]
          : englishCoordinatedForms(alias);
        for (const form of forms) {
          const f = foldString(form);
          const at = formAt.get(f);
          if (at !== undefined && packed[at]! >>> 4 === entity)
            shapes[at] = smallerCase(shapes[at]!, shapeString(form));
          if (taken.has(f)) continue; // never shadow an alias of the fact base
          taken.add(f);
          const next = shapes.length;
          add(form, entity, rule, f);
          if (shapes.length > next) formAt.set(f, next);
        }
      }
    }

    const triggers: Trigger[] = [];
    if (options.paraphrases) {
      const byTrigger = new Map<string, ParaphraseSpec[]>();
      for (const spec of PARAPHRASES) {
        if (!this.idIndex.has(spec.id)) continue;
        for (const t of triggerWords(spec)) {
          if (!mine(firstFolded(t))) continue;
          const f = foldString(t);
          const list = byTrigger.get(f);
          if (list) list.push(spec);
          else byTrigger.set(f, [spec]);
        }
      }
      for (const [word, specs] of byTrigger) {
        folded.push(word);
        triggers.push({ specs, compiled: null, next: null });
      }
    }
    // All patterns of a part start alike (or far apart): the root needs no direct table.
    return { trie: buildTrie(folded, 0), entry: 0, patterns: Int32Array.from(packed), shapes, triggers };
  }

  ids(): readonly string[] {
    return this.data.ids;
  }

  tierOf(id: string): Tier {
    const i = this.idIndex.get(id);
    return i !== undefined && this.data.context[i] ? 'context' : 'core';
  }

  topicsOf(id: string): readonly TopicId[] {
    const i = this.idIndex.get(id);
    return i === undefined ? [] : topicsOfIndex(this.table, i);
  }

  scan(text: string, page: PageState): ScanResult {
    // One detector serves every page: the page is this scan's only.
    this.page = page;
    try {
      return this.scanPage(text, page);
    } finally {
      this.page = null;
    }
  }

  private scanPage(text: string, page: PageState): ScanResult {
    let all = this.matchAll(text);
    if (all.some((r) => r.dated)) all = this.undate(text, all, page.date);
    if (this.options.rules) all = this.namesInRefused(text, all);
    if (this.options.russianForms) all = this.conjuncts(text, all);
    const raws = all.some((r) => r.entity === this.otherNames) ? all.filter((r) => r.entity !== this.otherNames) : all;
    const mentions: Mention[] = [];
    const pending: Candidate[] = [];
    const deferred: Candidate[] = [];
    const nested: Mention[] = [];
    if (raws.length === 0) {
      if (this.options.rules && this.abbreviationsIn(text, page, mentions, deferred, pending)) {
        mentions.sort((a, b) => a.start - b.start);
      }
      return { mentions, pending, deferred, nested };
    }
    const accepted = new Array<boolean>(raws.length).fill(false);
    // Unambiguous matches first (they support ambiguous ones on either side).
    raws.forEach((r, k) => {
      if (r.rule === 0) {
        // Dated phrases out of their time were replaced by their names (see `undate`).
        accepted[k] =
          !this.options.rules || r.paraphrase || (!this.isTeam(text, r) && (r.ownName || !this.otherName(text, r)));
      }
    });
    const candidate = (r: Raw, mention: Mention): Candidate => {
      const [cs, ce] = windowAround(text, r.start, r.end);
      return { ...mention, rule: ruleOf(r.rule)!, context: text.slice(cs, ce), contextStart: cs };
    };
    let later: Candidate[] | null = null;
    let merged = false;
    raws.forEach((r, k) => {
      let verdict: Verdict;
      if (r.rule === 0) verdict = accepted[k] ? 'accept' : 'reject';
      else if (!this.options.rules) verdict = 'accept';
      else verdict = this.decide(text, r, page, raws, accepted);
      if (verdict === 'reject') {
        if (this.freesNames(text, r)) {
          for (const inner of this.namesStandingIn(text, r)) {
            mentions.push(inner);
            page.seen.add(inner.id);
            merged = true;
          }
        }
        return;
      }
      // `decide` may have given a shared surname to the person the page names.
      const id = this.data.ids[r.entity]!;
      const mention: Mention = { id, start: r.start, end: r.end, text: text.slice(r.start, r.end) };
      if (verdict === 'accept') {
        mentions.push(mention);
        if (this.options.rules && this.readsInside(text, r)) this.scanInside(text, r, page, nested, (later ??= []));
        // Named by a name with no rule, a descriptive phrase ("China's trade with Russia") or an ambiguous name
        // with support: short forms anywhere on the page may follow ("bilateral trade").
        if (this.options.rules) page.seen.add(id);
      } else if (verdict === 'defer') {
        const c = candidate(r, mention);
        const others = this.sharersOf(text, r);
        if (others.length > 0) c.alternatives = others;
        (later ??= []).push(c);
      } else {
        const c = candidate(r, mention);
        // If the resolver refuses the phrase, the names in it still count, as above.
        const inner = this.freesNames(text, r) ? this.namesStandingIn(text, r) : [];
        if (inner.length > 0) c.inner = inner;
        pending.push(c);
      }
    });
    // The full name may come later in the same text: settle what it allows now.
    const settle = (list: Candidate[], keep: Candidate[]) => {
      for (const c of list) {
        if (settles(c, page)) {
          mentions.push({ id: c.id, start: c.start, end: c.end, text: c.text });
          merged = true;
        } else keep.push(c);
      }
    };
    if (later !== null) settle(later, deferred);
    const uncertain: Candidate[] = [];
    if (pending.length > 0) settle(pending, uncertain);
    if (this.options.rules && this.abbreviationsIn(text, page, mentions, deferred, uncertain)) merged = true;
    if (merged) mentions.sort((a, b) => a.start - b.start);
    if (nested.length > 1) nested.sort((a, b) => a.start - b.start);
    // A nested short form settled by a full name in this text is a nested mention, not a mark.
    for (let k = mentions.length - 1; k >= 0; k--) {
      const m = mentions[k]!;
      if (m.nested) {
        mentions.splice(k, 1);
        nested.push(m);
        nested.sort((a, b) => a.start - b.start);
      }
    }
    return { mentions, pending: uncertain, deferred, nested };
  }

  /**
   * The page's abbreviations in `text` (lib/detect/abbreviations.ts): uses of
   * those defined so far join `mentions` (true when any did); words in
   * capitals that may be defined later join `deferred`, except where another
   * candidate already stands.
   */
  private abbreviationsIn(
    text: string,
    page: PageState,
    mentions: Mention[],
    deferred: Candidate[],
    uncertain: readonly Candidate[],
  ): boolean {
    const defined = abbreviationMentions(text, mentions, page);
    for (const m of defined) mentions.push(m);
    const taken = (c: Candidate) =>
      uncertain.some((u) => u.start < c.end && c.start < u.end) ||
      deferred.some((d) => d.start < c.end && c.start < d.end);
    const waiting = waitingAbbreviations(text, mentions, page).filter((c) => !taken(c));
    if (waiting.length > 0) {
      for (const c of waiting) deferred.push(c);
      deferred.sort((a, b) => a.start - b.start);
    }
    return defined.length > 0;
  }

  /**
   * Whether an ambiguous match, refused, leaves the names in it standing:
   * Chinese runs on without spaces, so a phrase refused still holds the names
   * in it (俄罗斯入侵 of Crimea names Russia), those a phrase needs no support for.
   */
  private freesNames(text: string, r: Raw): boolean {
    return r.rule !== 0 && this.options.rules && HAN_CHAR.test(text.charAt(r.start));
  }

  /** The names inside `r` that stand alone, as mentions. */
  private namesStandingIn(text: string, r: Raw): Mention[] {
    const out: Mention[] = [];
    for (const inner of this.namesInside(text, r)) {
      if (!this.standsAlone(text, inner)) continue;
      out.push({
        id: this.data.ids[inner.entity]!,
        start: inner.start,
        end: inner.end,
        text: text.slice(inner.start, inner.end),
      });
    }
    return out;
  }

  /**
   * Whether a match is a descriptive phrase rather than a proper name: a
   * paraphrase, or a name with a lower-case word other than a particle
   * ("Xi's state visit to Moscow", "invasion of Ukraine"; not "Treaty of
   * Beijing", "Power of Siberia" or "the Kremlin"). The names inside a
   * descriptive phrase are mentions too; inside a proper name they are not.
   */
  private descriptive(r: Raw): boolean {
    return r.paraphrase || this.data.phrase[r.entity] === true;
  }

  /**
   * Dated phrases out of their time name no event, but the names in them
   * still count: "the SCO summit in Astana" in a report of 2017 names the SCO
   * and Astana. Each refused phrase is replaced by the names matched inside it.
   */
  private undate(text: string, raws: Raw[], date: string | undefined): Raw[] {
    // Only this text's places: what the page named elsewhere depends on the order blocks are scanned in.
    const named = (id: string) => raws.some((o) => this.data.ids[o.entity] === id);
    const out: Raw[] = [];
    for (const r of raws) {
      const dated = r.dated ? this.dating(text, r, date, named) : r;
      if (dated) out.push(dated);
      else for (const inner of this.namesInside(text, r)) out.push(inner);
    }
    return out;
  }

  /**
   * Earlier conjuncts of Russian place names that share one head in the
   * plural: the match is the last one ("Восточно-Китайского морей"); before it,
   * "Японского и" reads as a name with the head in the singular ("Японского
   * моря"), and so on back through a list ("Японского, Охотского и …").
   */
  private conjuncts(text: string, raws: Raw[]): Raw[] {
    let out: Raw[] | null = null;
    for (const r of raws) {
      const space = text.lastIndexOf(' ', r.end - 1);
      if (space <= r.start) continue;
      const singular = singularOfPluralHead(text.slice(space + 1, r.end));
      if (singular === null) continue;
      for (let at = r.start; ;) {
        const before = CONJUNCT_BEFORE.exec(text.slice(Math.max(0, at - 60), at));
        if (!before) break;
        const word = before[1]!;
        const name = `${word} ${singular}`;
        const found = this.matchAll(name).find((o) => o.start === 0 && o.end === name.length);
        if (!found) break;
        const start = at - before[0].length;
        // A conjunct that is a name by itself ("the Amur and Ussuri rivers") is found already.
        if (!raws.some((o) => o.start === start))
          (out ??= [...raws]).push({ ...found, start, end: start + word.length });
        at = start;
      }
    }
    return out ? out.sort((a, b) => a.start - b.start) : raws;
  }

  /**
   * An organ's name used for something else still names its body: 中国外交部长
   * ("China's foreign minister") is not the ministry (`notBefore`) but names
   * China. Each such match is replaced by the bodies matched inside it. So is
   * any Chinese name used for something else by the names inside it, since
   * Chinese runs on without spaces: 一些中国银行 ("some Chinese banks") is not
   * the Bank of China but names China.
   */
  private namesInRefused(text: string, raws: Raw[]): Raw[] {
    let out: Raw[] | null = null;
    raws.forEach((r, k) => {
      const bodies = PART_OF[this.data.ids[r.entity]!];
      const han = bodies === undefined && HAN_CHAR.test(text.charAt(r.start));
      if ((bodies === undefined && !han) || r.rule !== 0 || r.paraphrase) {
        out?.push(r);
        return;
      }
      if (!this.otherName(text, r)) {
        r.ownName = true;
        out?.push(r);
        return;
      }
      out ??= raws.slice(0, k);
      for (const inner of this.namesInside(text, r)) {
        const id = this.data.ids[inner.entity]!;
        if (bodies ? bodies.includes(id) : inner.entity !== r.entity) out.push({ ...inner, freed: true });
      }
    });
    return out ?? raws;
  }

  /**
   * The event a dated phrase names here, among every event the same words
   * name in its time ("the BRICS summit" is Johannesburg's in August 2023 and
   * Kazan's in October 2024; the matcher found one of them). A year in the
   * sentence or the page's date decides; with neither, the one event whose
   * place the text names (`where`); on a page with no date, the reading of
   * an event still going on (`current`) when no year of the text is outside
   * its time; else none. Words with a reading marked
   * `otherwise` (沙俄) name that one where every date nearby speaks against
   * all of them (a history told beside a year of today), and where nothing
   * nearby is dated, the reading whose time holds most of the text's years.
   */
  private dating(text: string, r: Raw, date: string | undefined, named: (id: string) => boolean): Raw | null {
    this.datedPhrases ??= PARAPHRASES.filter((p) => p.dated !== undefined).map(compileParaphrase);
    const id = this.data.ids[r.entity];
    const readings: Raw[] = [r];
    for (const p of this.datedPhrases) {
      if (p.id === id || matchParaphrase(p, text, r.start) !== r.end) continue;
      const entity = this.idIndex.get(p.id);
      if (entity !== undefined) readings.push({ ...r, entity, dated: p.dated! });
    }
    let undecided = false;
    for (const o of readings) {
      const verdict = inTime(text, o.start, o.end, o.dated!, date);
      if (verdict === true) return o;
      if (verdict === null) undecided = true;
    }
    const otherwise = readings.find((o) => o.dated!.otherwise);
    if (!undecided) return otherwise ?? null;
    const placed = readings.filter((o) => o.dated!.where?.some(named));
    if (placed.length === 1) return placed[0]!;
    if (date === undefined) {
      const current = readings.filter((o) => o.dated!.current);
      if (current.length === 1 && yearsIn(text).every((y) => inYearsOf(current[0]!.dated!, y))) return current[0]!;
    }
    if (!otherwise) return null;
    // The reading whose time holds the most years written anywhere in the text, if one holds more than the others.
    const years = yearsIn(text);
    const inItsTime = (o: Raw) => years.filter((y) => inYearsOf(o.dated!, y)).length;
    const byYears = uniqueMost(readings, inItsTime, 0);
    if (byYears) return byYears;
    const folded = foldString(text);
    const cued = uniqueMost(
      readings,
      (o) => o.dated!.cues?.filter((w) => folded.includes(foldString(w))).length ?? 0,
      0,
    );
    if (cued) return cued;
    // With no year of the text in any reading's time, nothing speaks for another reading.
    return readings.some((o) => inItsTime(o) > 0) ? null : otherwise;
  }

  /** The names matched inside `outer`'s span (paraphrases and `outer`'s own entity left out), in text offsets. */
  private namesInside(text: string, outer: Raw): Raw[] {
    this.namesOnly = true;
    this.outerEntity = outer.entity;
    let found: Raw[];
    try {
      found = this.matchAll(text.slice(outer.start, outer.end));
    } finally {
      this.namesOnly = false;
      this.outerEntity = -1;
    }
    for (const r of found) {
      r.start += outer.start;
      r.end += outer.start;
    }
    return found;
  }

  /**
   * Whether the names inside a match are read: in a descriptive phrase, in
   * the name of an organ of another body (`partOf`), or before a possessive.
   * In Chinese only in phrases (金砖峰会, the BRICS summit; 乌克兰冲突): other Chinese
   * names show no capitals to tell a proper name ("西伯利亚力量", the Power of
   * Siberia) from a description.
   */
  private readsInside(text: string, r: Raw): boolean {
    if (PART_OF[this.data.ids[r.entity]!] !== undefined) return true;
    const matched = text.slice(r.start, r.end);
    if (HAN.test(matched)) return this.descriptive(r);
    return this.descriptive(r) || POSSESSIVE.test(matched);
  }

  /**
   * The names inside the descriptive phrase `outer`: matched on its own text,
   * judged in the whole text's context like any other match. Accepted ones go
   * to `nested`, short forms waiting for their full name to `deferred`, both
   * flagged; uncertain ones are left out (the resolver is for marks).
   */
  private scanInside(text: string, outer: Raw, page: PageState, nested: Mention[], deferred: Candidate[]): void {
    const found = this.namesInside(text, outer);
    // In a proper name only a possessive names something else: "Russia" in "Russia's Far East".
    const phrase = this.descriptive(outer);
    const han = HAN.test(text.slice(outer.start, outer.end));
    // An organ's name names the bodies it is part of wherever they stand in it: "US Treasury", "ВКС РФ".
    const bodies = PART_OF[this.data.ids[outer.entity]!];
    // What follows the phrase is not read (see below): the text up to its end, cut once for all its names.
    const upToEnd = text.slice(0, outer.end);
    const inner = found.filter((r) => {
      if (r.entity === this.otherNames || r.entity === outer.entity) return false;
      // Another entity's name for the same words is not inside it (two organs sharing a name would read each other forever).
      if (r.start === outer.start && r.end === outer.end) return false;
      if (bodies?.includes(this.data.ids[r.entity]!)) return true;
      // A Chinese phrase reads the names in it (金砖峰会); a Chinese name nothing but its bodies.
      if (han) return phrase;
      if (!phrase) return POSSESSIVE_AT.test(text.slice(r.end, r.end + 2));
      // A phrase in title case (a headline's "Russia-China Trade Surges") capitalises its own words: only
      // capitals outside it show a longer name. What follows the phrase is not read: the phrase ends
      // where it was matched ("саммита ШОС Путина": Putin is the next word's, not the SCO's). A name
      // that begins with an office is not read backwards either: "Chinese" in "Chinese President Xi
      // Jinping" is the office's.
      const within = titleCased(text.slice(outer.start, outer.end)) ? outer : undefined;
      if (TITLE_WORDS.has(firstWord(text, r.start, r.end))) {
        return !insideLongerNameAfter(upToEnd, r.end, within);
      }
      return !insideLongerName(upToEnd, r.start, r.end, within);
    });
    if (han && phrase) this.pairedInitials(text, outer, inner, page, nested);
    if (inner.length === 0) return;
    const accepted = inner.map((r) => this.standsAlone(text, r));
    inner.forEach((r, k) => {
      const verdict: Verdict =
        r.rule === 0 ? (accepted[k] ? 'accept' : 'reject') : this.decide(text, r, page, inner, accepted);
      const id = this.data.ids[r.entity]!;
      const mention: Mention = { id, start: r.start, end: r.end, text: text.slice(r.start, r.end), nested: true };
      if (verdict === 'accept') {
        nested.push(mention);
        page.seen.add(id);
        // An organ inside a phrase names its body too: the SCO in its council, in "the council's meeting".
        if (this.readsInside(text, r)) this.scanInside(text, r, page, nested, deferred);
      } else if (verdict === 'defer') {
        const [cs, ce] = windowAround(text, r.start, r.end);
        deferred.push({ ...mention, rule: ruleOf(r.rule)!, context: text.slice(cs, ce), contextStart: cs });
      } else if (this.descriptive(r)) {
        // A refused phrase still holds its names, which the longer match hid: 俄罗斯 in 俄罗斯入侵克里米亚,
        // where 俄罗斯入侵 alone would be the invasion of Ukraine.
        this.scanInside(text, r, page, nested, deferred);
      }
    });
  }

  /**
   * Two countries' initials side by side in a Chinese phrase name both
   * countries (俄乌冲突, 烏俄戰爭: Russia and Ukraine), where no longer name
   * found inside the phrase holds them.
   */
  private pairedInitials(text: string, outer: Raw, inner: readonly Raw[], page: PageState, nested: Mention[]): void {
    const initial = (k: number) => HAN_INITIALS.get(foldString(text.charAt(k)));
    for (let k = outer.start; k + 1 < outer.end; k++) {
      const first = initial(k);
      const second = first === undefined ? undefined : initial(k + 1);
      if (second === undefined || second === first) continue;
      if (inner.some((r) => r.start < k + 2 && k < r.end)) continue;
      for (const [at, id] of [
        [k, first!],
        [k + 1, second],
      ] as const) {
        nested.push({ id, start: at, end: at + 1, text: text.charAt(at), nested: true });
        page.seen.add(id);
      }
      k++;
    }
  }

  /** Whether a name found inside another is a mention by itself: unambiguous, and no team's or other name's part. */
  private standsAlone(text: string, r: Raw): boolean {
    return r.rule === 0 && !this.isTeam(text, r) && !this.otherName(text, r);
  }

  /** All raw matches, leftmost-longest, not overlapping. */
  private matchAll(text: string): Raw[] {
    const out: Raw[] = [];
    const n = text.length;
    const parts = this.parts;
    let prevWord = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      let cls = classTable[c]!;
      if (cls === 0) {
        ensureChar(c);
        cls = classTable[c]!;
      }
      if (cls === CLASS_WORD) {
        if (prevWord) continue;
        prevWord = true;
      } else if (cls === CLASS_IGNORE) {
        continue;
      } else {
        prevWord = false;
      }
      const f = foldTable[c]!;
      let part: Part | null | undefined;
      let entry = 0;
      if (f < ROOT_DIRECT) {
        part = parts[f];
        if (part === undefined) part = this.buildPart(f);
        if (part !== null) entry = part.entry;
      } else {
        part = this.far ?? this.buildPart(f);
        entry = rootOf(part.trie, f);
      }
      if (entry !== 0 && ((entry & 1) !== 0 || this.prefixPasses(text, i, f, part!.trie))) {
        const m = this.walk(text, i, entry >>> 1, part!);
        if (m) {
          this.extend(text, m);
          out.push(m);
          i = m.end - 1;
          prevWord = classTable[text.charCodeAt(i)] === CLASS_WORD;
          continue;
        }
      }
      // No match starts here: skip the rest of the word in a tight loop (unknown code units go round the main one).
      if (cls === CLASS_WORD) {
        while (i + 1 < n) {
          const k = classTable[text.charCodeAt(i + 1)];
          if (k !== CLASS_WORD && k !== CLASS_IGNORE) break;
          i++;
        }
      }
    }
    return out;
  }

  /**
   * Whether the code units after a word start at `i` (folded first unit `f`)
   * can continue some pattern, by the hashed prefix filter. Invisible
   * characters and a second space in a row (which collapse) let it pass.
   */
  private prefixPasses(text: string, i: number, f: number, trie: Trie): boolean {
    const { prefix, mask } = trie;
    const n = text.length;
    let h = prefixHash(0, f);
    let lastSpace = false;
    for (let k = 1; k < 4; k++) {
      if (i + k >= n) return true;
      const c = text.charCodeAt(i + k);
      let cls = classTable[c]!;
      if (cls === 0) {
        ensureChar(c);
        cls = classTable[c]!;
      }
      if (cls === CLASS_IGNORE) return true;
      const space = cls === CLASS_SPACE;
      if (space && lastSpace) return true;
      lastSpace = space;
      h = prefixHash(h, space ? 0x20 : foldTable[c]!);
      const bits = prefix[h & mask]! >>> (2 * (k - 1));
      if ((bits & PREFIX) === 0) return false;
      if ((bits & WHOLE) !== 0) return true;
    }
    return true;
  }

  /**
   * A longer name that starts inside a match takes it over, keeping its start:
   * "Nancy Pelosi’s visit to Taiwan" is the visit, not the person. In Chinese,
   * where every character may start a name, only a phrase does: 远东海鲜 is
   * "Far East seafood", not a name running from 远东 into 东海.
   */
  private extend(text: string, m: Raw): void {
    let prevWord = true;
    for (let k = m.start + 1; k < m.end; k++) {
      const cls = this.cls(text.charCodeAt(k));
      if (cls === CLASS_IGNORE) continue;
      const wordStart = cls !== CLASS_WORD || !prevWord;
      prevWord = cls === CLASS_WORD;
      if (!wordStart) continue;
      const f = foldTable[text.charCodeAt(k)]!;
      const part = this.partFor(f);
      if (part === null) continue;
      const entry = rootOf(part.trie, f);
      if (entry === 0) continue;
      const inner = this.walk(text, k, entry >>> 1, part);
      if (
        inner &&
        inner.end > m.end &&
        (inner.paraphrase || cls !== norm.CLASS_HAN) &&
        // A name that only runs on by a mark ("Kazan'" in "Elia Kazan's") is no longer than the outer one.
        LETTER_OR_DIGIT.test(text.slice(m.end, inner.end))
      ) {
        m.end = inner.end;
        m.entity = inner.entity;
        m.rule = inner.rule;
        m.numeral = false;
        m.paraphrase = inner.paraphrase;
        if (inner.dated) m.dated = inner.dated;
        else delete m.dated;
      }
    }
  }

  /** The longest acceptable match starting at `start`, whose first code unit led to `first` in `part`. */
  private walk(text: string, start: number, first: number, part: Part): Raw | null {
    const trie = part.trie;
    const { childStart, termStart, terms, keys, targets } = trie;
    const patterns = part.patterns;
    const n = text.length;
    const pos = this.depthPos;
    pos[0] = start;
    let depth = 1;
    let node = first;
    let j = start + 1;
    let lastSpace = false;
    let best: Raw | null = null;
    for (;;) {
      const t0 = termStart[node]!;
      const t1 = termStart[node + 1]!;
      for (let t = t0; t < t1; t++) {
        const term = terms[t]!;
        if (term < patterns.length) {
          if (best && best.end >= j) continue; // an earlier term at this node already passed
          const p = patterns[term]!;
          if (p >>> 4 === this.outerEntity) continue;
          if ((p & ENDS_WORD) !== 0 && !this.endBoundary(text, j)) continue;
          if (!this.caseMatches(text, part.shapes[term]!, depth)) continue;
          const rule = ((p >>> 2) & 3) as RuleCode;
          best = { start, end: j, entity: p >>> 4, rule, numeral: (p & NUMERAL) !== 0, paraphrase: false };
        } else if (!this.namesOnly) {
          const trigger = part.triggers[term - patterns.length]!;
          if (trigger.compiled === null) {
            trigger.compiled = trigger.specs.map(compileParaphrase);
            trigger.next = nextStarts(trigger.compiled);
          }
          if (trigger.next && !trigger.next.has(this.peekFolded(text, j))) continue;
          const para = matchParaphrases(trigger.compiled, text, start);
          if (para && (para.end > j || para.pattern.han === true) && (!best || para.end > best.end)) {
            const entity = this.idIndex.get(para.id)!;
            best = { start, end: para.end, entity, rule: 0, numeral: false, paraphrase: true };
            if (para.pattern.dated) best.dated = para.pattern.dated;
          }
        }
      }
      if (j >= n || depth >= MAX_DEPTH || childStart[node] === childStart[node + 1]) break;
      const c = text.charCodeAt(j);
      let cls = classTable[c]!;
      if (cls === 0) {
        ensureChar(c);
        cls = classTable[c]!;
      }
      if (cls === CLASS_IGNORE) {
        j++;
        continue;
      }
      let f: number;
      if (cls === CLASS_SPACE) {
        if (lastSpace) {
          j++;
          continue;
        }
        f = 0x20;
      } else f = foldTable[c]!;
      // The child for f: linear search of short sorted runs, bisection of long ones.
      let next = 0;
      let lo = childStart[node]!;
      const hi = childStart[node + 1]!;
      if (hi - lo <= 8) {
        for (; lo < hi; lo++) {
          const k = keys[lo]!;
          if (k >= f) {
            if (k === f) next = targets[lo]!;
            break;
          }
        }
      } else next = childOf(trie, node, f);
      if (next === 0) break;
      lastSpace = f === 0x20;
      pos[depth++] = j;
      node = next;
      j++;
    }
    return best;
  }

  /** The folded code unit starting the next token at or after `j` (white space, commas, invisibles skipped). */
  private peekFolded(text: string, j: number): number {
    for (let k = j; k < text.length; k++) {
      const c = text.charCodeAt(k);
      const cls = this.cls(c);
      if (cls === CLASS_SPACE || cls === CLASS_IGNORE || c === 0x2c) continue;
      return foldTable[c]!;
    }
    return 0;
  }

  /** Whether a name may end at `j`: no letter or digit follows, except a possessive 's. */
  private endBoundary(text: string, j: number): boolean {
    const n = text.length;
    let k = j;
    while (k < n && this.cls(text.charCodeAt(k)) === CLASS_IGNORE) k++;
    if (k >= n) return true;
    const cls = this.cls(text.charCodeAt(k));
    // A model number takes a plural: "Su-35s", "S-400s".
    if (cls === CLASS_WORD) return isPluralAfterDigit(text, k);
    if (cls !== CLASS_APOS) return true;
    const k2 = k + 1;
    if (k2 >= n || this.cls(text.charCodeAt(k2)) !== CLASS_WORD) return true;
    const s = text.charCodeAt(k2);
    return (s === 0x73 || s === 0x53) && (k2 + 1 >= n || this.cls(text.charCodeAt(k2 + 1)) !== CLASS_WORD);
  }

  private cls(c: number): number {
    const cls = classTable[c]!;
    if (cls !== 0) return cls;
    ensureChar(c);
    return classTable[c]!;
  }

  /** Case rules: see the module comment. `depth` code units were matched, at `depthPos`. */
  private caseMatches(text: string, shape: string, depth: number): boolean {
    const pos = this.depthPos;
    let allCaps = -1; // unknown
    for (let k = 0; k < depth; k++) {
      const a = shape.charCodeAt(k);
      const t = text.charCodeAt(pos[k]!);
      if (a === t) continue;
      // Marks the name lacks (Pinyin tones) are read over in a proper name ("Hēixiāzi"), never in a
      // common word: "yuǎn" in 抚远(yuǎn) is not the yuan.
      if (isAccentedLatin(t) && !isUpper(shape.charCodeAt(0))) return false;
      if (isUpper(a)) {
        if (
          !isUpper(t) &&
          !this.anchoredSmallWord(text, shape, depth, k) &&
          !this.inSmallLetterLine(text, shape, depth) &&
          !this.smallLetterName(text, depth)
        ) {
          return false;
        }
        continue;
      }
      if (isLower(a) && isUpper(t)) {
        if (k === 0 || this.cls(shape.charCodeAt(k - 1)) !== CLASS_WORD) continue; // word start: Title Case
        if (allCaps === -1) allCaps = this.noLowerCase(text, depth) ? 1 : 0;
        if (allCaps === 1) continue;
        // A name in capitals with a Russian ending in small letters ("ЛУКОЙЛе", "МИДа") against the
        // forms of its name in small letters ("Лукойле"): capitals from the word's start up to here.
        if (CYRILLIC.test(text[pos[k]!]!) && this.capitalsSoFar(text, shape, k)) continue;
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the capital the name has at shape position `k` may be small here:
   * the first letter of one word of a name of several, where another of its
   * words keeps its capital ("treaty of Nerchinsk", "state council of China",
   * "сила Сибири"). That word proves the proper name; a capital that only
   * starts a sentence proves nothing, so a first word counts only after other
   * words of its sentence.
   */
  private anchoredSmallWord(text: string, shape: string, depth: number, k: number): boolean {
    if (k > 0 && this.cls(shape.charCodeAt(k - 1)) === CLASS_WORD) return false;
    const pos = this.depthPos;
    for (let j = 0; j < depth; j++) {
      if (j === k || (j > 0 && this.cls(shape.charCodeAt(j - 1)) === CLASS_WORD)) continue;
      if (!isUpper(shape.charCodeAt(j)) || !isUpper(text.charCodeAt(pos[j]!))) continue;
      if (j > 0 || this.midSentence(text, pos[0]!)) return true;
    }
    return false;
  }

  /** Whether a word starting at `at` follows other words of its sentence on its line. */
  private midSentence(text: string, at: number): boolean {
    let i = at - 1;
    while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0xa0)) i--;
    if (i < 0 || i === at - 1) return false;
    const c = text.charCodeAt(i);
    return this.cls(c) === CLASS_WORD || c === 0x2c;
  }

  /** Whether the matched text, in small letters, is one of `SMALL_LETTER_NAMES` or their case forms. */
  private smallLetterName(text: string, depth: number): boolean {
    const first = text.charCodeAt(this.depthPos[0]!);
    if (first < 0x0430 || first > 0x044f) return false;
    return SMALL_LETTER_FORMS.has(foldString(text.slice(this.depthPos[0]!, this.depthPos[depth - 1]! + 1)));
  }

  /** Whether the matched text is in capitals from the start of its word up to shape position `k`. */
  private capitalsSoFar(text: string, shape: string, k: number): boolean {
    for (let j = k; j >= 0 && this.cls(shape.charCodeAt(j)) === CLASS_WORD; j--)
      if (!isUpper(text.charCodeAt(this.depthPos[j]!))) return false;
    return true;
  }

  /**
   * Whether a match stands in a line of a few words written all in small
   * letters (tags, menus: "russia", "china", "sea of japan"), where a name's
   * capitals are not to be expected. Not for names written in capitals only
   * ("US", "PLA"): in such lines "us" is a pronoun ("contact us").
   */
  private inSmallLetterLine(text: string, shape: string, depth: number): boolean {
    for (let k = 1; k < depth; k++) if (isUpper(shape.charCodeAt(k)) && isUpper(shape.charCodeAt(k - 1))) return false;
    const pos = this.depthPos[0]!;
    let start = pos;
    while (start > 0 && text.charCodeAt(start - 1) !== 0x0a) if (pos - --start > SMALL_LINE_MAX) return false;
    let end = pos;
    while (end < text.length && text.charCodeAt(end) !== 0x0a) if (++end - pos > SMALL_LINE_MAX) return false;
    let words = 0;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (isUpper(c)) return false;
      if (this.cls(c) === CLASS_WORD && (k === start || this.cls(text.charCodeAt(k - 1)) !== CLASS_WORD)) words++;
    }
    return words <= SMALL_LINE_WORDS;
  }

  private noLowerCase(text: string, depth: number): boolean {
    for (let k = 0; k < depth; k++) if (isLower(text.charCodeAt(this.depthPos[k]!))) return false;
    return true;
  }

  /**
   * Whether a person's one-word name follows a given name that is none of
   * theirs: "Василий Песков" is not Dmitry Peskov, "Hunter Biden" not Joe
   * Biden; nor is "Песков" alone further down that page. Offices, initials,
   * patronymics, a sentence's first word, another entity's name ("России
   * Путин") and headlines in title case are no given names.
   */
  private anotherPersonsName(text: string, r: Raw): boolean {
    const own = this.ownNameKeys(r.entity);
    if (own === null) return false;
    const matched = text.slice(r.start, r.end);
    const han = HAN_CHAR.test(matched);
    if (han ? NAME_DOTS.test(matched) : !ONE_WORD_NAME.test(matched)) return false;
    // Once the page has given the name to another person, the name alone is theirs, or no one's.
    const namesakes = this.page?.namesakes;
    if (namesakes?.has(this.data.ids[r.entity]!)) return true;
    if (!(han ? givenAnotherHanName(text, r.end, own) : this.givenAnotherName(text, r, own))) return false;
    if (this.page) (this.page.namesakes ??= new Set()).add(this.data.ids[r.entity]!);
    return true;
  }

  /** Whether a given name whose key is none of `own` stands right before the match. */
  private givenAnotherName(text: string, r: Raw, own: ReadonlySet<string>): boolean {
    let before = adjacentWord(text, r.start, -1);
    // A patronymic stands between the given name and the surname: "Кирилл Юрьевич Лавров".
    if (before !== null && GIVEN_NAME.test(before.word) && PATRONYMIC.test(before.word.toLowerCase())) {
      before = adjacentWord(text, before.at, -1);
    }
    // A given name is a capital and small letters: "МИД Лавров" and "ВС РФ" are no given names.
    if (before === null || !GIVEN_NAME.test(before.word)) return false;
    const word = before.word.toLowerCase();
    if (TITLE_WORDS.has(word) || FUNCTION_WORDS.has(word) || PATRONYMIC.test(word) || opensSentence(text, before.at)) {
      return false;
    }
    if (own.has(givenNameKey(word))) return false;
    if (this.matchAll(before.word).some((m) => m.start === 0 && m.end === before.word.length)) return false;
    // Russian headlines are not set in title case: only Latin capitals may prove nothing.
    if (!LATIN_START.test(word)) return true;
    const [ss, se] = sentenceAround(text, r.start, r.end);
    return !inTitleCase(text.slice(ss, se).match(/\p{L}+/gu) ?? []);
  }

  /**
   * The keys (`givenNameKey`) of the words of a person's names of more than
   * one word (null: not a person, or no such name).
   */
  private ownNameKeys(entity: number): ReadonlySet<string> | null {
    let own = this.ownNames.get(entity);
    if (own === undefined) {
      own = null;
      if (entity < this.otherNames && topicsOfIndex(this.table, entity).includes('people')) {
        const words = this.data.aliases[entity]!.filter((a) => !HAN_CHAR.test(a) && /\s/.test(a)).flatMap(
          (a) => a.toLowerCase().match(/\p{L}+/gu) ?? [],
        );
        if (words.length > 0) own = new Set(words.map(givenNameKey));
      }
      this.ownNames.set(entity, own);
    }
    return own;
  }

  private isTeam(text: string, r: Raw): boolean {
    if (!this.data.team[r.entity]) return false;
    const near = text.slice(Math.max(0, r.start - SPORTS_RADIUS), r.end + SPORTS_RADIUS);
    return rules().sportsWords.found(near, SPORTS_THRESHOLD).length >= SPORTS_THRESHOLD;
  }

  private contextOf(entity: number) {
    let c = this.contextCache.get(entity);
    if (!c) {
      const spec = ENTITY_CONTEXT[this.data.ids[entity]!] ?? {};
      const not = new PhraseSet(spec.not ?? []);
      const namesake = new PhraseSet(spec.namesake ?? []);
      const yes = new PhraseSet(spec.yes ?? []);
      // The Han words right before and after a name, folded as the text they are compared with is.
      const han = (list: readonly string[] | undefined) => (list ?? []).filter((w) => HAN_CHAR.test(w)).map(foldString);
      c = {
        spec,
        not: not.size > 0 ? not : null,
        namesake: namesake.size > 0 ? namesake : null,
        yes: yes.size > 0 ? yes : null,
        hanNotAfter: han(spec.notAfter),
        hanNotBefore: han(spec.notBefore),
      };
      this.contextCache.set(entity, c);
    }
    return c;
  }

  /** Cheap rules for an ambiguous match. */
  private decide(text: string, r: Raw, page: PageState, raws: Raw[], accepted: boolean[]): Verdict {
    const id = this.data.ids[r.entity]!;
    const rule = ruleOf(r.rule)!;
    const [ss, se] = sentenceAround(text, r.start, r.end);
    const sentence = text.slice(ss, se);
    const headline = isAllCaps(sentence);
    const matched = text.slice(r.start, r.end);
    const { spec, not, namesake, yes } = this.contextOf(r.entity);

    // Ruled out: Roman numerals, other senses, parts of other names, national teams.
    if (r.numeral) {
      const lead = rules().numeralLead.test(text.slice(Math.max(0, r.start - 40), r.start));
      if (lead) return 'reject';
      if (matched === matched.toUpperCase() && !headline) return 'reject'; // "XI" in running text is a numeral
    }
    if (not || namesake) {
      const [ws, we] = windowAround(text, r.start, r.end);
      const around = text.slice(ws, we);
      if (not?.test(around)) return 'reject';
      // A page on a namesake town names it alone further down too ("the Moscow city council").
      if (namesake !== null && (page.namesakes?.has(id) || namesake.test(around))) {
        (page.namesakes ??= new Set()).add(id);
        return 'reject';
      }
    }
    if (this.otherName(text, r)) return rule === 'context' ? this.otherSense(text, r) : 'reject';
    if (this.isTeam(text, r)) return 'reject';

    if (rule === 'after-full-name') {
      if (!headline && startsAnotherName(text, r, ss, se)) return 'reject';
      if (page.seen.has(id)) return 'accept';
      const sharers = this.sharersOf(text, r);
      // A Chinese transliterated surname right after an office is the office-holder (俄罗斯副总理特鲁特涅夫), and a
      // surname after initials is written as a full name ("А. А. Громыко").
      if (
        sharers.length === 0 &&
        (afterHanTitle(text, r.start) || INITIALS_BEFORE.test(text.slice(Math.max(0, r.start - 8), r.start)))
      ) {
        return 'accept';
      }
      const named = sharers.filter((other) => page.seen.has(other));
      if (named.length !== 1) return 'defer';
      r.entity = this.idIndex.get(named[0]!)!;
      return 'accept';
    }
    if (rule === 'context') {
      const sharers = this.sharersOf(text, r);
      if (sharers.length > 0) return this.shared(text, r, [ss, se], sharers, page, raws, accepted);
    }
    // Named in full on the page supports every other rule too; a pending match is settled the same way
    // once the whole page is scanned (settleDeferred), so this never depends on the scanning order.
    if (page.seen.has(id)) return 'accept';
    if (rule === 'proper-noun' && !spec.yes && !spec.domain) return headline ? 'pending' : 'accept';

    // Supported: topical words in the sentence or its neighbours (what the resolver would accept it
    // on: taken at once, the probe's count of core mentions, the page's relevance, includes it), or
    // another unambiguous mention in the sentence.
    if (yes) {
      const [ws, we] = windowAround(text, r.start, r.end);
      if (yes.test(text.slice(ws, we))) return 'accept';
    }
    if (spec.yesBeforeName && HAN_CHAR.test(text.charAt(r.end)) && raws.some((o) => o.start === r.end)) return 'accept';
    const related = this.data.related[r.entity] ?? [];
    // A country's name in a sentence that names two other countries is the country: "Turkey,
    // Azerbaijan and Malaysia have applied to join".
    const country = this.data.team[r.entity] === true;
    let countries = 0;
    for (let k = 0; k < raws.length; k++) {
      const o = raws[k]!;
      if (o.start >= se) break;
      if (!accepted[k] || o.end <= ss || o.entity === r.entity) continue;
      if (!yes || related.includes(o.entity)) return 'accept';
      if (country && this.data.team[o.entity] && ++countries === 2) return 'accept';
    }
    if (!yes && rules().domainWords.test(sentence)) return 'accept';
    return 'pending';
  }

  /**
   * A shared name whose words right beside it rule out one sense is the other
   * sense where they are that sense's own words: 黑龙江境内 is not the river's
   * but the province's. Refused otherwise.
   */
  private otherSense(text: string, r: Raw): Verdict {
    // A name freed from a longer one that was refused (黑龙江 in 黑龙江省经贸促进会) is not read again.
    if (r.freed) return 'reject';
    const rest = text.slice(r.end, r.end + OTHER_SENSE_CHARS);
    const left = this.sharersOf(text, r)
      .map((id) => this.idIndex.get(id)!)
      .filter((e) => this.contextOf(e).yes?.test(rest) && !this.otherName(text, { ...r, entity: e }));
    if (left.length !== 1) return 'reject';
    r.entity = left[0]!;
    return 'accept';
  }

  /**
   * The other entities that share the alias matched by `r` under the same
   * rule: a surname ("Li": Li Qiang, Li Keqiang …) or a description ("foreign
   * ministry": China's, Russia's).
   */
  private sharersOf(text: string, r: Raw): string[] {
    if (this.sharedAliases === null) {
      const owners = new Map<string, string[]>();
      for (const [alias, entity, code] of this.data.entries) {
        if (code === 0) continue;
        const key = `${code} ${foldString(alias)}`;
        const list = owners.get(key);
        const id = this.data.ids[entity]!;
        if (!list) owners.set(key, [id]);
        else if (!list.includes(id)) list.push(id);
      }
      for (const [key, list] of owners) if (list.length < 2) owners.delete(key);
      this.sharedAliases = owners;
    }
    if (this.sharedAliases.size === 0) return [];
    // Folded as the matcher folds: 商務部 in traditional text is the alias 商务部.
    const list = this.sharedAliases.get(`${r.rule} ${foldString(text.slice(r.start, r.end))}`);
    const id = this.data.ids[r.entity];
    return list ? list.filter((other) => other !== id) : [];
  }

  /**
   * A description several entities share ("the foreign ministry") names the
   * one its sentence supports (its own words, or a related name accepted
   * there), or else the one the page has named in full; when that is not
   * exactly one, or a name or possessive qualifies it ("Japan's foreign
   * ministry"), it names none of ours.
   */
  private shared(
    text: string,
    r: Raw,
    [ss, se]: readonly [number, number],
    sharers: string[],
    page: PageState,
    raws: Raw[],
    accepted: boolean[],
  ): Verdict {
    const lead = text.slice(ss, r.start);
    if (QUALIFIED.test(lead) && !SENTENCE_START_WORD.test(lead)) return 'reject';
    const all = [r.entity, ...sharers.map((id) => this.idIndex.get(id)!)];
    // Where the senses are places, their own names elsewhere in the sentence are blanked: 省 in 黑龙江省
    // names the province there, which sets it apart from the 黑龙江 beside it. (An organ named in full,
    // 美国商务部, is the one its short name goes on to mean.)
    const sentence = blankSpans(
      text.slice(ss, se),
      raws.filter((o, k) => accepted[k] && o !== r && all.includes(o.entity) && this.data.place[o.entity] === true),
      ss,
    );
    // A gloss in brackets names one of them by another name, after the shared name or before it:
    // 黑龙江(俄称阿穆尔河) and 阿穆尔河(黑龙江) are the river.
    const glossed = all.filter((e) =>
      raws.some((o, k) => o.entity === e && accepted[k] && (glosses(text, r, o) || glosses(text, o, r))),
    );
    if (glossed.length === 1) {
      r.entity = glossed[0]!;
      return 'accept';
    }
    const supported = all.filter((e) => {
      if (this.contextOf(e).yes?.test(sentence)) return true;
      const related = this.data.related[e] ?? [];
      return raws.some((o, k) => accepted[k] && o.start < se && o.end > ss && related.includes(o.entity));
    });
    let chosen = supported.length > 0 ? supported : all.filter((e) => page.seen.has(this.data.ids[e]!));
    // Both senses supported: the one with more words of its own in the sentence (黑龙江 at the meeting of two rivers).
    if (chosen.length > 1) {
      const most = uniqueMost(chosen, (e) => this.contextOf(e).yes?.found(sentence).length ?? 0);
      if (most !== undefined) chosen = [most];
    }
    // Still both: the one with words of its own right beside the name (в провинции Хэйлунцзян, 黑龙江江底).
    if (chosen.length > 1) {
      const reach = HAN_CHAR.test(text.charAt(r.start)) ? SHARED_NEAR_HAN : SHARED_NEAR;
      const near = sentence.slice(Math.max(0, r.start - reach - ss), Math.min(se, r.end + reach) - ss);
      const beside = chosen.filter((e) => this.contextOf(e).yes?.test(near));
      if (beside.length === 1) chosen = beside;
    }
    if (chosen.length !== 1) return 'reject';
    r.entity = chosen[0]!;
    return 'accept';
  }

  /**
   * Whether a match is part of the name of another body (`longerNames` in
   * rules.json): a place that begins or ends one ("Moscow State University",
   * "Renmin University of China", 北京大学, 中国日报), or a name that another
   * ends ("Agricultural Bank of China" is not the Bank of China).
   */
  private inLongerName(text: string, r: Raw): boolean {
    if (r.start > 0 && INSTITUTION_WORDS.has(firstWord(text, r.start, r.end)) && afterName(text, r.start)) return true;
    // A Russian street, square or avenue named after a person or a place: ул. Бориса Ельцина, проспект Мира.
    if (RUSSIAN_STREET_BEFORE.test(text.slice(Math.max(0, r.start - 16), r.start))) return true;
    const place = this.data.place[r.entity] === true;
    // A body named after a person: the Yeltsin Center, Ельцин Центр.
    if (!place && this.ownNameKeys(r.entity) !== null) return startsLongerName(text, r.end);
    if (!place && !this.topicsOf(this.data.ids[r.entity]!).includes('geography')) return false;
    // A place's name between Chinese title marks is part of a work's title: the song 《莫斯科郊外的晚上》,
    // 〈北京一夜〉, and the title's translation in brackets right after it: (One Night in Beijing).
    if (
      place &&
      (inHanTitle(text, r.start, r.end) ||
        translatedTitle(text, r.start, r.end) ||
        repeatsHanTitle(text, r.start, r.end))
    ) {
      return true;
    }
    if (HAN_CHAR.test(text.charAt(r.end - 1))) {
      if (
        betweenLatinWords(text, r.start, r.end) ||
        listedHanName(text, r.end) ||
        quotedHanKind(text, r.start, r.end)
      ) {
        return true;
      }
      // A side (俄方银行) or a place after a word that counts (部分俄罗斯银行, 这家中国银行 …) begins a description.
      if (text.charAt(r.end - 1) === '方' || this.afterHanQuantifier(text, r.start)) return false;
      return this.hanNameGoesOnHere(text, r.end, !this.data.team[r.entity]) || this.beforeLongerPlaceName(text, r.end);
    }
    return (
      startsLongerName(text, r.end) ||
      foreignLatinName(text, r.start, r.end) ||
      endsInstitutionName(text, r.start) ||
      (place ? quotedName(text, r.start, r.end) || this.namedAfterKind(text, r) : quotedAfterKind(text, r.start))
    );
  }

  /**
   * Whether a Russian place's name in the nominative stands right after a word
   * for a named thing, unquoted: отеля Пекин, ресторан Москва are a hotel and a
   * restaurant. Another case is the place's own (лучшие рестораны Москвы).
   */
  private namedAfterKind(text: string, r: Raw): boolean {
    if (!CYRILLIC_UPPER.test(text.charAt(r.start))) return false;
    if (text.charAt(r.start - 1) !== ' ') return false;
    const before = adjacentWord(text, r.start, -1);
    if (before === null || before.at + before.word.length !== r.start - 1 || !isKindWord(before.word.toLowerCase())) {
      return false;
    }
    // A name that does not decline (РФ, КНР) says nothing of its case: компании РФ is Russia's company.
    const matched = text.slice(r.start, r.end);
    return russianForms(matched).length > 0 && !this.caseFormsOf(r.entity).has(foldString(matched));
  }

  /** The oblique case forms of an entity's Russian names (Пекина, России), folded. */
  private caseFormsOf(entity: number): ReadonlySet<string> {
    let forms = this.caseForms.get(entity);
    if (forms === undefined) {
      const found = new Set<string>();
      for (const [alias, e] of this.data.entries) {
        if (e !== entity || !CYRILLIC_UPPER.test(alias)) continue;
        for (const form of russianForms(alias)) found.add(foldString(form));
      }
      this.caseForms.set(entity, (forms = found));
    }
    return forms;
  }

  /** Whether a word that counts or points (部分, 所有, 这家) stands right before a Chinese name. */
  private afterHanQuantifier(text: string, start: number): boolean {
    const lead = foldString(text.slice(Math.max(0, start - 4), start));
    return HAN_QUANTIFIERS.some((word) => lead.endsWith(word));
  }

  /**
   * `hanNameGoesOn`, unless the word that ends the longer name ends another
   * entity's name that begins after this one: in 符拉迪沃斯托克出席东方经济论坛
   * the forum is the Eastern Economic Forum's, not Vladivostok's.
   */
  private hanNameGoesOnHere(text: string, end: number, city: boolean): boolean {
    const rest = hanRest(text, end);
    if (!hanNameGoesOn(rest, city)) return false;
    // The first word that can end a name; another name that holds it has it.
    let at = 0;
    while (at < rest.length && !HAN_NAME_ENDS.some((word) => rest.startsWith(word, at))) at++;
    return !this.matchAll(rest).some((m) => m.start > 0 && m.start <= at && at < m.end && m.entity < this.otherNames);
  }

  /**
   * Whether another place's name that begins a longer name follows right
   * after `end`: then the first place begins it too (莫斯科俄罗斯爱乐乐团,
   * the Russian Philharmonic of Moscow).
   */
  private beforeLongerPlaceName(text: string, end: number): boolean {
    if (!HAN_CHAR.test(text.charAt(end))) return false;
    const next = this.matchAll(text.slice(end, end + NEXT_PLACE_CHARS)).find(
      (m) => m.start === 0 && m.entity < this.otherNames && this.data.place[m.entity],
    );
    return next !== undefined && hanNameGoesOn(hanRest(text, end + next.end), !this.data.team[next.entity]);
  }

  /**
   * Whether the Chinese name of an organ of some bodies comes right after another country's name:
   * 俄罗斯海关总署 and 泰國海關總署 are Russia's and Thailand's customs, not China's. A country the
   * fact base does not hold is known by the 国 its short name ends with (我国, "our country", is China).
   */
  private anotherCountrysOrgan(text: string, r: Raw): boolean {
    const bodies = PART_OF[this.data.ids[r.entity]!];
    if (bodies === undefined || !HAN_CHAR.test(text.charAt(r.start - 1))) return false;
    // Only a country's organs: the heads of state council of the SCO's 成员国 is the SCO's.
    if (!bodies.some((id) => this.data.team[this.idIndex.get(id) ?? -1] === true)) return false;
    const lead = text.slice(Math.max(0, r.start - COUNTRY_BEFORE_CHARS), r.start);
    const country = this.matchAll(lead).find((m) => m.end === lead.length && this.data.team[m.entity] === true);
    if (country) return !bodies.includes(this.data.ids[country.entity]!);
    return HAN_COUNTRY_END.test(lead) && !OUR_COUNTRY.test(lead);
  }

  /** Local rules that show another sense or another name: "fine china", "Arctic Monkeys", "Peking duck". */
  private otherName(text: string, r: Raw): boolean {
    if (!r.freed && this.inLongerName(text, r)) return true;
    if (this.anotherCountrysOrgan(text, r)) return true;
    if (runsIntoHanName(text, r.end)) return true;
    if (this.data.place[r.entity] && SCORE_AFTER.test(text.slice(r.end, r.end + 12))) return true;
    if (this.anotherPersonsName(text, r)) return true;
    const { spec, hanNotAfter, hanNotBefore } = this.contextOf(r.entity);
    if (!spec.notAfter && !spec.notBefore && !spec.notBeforeName) return false;
    const before = wordBefore(text, r.start);
    const after = wordAfter(text, r.end);
    if (spec.notAfter && before && spec.notAfter.includes(before.toLowerCase())) return true;
    // Chinese runs on without spaces: a word in Han script is looked for right before the match.
    if (hanNotAfter.length > 0 && HAN_CHAR.test(text.charAt(r.start - 1))) {
      const lead = foldString(text.slice(Math.max(0, r.start - 12), r.start));
      if (hanNotAfter.some((w) => lead.endsWith(w))) return true;
    }
    if (spec.notBefore && after && spec.notBefore.includes(after.toLowerCase())) return true;
    // And right after it: 南海路 is a street, 东海岸 a coast.
    if (hanNotBefore.length > 0 && HAN_CHAR.test(text.charAt(r.end))) {
      const rest = foldString(text.slice(r.end, r.end + 12));
      if (hanNotBefore.some((w) => rest.startsWith(w))) return true;
    }
    // Only an ambiguous alias can be the start of another name ("Arctic Monkeys", not "Арктика").
    return (
      r.rule !== 0 &&
      !!spec.notBeforeName &&
      !!after &&
      /^\p{Lu}/u.test(after) &&
      !NAME_CONTINUATIONS.has(after.toLowerCase())
    );
  }
}

/** A name of one word, in letters (a surname alone, "Песков"); not Han, which has no spaces to tell names apart. */
const ONE_WORD_NAME = /^[\p{Script=Latin}\p{Script=Cyrillic}][\p{L}\p{M}'’-]*$/u;
const GIVEN_NAME = /^\p{Lu}\p{Ll}+$/u;
/** A word that may be (part of) a name: a capital, then a small letter, in one alphabetic script. */
const NAME_WORD = /^\p{Lu}\p{Ll}[\p{Lu}\p{Ll}\p{M}'’-]*$/u;
/** The dots between the parts of a transliterated name in Chinese (德米特里·梅德韦杰夫). */
const NAME_DOTS = /[·・•‧]/u;
/** A name in Latin letters in brackets right after a Chinese transliteration: 梅德韦杰夫(Daniil Medvedev). */
const LATIN_NAME_AFTER = /^\s*[（(]\s*((?:\p{Lu}\p{Ll}+\s+)+)\p{Lu}/u;

/**
 * Whether a transliterated surname in Chinese is followed by the name in
 * Latin letters in brackets with a given name whose key is none of `own`:
 * 梅德韦杰夫(Daniil Medvedev). (A dotted given name before it, 丹尼尔·梅德韦杰夫,
 * proves less: Chinese runs on without spaces, and transliterations vary.)
 */
function givenAnotherHanName(text: string, end: number, own: ReadonlySet<string>): boolean {
  const latin = LATIN_NAME_AFTER.exec(text.slice(end, end + 40));
  if (!latin) return false;
  // Any of the given names may be the one the person goes by (Matamela Cyril Ramaphosa).
  return !latin[1]!
    .trim()
    .split(/\s+/)
    .some((w) => own.has(givenNameKey(w.toLowerCase())));
}

/** A Russian patronymic between a given name and a surname (Сергеевич, Sergeyevich). */
const PATRONYMIC = /(?:вич|вна|вича|вичу|вичем|вны|ична|ичны|vich)$/u;
/**
 * What tells a given name in any case form and spelling: its first three
 * consonants (Дмитрий and Дмитрия; Aleksandr and Alexander, Yevgeny and
 * Evgeny, Sergei and Sergey).
 */
function givenNameKey(word: string): string {
  const consonants = word.replace(/x/g, 'ks').replace(/[aeiouyjаеёиоуыэюяйьъ]/g, '');
  return consonants.slice(0, GIVEN_NAME_CONSONANTS);
}
const GIVEN_NAME_CONSONANTS = 3;
/** From this share of capitalised words up, a sentence is a headline in title case, where capitals prove nothing. */
const TITLE_CASE_SHARE = 0.6;

/** Whether words are mostly capitalised, as a headline in title case is (none: not). */
function inTitleCase(words: readonly string[]): boolean {
  if (words.length === 0) return false;
  return words.filter((w) => UPPER_START.test(w)).length / words.length >= TITLE_CASE_SHARE;
}
const COMPANY_SUFFIXES: ReadonlySet<string> = new Set(LONGER_NAMES.companySuffixes);
const INSTITUTION_WORDS: ReadonlySet<string> = new Set(LONGER_NAMES.institutionWords);
/** Institution words and the words that end only a name a place's name is part of. */
const PLACE_NAME_WORDS: ReadonlySet<string> = new Set([
  ...LONGER_NAMES.institutionWords,
  ...LONGER_NAMES.placeNameWords,
]);
const CAPITALISED_WORD = /^\p{Lu}[\p{L}\p{Nd}&'’-]*[.,;:)?!]*$/u;
const UPPER_START = /^\p{Lu}/u;
/** Characters before an organ's Chinese name read for a country's name (塔吉克斯坦 is five). */
const COUNTRY_BEFORE_CHARS = 8;
const HAN_COUNTRY_END = /\p{Script=Han}[国國]$/u;
const OUR_COUNTRY = /[我本][国國]$/u;
/** How far after a shared name the words that rule out one sense are read for the other's (see `otherSense`). */
const OTHER_SENSE_CHARS = 4;
/** How near a shared name its own words settle a tie between its senses (characters either side). */
const SHARED_NEAR = 30;
const SHARED_NEAR_HAN = 10;

/** `part` (text from `offset`) with the text of `spans` replaced by spaces. */
function blankSpans(part: string, spans: readonly { start: number; end: number }[], offset: number): string {
  let out = part;
  for (const o of spans) {
    const a = Math.max(0, o.start - offset);
    const b = Math.min(out.length, o.end - offset);
    if (a < b) out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  }
  return out;
}

/** Whether `gloss` stands in brackets right after `name`, a few words of lead-in at most: 黑龙江(俄称阿穆尔河). */
function glosses(text: string, name: { end: number }, gloss: { start: number }): boolean {
  const between = text.slice(name.end, gloss.start);
  return gloss.start >= name.end && GLOSS_LEAD.test(between);
}
const GLOSS_LEAD = /^\s?[(（][^()（）\n]{0,12}$/u;

const HAN_CHAR = /\p{Script=Han}/u;
/** Words before a name that do not make it part of a longer one: "The Bank of China", "At Bank of China". */
const FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'but',
  'of',
  'at',
  'in',
  'on',
  'by',
  'for',
  'from',
  'to',
  'with',
  'as',
  'its',
  'their',
  'his',
  'her',
  'our',
  'this',
  'that',
  'both',
]);

/**
 * Whether the text after a place's name goes on as another body's name:
 * capitalised words ending with a company suffix within five words ("…
 * Yunze Technology Co Ltd"), or with an institution's word within three
 * ("… State University", "… Construction Bank").
 */
function startsLongerName(text: string, end: number): boolean {
  // The first of two names joined by a hyphen begins what the second does: the Russia-China Energy Business Forum.
  const joined = /^[-‐–][A-Z][\p{L}]*/u.exec(text.slice(end, end + 40));
  if (joined) end += joined[0].length;
  if (text.charCodeAt(end) !== 0x20 && text.charCodeAt(end) !== 0xa0) return false;
  // Most names go on with a word in lower case: no need to read further.
  if (!UPPER_START.test(text.charAt(end + 1))) return false;
  const words = text
    .slice(end, end + 80)
    // A Latin name in Chinese text ends where Chinese characters or punctuation go on: "(… Technology Co)、以及".
    .split(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef\n]/u, 1)[0]!
    .trim()
    .split(/[ \u00a0]+/, 6);
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    if (!CAPITALISED_WORD.test(word)) return false;
    const folded = word.replace(/[.,;:)?!]+$/, '').toLowerCase();
    if (COMPANY_SUFFIXES.has(folded) || (k < 3 && PLACE_NAME_WORDS.has(folded))) return true;
  }
  return false;
}

/**
 * A place's name in Latin letters that runs on into another capitalised Latin
 * word, in Russian or Chinese text, is part of a foreign name: "китайская
 * Shanghai Fudan Microelectronics" is a company.
 */
function foreignLatinName(text: string, start: number, end: number): boolean {
  if (!LATIN_START.test(text.charAt(start))) return false;
  const next = adjacentWord(text, end, 1)?.word;
  // Plain English capitals only: "Hēixiāzi Dǎo" is one name in Pinyin, not a name and another.
  if (next === undefined || !/^[A-Z][a-z]+$/.test(next) || FUNCTION_WORDS.has(next.toLowerCase())) return false;
  return CYRILLIC_OR_HAN.test(text.slice(Math.max(0, start - 30), start));
}

const LATIN_START = /\p{Script=Latin}/u;
const CYRILLIC_OR_HAN = /[\p{Script=Cyrillic}\p{Script=Han}]/u;

/** Whether a place's name ends an institution's: "Renmin University of China", "Bank of Russia" in a longer name. */
function endsInstitutionName(text: string, start: number): boolean {
  const of = adjacentWord(text, start, -1);
  if (of?.word !== 'of') return false;
  const word = adjacentWord(text, of.at, -1)?.word;
  return word !== undefined && UPPER_START.test(word) && PLACE_NAME_WORDS.has(word.toLowerCase());
}

const OPENING_QUOTES = new Set(['«', '„', '"', '“']);

/**
 * Whether a place's name is a named thing's: quoted right after a word for
 * one (крейсер «Москва», телеканал «Россия»); in guillemets that hold a name
 * of a few words, where Russian sets a place's name only as something else's
 * (в «России» было 2772 номера, «Тихоокеанская Россия»); or followed by a word
 * for one in brackets, as encyclopedias title it ("Россия (гостиница, Москва)").
 */
function quotedName(text: string, start: number, end: number): boolean {
  if (quotedAfterKind(text, start)) return true;
  const quoted = enclosed(text, start, end, '«', '»', QUOTED_NAME_MAX);
  if (quoted !== null && (quoted.match(/\p{L}[\p{L}\p{M}-]*/gu)?.length ?? 0) <= QUOTED_NAME_WORDS) return true;
  if (aloneInOtherQuotes(text, start, end)) return true;
  const bracketed = BRACKETED_KIND.exec(text.slice(end, end + 40));
  return bracketed !== null && isKindWord(bracketed[1]!.toLowerCase());
}

/**
 * Whether a Russian place's name alone fills the quotation marks that stand in
 * for guillemets ("Байкал", “Москва”): a drink, a restaurant, a team. Only
 * when the marks hug the name, as these marks open and close alike.
 */
function aloneInOtherQuotes(text: string, start: number, end: number): boolean {
  const close = OTHER_QUOTES[text.charAt(start - 1)];
  if (close === undefined || text.charAt(end) !== close || !CYRILLIC.test(text.charAt(start))) return false;
  return !LETTER_OR_DIGIT.test(text.charAt(start - 2)) && !LETTER_OR_DIGIT.test(text.charAt(end + 1));
}
const OTHER_QUOTES: Readonly<Record<string, string>> = { '"': '"', '“': '”', '„': '“' };
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Whether [start, end) stands in a work's title between Chinese title marks,
 * double or single: 《莫斯科郊外的晚上》, 〈北京一夜〉. A name alone in the marks is a
 * title only near a word for a work (歌, 电影): some writers set places in them
 * as in quotation marks (《符拉迪沃斯托克》附近海空域).
 */
function inHanTitle(text: string, start: number, end: number): boolean {
  const title =
    enclosed(text, start, end, '《', '》', HAN_TITLE_MAX) ?? enclosed(text, start, end, '〈', '〉', HAN_TITLE_MAX);
  if (title === null) return false;
  if (title.length > end - start) return true;
  const near = foldString(text.slice(Math.max(0, start - HAN_WORK_NEAR), end + HAN_WORK_NEAR));
  return HAN_WORK_WORDS.some((w) => near.includes(w));
}

/**
 * Whether [start, end) is part of words that the same text sets in title marks
 * elsewhere: 【莫斯科郊外的晚上】 or the bare title beside 《莫斯科郊外的晚上》,
 * or its opening words as far as the name and a word after it (莫斯科郊外歌词:
 * the song's lyrics).
 */
function repeatsHanTitle(text: string, start: number, end: number): boolean {
  if (text.indexOf('《') < 0) return false;
  const name = text.slice(start, end);
  for (const m of text.matchAll(HAN_TITLES_IN_TEXT)) {
    const title = m[1]!;
    if (title.length <= name.length) continue;
    for (let k = title.indexOf(name); k >= 0; k = title.indexOf(name, k + 1)) {
      if (start - k < 0) continue;
      if (text.startsWith(title, start - k)) return true;
      if (k === 0 && sameRun(text, end, title, name.length) >= TITLE_OPENING_AFTER) return true;
    }
  }
  return false;
}

/** How many characters of a title past a place's name its opening words repeat (莫斯科郊外 of 莫斯科郊外的晚上). */
const TITLE_OPENING_AFTER = 2;

/** How many characters of `text` from `at` equal those of `s` from `from`, Han characters only. */
function sameRun(text: string, at: number, s: string, from: number): number {
  let n = 0;
  while (from + n < s.length && text.charAt(at + n) === s.charAt(from + n) && HAN_CHAR.test(s.charAt(from + n))) n++;
  return n;
}
const HAN_TITLES_IN_TEXT = /《([^《》\n]{1,60})》/gu;

/** Whether [start, end) stands in brackets that directly follow a Chinese title: 〈北京一夜〉(One Night in Beijing). */
function translatedTitle(text: string, start: number, end: number): boolean {
  for (const [open, close] of [
    ['(', ')'],
    ['（', '）'],
  ] as const) {
    if (enclosed(text, start, end, open, close, HAN_TITLE_MAX) === null) continue;
    const at = text.lastIndexOf(open, start);
    const mark = text.charAt(at - 1);
    if (mark === '》' || mark === '〉') return true;
  }
  return false;
}

/** The longest title (in characters) a place's name may stand in: 《莫斯科郊外的晚上》. */
const HAN_TITLE_MAX = 60;
/**
 * How long a text in guillemets, and how many words, a place's name may stand
 * in as a named thing's name («Тихоокеанская Россия», «Единая Россия»); a
 * longer one is a quotation.
 */
const QUOTED_NAME_MAX = 40;
const QUOTED_NAME_WORDS = 3;

/**
 * The text between `open` and `close` around [start, end) on one line, at
 * most `max` characters long, or null when the match does not stand between them.
 */
function enclosed(text: string, start: number, end: number, open: string, close: string, max: number): string | null {
  let from = start;
  while (from > 0 && start - from < max) {
    const c = text.charAt(from - 1);
    if (c === open) break;
    if (c === close || c === '\n') return null;
    from--;
  }
  if (text.charAt(from - 1) !== open) return null;
  let to = end;
  while (to < text.length && to - from < max) {
    const c = text.charAt(to);
    if (c === close) return text.slice(from, to);
    if (c === open || c === '\n') return null;
    to++;
  }
  return null;
}

/** A name quoted right after a word for a named thing: крейсер «Москва». */
function quotedAfterKind(text: string, start: number): boolean {
  if (start === 0 || !OPENING_QUOTES.has(text.charAt(start - 1))) return false;
  const word = adjacentWord(text, start - 1, -1)?.word.toLowerCase();
  return word !== undefined && isKindWord(word);
}

/** A word for a named thing (`quotedAfter` in rules.json: beginnings of words). */
function isKindWord(word: string): boolean {
  return LONGER_NAMES.quotedAfter.some((stem) => word.startsWith(stem));
}

const BRACKETED_KIND = /^ ?\(([\p{L}-]+)/u;
const CYRILLIC_UPPER = /^[А-ЯЁ]/;
const SMALL_LETTER_FORMS: ReadonlySet<string> = new Set(
  SMALL_LETTER_NAMES.flatMap((name) => [name, ...russianForms(name)]).map(foldString),
);

/** A word for a street, a square or an avenue (or its abbreviation) right before a Russian name. */
const RUSSIAN_STREET_BEFORE =
  /(?:^|[^\p{L}])(?:ул\.|улиц[аеуы]|пр-т|просп\.|проспект[аеу]?|пл\.|пер\.|переул(?:ок|ке)|бульвар[аеу]?|наб\.|набережн(?:ая|ой|ую))\s*$/iu;

/** The first word of `text[start, end)`, folded. */
function firstWord(text: string, start: number, end: number): string {
  let k = start;
  while (k < end && /[\p{L}\p{M}]/u.test(text[k]!)) k++;
  return text.slice(start, k).toLowerCase();
}

/** Whether a capitalised word other than a function word or a title stands right before `start`: "Agricultural Bank". */
function afterName(text: string, start: number): boolean {
  const before = adjacentWord(text, start, -1)?.word;
  // A single letter, or letters of two scripts, make no name ("А Society for…" in Russian text).
  if (before === undefined || before.replace(/\p{M}/gu, '').length < 2 || !NAME_WORD.test(before)) {
    return false;
  }
  const folded = before.toLowerCase();
  return !FUNCTION_WORDS.has(folded) && !TITLE_WORDS.has(folded);
}

/**
 * A list of Chinese words folded (traditional characters to simplified), as
 * the text after a name is before they are looked for in it; longest first.
 */
const foldedHan = (list: readonly string[]) => [...new Set(list.map(foldString))].sort((a, b) => b.length - a.length);
const HAN_SUFFIXES = foldedHan(LONGER_NAMES.han);
const HAN_RIGHT_AFTER = foldedHan(LONGER_NAMES.hanRightAfter);
const HAN_CITY_RIGHT_AFTER = foldedHan(LONGER_NAMES.hanCityRightAfter);
const HAN_DESCRIPTIVE = foldedHan(LONGER_NAMES.hanDescriptive);
/** How far from a name alone in title marks a word for a work is looked for. */
const HAN_WORK_NEAR = 20;
const HAN_WORK_WORDS = foldedHan(LONGER_NAMES.hanWorkWords);
/**
 * The longest run of other characters a Chinese name may have between a place and its last word: a
 * founder's name and a title fit (莫斯科罗蒙诺索夫国立大学).
 */
const HAN_NAME_MIDDLE = 8;
const HAN_COMPANIES = foldedHan(LONGER_NAMES.hanCompanies);
const HAN_NAME_ENDINGS = foldedHan(LONGER_NAMES.hanNameEndings);
const HAN_QUANTIFIERS = foldedHan(LONGER_NAMES.hanQuantifiers);
/** Every word that ends a longer Chinese name (see `hanNameGoesOn`). */
const HAN_NAME_ENDS = [...new Set([...HAN_SUFFIXES, ...HAN_RIGHT_AFTER, ...HAN_CITY_RIGHT_AFTER, ...HAN_COMPANIES])];
/** As HAN_NAME_MIDDLE, before the ending of a company's name: a firm's own name and its trade come between. */
const HAN_COMPANY_MIDDLE = 6;
/** The same without a joiner in between: 天津西山福盛国际贸易有限公司. */
const HAN_COMPANY_LONG_MIDDLE = 10;

/**
 * Whether a place's name in Chinese begins another body's: characters that
 * end such a name follow (中国人民大学, 中國時報), at once only where the
 * place and the word make a name by themselves (中国日报, and 北京大学 for a
 * city: 中国大学 is "Chinese universities"). A joiner (的, 和) or punctuation
 * ends the run. `rest` is what follows the place (`hanRest`).
 */
function hanNameGoesOn(rest: string, city: boolean): boolean {
  return hanCompanyGoesOn(rest) || hanInstitutionGoesOn(rest, city);
}

/** What follows a Chinese name at `end`, as far as a longer name may run, folded like the word lists (中國時報 as 中国时报). */
function hanRest(text: string, end: number): string {
  return foldString(text.slice(end, end + HAN_NAME_MIDDLE + HAN_COMPANY_LONG_MIDDLE + 8));
}

/** One or two initials right before a name: "А. А. ", "A. ". */
const INITIALS_BEFORE = /(?:^|[^\p{L}])(?:\p{Lu}\.\s?){1,2}$/u;

/** Offices in Chinese (`titleWords` in Han script), folded, longest first. */
const HAN_TITLES = foldedHan([...TITLE_WORDS].filter((w) => HAN_CHAR.test(w)));

/** Whether an office in Chinese stands right before `start`, with the name written in Han too. */
function afterHanTitle(text: string, start: number): boolean {
  if (!HAN_CHAR.test(text.charAt(start)) || !HAN_CHAR.test(text.charAt(start - 1))) return false;
  const lead = foldString(text.slice(Math.max(0, start - 8), start));
  return HAN_TITLES.some((w) => lead.endsWith(w));
}

/** How far after a Chinese place's name another place's name is looked for (see `beforeLongerPlaceName`). */
const NEXT_PLACE_CHARS = 12;

/** Two shapes of one folded name, with the small letter wherever either has one. */
function smallerCase(a: string, b: string): string {
  if (a.length !== b.length) return a;
  let out = '';
  for (let k = 0; k < a.length; k++) out += isLower(b.charCodeAt(k)) ? b[k] : a[k];
  return out;
}

/**
 * A score right after a place's name makes it a side in a match: 天津3-1力克上海,
 * "Russia 2-1". Not a range of dates or numbers (3-5月, "3-4 июля") nor a time (10:30).
 */
const SCORE_AFTER = /^\s?\d{1,3}\s?(?:[-–比]\s?\d{1,3}|[:：]\s?\d)(?![\d年月日号號时時点點%％.,万萬亿億]|\s?\p{Ll})/u;

/** Whether a transliterated Russian name's ending, or a word for an order or prize, follows at once (卢布列夫, 涅夫斯基勋章). */
function runsIntoHanName(text: string, end: number): boolean {
  if (!HAN_CHAR.test(text.charAt(end)) || !HAN_CHAR.test(text.charAt(end - 1))) return false;
  const rest = foldString(text.slice(end, end + HAN_NAME_ENDINGS[0]!.length));
  return HAN_NAME_ENDINGS.some((ending) => rest.startsWith(ending));
}

/** A Chinese name with Latin letters touching it on both sides is part of a brand's: "Music Radio中国TOP排行榜". */
function betweenLatinWords(text: string, start: number, end: number): boolean {
  return LATIN_LETTER.test(text.charAt(start - 1)) && LATIN_LETTER.test(text.charAt(end));
}
const LATIN_LETTER = /[A-Za-z]/;

/** Chinese quotation marks, opening to closing. */
const HAN_QUOTES: Readonly<Record<string, string>> = { '「': '」', '『': '』', '“': '”' };
const HAN_QUOTED_KINDS = foldedHan(LONGER_NAMES.hanQuotedKinds);

/** A name that begins a Chinese quotation followed by a word for a named thing: 「遠東」管線, “北极牡丹”号 (a ship). */
function quotedHanKind(text: string, start: number, end: number): boolean {
  const close = HAN_QUOTES[text.charAt(start - 1)];
  if (close === undefined) return false;
  // The quoted name may go on past the match: “北极牡丹”号, a ship.
  let at = end;
  while (at < end + HAN_NAME_MIDDLE && HAN_CHAR.test(text.charAt(at))) at++;
  if (text.charAt(at) !== close) return false;
  // Folded, so the simplified words serve traditional text too (「遠東」管線).
  const after = foldString(text.slice(at + 1, at + 5));
  return HAN_QUOTED_KINDS.some((kind) => after.startsWith(kind));
}

/**
 * A stock code as market reports write it after a company's name: (01928.HK),
 * （601857.SH）, or the bare number （1378） where it cannot be a year.
 */
const STOCK_CODE = /^[(（](\d{4,6})(\.(?:HK|SH|SZ|SS))?[)）]/i;

/** A listed company's name, ended by its stock code: 金沙中國(01928.HK), 中国海外发展(00688.HK). */
function listedHanName(text: string, end: number): boolean {
  let k = end;
  while (k < text.length && k - end < HAN_NAME_MIDDLE && HAN_CHAR.test(text.charAt(k))) k++;
  const code = STOCK_CODE.exec(text.slice(k, k + 14));
  if (!code) return false;
  const year = code[1]!.length === 4 && Number(code[1]) >= 1800 && Number(code[1]) <= 2099;
  return code[2] !== undefined || !year;
}

/** A registered company's name (`rest`: what follows the place, folded): words, even joiners, up to its ending (北京和德宇航技术有限公司). */
function hanCompanyGoesOn(rest: string): boolean {
  const limit = Math.min(rest.length, HAN_COMPANY_LONG_MIDDLE + 1);
  let joined = false;
  for (let k = 0; k < limit; k++) {
    if (k > 0) {
      // A company's own name may hold Latin letters and digits (北京ABC科技有限公司), not punctuation.
      const c = rest.charAt(k - 1);
      if (!(HAN_CHAR.test(c) || /[a-z0-9]/.test(c))) return false;
      joined ||= LONGER_NAMES.hanJoiners.includes(c);
    }
    // A run with a joiner in it (北京将与多家…有限公司) is held to the shorter middle.
    if (joined && k > HAN_COMPANY_MIDDLE) return false;
    if (HAN_COMPANIES.some((suffix) => rest.startsWith(suffix, k))) return true;
  }
  return false;
}

/** An institution's name (`rest`: what follows the place, folded): 中国人民大学, 中国日报, 北京大学 for a city. */
function hanInstitutionGoesOn(rest: string, city: boolean): boolean {
  // A word that describes ("state", "small", "some") makes the run a description: 中国国有银行 is "China's state banks".
  if (HAN_DESCRIPTIVE.some((word) => rest.startsWith(word))) return false;
  const limit = Math.min(rest.length, HAN_NAME_MIDDLE + 1);
  for (let k = 0; k < limit; k++) {
    const c = rest.charAt(k);
    if (LONGER_NAMES.hanJoiners.includes(c) || !(HAN_CHAR.test(c) || (k > 0 && /[a-z0-9]/.test(c)))) return false;
    if (k === 0) {
      if (HAN_RIGHT_AFTER.some((word) => rest.startsWith(word))) return true;
      if (city && HAN_CITY_RIGHT_AFTER.some((word) => rest.startsWith(word))) return true;
      continue;
    }
    if (HAN_SUFFIXES.some((suffix) => rest.startsWith(suffix, k))) return true;
  }
  return false;
}

/** A possessive inside a match, and one right at an offset. */
const POSSESSIVE = /\p{L}['’]s\s/u;
const POSSESSIVE_AT = /^['’]s$/;
const HAN = /\p{Script=Han}/u;

/** A name or a possessive right before a description qualifies it ("Japan's foreign ministry", "the Indian Foreign Ministry"). */
const QUALIFIED = /(?:['’]s|\p{Lu}[\p{L}-]*)\s+$/u;
/** Only the sentence's first word before the match ("The foreign ministry said"). */
const SENTENCE_START_WORD = /^\s*\p{Lu}[\p{L}-]*\s+$/u;

/** Lower-case words that join the words of one name ("Power of Siberia", "Bank of Russia"). */
const NAME_JOINERS = new Set(['of', 'the', 'de', 'la', 'du', 'von', 'van']);

/**
 * Whether [start, end) is part of a longer capitalised name: a capitalised
 * word right next to it, or one across a joining particle ("Siberia" in "the
 * Power of Siberia pipeline"). Such a name names something else; a name
 * standing on its own in a phrase names itself ("Crimea" in "annexation of
 * Crimea", "Russia" in "China–Russia trade").
 */
function insideLongerName(text: string, start: number, end: number, within?: { start: number; end: number }): boolean {
  // Words of `within` (a title-cased phrase around the name) do not count: `at` is a word's far end.
  const before = adjacentWord(text, start, -1);
  if (before && within && before.at >= within.start) return insideLongerNameAfter(text, end, within);
  // A title before a name is not part of it ("President Xi Jinping"), nor the capitalised first word of
  // a sentence ("The", "Since").
  if (capital(before?.word ?? null)) {
    const word = before!.word.toLowerCase();
    if (!TITLE_WORDS.has(word) && !FUNCTION_WORDS.has(word) && !opensSentence(text, before!.at)) return true;
  }
  if (before && NAME_JOINERS.has(before.word) && capital(adjacentWord(text, before.at, -1)?.word ?? null)) return true;
  return insideLongerNameAfter(text, end, within);
}

/** The half of `insideLongerName` that reads what follows the name. */
function insideLongerNameAfter(text: string, end: number, within?: { start: number; end: number }): boolean {
  const after = adjacentWord(text, end, 1);
  if (!after || (within && after.at <= within.end)) return false;
  if (capital(after.word)) return true;
  return NAME_JOINERS.has(after.word) && capital(adjacentWord(text, after.at, 1)?.word ?? null);
}

/** Whether a word (if any) begins with a capital. */
function capital(word: string | null): boolean {
  return word !== null && UPPER_START.test(word);
}

/** Whether every word of a phrase of several words begins with a capital ("Russia-China Trade"). */
function titleCased(phrase: string): boolean {
  const words = phrase.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  return words.length > 1 && words.every(capital);
}

/** Whether a word at `at` opens a sentence: nothing before it, or an end of sentence, a break or an opening quote. */
function opensSentence(text: string, at: number): boolean {
  return at === 0 || SENTENCE_OPENS.test(text.slice(Math.max(0, at - 4), at));
}
const SENTENCE_OPENS = /[.!?:;\n"“«(]\s*$/u;

/**
 * The word next to `at` in direction `dir`, across one run of spaces only
 * (punctuation, dashes and possessives end a name), with the offset of its
 * far end; null when there is none.
 */
function adjacentWord(text: string, at: number, dir: 1 | -1): { word: string; at: number } | null {
  let k = dir === 1 ? at : at - 1;
  let spaces = 0;
  while (k >= 0 && k < text.length && (text[k] === ' ' || text[k] === '\u00a0')) {
    k += dir;
    spaces++;
  }
  if (spaces === 0) return null;
  const edge = k;
  while (k >= 0 && k < text.length && /[\p{L}\p{M}]/u.test(text[k]!)) k += dir;
  if (k === edge) return null;
  return dir === 1 ? { word: text.slice(edge, k), at: k } : { word: text.slice(k + 1, edge + 1), at: k + 1 };
}

/** Whether `k` starts a lone plural "s" right after a digit ("Su-35s"). */
function isPluralAfterDigit(text: string, k: number): boolean {
  const before = text.charCodeAt(k - 1);
  if (before < 0x30 || before > 0x39 || text.charCodeAt(k) !== 0x73) return false;
  return k + 1 >= text.length || !isWordChar(text.charCodeAt(k + 1));
}

/** A word and the comma or "и" that joins it to the next of coordinated names. */
const CONJUNCT_BEFORE = /(\p{L}[\p{L}-]*)(?:,\s*|\s+(?:и|and)\s+)$/u;

/** The longest line (on either side of a match), and the most words, taken for a tag or a menu entry. */
const SMALL_LINE_MAX = 60;
const SMALL_LINE_WORDS = 4;

/** Four-digit numbers not inside a word (a Chinese 年 may follow: "2023年"). */
const FOUR_DIGITS =
  /(?<![\p{N}\p{Script=Latin}\p{Script=Cyrillic}])(?:1\d|20)\d\d(?![\p{N}\p{Script=Latin}\p{Script=Cyrillic}])/gu;
/** What marks an earlier number as a year: "1689年", "в 1689 году", "in 1689". */
const YEAR_AFTER = /^(?:年|\s?(?:г\.|год|года|году|гг\.))/u;
const YEAR_BEFORE = /(?:^|[^\p{L}])(?:in|since|until|by|of|from|в|с|до|к)\s$/iu;

/**
 * The years written in `s`: 1900–2099 as they stand, earlier ones only where
 * the text marks them as years (a number such as "1500 troops" is not one).
 */
function yearsIn(s: string): number[] {
  const out: number[] = [];
  for (const m of s.matchAll(FOUR_DIGITS)) {
    const y = Number(m[0]);
    const at = m.index;
    if (y >= 1900 || YEAR_AFTER.test(s.slice(at + 4, at + 9)) || YEAR_BEFORE.test(s.slice(Math.max(0, at - 8), at)))
      out.push(y);
  }
  return out;
}

/** The one item that counts more than every other, and more than `floor`; undefined when there is none. */
function uniqueMost<T>(items: readonly T[], count: (item: T) => number, floor = -Infinity): T | undefined {
  const counts = items.map(count);
  const most = Math.max(...counts);
  if (most <= floor || counts.filter((c) => c === most).length !== 1) return undefined;
  return items[counts.indexOf(most)];
}

/** Whether `year` falls within the years of a dated phrase's time. */
function inYearsOf(dated: { from: string; to: string }, year: number): boolean {
  return year >= Number(dated.from.slice(0, 4)) && year <= Number(dated.to.slice(0, 4));
}

/**
 * Whether a dated phrase ("Xi's visit", "the joint statement") names its
 * event here. A year in its sentence decides: one within the event's years
 * accepts, only others refuse. Without one, a page dated in the event's time
 * accepts; else years in the sentences on either side decide as above (a
 * history tells its years once for several sentences, and a page of today
 * may tell of 1858); else a page dated otherwise refuses. With none of these,
 * null: undecided (see `dating`).
 */
function inTime(
  text: string,
  start: number,
  end: number,
  dated: { from: string; to: string },
  date: string | undefined,
): boolean | null {
  const { from, to } = dated;
  const inYears = (years: number[]) => years.some((y) => inYearsOf(dated, y));
  const [ss, se] = sentenceAround(text, start, end);
  const years = yearsIn(text.slice(ss, se));
  if (years.length > 0) return inYears(years);
  const onPage = date === undefined ? null : date >= from && date.slice(0, to.length) <= to;
  if (onPage === true) return true;
  const [ws, we] = windowAround(text, start, end);
  const near = yearsIn(text.slice(ws, we));
  return near.length > 0 ? inYears(near) : onPage;
}

/**
 * A one-word Latin short form directly followed by a capitalised word, in a
 * sentence that is not set in title case, begins somebody else's full name:
 * "Wang Wenbin" is not Wang Yi, "Mao Anying" is not Mao Zedong. (A possessive
 * or punctuation after the short form ends the name: "Xi's", "Wang, who".)
 */
function startsAnotherName(text: string, r: Raw, ss: number, se: number): boolean {
  if (!LATIN_WORD.test(text.slice(r.start, r.end))) return false;
  if (!isBlank(text.charCodeAt(r.end))) return false;
  const next = wordAfter(text, r.end);
  if (!next || !/^\p{Lu}/u.test(next)) return false;
  // Title case is judged on the rest of the sentence: its first word, the name and the word after it prove nothing.
  const nameEnd = text.indexOf(next, r.end) + next.length;
  const before = text.slice(ss, r.start).match(/\p{L}+/gu) ?? [];
  const rest = [...before.slice(1), ...(text.slice(nameEnd, se).match(/\p{L}+/gu) ?? [])];
  return rest.length > 0 && !inTitleCase(rest);
}

const LATIN_WORD = /^\p{Script=Latin}+$/u;

/** No lower-case letter and at least three capitals: a headline in capitals. */
function isAllCaps(s: string): boolean {
  let upper = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isLower(c)) return false;
    if (isUpper(c)) upper++;
  }
  return upper >= 3;
}

function isWordChar(c: number): boolean {
  const cls = classTable[c] === 0 ? (ensureChar(c), classTable[c]) : classTable[c];
  return cls === CLASS_WORD || cls === norm.CLASS_HAN;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The word right before `start` (across white space only), or null. */
function wordBefore(text: string, start: number): string | null {
  let e = start;
  while (e > 0 && isBlank(text.charCodeAt(e - 1))) e--;
  let b = e;
  while (b > 0 && e - b < 40 && isWordChar(text.charCodeAt(b - 1))) b--;
  return b < e ? text.slice(b, e) : null;
}

/** The word right after `end` (skipping a possessive 's and white space), or null. */
function wordAfter(text: string, end: number): string | null {
  let b = end;
  const c = text.charCodeAt(b);
  if ((c === 0x27 || c === 0x2019) && (text.charCodeAt(b + 1) === 0x73 || text.charCodeAt(b + 1) === 0x53)) b += 2;
  while (b < text.length && isBlank(text.charCodeAt(b))) b++;
  let e = b;
  while (e < text.length && e - b < 40 && isWordChar(text.charCodeAt(e))) e++;
  return b < e ? text.slice(b, e) : null;
}

export function createDetector(table: AliasTable, options: DetectorOptions = {}): Detector {
  return new Engine(table, {
    rules: options.rules ?? true,
    paraphrases: options.paraphrases ?? true,
    russianForms: options.russianForms ?? true,
  });
}
