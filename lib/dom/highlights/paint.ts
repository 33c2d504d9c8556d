/**
 * Painting saved highlights: each covered text piece is wrapped in
 * `<lens-highlight data-highlight-id="ID">` with a background tint (entity
 * marks use an underline, so the two stay distinguishable). Unpainting puts
 * the text back and merges the pieces we split.
 */
import { offsetsToSegments, type TextMap } from './text-map';

export const HIGHLIGHT_TAG = 'lens-highlight';
export const HIGHLIGHT_ID_ATTR = 'data-highlight-id';
/** The tint: a warm yellow that reads on light and dark pages, and never hides the text. */
const TINT = 'rgba(255, 214, 10, 0.38)';

export function isHighlightElement(node: Node | null): node is HTMLElement {
  return !!node && node.nodeType === 1 && (node as Element).localName === HIGHLIGHT_TAG;
}

/** Wraps [start, end) of the map's text; returns the wrappers (none if nothing could be wrapped). */
export function paintHighlight(map: TextMap, start: number, end: number, id: string): HTMLElement[] {
  const wrappers: HTMLElement[] = [];
  for (const seg of offsetsToSegments(map, start, end)) {
    let node = seg.node;
    const parent = node.parentNode;
    if (!parent) continue;
    if (
      !node.data.slice(seg.start, seg.end).trim() &&
      parent.nodeType === 1 &&
      /^(TABLE|TBODY|THEAD|TR|UL|OL|DL|SELECT)$/i.test((parent as Element).tagName)
    ) {
      continue; // layout whitespace between rows or items cannot hold an inline element
    }
    if (seg.end < node.data.length) node.splitText(seg.end);
    if (seg.start > 0) node = node.splitText(seg.start);
    const wrapper = node.ownerDocument.createElement(HIGHLIGHT_TAG);
    wrapper.setAttribute(HIGHLIGHT_ID_ATTR, id);
    wrapper.style.backgroundColor = TINT;
    wrapper.style.color = 'inherit';
    wrapper.style.borderRadius = '2px';
    node.parentNode!.insertBefore(wrapper, node);
    wrapper.appendChild(node);
    wrappers.push(wrapper);
  }
  return wrappers;
}

/** Removes the wrappers of one highlight (or of all, without an id). */
export function unpaintHighlights(root: ParentNode, id?: string): number {
  const selector = id === undefined ? HIGHLIGHT_TAG : `${HIGHLIGHT_TAG}[${HIGHLIGHT_ID_ATTR}="${CSS.escape(id)}"]`;
  const wrappers = [...root.querySelectorAll(selector)];
  for (const wrapper of wrappers) {
    const parent = wrapper.parentNode;
    if (!parent) continue;
    while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
    wrapper.remove();
    parent.normalize();
  }
  return wrappers.length;
}
