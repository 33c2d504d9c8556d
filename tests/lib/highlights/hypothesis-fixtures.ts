/**
 * Hypothesis exports built for the tests, following the shape the Hypothesis
 * client documents for its JSON export (`export_date`, `export_userid`,
 * `client_version`, `annotations`) and for each annotation (the h API's
 * annotation object: `uri`, `text`, `tags`, `target[].selector`, `document`,
 * `created`, `updated`, `references` for replies). No real export is used.
 */

export const HYP_PAGE_URL = 'https://news.example.com/pipeline?utm_source=hypothesis#section-2';

/** The annotated page's text, from which quotes and their context are cut as the client does. */
export const HYP_PAGE_TEXT =
  'For more than a decade the two governments argued about the price of gas. ' +
  'The breakthrough came in May 2014, when Gazprom and CNPC finally signed a thirty-year supply contract ' +
  'worth about four hundred billion dollars. Deliveries through the Power of Siberia started in December 2019, ' +
  'and a second line through Mongolia has been under discussion ever since.';

/** Context Hypothesis keeps on each side of a quote. */
const CONTEXT = 32;

export interface HypAnnotation {
  id: string;
  created: string;
  updated: string;
  user: string;
  uri: string;
  text: string;
  tags: string[];
  group: string;
  permissions: { read: string[]; admin: string[]; update: string[]; delete: string[] };
  target: { source: string; selector?: Record<string, unknown>[] }[];
  document: { title: string[] | string };
  links: { html: string; incontext: string; json: string };
  user_info: { display_name: string | null };
  flagged: boolean;
  hidden: boolean;
  references?: string[];
}

let serial = 0;

/** A Hypothesis-style id: 22 characters of URL-safe base64. */
export function hypId(n = ++serial): string {
  return `Xk9${String(n).padStart(4, '0')}aBcD_eFgH-iJkLm`.slice(0, 22);
}

/** Quote and position selectors for `quote` in `text`, with 32 characters of context. */
export function selectorsFor(text: string, quote: string): Record<string, unknown>[] {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in the page: ${quote}`);
  const end = start + quote.length;
  return [
    {
      type: 'RangeSelector',
      startContainer: '/main[1]/p[2]',
      startOffset: 4,
      endContainer: '/main[1]/p[2]',
      endOffset: 9,
    },
    { type: 'TextPositionSelector', start, end },
    {
      type: 'TextQuoteSelector',
      exact: quote,
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
    },
  ];
}

/** One annotation of `quote` on the page; `over` replaces any field. */
export function hypAnnotation(quote: string | null, over: Partial<HypAnnotation> = {}): HypAnnotation {
  const id = over.id ?? hypId();
  const uri = over.uri ?? HYP_PAGE_URL;
  return {
    id,
    created: '2025-03-14T09:26:53.589793+00:00',
    updated: '2025-03-15T17:02:11.004120+00:00',
    user: 'acct:reader@hypothes.is',
    uri,
    text: '',
    tags: [],
    group: '__world__',
    permissions: {
      read: ['group:__world__'],
      admin: ['acct:reader@hypothes.is'],
      update: ['acct:reader@hypothes.is'],
      delete: ['acct:reader@hypothes.is'],
    },
    target: [quote === null ? { source: uri } : { source: uri, selector: selectorsFor(HYP_PAGE_TEXT, quote) }],
    document: { title: ['Pipeline diplomacy | News Example'] },
    links: {
      html: `https://hypothes.is/a/${id}`,
      incontext: `https://hyp.is/${id}/news.example.com/pipeline`,
      json: `https://hypothes.is/api/annotations/${id}`,
    },
    user_info: { display_name: 'A Reader' },
    flagged: false,
    hidden: false,
    ...over,
  };
}

/** The file the Hypothesis client's "Export" writes. */
export function hypExport(annotations: unknown[]): string {
  return JSON.stringify(
    {
      export_date: '2025-04-01T08:00:00.000Z',
      export_userid: 'acct:reader@hypothes.is',
      client_version: '1.1600.0',
      annotations,
    },
    null,
    2,
  );
}
