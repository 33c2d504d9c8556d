/**
 * Text fragment links (`#:~:text=`), which scroll a supporting browser to the
 * quote and highlight it. Pure module.
 */

/** A quote of more words than this is linked by its first and last words. */
const SHORT_QUOTE_WORDS = 8;
/** Words taken from each end of a long quote. */
const EDGE_WORDS = 4;
/** Words of context used to tell repeated quotes apart. */
const CONTEXT_WORDS = 3;

/** Encodes a fragment term; `-`, `,` and `&` are syntax inside the directive. */
function encodeTerm(s: string): string {
  return encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

export function textFragmentUrl(pageUrl: string, quote: { exact: string; prefix: string; suffix: string }): string {
  const base = pageUrl.split('#')[0] ?? pageUrl;
  const exactWords = words(quote.exact);
  if (!exactWords.length) return base;
  const parts: string[] = [];
  // Context is only usable when it meets the quote at a word boundary.
  const prefixWords = /\s$/.test(quote.prefix) ? words(quote.prefix).slice(-CONTEXT_WORDS) : [];
  const suffixWords = /^\s/.test(quote.suffix) ? words(quote.suffix).slice(0, CONTEXT_WORDS) : [];
  if (prefixWords.length) parts.push(`${encodeTerm(prefixWords.join(' '))}-`);
  if (exactWords.length <= SHORT_QUOTE_WORDS) {
    parts.push(encodeTerm(exactWords.join(' ')));
  } else {
    parts.push(encodeTerm(exactWords.slice(0, EDGE_WORDS).join(' ')));
    parts.push(encodeTerm(exactWords.slice(-EDGE_WORDS).join(' ')));
  }
  if (suffixWords.length) parts.push(`-${encodeTerm(suffixWords.join(' '))}`);
  return `${base}#:~:text=${parts.join(',')}`;
}
