// @vitest-environment happy-dom
/**
 * The highlights page component: grouping, search and filters, orphans listed
 * apart with "Keep", delete with undo, import errors shown, and page or
 * imported text shown as text, never as HTML. The import's preview and
 * confirm step are in ImportPreview.test.tsx.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  HighlightsPage,
  safeHref,
  type EntityInfo,
  type HighlightsPageProps,
} from '../../../components/highlights/HighlightsPage';
import { I18nProvider } from '../../../components/ui/I18nProvider';
import type { Highlight } from '../../../lib/highlights/model';
import { makeHighlights } from '../../lib/highlights/fixtures';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const entities = new Map<string, EntityInfo>([
  ['gazprom', { id: 'gazprom', name: 'Gazprom', topics: ['energy'] }],
  ['cnpc', { id: 'cnpc', name: 'CNPC', topics: ['energy'] }],
  ['vladimir-putin', { id: 'vladimir-putin', name: 'Vladimir Putin', topics: ['people'] }],
]);

function mount(overrides: Partial<HighlightsPageProps> & { highlights: Highlight[] }) {
  const props: HighlightsPageProps = {
    loadError: null,
    entities,
    topics: [
      { id: 'energy', label: 'Energy' },
      { id: 'people', label: 'People' },
    ],
    onSaveNote: vi.fn(async () => undefined),
    onDelete: vi.fn(async () => null),
    onUndoDelete: vi.fn(async () => undefined),
    onKeep: vi.fn(async () => undefined),
    onExport: vi.fn(),
    onReadImport: vi.fn(async () => {
      throw new Error('no file expected');
    }),
    onImport: vi.fn(async () => ({ added: 0, skipped: 0 })),
    ...overrides,
  };
  act(() => {
    render(
      <I18nProvider t={(k) => k}>
        <HighlightsPage {...props} />
      </I18nProvider>,
      container,
    );
  });
  return props;
}

const items = () => [...container.querySelectorAll<HTMLElement>('.hl-item')];

async function settle(check: () => void) {
  await vi.waitFor(() => {
    act(() => undefined);
    check();
  });
}

describe('HighlightsPage', () => {
  const highlights = makeHighlights(14, 3);

  test('groups by page; orphans are listed apart with their quote and a Keep button', () => {
    mount({ highlights });
    expect(container.querySelectorAll('.hl-group')).toHaveLength(3);
    const orphans = [...container.querySelectorAll('.hl-orphans .hl-item')];
    expect(orphans).toHaveLength(highlights.filter((h) => h.status === 'orphan').length);
    expect(orphans[0]!.querySelector('.hl-quote')!.textContent).toBe(highlights[0]!.anchor.quote.exact);
    expect([...orphans[0]!.querySelectorAll('button')].map((b) => b.textContent)).toContain('hl_keep');
    expect(items()).toHaveLength(14);
  });

  test('search and entity filter narrow the list', () => {
    mount({ highlights });
    const search = container.querySelector<HTMLInputElement>('input[type="search"]')!;
    act(() => {
      search.value = 'note 12:';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(items().map((li) => li.dataset.highlightId)).toEqual([highlights[12]!.id]);
    act(() => {
      search.value = '';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const select = container.querySelectorAll('select')[0]!;
    act(() => {
      select.value = 'gazprom';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const shown = items().map((li) => highlights.find((h) => h.id === li.dataset.highlightId)!);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((h) => h.entities.includes('gazprom'))).toBe(true);
  });

  test('page and imported text is shown as text, never as HTML', () => {
    const [h] = makeHighlights(1);
    mount({ highlights: [{ ...h!, status: 'anchored', note: '<img src=x onerror=alert(1)>', title: '<b>bold</b>' }] });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.hl-group b')).toBeNull();
    expect(container.querySelector('.hl-note')!.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  test('delete offers undo, which puts the same record back', async () => {
    const target = { ...highlights[1]!, status: 'anchored' as const };
    const props = mount({ highlights: [target], onDelete: vi.fn(async () => target) });
    act(() => items()[0]!.querySelector<HTMLButtonElement>('.hl-danger')!.click());
    await settle(() => expect(container.querySelector('[role="status"]')!.textContent).toContain('hl_deleted'));
    const undo = [...container.querySelectorAll<HTMLButtonElement>('[role="status"] button')].find(
      (b) => b.textContent === 'hl_undo',
    )!;
    act(() => undo.click());
    await settle(() => expect(props.onUndoDelete).toHaveBeenCalledWith(target));
  });

  test('a refused import shows why, before anything is written', async () => {
    const props = mount({
      highlights: [],
      onReadImport: vi.fn(async () => {
        throw new Error('Highlight 2 of 3: created: must be an ISO 8601 timestamp');
      }),
    });
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [new File(['{}'], 'x.json')] });
    act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle(() =>
      expect(container.querySelector('[role="status"]')!.textContent).toBe(
        'hl_importFailed Highlight 2 of 3: created: must be an ISO 8601 timestamp',
      ),
    );
    expect(container.querySelector('[data-testid="hl-import-preview"]')).toBeNull();
    expect(props.onImport).not.toHaveBeenCalled();
  });

  test('only web and file addresses become links', () => {
    expect(safeHref('https://x.example/a')).toBe('https://x.example/a');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
  });
});
