/**
 * A block of page text as the annotator scans it, and where a mention found
 * in its text lies in the page: one text node and offsets in it.
 */
import type { Mention } from '../detect/types';
import { withinOneNode } from './detect-blocks';
import { isInsideMention, type MarkRequest } from './mark';
import type { TextBlock } from './text-blocks';

export type BlockPart = TextBlock['parts'][number];

export interface Block extends TextBlock {
  /**
   * Set while the block was read whole (`readPlain`) and its text nodes are
   * not listed yet: `parts` is empty until a scan finds something in it.
   */
  unit?: Element;
}

/**
 * Maps a mention in a block's text to one text node; null when it crosses
 * nodes (`withinOneNode`, the rule the command-line tool applies too), or when
 * the page changed the node's text since it was read.
 */
export function toRequest(block: Block, mention: Mention): MarkRequest | null {
  if (!withinOneNode(block, mention.start, mention.end)) return null;
  const parts = block.parts;
  let lo = 0;
  let hi = parts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = parts[mid]!;
    if (mention.start < p.start) hi = mid - 1;
    else if (mention.start >= p.end) lo = mid + 1;
    else {
      if (mention.end > p.end) return null;
      const node = p.node;
      const start = mention.start - p.start;
      const end = mention.end - p.start;
      // The text as it was read: the page may have changed the node while the scan was under way.
      const text = block.text.slice(mention.start, mention.end);
      if (node.data.slice(start, end) !== text || !node.parentNode || isInsideMention(node)) return null;
      return { node, start, end, id: mention.id, text };
    }
  }
  return null;
}
