/**
 * The preview paragraph comes from a message string in which mentions are
 * written `[entity-id|text]`. Parsed into plain segments (never HTML).
 */
export type SampleSegment = { text: string } | { text: string; id: string };

const MARKER = /\[([a-z0-9-]+)\|([^\]]+)\]/g;

export function parseSample(message: string): SampleSegment[] {
  const out: SampleSegment[] = [];
  let last = 0;
  for (const match of message.matchAll(MARKER)) {
    const index = match.index ?? 0;
    if (index > last) out.push({ text: message.slice(last, index) });
    out.push({ id: match[1]!, text: match[2]! });
    last = index + match[0].length;
  }
  if (last < message.length) out.push({ text: message.slice(last) });
  return out;
}

/** Which mentions the density setting marks: the first `limit` of each entity (Infinity for all). */
export function markedIndexes(segments: readonly SampleSegment[], limit: number): Set<number> {
  const seen = new Map<string, number>();
  const marked = new Set<number>();
  segments.forEach((segment, index) => {
    if (!('id' in segment)) return;
    const n = seen.get(segment.id) ?? 0;
    if (n < limit) marked.add(index);
    seen.set(segment.id, n + 1);
  });
  return marked;
}
