/**
 * The look of `<lens-mention>`. In Chromium's isolated world `customElements`
 * is null, so the element stays an unknown inline element: it is styled only
 * through element/attribute selectors in one `<style data-lens-style>` per
 * document or open shadow root. Nothing here changes layout: no padding,
 * border, margin, font or line-height of our own; hostile page rules on `*`
 * are neutralised so the text sits exactly where it sat before.
 */
import type { MarkStyle } from '../settings/model';
import { MENTION_SELECTOR } from './mark';

export const STYLE_ATTR = 'data-lens-style';

/** Keeps page rules such as `* { padding: 4px !important }` off our element. */
const NEUTRAL =
  'display:inline!important;margin:0!important;padding:0!important;border:0!important;' +
  'font:inherit!important;line-height:inherit!important;letter-spacing:inherit!important;' +
  'color:inherit!important;float:none!important;position:static!important;' +
  'box-shadow:none!important;outline-offset:1px;';

const UNDERLINE =
  'text-decoration-line:underline!important;text-decoration-style:dotted!important;' +
  'text-decoration-thickness:1.5px!important;text-underline-offset:0.18em!important;';
const NO_DECORATION = 'text-decoration:none!important;background:none!important;';
/** A light amber that reads on white and dark pages alike. */
const TINT = 'background-color:rgba(240,170,20,0.22)!important;border-radius:2px;';

/** CSS text for the chosen style. */
export function markCss(style: MarkStyle): string {
  const s = MENTION_SELECTOR;
  const base = `${s}{${NEUTRAL}cursor:help;}`;
  switch (style) {
    case 'tint':
      return `${base}${s}{${NO_DECORATION}${TINT}}`;
    case 'hover':
      return `${base}${s}{${NO_DECORATION}}${s}:hover,${s}:focus-visible{${UNDERLINE}}`;
    case 'underline':
    default:
      return `${base}${s}{background:none!important;${UNDERLINE}}`;
  }
}

/** Where a style element for a root goes: the head of a document, or the shadow root itself. */
function styleParent(root: Document | ShadowRoot): Node | null {
  if (root.nodeType === 9) {
    const doc = root as Document;
    return doc.head ?? doc.documentElement;
  }
  return root;
}

/** Puts (or updates) our one style element in a document or shadow root. */
export function ensureMarkStyle(root: Document | ShadowRoot, style: MarkStyle): HTMLStyleElement | null {
  const css = markCss(style);
  const existing = findStyle(root);
  if (existing) {
    if (existing.textContent !== css) existing.textContent = css;
    return existing;
  }
  const parent = styleParent(root);
  if (!parent) return null;
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return null;
  const el = doc.createElement('style');
  el.setAttribute(STYLE_ATTR, '');
  el.textContent = css;
  parent.appendChild(el);
  return el;
}

function findStyle(root: Document | ShadowRoot): HTMLStyleElement | null {
  const parent = styleParent(root);
  if (!parent) return null;
  for (let c = parent.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).hasAttribute(STYLE_ATTR)) return c as HTMLStyleElement;
  }
  return null;
}

/** Removes our style element from a document or shadow root. */
export function removeMarkStyle(root: Document | ShadowRoot): void {
  findStyle(root)?.remove();
}
