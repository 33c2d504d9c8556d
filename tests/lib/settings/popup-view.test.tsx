// @vitest-environment happy-dom
/** The popup view (components/popup/Popup.tsx) in its states, with a key-echoing translator. */
import { showKeys } from '../../support/show-keys';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Popup, type PageState, type PopupProps } from '@/components/popup/Popup';
import { I18nProvider } from '@/components/ui/I18nProvider';
import { bundledFactbase } from '@/lib/factbase/bundled';
import type { Highlight } from '@/lib/highlights/model';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/model';

const factbase = bundledFactbase();

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const ready = (entities: { id: string; count: number }[]): PageState => ({
  kind: 'ready',
  status: { url: 'https://news.example.org/a', hostname: 'news.example.org', active: true, entities },
});

function mount(page: PageState, settings: Settings | null = DEFAULT_SETTINGS, extra: Partial<PopupProps> = {}) {
  const props: PopupProps = {
    page,
    settings,
    topics: factbase.meta.topics,
    lookup: (id) => factbase.byId.get(id),
    optionsHref: 'options.html',
    highlightsHref: 'chrome-extension://lens/highlights.html',
    onSiteActive: vi.fn(),
    onEnabled: vi.fn(),
    onReveal: vi.fn(),
    onOpenOptions: vi.fn(),
    ...extra,
  };
  act(() => {
    render(
      <I18nProvider t={showKeys}>
        <Popup {...props} />
      </I18nProvider>,
      container,
    );
  });
  return props;
}

describe('pages that cannot be annotated', () => {
  test.each(['browser-page', 'web-store', 'pdf', 'no-answer'] as const)('%s is explained', (reason) => {
    mount({ kind: 'unavailable', reason });
    expect(container.textContent).toContain('popup_unavailable_title');
    expect(container.textContent).toContain(`popup_unavailable_${reason.replace(/-/g, '_')}`);
    expect(container.querySelector('[data-entity]')).toBeNull();
    expect(container.textContent).toContain('popup_shadow_note');
  });
});

test('lists entities by count with topic totals, and reveals one on click', () => {
  const props = mount(
    ready([
      { id: 'gazprom', count: 1 },
      { id: 'vladimir-putin', count: 3 },
    ]),
  );
  const buttons = [...container.querySelectorAll<HTMLButtonElement>('button[data-entity]')];
  expect(buttons.map((b) => b.dataset.entity)).toEqual(['vladimir-putin', 'gazprom']);
  const rows = Object.fromEntries(
    [...container.querySelectorAll('tr[data-topic]')].map((r) => [
      r.getAttribute('data-topic'),
      r.querySelector('td')?.textContent,
    ]),
  );
  expect(rows).toEqual({ people: '3', diplomacy: '3', energy: '1' });
  expect(container.querySelector('.popup__total td')?.textContent).toBe('4');
  act(() => buttons[1]!.click());
  expect(props.onReveal).toHaveBeenCalledWith('gazprom');
});

test('the site switch reports the hostname and the new state', () => {
  const props = mount(ready([{ id: 'gazprom', count: 1 }]));
  const site = container.querySelector<HTMLInputElement>('#popup-site')!;
  expect(site.getAttribute('role')).toBe('switch');
  expect(site.checked).toBe(true);
  act(() => site.click());
  expect(props.onSiteActive).toHaveBeenCalledWith('news.example.org', false);
});

test('paused and site-off states replace the list', () => {
  mount(ready([{ id: 'gazprom', count: 1 }]), { ...DEFAULT_SETTINGS, enabled: false });
  expect(container.textContent).toContain('popup_state_paused');
  expect(container.querySelector('button[data-entity]')).toBeNull();
  mount(ready([{ id: 'gazprom', count: 1 }]), { ...DEFAULT_SETTINGS, sites: ['example.org'] });
  expect(container.textContent).toContain('popup_state_site_off');
  expect(container.querySelector<HTMLInputElement>('#popup-site')!.checked).toBe(false);
});

test('the highlights slot shows the page highlights only when provided', () => {
  mount(ready([]));
  expect(container.textContent).not.toContain('popup_highlights');
  mount(ready([]), DEFAULT_SETTINGS, {
    highlights: [{ id: 'h1', text: 'a saved passage', note: 'my note', status: 'anchored' }],
  });
  expect(container.textContent).toContain('popup_highlights');
  expect(container.querySelector('.popup__highlights q')?.textContent).toBe('a saved passage');
  // A highlight found on the page is listed without orphan actions.
  expect(container.querySelector('.popup__orphans')).toBeNull();
});

test('the link to the highlights page is always there, also when the page cannot be annotated', () => {
  for (const page of [ready([]), { kind: 'unavailable', reason: 'pdf' } as const]) {
    mount(page);
    const link = [...container.querySelectorAll<HTMLAnchorElement>('.popup__links a')].find(
      (a) => a.textContent === 'popup_open_highlights',
    );
    expect(link?.getAttribute('href')).toBe('chrome-extension://lens/highlights.html');
  }
});

/** A stored record as the background returns it from a delete. */
const record = (id: string, exact: string): Highlight => ({
  id,
  url: 'https://news.example.org/a',
  originalUrl: 'https://news.example.org/a?utm_source=x',
  title: 'A',
  created: '2026-01-02T03:04:05.000Z',
  updated: '2026-01-02T03:04:05.000Z',
  anchor: {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: exact.length },
  },
  note: '',
  entities: [],
  status: 'orphan',
});

describe('orphaned highlights', () => {
  const highlights = [
    { id: 'found', text: 'still on the page', status: 'anchored' as const },
    { id: 'gone-1', text: 'a passage the page lost', status: 'orphan' as const },
    { id: 'gone-2', text: 'another lost passage', note: 'why it mattered', status: 'orphan' as const },
  ];
  const orphanItem = (id: string) => container.querySelector<HTMLElement>(`.popup__orphan[data-highlight-id="${id}"]`);
  const button = (item: HTMLElement | null, label: string) =>
    [...(item?.querySelectorAll('button') ?? [])].find((b) => b.textContent === label);
  const notice = () => container.querySelector<HTMLElement>('.popup__hl-notice')!;

  test('are listed apart, with their quote, a Delete and a Keep button', () => {
    mount(ready([]), DEFAULT_SETTINGS, {
      highlights,
      highlightActions: { onDelete: vi.fn(), onRestore: vi.fn(), onKeep: vi.fn() },
    });
    const section = container.querySelector('.popup__orphans')!;
    expect(section.textContent).toContain('popup_orphans_title(2)');
    expect([...section.querySelectorAll('q')].map((q) => q.textContent)).toEqual([
      'a passage the page lost',
      'another lost passage',
    ]);
    expect(orphanItem('gone-2')?.textContent).toContain('why it mattered');
    expect(orphanItem('found')).toBeNull();
    // Each button is described by its own quote, so "Delete" is not ambiguous to a screen reader.
    const del = button(orphanItem('gone-1'), 'popup_highlight_delete')!;
    expect(document.getElementById(del.getAttribute('aria-describedby')!)?.textContent).toBe('a passage the page lost');
    expect(button(orphanItem('gone-1'), 'popup_highlight_keep')).toBeDefined();
  });

  test('Delete removes one and offers an undo that restores the exact record', async () => {
    const deleted = record('gone-1', 'a passage the page lost');
    const actions = {
      onDelete: vi.fn(async () => deleted),
      onRestore: vi.fn(async () => undefined),
      onKeep: vi.fn(async () => undefined),
    };
    mount(ready([]), DEFAULT_SETTINGS, { highlights, highlightActions: actions });
    act(() => button(orphanItem('gone-1'), 'popup_highlight_delete')!.click());
    await vi.waitFor(() => expect(notice().textContent).toContain('popup_highlight_deleted'));
    expect(actions.onDelete).toHaveBeenCalledWith('gone-1');
    expect(notice().getAttribute('role')).toBe('status');
    act(() => button(notice(), 'popup_highlight_undo')!.click());
    await vi.waitFor(() => expect(notice().textContent).toContain('popup_highlight_restored'));
    expect(actions.onRestore).toHaveBeenCalledWith(deleted);
    expect(button(notice(), 'popup_highlight_undo')).toBeUndefined();
    expect(actions.onKeep).not.toHaveBeenCalled();
  });

  test('Keep sends the id and says the highlight will be tried again', async () => {
    const actions = { onDelete: vi.fn(), onRestore: vi.fn(), onKeep: vi.fn(async () => undefined) };
    mount(ready([]), DEFAULT_SETTINGS, { highlights, highlightActions: actions });
    act(() => button(orphanItem('gone-2'), 'popup_highlight_keep')!.click());
    await vi.waitFor(() => expect(notice().textContent).toContain('popup_highlight_kept'));
    expect(actions.onKeep).toHaveBeenCalledWith('gone-2');
    expect(actions.onDelete).not.toHaveBeenCalled();
  });

  test('a failed action is reported with the store message', async () => {
    const actions = {
      onDelete: vi.fn(async () => Promise.reject(new Error('quota exceeded'))),
      onRestore: vi.fn(),
      onKeep: vi.fn(),
    };
    mount(ready([]), DEFAULT_SETTINGS, { highlights, highlightActions: actions });
    act(() => button(orphanItem('gone-1'), 'popup_highlight_delete')!.click());
    await vi.waitFor(() => expect(notice().textContent).toBe('popup_highlight_failed(quota exceeded)'));
    expect(notice().dataset.kind).toBe('error');
    expect(button(notice(), 'popup_highlight_undo')).toBeUndefined();
  });
});
