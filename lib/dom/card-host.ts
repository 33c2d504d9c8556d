/**
 * Page glue for context cards: one shadow-root host per page with a Preact
 * tree inside, event delegation on `<lens-mention>` for pointer, keyboard and
 * touch, placement by lib/card/placement.ts (flip and shift, kept inside the
 * viewport, never over the mention), and clean removal with the content
 * script's context.
 *
 * Interaction choices:
 * - Hover follows lib/card/hover-machine.ts (dwell, show delay from settings, leave grace).
 * - Click or tap on a mention opens its card at once. A mention inside a link
 *   never takes the click: the link works as usual, and the card opens on
 *   hover (mouse) or on a long press (touch) instead.
 * - Keyboard: Alt+Shift+L starts (and ends) mention navigation. While it runs,
 *   j / ArrowDown / ArrowRight go to the next mention, k / ArrowUp / ArrowLeft
 *   to the previous one, Enter opens its card (focus moves into it, Tab stays
 *   inside), Escape closes the card and returns to the mention, Escape again
 *   ends navigation. Only the current mention is focusable (tabindex=-1), and
 *   only while navigating, so mentions never join the page's Tab order.
 * - A tap or click outside closes an unpinned card.
 *
 * Page context (when the content script passes it): the page's date, the
 * entities on it (their names, loaded once through `card:get`, rank the facts),
 * the names inside a marked phrase, and the sentences around an entity's
 * mentions, read as plain text from the mention's block for the figure check.
 */
import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ContextCard } from '../../components/card/ContextCard';
import { CARD_CSS } from '../../components/card/card-css';
import { I18nContext } from '../../components/i18n';
import { createHoverMachine, type OpenVia } from '../card/hover-machine';
import { placeCard } from '../card/placement';
import { mentionPosition, stepIndex, type CardData, type CardPage } from '../card/view-model';
import { splitSentences } from '../figures/sentences';
import type { Settings } from '../settings/model';
import { translate } from '../platform/i18n';
import { sendRequest } from '../platform/send';

import { CARD_HOST_TAG, isNavShortcut, MENTION_SELECTOR } from './card-names';

export { CARD_HOST_TAG, isNavShortcut, MENTION_SELECTOR };
/** Hold a touch this long on a mention inside a link to open its card instead of following the link. */
export const LONG_PRESS_MS = 500;
/** A touch that moves further than this is a scroll, not a press. */
export const LONG_PRESS_SLOP_PX = 10;
/** Gap between the mention and the card, so the card never touches (or covers) the mention. */
export const CARD_OFFSET_PX = 6;
/** Distance kept from the viewport edges. */
export const VIEWPORT_PADDING_PX = 8;

export interface CardHostOptions {
  /** Every mention currently on the page, in document order. */
  getMentions(): HTMLElement[];
  /** The reader's current settings (read on each use). */
  settings: () => Settings;
  /** "Not this": the reader hid this entity on this site. */
  onHideEntity(id: string): void;
  /** "Save highlight" for the mention whose card is open. */
  onSaveHighlight?(mention: HTMLElement): void;
  /** The page's publication date (YYYY-MM-DD or YYYY-MM), when it declares one. */
  published?: string;
  /** The entities named on the page, nested names included, with their counts; without it facts keep their order. */
  pageEntities?(): readonly { id: string; count: number }[];
  /** The entities named inside a marked phrase (the content script keeps them, off the page's DOM). */
  innerEntitiesOf?(mark: Element): readonly string[];
}

export interface CardHost {
  /** Opens the card of `mention` at once (e.g. asked by the popup). */
  open(mention: HTMLElement): void;
  /** The pointer arrived on `mention` before the host existed: hover as usual if it is still there. */
  hover(mention: HTMLElement): void;
  /** Starts or ends mention navigation (as the shortcut does). */
  toggleNavigation(): void;
  close(): void;
  destroy(): void;
}

interface Shown {
  mention: HTMLElement;
  data: CardData;
  page: CardPage;
  key: string;
  via: OpenVia;
}

/** The entities whose names rank a card's facts: the page's most mentioned, enough for any article. */
export const MAX_PAGE_ENTITIES = 40;
/** Sentences read around an entity's mentions for the figure check. */
export const MAX_FIGURE_SENTENCES = 8;
/** The block a mention's sentence is read from. */
const BLOCK = 'p, li, td, th, dd, dt, blockquote, figcaption, caption, h1, h2, h3, h4, h5, h6, div, section, article';

/**
 * The sentence of each wanted mark in its block, as plain text, and the one
 * after it when that names no other entity with figures of its own ("Power of
 * Siberia opened in 2019. Last year the pipeline carried 22.7 bcm.").
 */
export function sentencesAround(
  wanted: readonly Element[],
  markSelector: string,
  others: (mark: Element) => boolean,
  max = MAX_FIGURE_SENTENCES,
): string[] {
  const out: string[] = [];
  for (const mark of wanted) {
    const block = mark.parentElement?.closest(BLOCK) ?? mark.parentElement;
    if (!block) continue;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const starts = new Map<Node, number>();
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      starts.set(n, text.length);
      text += (n as Text).data;
    }
    const at = (el: Element) => starts.get(document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode()!) ?? -1;
    const blockers = [...block.querySelectorAll(markSelector)].filter(others).map(at);
    const list = splitSentences(text);
    const i = list.findIndex((s) => s.end > at(mark));
    for (const [k, s] of [list[i], list[i + 1]].entries()) {
      if (!s || (k > 0 && blockers.some((b) => b >= s.start && b < s.end))) break;
      const sentence = text.slice(s.start, s.end);
      if (!out.includes(sentence)) out.push(sentence);
    }
    if (out.length >= max) break;
  }
  return out.slice(0, max);
}

const NEXT_KEYS = new Set(['j', 'ArrowDown', 'ArrowRight']);
const PREV_KEYS = new Set(['k', 'ArrowUp', 'ArrowLeft']);

function isEditable(el: Element | null): boolean {
  if (!el) return false;
  return el.matches('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}

/** The mention an event happened on; looks through the page's open shadow roots (events there are retargeted). */
function mentionOf(e: Event): HTMLElement | null {
  const target = e.composedPath()[0] ?? e.target;
  if (!(target instanceof Element)) return null;
  return target.closest<HTMLElement>(MENTION_SELECTOR);
}

/** Mentions that can take focus and be seen (not in a collapsed or hidden part of the page). */
function visibleMentions(all: HTMLElement[]): HTMLElement[] {
  return all.filter((m) => m.isConnected && m.getClientRects().length > 0);
}

/** The layout viewport in CSS pixels, without scrollbars (quirks-mode pages report the body's height on <html>). */
function viewportSize(): { width: number; height: number } {
  const html = document.documentElement;
  return {
    width: html.clientWidth || window.innerWidth,
    height: document.compatMode === 'CSS1Compat' && html.clientHeight ? html.clientHeight : window.innerHeight,
  };
}

/**
 * Runs `update` now, then at most once per frame whenever the page (or any
 * scrolling box in it) scrolls, the window resizes or one of `targets` changes
 * size. Returns the function that stops following.
 */
function followLayout(targets: Element[], update: () => void): () => void {
  let frame = 0;
  const schedule = () => {
    if (frame === 0) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    }
  };
  const options = { capture: true, passive: true } as const;
  window.addEventListener('scroll', schedule, options);
  window.addEventListener('resize', schedule, options);
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
  for (const target of targets) observer?.observe(target);
  update();
  return () => {
    if (frame !== 0) cancelAnimationFrame(frame);
    window.removeEventListener('scroll', schedule, options);
    window.removeEventListener('resize', schedule, options);
    observer?.disconnect();
  };
}

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

export async function mountCardHost(ctx: ContentScriptContext, options: CardHostOptions): Promise<CardHost> {
  const listeners = new AbortController();
  const on = <K extends keyof WindowEventMap>(
    type: K,
    fn: (e: WindowEventMap[K]) => void,
    target: EventTarget = window,
  ) => target.addEventListener(type, fn as EventListener, { capture: true, signal: listeners.signal });

  // --- data --------------------------------------------------------------
  const cache = new Map<string, Promise<CardData | null>>();
  const load = (id: string): Promise<CardData | null> => {
    let pending = cache.get(id);
    if (!pending) {
      pending = sendRequest({ type: 'card:get', id }).catch(() => null);
      cache.set(id, pending);
      void pending.then((d) => {
        if (!d) cache.delete(id);
      });
    }
    return pending;
  };
  let prepared: { token: number; data: CardData; page: CardPage } | null = null;
  /** The cards of the page's entities, loaded once per set of entities. */
  let named: { key: string; cards: Promise<(CardData | null)[]> } | null = null;
  const entityOf = (m: Element) => m.getAttribute('data-entity') ?? '';
  const innerOf = (m: Element) => options.innerEntitiesOf?.(m) ?? [];

  /** What the page adds to the card of `mention`; never fails (a card without context is still a card). */
  const pageFor = async (mention: HTMLElement): Promise<CardPage> => {
    const page: CardPage = { date: options.published };
    try {
      const counts = options.pageEntities?.();
      if (counts) {
        const ids = [...counts]
          .sort((a, b) => b.count - a.count)
          .slice(0, MAX_PAGE_ENTITIES)
          .map((c) => c.id)
          .sort();
        const key = ids.join();
        if (named?.key !== key) named = { key, cards: Promise.all(ids.map(load)) };
        const cards = (await named.cards).filter((c): c is CardData => c !== null);
        page.entities = cards.map(({ entity }) => ({ id: entity.id, names: [entity.name, ...entity.aliases] }));
        const withSeries = new Set(cards.filter((c) => c.entity.series?.length).map((c) => c.entity.id));
        // Read once per entity while this card is up (the card repaints on pin, Back, …).
        const read = new Map<string, string[]>();
        page.sentences = (id) => {
          let found = read.get(id);
          if (!found) {
            const own = options.getMentions().filter((m) => entityOf(m) === id || innerOf(m).includes(id));
            own.sort((a, b) => Number(b === mention) - Number(a === mention));
            found = sentencesAround(own, MENTION_SELECTOR, (m) => entityOf(m) !== id && withSeries.has(entityOf(m)));
            read.set(id, found);
          }
          return found;
        };
      }
      const inner = await Promise.all(innerOf(mention).map(load));
      page.inner = inner.flatMap((c) => (c ? [{ id: c.entity.id, name: c.entity.name }] : []));
    } catch {
      // Context is a bonus: the card opens without it.
    }
    return page;
  };

  // --- shadow root ---------------------------------------------------------
  let root: HTMLElement | null = null;
  let live: HTMLElement | null = null;
  let ring: HTMLElement | null = null;
  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name: CARD_HOST_TAG,
    position: 'inline',
    anchor: document.documentElement,
    append: 'last',
    css: CARD_CSS,
    onMount(container) {
      const tree = document.createElement('div');
      const status = document.createElement('div');
      status.className = 'lc-visually-hidden';
      status.setAttribute('aria-live', 'polite');
      container.append(tree, status);
      root = tree;
      live = status;
      return tree;
    },
    onRemove(tree) {
      if (tree) render(null, tree);
      root = null;
      live = null;
      ring = null;
    },
  });
  ui.mount();
  const shadow = ui.shadow;
  const host = ui.shadowHost;

  // --- state -------------------------------------------------------------
  let shown: Shown | null = null;
  let pinned = false;
  let openCount = 0;
  /** Set while previous/next keeps the same card mounted (so focus stays on the button). */
  let keepKey = false;
  let stopPlacement: (() => void) | null = null;
  let placedFor: { mention: HTMLElement; card: HTMLElement } | null = null;
  let focusWhenPlaced = false;
  let navigating = false;
  let navMention: HTMLElement | null = null;
  let stopRing: (() => void) | null = null;

  const locale = (() => {
    try {
      return browser.i18n.getUILanguage() || 'en';
    } catch {
      return 'en';
    }
  })();
  const darkQuery = window.matchMedia?.('(prefers-color-scheme: dark)');
  const theme = (): 'light' | 'dark' => {
    const chosen = options.settings().theme;
    if (chosen === 'light' || chosen === 'dark') return chosen;
    return darkQuery?.matches ? 'dark' : 'light';
  };

  const cardElement = () => root?.querySelector<HTMLElement>('.lens-card') ?? null;
  const focusInCard = () => {
    const active = shadow.activeElement;
    return !!active && !!cardElement()?.contains(active);
  };

  const focusHeading = () => {
    focusWhenPlaced = false;
    cardElement()?.querySelector<HTMLElement>('h2')?.focus();
  };

  const machine = createHoverMachine<HTMLElement>({
    timers: {
      set: (fn, ms) => ctx.setTimeout(fn, ms),
      clear: (handle) => clearTimeout(handle as number),
    },
    showDelayMs: () => options.settings().cardDelayMs,
    effects: {
      prepare(mention, token) {
        const id = mention.getAttribute('data-entity');
        if (!id) {
          machine.dataFailed(token);
          return;
        }
        void Promise.all([load(id), pageFor(mention)]).then(([data, page]) => {
          if (data && mention.isConnected) {
            prepared = { token, data, page };
            machine.dataReady(token);
          } else {
            machine.dataFailed(token);
          }
        });
      },
      show(mention, token, via) {
        if (!prepared || prepared.token !== token) return;
        const { data, page } = prepared;
        // Stepping between mentions, or clicking the mention whose card is already up, keeps the
        // mounted card (its focus and Back history) instead of building a new one.
        const sameCard =
          (keepKey || shown?.mention === mention) && shown !== null && shown.data.entity.id === data.entity.id;
        const key = sameCard ? shown!.key : `${data.entity.id}#${++openCount}`;
        keepKey = false;
        shown = { mention, data, page, key, via };
        paint();
        // Keyboard users land on the card's heading once it is placed (a hidden element cannot take focus).
        focusWhenPlaced = via === 'keyboard' && !focusInCard();
        if (focusWhenPlaced && cardElement()?.dataset.placed === 'true') focusHeading();
      },
      hide(mention, returnFocus) {
        const hadFocus = focusInCard();
        shown = null;
        pinned = false;
        paint();
        if (returnFocus || hadFocus) focusMention(mention);
      },
    },
  });

  // --- rendering -----------------------------------------------------------
  function paint() {
    if (!root) return;
    if (!shown) {
      render(null, root);
      stopPositioning();
      return;
    }
    const current = shown;
    render(
      h(
        I18nContext.Provider,
        { value: translate },
        h(ContextCard, {
          key: current.key,
          data: current.data,
          page: current.page,
          theme: theme(),
          locale,
          loadCard: load,
          mentionPosition: (id: string) =>
            mentionPosition(
              options.getMentions(),
              (m) => m.getAttribute('data-entity') ?? undefined,
              id,
              current.mention,
            ),
          onStepMention: stepMention,
          pinned,
          onTogglePin: () => {
            pinned = !pinned;
            machine.setPinned(pinned);
            paint();
          },
          onClose: () => machine.escape(),
          onSaveHighlight: options.onSaveHighlight ? () => options.onSaveHighlight?.(current.mention) : undefined,
          onHide: (id: string) => {
            machine.close();
            options.onHideEntity(id);
          },
        }),
      ),
      root,
    );
    place(current.mention);
  }

  function stopPositioning() {
    stopPlacement?.();
    stopPlacement = null;
    placedFor = null;
  }

  /** Places the card next to its mention and keeps it there while the page scrolls or resizes. */
  function place(mention: HTMLElement) {
    const card = cardElement();
    if (!card) return;
    if (placedFor && placedFor.mention === mention && placedFor.card === card) return;
    stopPositioning();
    placedFor = { mention, card };
    card.dataset.placed = 'false';
    const update = () => {
      if (!mention.isConnected) {
        machine.close();
        return;
      }
      const { width: vw, height: vh } = viewportSize();
      // Natural size first (the room is capped to the side chosen below), read once.
      card.style.maxWidth = `${Math.max(0, vw - 2 * VIEWPORT_PADDING_PX)}px`;
      card.style.removeProperty('--lc-avail-h');
      const spot = placeCard({
        // The whole bounding box of the mention is the reference (not one line of it), so a
        // mention that wraps onto two lines is never covered either.
        reference: mention.getBoundingClientRect(),
        width: card.offsetWidth,
        height: card.offsetHeight,
        viewportWidth: vw,
        viewportHeight: vh,
        offset: CARD_OFFSET_PX,
        padding: VIEWPORT_PADDING_PX,
      });
      card.style.setProperty('--lc-avail-h', `${spot.maxHeight}px`);
      card.style.left = `${spot.x}px`;
      card.style.top = `${spot.y}px`;
      card.dataset.placed = 'true';
      if (focusWhenPlaced) focusHeading();
    };
    stopPlacement = followLayout([mention, card], update);
  }

  function focusMention(mention: HTMLElement) {
    if (!mention.isConnected) return;
    if (!mention.hasAttribute('tabindex')) {
      mention.setAttribute('tabindex', '-1');
      mention.addEventListener(
        'blur',
        () => {
          if (navMention !== mention) mention.removeAttribute('tabindex');
        },
        { once: true },
      );
    }
    mention.focus({ preventScroll: true });
  }

  function stepMention(id: string, direction: 1 | -1) {
    const all = options.getMentions().filter((m) => m.getAttribute('data-entity') === id);
    const position = mentionPosition(
      all,
      (m) => m.getAttribute('data-entity') ?? undefined,
      id,
      shown?.mention ?? null,
    );
    const index = stepIndex(position, direction);
    const target = all[index];
    if (!target) return;
    target.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    keepKey = true;
    machine.openNow(target, 'tap');
  }

  // --- keyboard navigation ------------------------------------------------
  function announce(message: string) {
    if (live) live.textContent = message;
  }

  function showRing(mention: HTMLElement | null) {
    stopRing?.();
    stopRing = null;
    ring?.remove();
    ring = null;
    if (!mention || !root) return;
    const el = document.createElement('div');
    el.className = 'lens-ring';
    el.setAttribute('aria-hidden', 'true');
    root.parentElement?.append(el);
    ring = el;
    stopRing = followLayout([mention], () => {
      const r = mention.getBoundingClientRect();
      el.style.left = `${r.left - 3}px`;
      el.style.top = `${r.top - 3}px`;
      el.style.width = `${r.width + 6}px`;
      el.style.height = `${r.height + 6}px`;
    });
  }

  function setNavMention(next: HTMLElement | null) {
    if (navMention && navMention !== next) navMention.removeAttribute('tabindex');
    navMention = next;
    showRing(next);
    if (!next) return;
    next.setAttribute('tabindex', '-1');
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    const all = visibleMentions(options.getMentions());
    announce(
      translate('card_nav_position', [String(all.indexOf(next) + 1), String(all.length), next.textContent ?? '']),
    );
  }

  function startNavigation() {
    const all = visibleMentions(options.getMentions());
    if (all.length === 0) {
      announce(translate('card_nav_none'));
      return;
    }
    navigating = true;
    // Start from the first mention at or below the top of the viewport.
    const first = all.find((m) => m.getBoundingClientRect().bottom >= 0) ?? all[0]!;
    setNavMention(first);
    announce(translate('card_nav_start', [String(all.indexOf(first) + 1), String(all.length)]));
  }

  function stopNavigation() {
    navigating = false;
    setNavMention(null);
    announce(translate('card_nav_end'));
  }

  function moveNav(direction: 1 | -1) {
    const all = visibleMentions(options.getMentions());
    if (all.length === 0) return stopNavigation();
    const index = navMention ? all.indexOf(navMention) : -1;
    const next = all[index < 0 ? 0 : (index + direction + all.length) % all.length]!;
    if (shown && !pinned) machine.close();
    setNavMention(next);
  }

  // --- event delegation ----------------------------------------------------
  let longPress: { timer: number; x: number; y: number; mention: HTMLElement } | null = null;
  let swallowClick = false;
  const cancelLongPress = () => {
    if (longPress) clearTimeout(longPress.timer);
    longPress = null;
  };

  on('pointerover', (e) => {
    if (e.pointerType === 'touch') return;
    const mention = mentionOf(e);
    if (mention && !mention.contains(e.relatedTarget as Node | null)) machine.pointerEnterMention(mention);
  });
  on('pointerout', (e) => {
    if (e.pointerType === 'touch') return;
    const mention = mentionOf(e);
    if (mention && !mention.contains(e.relatedTarget as Node | null)) machine.pointerLeaveMention();
  });
  // Inside the shadow root the card itself: entering it keeps the card, leaving starts the grace period.
  /** Whether a mouse or pen event crosses the card's edge (from its inside to its outside, or back). */
  const crossesCard = (e: PointerEvent): boolean => {
    const card = cardElement();
    return (
      e.pointerType !== 'touch' && !!card?.contains(e.target as Node) && !card.contains(e.relatedTarget as Node | null)
    );
  };
  on(
    'pointerover',
    (e) => {
      if (crossesCard(e)) machine.pointerEnterCard();
    },
    shadow,
  );
  on(
    'pointerout',
    (e) => {
      if (crossesCard(e)) machine.pointerLeaveCard();
    },
    shadow,
  );
  on('focusin', () => machine.focusEnteredCard(), shadow);

  on('pointerdown', (e) => {
    // A new gesture: whatever the last long press did is over.
    swallowClick = false;
    const inCard = e.composedPath().includes(host);
    const mention = mentionOf(e);
    if (!inCard && shown && !pinned && mention !== shown.mention) machine.close();
    if (e.pointerType === 'touch' && mention?.closest('a[href]')) {
      cancelLongPress();
      longPress = {
        mention,
        x: e.clientX,
        y: e.clientY,
        timer: ctx.setTimeout(() => {
          longPress = null;
          swallowClick = true;
          machine.openNow(mention, 'tap');
        }, LONG_PRESS_MS),
      };
    }
  });
  on('pointermove', (e) => {
    if (longPress && Math.hypot(e.clientX - longPress.x, e.clientY - longPress.y) > LONG_PRESS_SLOP_PX)
      cancelLongPress();
  });
  on('pointerup', cancelLongPress);
  on('pointercancel', cancelLongPress);
  on('contextmenu', (e) => {
    // The long press opened a card: no context menu on top of it.
    if (swallowClick && mentionOf(e)) e.preventDefault();
  });
  on('click', (e) => {
    const mention = mentionOf(e);
    if (swallowClick) {
      swallowClick = false;
      if (mention) {
        e.preventDefault();
        return;
      }
    }
    if (!mention || e.defaultPrevented) return;
    // A mention inside a link: the link wins.
    if (mention.closest('a[href]')) return;
    // Selecting text across a mention is not a request for its card.
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    machine.openNow(mention, 'tap');
  });

  on('keydown', (e) => {
    if (isNavShortcut(e)) {
      e.preventDefault();
      e.stopPropagation();
      if (navigating) stopNavigation();
      else startNavigation();
      return;
    }
    const inCard = e.composedPath().includes(host);
    if (e.key === 'Escape') {
      const phase = machine.snapshot.phase;
      if (shown || phase === 'dwell' || phase === 'pending') {
        e.preventDefault();
        e.stopPropagation();
        machine.escape();
      } else if (navigating) {
        e.preventDefault();
        stopNavigation();
      }
      return;
    }
    if (!navigating || inCard || e.altKey || e.ctrlKey || e.metaKey) return;
    if (isEditable(document.activeElement)) return;
    if (NEXT_KEYS.has(e.key)) {
      e.preventDefault();
      e.stopPropagation();
      moveNav(1);
    } else if (PREV_KEYS.has(e.key)) {
      e.preventDefault();
      e.stopPropagation();
      moveNav(-1);
    } else if (e.key === 'Enter' && navMention) {
      e.preventDefault();
      e.stopPropagation();
      machine.openNow(navMention, 'keyboard');
    }
  });

  darkQuery?.addEventListener('change', () => paint(), { signal: listeners.signal });

  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    machine.dispose();
    cancelLongPress();
    listeners.abort();
    stopPositioning();
    if (navMention) navMention.removeAttribute('tabindex');
    stopRing?.();
    ui.remove();
  };
  ctx.onInvalidated(destroy);

  return {
    open(mention) {
      machine.openNow(mention, 'tap');
    },
    hover(mention) {
      if (mention.isConnected && mention.matches(':hover')) machine.pointerEnterMention(mention);
    },
    toggleNavigation() {
      if (navigating) stopNavigation();
      else startNavigation();
    },
    close() {
      machine.close();
    },
    destroy,
  };
}
