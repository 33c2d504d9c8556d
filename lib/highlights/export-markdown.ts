/**
 * Markdown export: highlights grouped by page, each with its quote, note,
 * a `#:~:text=` link back to the passage, the date and the entities. Page and
 * reader text is escaped so it shows as written and never becomes markup.
 * Pure module.
 */
import type { Highlight } from './model';
import { groupByPage } from './query';
import { textFragmentUrl } from './text-fragment';

/** Characters with a meaning anywhere in a Markdown line (HTML included). */
function escapeInline(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** Escapes a line, including what is special only at its start (headings, lists, quotes). */
function escapeLine(line: string): string {
  return escapeInline(line)
    .replace(/^(\s*)([#+\->=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

function escapeBlock(text: string, linePrefix: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `${linePrefix}${escapeLine(line)}`.trimEnd())
    .join('\n');
}

/** Link targets go in angle brackets, so only these need encoding. */
function linkTarget(url: string): string {
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

export function exportMarkdown(highlights: readonly Highlight[], generated = new Date()): string {
  const out: string[] = [
    '# Eurasia Lens highlights',
    '',
    `Exported ${generated.toISOString().slice(0, 10)} · ${highlights.length} highlight${highlights.length === 1 ? '' : 's'}`,
  ];
  for (const group of groupByPage(highlights)) {
    out.push('', `## ${escapeLine(group.title || group.url)}`, '', linkTarget(group.url));
    for (const h of group.highlights) {
      out.push('', escapeBlock(h.anchor.quote.exact, '> '), '');
      if (h.note) out.push(escapeBlock(`Note: ${h.note}`, ''), '');
      const meta = [
        `[Open at the passage](${linkTarget(textFragmentUrl(h.originalUrl, h.anchor.quote))})`,
        `saved ${h.created.slice(0, 10)}`,
      ];
      if (h.entities.length) meta.push(`entities: ${h.entities.map(escapeInline).join(', ')}`);
      if (h.status === 'orphan') meta.push('not found on the page when last opened');
      out.push(meta.join(' · '));
    }
  }
  return `${out.join('\n')}\n`;
}
