/**
 * Text extraction shared by the content script and the command-line tool:
 * the readable text nodes under a root, grouped into blocks (the runs of text
 * between block-level boundaries) so that a sentence split across inline
 * elements is scanned as one text and ambiguous names get their context.
 *
 * Skipped: form fields, editable regions, scripts, styles, code, SVG, MathML,
 * templates, our own `lens-*` elements (so marking twice changes nothing) and
 * whatever `isOwnUi` claims. Works on any DOM (Chromium, happy-dom): it only
 * uses node types, names, attributes and child links, never layout.
 */

export interface TextBlock {
  /** The concatenated data of the block's text nodes. */
  text: string;
  /** Each text node and the range of `text` it holds, in document order, contiguous. */
  parts: { node: Text; start: number; end: number }[];
}

export interface CollectOptions {
  /** Our own UI (cards, panels) to leave alone. */
  isOwnUi?: (el: Element) => boolean;
}

const SKIPPED = new Set([
  'input',
  'textarea',
  'select',
  'option',
  'script',
  'style',
  'noscript',
  'code',
  'pre',
  'svg',
  'math',
  'template',
  'iframe',
  'object',
  'canvas',
  'kbd',
  'samp',
]);

/** Elements that end a run of text: blocks, table cells, list items, line breaks. */
const BOUNDARIES = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'button',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'img',
  'label',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'ul',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Whether detection must never look inside `el`. */
export function isSkippedElement(el: Element, isOwnUi?: (el: Element) => boolean): boolean {
  const name = el.localName;
  if (SKIPPED.has(name) || name.startsWith('lens-')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return isOwnUi ? isOwnUi(el) : false;
}

/**
 * Inline elements that extraction reads straight through: not skipped, not a
 * boundary, not ours, and (but for `span`) unable to host a shadow root.
 */
const PLAIN_INLINE = 'a,abbr,b,bdi,bdo,cite,data,del,dfn,em,font,i,ins,mark,q,s,small,span,strong,sub,sup,time,u,var';
/** Any descendant that is not plain inline text, or is editable. */
const NOT_PLAIN = `:not(${PLAIN_INLINE}),[contenteditable]`;

/**
 * The text `collectTextBlocks(el)` would read, when `el` holds nothing but
 * text and plain inline elements; null otherwise. Native calls only (a
 * selector match and `textContent`, plus a look at each `span`, the one plain
 * element that can host a shadow root), so a long page's paragraphs are read
 * without touching each of their nodes from script; the caller lists the
 * nodes only of the paragraphs whose text turns out to hold a mention.
 */
export function readPlainUnit(el: Element): string | null {
  return isPlainUnit(el) ? el.textContent : null;
}

function isPlainUnit(el: Element): boolean {
  if (isSkippedElement(el) || el.shadowRoot || el.querySelector(NOT_PLAIN) !== null) return false;
  // Most paragraphs have no span: one more selector match, and no list object for them.
  if (el.querySelector('span') !== null) {
    for (const span of el.querySelectorAll('span')) if (span.shadowRoot) return false;
  }
  return true;
}

/**
 * The block `collectTextBlocks(el)` would return for a unit that `readPlainUnit`
 * reads whole: its text nodes, listed by a native walker over text nodes only.
 * Null when the unit no longer holds only plain inline content, or no text.
 */
export function listPlainUnit(el: Element): TextBlock | null {
  if (!isPlainUnit(el)) return null;
  const parts: TextBlock['parts'] = [];
  let length = 0;
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Only lengths here: the block's text is the unit's textContent, the same text nodes' data
    // in the same order, built natively in one call instead of one string per node.
    const n = (node as Text).length;
    if (n === 0) continue;
    parts.push({ node: node as Text, start: length, end: length + n });
    length += n;
  }
  return parts.length > 0 ? { text: el.textContent ?? '', parts } : null;
}

/** Exit marker on the walk stack: the block element whose children were all visited. */
const EXIT_BLOCK = null;

export function collectTextBlocks(root: Node, options: CollectOptions = {}): TextBlock[] {
  const blocks: TextBlock[] = [];
  let parts: TextBlock['parts'] = [];
  let text = '';
  const flush = () => {
    if (parts.length > 0 && /\S/.test(text)) blocks.push({ text, parts });
    parts = [];
    text = '';
  };

  const stack: (Node | typeof EXIT_BLOCK)[] = [];
  const pushChildren = (n: Node) => {
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  };
  if (root.nodeType === TEXT_NODE) stack.push(root);
  else if (root.nodeType === ELEMENT_NODE && isSkippedElement(root as Element, options.isOwnUi)) return blocks;
  else pushChildren(root);

  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === EXIT_BLOCK) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length === 0) continue;
      parts.push({ node: node as Text, start: text.length, end: text.length + data.length });
      text += data;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    const boundary = BOUNDARIES.has(el.localName);
    if (isSkippedElement(el, options.isOwnUi)) {
      if (boundary) flush();
      continue;
    }
    if (boundary) {
      flush();
      stack.push(EXIT_BLOCK);
    }
    pushChildren(el);
  }
  flush();
  return blocks;
}
