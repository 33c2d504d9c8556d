// @vitest-environment happy-dom
/**
 * The page glue of lib/dom/card-host.ts in happy-dom with WXT's fake browser:
 * event delegation, the hover timings with fake timers, stale hovers, links,
 * Escape, and clean removal. Real layout and placement are covered end to end
 * (tests/e2e/card.e2e.ts).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CARD_HOST_TAG, mountCardHost, type CardHost } from '../../../lib/dom/card-host';
import { DEFAULT_SHOW_DELAY_MS, DWELL_MS, LEAVE_GRACE_MS } from '../../../lib/card/hover-machine';
import { DEFAULT_SETTINGS } from '../../../lib/settings/model';
import { answerCardRequests } from './answer-card-requests';

// WXT's fake browser has no i18n.getMessage: show message keys instead.
vi.mock('../../../lib/platform/i18n', () => ({ translate: (key: string) => key }));

let ctx: ContentScriptContext;
let host: CardHost;
let requests: string[];
const hidden: string[] = [];

function mention(id: string, text: string, parent: HTMLElement = document.body): HTMLElement {
  const el = document.createElement('lens-mention');
  el.setAttribute('data-entity', id);
  el.textContent = text;
  parent.append(el);
  return el;
}

const shadow = () => document.querySelector(CARD_HOST_TAG)!.shadowRoot!;
const dialog = () => shadow().querySelector<HTMLElement>('[role="dialog"]');
const heading = () => dialog()?.querySelector('h2')?.textContent ?? null;

function pointer(type: string, target: Element, related: Element | null = document.body) {
  target.dispatchEvent(
    new PointerEvent(type, { bubbles: true, composed: true, pointerType: 'mouse', relatedTarget: related }),
  );
}

beforeEach(async () => {
  fakeBrowser.reset();
  requests = [];
  hidden.length = 0;
  answerCardRequests(requests);
  document.body.innerHTML = '';
  ctx = new ContentScriptContext('card-host-test');
  vi.useFakeTimers();
  host = await mountCardHost(ctx, {
    getMentions: () => Array.from(document.querySelectorAll<HTMLElement>('lens-mention')),
    settings: () => DEFAULT_SETTINGS,
    onHideEntity: (id) => hidden.push(id),
  });
});
afterEach(() => {
  host.destroy();
  ctx.abort();
  vi.useRealTimers();
});

describe('hover', () => {
  test('one host per page; the card shows at the hover delay, fetched after the dwell', async () => {
    const m = mention('vladimir-putin', 'Putin');
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(1);
    pointer('pointerover', m);
    await vi.advanceTimersByTimeAsync(DWELL_MS - 1);
    expect(requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toEqual(['vladimir-putin']);
    await vi.advanceTimersByTimeAsync(DEFAULT_SHOW_DELAY_MS - DWELL_MS - 2);
    expect(dialog()).toBeNull();
    await vi.advanceTimersByTimeAsync(2);
    expect(heading()).toBe('Vladimir Putin');
  });

  test('a hover that ends before the delay never shows a late card', async () => {
    const m = mention('vladimir-putin', 'Putin');
    pointer('pointerover', m);
    await vi.advanceTimersByTimeAsync(DWELL_MS + 10);
    pointer('pointerout', m);
    await vi.advanceTimersByTimeAsync(2000);
    expect(dialog()).toBeNull();
  });

  test('leaving the mention closes the card after the grace period; entering the card keeps it', async () => {
    const m = mention('vladimir-putin', 'Putin');
    pointer('pointerover', m);
    await vi.advanceTimersByTimeAsync(DEFAULT_SHOW_DELAY_MS);
    pointer('pointerout', m);
    await vi.advanceTimersByTimeAsync(LEAVE_GRACE_MS / 2);
    pointer('pointerover', dialog()!.querySelector('h2')!, m);
    await vi.advanceTimersByTimeAsync(LEAVE_GRACE_MS * 4);
    expect(heading()).toBe('Vladimir Putin');
    pointer('pointerout', dialog()!.querySelector('h2')!, document.body);
    await vi.advanceTimersByTimeAsync(LEAVE_GRACE_MS);
    expect(dialog()).toBeNull();
  });

  test('touch pointers do not count as hover', async () => {
    const m = mention('vladimir-putin', 'Putin');
    m.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType: 'touch' }));
    await vi.advanceTimersByTimeAsync(2000);
    expect(requests).toEqual([]);
  });
});

describe('hand-over from the page (the host mounts on the first interaction)', () => {
  test('hover() of a mention the pointer has already left opens nothing (no stale card)', async () => {
    const m = mention('vladimir-putin', 'Putin');
    host.hover(m);
    await vi.advanceTimersByTimeAsync(2000);
    expect(requests).toEqual([]);
    expect(dialog()).toBeNull();
  });

  test('toggleNavigation() starts and ends mention navigation as the shortcut does', async () => {
    const m = mention('vladimir-putin', 'Putin');
    // happy-dom lays nothing out: give the mention a box so it counts as visible.
    m.getClientRects = () => [new DOMRect(0, 0, 40, 16)] as unknown as DOMRectList;
    host.toggleNavigation();
    expect(document.activeElement).toBe(m);
    expect(m.getAttribute('tabindex')).toBe('-1');
    host.toggleNavigation();
    expect(m.hasAttribute('tabindex')).toBe(false);
  });
});

describe('click, links, Escape and actions', () => {
  test('a click opens the card at once; Escape closes it and focuses the mention', async () => {
    const m = mention('china', 'China');
    m.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(heading()).toBe('China');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(m);
    expect(m.getAttribute('tabindex')).toBe('-1');
    m.blur();
    expect(m.hasAttribute('tabindex')).toBe(false);
  });

  test('a click on a mention inside a link leaves the link alone and opens nothing', async () => {
    const link = document.createElement('a');
    link.href = '#elsewhere';
    document.body.append(link);
    const m = mention('china', 'China', link);
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    m.dispatchEvent(event);
    await vi.advanceTimersByTimeAsync(0);
    expect(event.defaultPrevented).toBe(false);
    expect(dialog()).toBeNull();
  });

  test('"Not this" reports the entity and closes the card', async () => {
    const m = mention('china', 'China');
    m.click();
    await vi.advanceTimersByTimeAsync(0);
    dialog()!.querySelector<HTMLButtonElement>('.lc-hide')!.click();
    expect(hidden).toEqual(['china']);
    expect(dialog()).toBeNull();
  });

  test('a click outside closes an unpinned card but not a pinned one', async () => {
    const m = mention('china', 'China');
    const outside = document.createElement('p');
    document.body.append(outside);
    m.click();
    await vi.advanceTimersByTimeAsync(0);
    outside.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerType: 'mouse' }));
    expect(dialog()).toBeNull();
    m.click();
    await vi.advanceTimersByTimeAsync(0);
    dialog()!.querySelector<HTMLButtonElement>('.lc-pin')!.click();
    outside.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerType: 'mouse' }));
    expect(heading()).toBe('China');
  });

  test('an unknown entity opens nothing', async () => {
    const m = mention('no-such-entity', 'Nothing');
    m.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toEqual(['no-such-entity']);
    expect(dialog()).toBeNull();
  });
});

test('invalidating the content script removes the host and stops listening', async () => {
  const m = mention('china', 'China');
  ctx.abort();
  expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
  m.click();
  await vi.advanceTimersByTimeAsync(1000);
  expect(requests).toEqual([]);
});
