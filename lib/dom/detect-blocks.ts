/**
 * Runs the detector over text blocks: scans each block (cheap rules), sends
 * all uncertain candidates to the resolver in one batch, and keeps only
 * mentions that lie inside one text node, since a mark never crosses an
 * element boundary. Shared by the content script and the command-line tool.
 */
import type { Detector } from '../detect/detector';
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
  blocks.forEach((block, index) => {
    const result = detector.scan(block.text, page);
    for (const mention of result.mentions) perBlock[index]!.push({ block, mention });
    for (const candidate of result.pending) pending.push({ index, block, candidate });
  });
  if (pending.length > 0) {
    const verdicts = await resolve(pending.map((p) => p.candidate));
    pending.forEach((p, k) => {
      if (verdicts[k] !== true) return;
      const { id, start, end, text } = p.candidate;
      perBlock[p.index]!.push({ block: p.block, mention: { id, start, end, text } });
    });
  }
  const out: BlockMention[] = [];
  for (const list of perBlock) {
    list.sort((a, b) => a.mention.start - b.mention.start);
    for (const bm of list) if (withinOneNode(bm.block, bm.mention.start, bm.mention.end)) out.push(bm);
  }
  return out;
}
