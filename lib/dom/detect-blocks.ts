/**
 * Runs the detector over text blocks: scans each block (cheap rules), sends
 * all uncertain candidates to the resolver in one batch, and keeps only
 * mentions that lie inside one text node, since a mark never crosses an
 * element boundary. Deferred short forms are settled once every block has
 * been scanned. Names nested in a descriptive phrase come out too, flagged
 * `nested` (they overlap their phrase). Shared by the content script and the
 * command-line tool.
 */
import type { Detector } from '../detect/detector';
import { settleDeferred } from '../detect/page-state';
import type { Candidate, Mention, PageState, Resolver } from '../detect/types';
import type { TextBlock } from './text-blocks';

export interface BlockMention {
  block: TextBlock;
  mention: Mention;
}

/** Whether [start, end) of the block's text lies inside a single text node. */
export function withinOneNode(block: TextBlock, start: number, end: number): boolean {
  let lo = 0;
  let hi = block.parts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const part = block.parts[mid]!;
    if (start < part.start) hi = mid - 1;
    else if (start >= part.end) lo = mid + 1;
    else return end <= part.end;
  }
  return false;
}

/** Mentions of all blocks in document order; offsets are within `block.text`. */
export async function detectBlocks(
  blocks: readonly TextBlock[],
  detector: Detector,
  page: PageState,
  resolve: Resolver,
): Promise<BlockMention[]> {
  const perBlock: BlockMention[][] = blocks.map(() => []);
  const pending: { index: number; block: TextBlock; candidate: Candidate }[] = [];
  const deferred: Candidate[] = [];
  const deferredAt = new Map<Candidate, number>();
  blocks.forEach((block, index) => {
    const result = detector.scan(block.text, page);
    for (const mention of result.mentions) perBlock[index]!.push({ block, mention });
    for (const mention of result.nested) perBlock[index]!.push({ block, mention });
    for (const candidate of result.pending) pending.push({ index, block, candidate });
    for (const candidate of result.deferred) {
      deferred.push(candidate);
      deferredAt.set(candidate, index);
    }
  });
  // Short forms count once the full name is anywhere on the page, before or after them.
  for (const candidate of settleDeferred(deferred, page)) {
    const index = deferredAt.get(candidate)!;
    const { id, start, end, text, nested } = candidate;
    const mention: Mention = nested ? { id, start, end, text, nested } : { id, start, end, text };
    perBlock[index]!.push({ block: blocks[index]!, mention });
  }
  // An uncertain candidate whose entity is named in full anywhere on the page needs no resolver.
  const supported = new Set(
    settleDeferred(
      pending.map((p) => p.candidate),
      page,
    ),
  );
  const accept = (p: { index: number; block: TextBlock; candidate: Candidate }) => {
    const { id, start, end, text } = p.candidate;
    perBlock[p.index]!.push({ block: p.block, mention: { id, start, end, text } });
  };
  const uncertain = pending.filter((p) => {
    if (!supported.has(p.candidate)) return true;
    accept(p);
    return false;
  });
  if (uncertain.length > 0) {
    const verdicts = await resolve(uncertain.map((p) => p.candidate));
    uncertain.forEach((p, k) => {
      if (verdicts[k] === true) accept(p);
      // A Chinese phrase refused still names what stands alone in it (lib/detect/types.ts `inner`).
      else for (const mention of p.candidate.inner ?? []) perBlock[p.index]!.push({ block: p.block, mention });
    });
  }
  const out: BlockMention[] = [];
  for (const list of perBlock) {
    list.sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end);
    for (const bm of list) if (withinOneNode(bm.block, bm.mention.start, bm.mention.end)) out.push(bm);
  }
  return out;
}
