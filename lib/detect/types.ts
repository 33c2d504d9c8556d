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
}

/** What detection remembers about the page being scanned. */
export interface PageState {
  /** Ids already mentioned unambiguously on this page (mutated by `scan`). */
  seen: Set<string>;
}

/** A match of an ambiguous alias that the cheap rules could not settle: the NLP resolver decides. */
export interface Candidate extends Mention {
  rule: AliasRule;
  /** The sentence (or a window of it) around the match, for the resolver. */
  context: string;
  /** Offset of `context` within the scanned text. */
  contextStart: number;
}

export interface ScanResult {
  /** Accepted mentions, sorted by start, not overlapping. */
  mentions: Mention[];
  /** Uncertain matches for the resolver, sorted by start; they never overlap a mention. */
  pending: Candidate[];
}

/** Decides the pending candidates: one boolean per candidate, true = accept. */
export type Resolver = (pending: Candidate[]) => Promise<boolean[]>;
