/**
 * Shared types of the detection engine. Pure module: no DOM, no browser APIs.
 */
import type { AliasRule } from '../factbase/schema';

export type { AliasRule };

/** One mention of an entity: offsets into the scanned text (`end` exclusive). */
export interface Mention {
  id: string;
  start: number;
  end: number;
  text: string;
  /**
   * Set on a name inside a longer descriptive phrase that is itself a mention
   * ("Ukraine" in "Russia's invasion of Ukraine"): it may overlap the outer
   * mention, which alone carries the mark on a page.
   */
  nested?: true;
}

/** What detection remembers about the page being scanned. */
export interface PageState {
  /** Ids already mentioned unambiguously on this page (mutated by `scan`). */
  seen: Set<string>;
  /** The page's publication date (YYYY-MM-DD or YYYY-MM), when it has one: dated phrases are read against it. */
  date?: string;
  /** Abbreviations the page has defined for an entity ("Central Bank of Russia (CBR)"): abbreviation → id. */
  abbreviations?: Map<string, string>;
  /**
   * People whose one-word name the page has given to someone else ("Василий Песков"), and places
   * whose name the page has given to a namesake ("Moscow, Idaho"): the name alone is not theirs.
   */
  namesakes?: Set<string>;
}

/** A match of an ambiguous alias that the cheap rules could not settle: the NLP resolver decides. */
export interface Candidate extends Mention {
  rule: AliasRule;
  /** The sentence (or a window of it) around the match, for the resolver. */
  context: string;
  /** Offset of `context` within the scanned text. */
  contextStart: number;
  /**
   * Other entities a short form may stand for (a surname several people
   * share): settling gives it the one of them the page names in full.
   */
  alternatives?: string[];
  /**
   * A word in capitals waiting for the page to define it as an abbreviation
   * (lib/detect/abbreviations.ts); its id is empty until then.
   */
  abbreviation?: true;
  /**
   * The names inside a Chinese phrase that stand alone (俄罗斯 in 俄罗斯石油,
   * Rosneft or "Russian oil"): what the text still names if the resolver
   * refuses the phrase. Never sent to the resolver.
   */
  inner?: Mention[];
}

export interface ScanResult {
  /** Accepted mentions, sorted by start, not overlapping. */
  mentions: Mention[];
  /**
   * Uncertain matches for the resolver, sorted by start; they never overlap a
   * mention. Once the page is scanned, those that `settleDeferred` returns
   * (their entity is named in full somewhere on the page) are mentions without
   * asking the resolver.
   */
  pending: Candidate[];
  /**
   * Matches rejected only because their entity is not (yet) in `page.seen`
   * (short forms accepted once the full name appears anywhere on the page),
   * sorted by start. Settle them with `settleDeferred` once the whole page
   * has been scanned, so the result does not depend on the scanning order.
   */
  deferred: Candidate[];
  /**
   * Accepted names inside descriptive phrases of `mentions` (see
   * `Mention.nested`), sorted by start. Their uncertain short forms wait in
   * `deferred` like any other, flagged `nested`.
   */
  nested: Mention[];
}

/** Decides the pending candidates: one boolean per candidate, true = accept. */
export type Resolver = (pending: Candidate[]) => Promise<boolean[]>;
