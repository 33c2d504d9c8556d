/**
 * The small "Save highlight" button shown next to a text selection, in our own
 * shadow root (createShadowRootUi), so page styles cannot reach it and it
 * cannot restyle the page. Built with DOM calls and textContent only.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Translate } from '../../../components/i18n';
import { OWN_UI_ATTR } from './text-map';

/** Host element name; OWN_UI_ATTR on it keeps our text out of anchoring. */
export const SELECTION_UI_NAME = 'lens-highlight-ui';
/** Wait after the selection stops changing before showing the button (dragging). */
const SELECTION_SETTLE_MS = 120;
/** How long the "Saved" confirmation stays. */
const CONFIRM_MS = 1500;
/** Gap between the selection and the button, in CSS pixels. */
const GAP_PX = 6;

/** Where a selection never gets a button: form fields, editors, our own UI. */
const NO_BUTTON = `input,textarea,select,[contenteditable]:not([contenteditable="false"]),[${OWN_UI_ATTR}]`;

const CSS = `
.box { position: fixed; top: 12px; right: 12px; z-index: 2147483646; display: none; font: 13px/1.3 system-ui, sans-serif; }
.box[data-open] { display: flex; gap: 6px; align-items: center; }
button { font: inherit; cursor: pointer; border: 1px solid #8a6d00; border-radius: 6px; padding: 4px 10px;
  background: #fff3bf; color: #3a2e00; box-shadow: 0 2px 6px rgba(0,0,0,.25); }
button:hover { background: #ffe680; }
button:focus-visible { outline: 2px solid #1a56db; outline-offset: 2px; }
.status { background: #1f2937; color: #fff; border-radius: 6px; padding: 4px 8px; max-width: 320px; }
.status:empty { display: none; }
.status[data-error] { background: #9b1c1c; }
`;

export interface SelectionButton {
  /** Looks at the current selection now (one made before the button was listening). */
  check(): void;
  /** Shows a message next to the button (errors stay until the selection changes). */
  report(message: string, isError: boolean): void;
  destroy(): void;
}

/** The current selection's range, if it is one the reader could save. */
export function saveableRange(doc: Document): Range | null {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!range.toString().trim()) return null;
  const node = range.commonAncestorContainer;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el || el.closest(NO_BUTTON) || !doc.body?.contains(el)) return null;
  return range;
}

/**
 * Watches the selection and shows the button next to a saveable one. The
 * shadow-root UI is created the first time it is needed, so pages where the
 * reader never selects text get no element from us.
 */
export function mountSelectionButton(
  ctx: ContentScriptContext,
  t: Translate,
  onSave: (range: Range) => void,
): SelectionButton {
  interface Parts {
    remove(): void;
    box: HTMLDivElement;
    status: HTMLDivElement;
  }
  let parts: Parts | null = null;
  let mounting: Promise<Parts | null> | null = null;
  let destroyed = false;
  let range: Range | null = null;
  let settle: number | null = null;
  /** While "Saved" shows, the cleared selection must not hide it. */
  let confirming = false;

  const ensure = (): Promise<Parts | null> =>
    (mounting ??= (async () => {
      try {
        let box!: HTMLDivElement;
        let status!: HTMLDivElement;
        const ui = await createShadowRootUi(ctx, {
          name: SELECTION_UI_NAME,
          position: 'inline',
          anchor: () => document.documentElement,
          append: 'last',
          css: CSS,
          onMount(container, _shadow, host) {
            host.setAttribute(OWN_UI_ATTR, '');
            box = document.createElement('div');
            box.className = 'box';
            const button = document.createElement('button');
            button.type = 'button';
            button.textContent = t('hl_save');
            // Keep the page selection when the button is pressed.
            button.addEventListener('mousedown', (e) => e.preventDefault());
            button.addEventListener('click', () => {
              const current = saveableRange(document) ?? range;
              if (current) onSave(current);
            });
            status = document.createElement('div');
            status.className = 'status';
            status.setAttribute('role', 'status');
            box.append(button, status);
            container.append(box);
          },
        });
        if (destroyed) return null;
        ui.mount();
        parts = { remove: () => ui.remove(), box, status };
        return parts;
      } catch (error) {
        console.warn('[Eurasia Lens] highlight button unavailable:', error);
        return null;
      }
    })());

  const hide = () => {
    confirming = false;
    range = null;
    if (!parts) return;
    parts.box.removeAttribute('data-open');
    parts.status.textContent = '';
    parts.status.removeAttribute('data-error');
  };

  const place = () => {
    if (!range || !parts) return;
    const { box } = parts;
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    if (!last || (last.width === 0 && last.height === 0)) return hide();
    const width = box.offsetWidth || 120;
    const height = box.offsetHeight || 28;
    const left = Math.max(4, Math.min(window.innerWidth - width - 4, last.right - width / 2));
    const below = last.bottom + GAP_PX;
    const top = below + height > window.innerHeight ? Math.max(4, last.top - height - GAP_PX) : below;
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
    box.style.right = 'auto';
  };

  const refresh = () => {
    settle = null;
    const next = saveableRange(document);
    if (!next) {
      if (!confirming) hide();
      return;
    }
    confirming = false;
    range = next;
    void ensure().then((p) => {
      if (!p || range !== next) return;
      p.status.textContent = '';
      p.status.removeAttribute('data-error');
      p.box.setAttribute('data-open', '');
      place();
    });
  };

  const soon = () => {
    if (settle !== null) clearTimeout(settle);
    settle = ctx.setTimeout(refresh, SELECTION_SETTLE_MS);
  };

  ctx.addEventListener(document, 'selectionchange', soon);
  ctx.addEventListener(window, 'scroll', place, { passive: true, capture: true });
  ctx.addEventListener(window, 'resize', place, { passive: true });

  return {
    check: soon,
    report(message, isError) {
      void ensure().then((p) => {
        if (!p) return;
        p.status.textContent = message;
        if (isError) p.status.setAttribute('data-error', '');
        else {
          p.status.removeAttribute('data-error');
          confirming = true;
          ctx.setTimeout(() => confirming && hide(), CONFIRM_MS);
        }
        // Saved through the menu or the shortcut, no button was showing: the default corner.
        p.box.setAttribute('data-open', '');
      });
    },
    destroy: () => {
      destroyed = true;
      parts?.remove();
      parts = null;
    },
  };
}
