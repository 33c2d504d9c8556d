// @vitest-environment happy-dom
/** The popup view (components/popup/Popup.tsx) in its states, with a key-echoing translator. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Translate } from '@/components/i18n';
import { Popup, type PageState, type PopupProps } from '@/components/popup/Popup';
import { I18nProvider } from '@/components/ui/I18nProvider';
import { factbase } from '@/lib/factbase/bundled';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/model';

const t: Translate = (key, subs) =>
  subs === undefined ? key : `${key}(${(Array.isArray(subs) ? subs : [subs]).join(',')})`;

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
    onSiteActive: vi.fn(),
    onEnabled: vi.fn(),
    onReveal: vi.fn(),
    onOpenOptions: vi.fn(),
    ...extra,
  };
  act(() => {
    render(
      <I18nProvider t={t}>
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
  mount(ready([]), DEFAULT_SETTINGS, { highlights: [{ id: 'h1', text: 'a saved passage', note: 'my note' }] });
  expect(container.textContent).toContain('popup_highlights');
  expect(container.querySelector('.popup__highlights q')?.textContent).toBe('a saved passage');
});
