/**
 * CSV export (RFC 4180: every field quoted, CRLF line ends, UTF-8 with a byte
 * order mark so spreadsheets read Cyrillic and Chinese correctly). Cells that
 * a spreadsheet would run as a formula are prefixed with an apostrophe.
 * Pure module.
 */
import type { Highlight } from './model';
import { textFragmentUrl } from './text-fragment';

export const CSV_COLUMNS = [
  'id',
  'url',
  'original_url',
  'title',
  'quote',
  'note',
  'entities',
  'status',
  'created',
  'updated',
  'link',
] as const;

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function exportCsv(highlights: readonly Highlight[]): string {
  const rows = [CSV_COLUMNS.map(cell).join(',')];
  for (const h of highlights) {
    rows.push(
      [
        h.id,
        h.url,
        h.originalUrl,
        h.title,
        h.anchor.quote.exact,
        h.note,
        h.entities.join('; '),
        h.status,
        h.created,
        h.updated,
        textFragmentUrl(h.originalUrl, h.anchor.quote),
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
