import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS, exportCsv } from '../../../lib/highlights/export-csv';
import { exportMarkdown } from '../../../lib/highlights/export-markdown';
import { textFragmentUrl } from '../../../lib/highlights/text-fragment';
import { makeHighlights } from './fixtures';

/** A small RFC 4180 reader, to check the CSV export parses back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('text fragment links', () => {
  test('short quote with word-boundary context', () => {
    expect(
      textFragmentUrl('https://x.example/a#old', {
        exact: 'Power of Siberia',
        prefix: 'signed the ',
        suffix: ' contract in',
      }),
    ).toBe('https://x.example/a#:~:text=signed%20the-,Power%20of%20Siberia,-contract%20in');
  });

  test('long quote is linked by its first and last words; dashes and commas are encoded', () => {
    const url = textFragmentUrl('https://x.example/a', {
      exact: 'one two three four five six seven eight nine ten-eleven, twelve',
      prefix: 'mid',
      suffix: 'dle',
    });
    expect(url).toBe('https://x.example/a#:~:text=one%20two%20three%20four,eight%20nine%20ten%2Deleven%2C%20twelve');
  });
});

describe('Markdown export', () => {
  const highlights = makeHighlights(12, 3);
  const md = exportMarkdown(highlights, new Date('2026-11-28T12:00:00Z'));

  test('groups by page and carries quote, note, link, date and entities', () => {
    expect(md.match(/^## /gm)?.length).toBe(3);
    const h = highlights[0]!;
    expect(md).toContain(`saved ${h.created.slice(0, 10)}`);
    expect(md).toContain('#:~:text=');
    expect(md).toContain(`entities: ${h.entities.join(', ')}`);
    expect(md).toContain('Exported 2026-11-28 · 12 highlights');
  });

  test('page and reader text cannot become markup', () => {
    expect(md).not.toContain('<b>');
    expect(md).toContain('\\<b\\>not html\\</b\\>');
    expect(md).toContain('\\<more\\>');
  });
});

describe('CSV export', () => {
  const highlights = makeHighlights(20);
  const csv = exportCsv(highlights);

  test('parses back to one row per highlight with the quote and note intact', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(21);
    rows.slice(1).forEach((row, i) => {
      const h = highlights[i]!;
      expect(row[0]).toBe(h.id);
      expect(row[4]).toBe(h.anchor.quote.exact);
      expect(row[5]).toBe(h.note.startsWith('=') ? `'${h.note}` : h.note);
      expect(row[6]).toBe(h.entities.join('; '));
    });
  });

  test('a cell a spreadsheet would run as a formula is defused', () => {
    const [h] = makeHighlights(1);
    const rows = parseCsv(
      exportCsv([{ ...h!, note: '=HYPERLINK("http://evil")', title: '+1', entities: [] }]).slice(1),
    );
    expect(rows[1]![5]).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows[1]![3]).toBe(`'+1`);
  });
});
