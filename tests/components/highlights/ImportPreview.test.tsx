// @vitest-environment happy-dom
/**
 * Import through the highlights page: choosing a file says what it holds, in
 * the reader's language and with correct plurals, and nothing is written
 * until the reader confirms; cancel writes nothing; a file with nothing new
 * offers no import; file text is shown as text.
 */
import { mountPoint } from '../../support/mount-point';
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import { HighlightsPage, type HighlightsPageProps } from '../../../components/highlights/HighlightsPage';
import type { Translate } from '../../../components/i18n';
import { I18nProvider } from '../../../components/ui/I18nProvider';
import { bundledFactbase } from '../../../lib/factbase/bundled';
import { exportJson } from '../../../lib/highlights/annotation-json';
import { entityTagResolver } from '../../../lib/highlights/entity-tags';
import { parseImportFile, planImport, type ImportPlan } from '../../../lib/highlights/import-file';
import type { Highlight } from '../../../lib/highlights/model';
import { makeHighlights } from '../../lib/highlights/fixtures';
import { hypAnnotation, hypExport } from '../../lib/highlights/hypothesis-fixtures';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** browser.i18n.getMessage's substitution, over the real message files. */
function translator(locale: string): Translate {
  const messages = JSON.parse(readFileSync(`assets/public/_locales/${locale}/messages.json`, 'utf8')) as Messages;
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) return key;
    const subs = substitutions === undefined ? [] : [substitutions].flat();
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      const index = content ? Number(content.slice(1)) - 1 : -1;
      return index >= 0 ? (subs[index] ?? '') : whole;
    });
  };
}

const resolveTag = entityTagResolver(bundledFactbase().entities);

function planFor(text: string, stored: readonly Highlight[] = []): ImportPlan {
  const parsed = parseImportFile(text, resolveTag);
  if (!parsed.ok) throw new Error(parsed.error);
  return planImport(parsed, stored);
}

const point = mountPoint();

function mount(overrides: Partial<HighlightsPageProps>, locale = 'en') {
  const props: HighlightsPageProps = {
    highlights: [],
    loadError: null,
    entities: new Map(),
    topics: [],
    onSaveNote: vi.fn(async () => undefined),
    onDelete: vi.fn(async () => null),
    onUndoDelete: vi.fn(async () => undefined),
    onKeep: vi.fn(async () => undefined),
    onExport: vi.fn(),
    onReadImport: vi.fn(async () => {
      throw new Error('unexpected read');
    }),
    onImport: vi.fn(async () => ({ added: 0, skipped: 0 })),
    locale,
    ...overrides,
  };
  act(() => {
    render(
      <I18nProvider t={translator(locale === 'ru' ? 'ru' : locale === 'zh-CN' ? 'zh_CN' : 'en')}>
        <HighlightsPage {...props} />
      </I18nProvider>,
      point.el,
    );
  });
  return props;
}

async function settle(check: () => void) {
  await vi.waitFor(() => {
    act(() => undefined);
    check();
  });
}

function choose(fileName: string, text = '{}') {
  const input = point.el.querySelector<HTMLInputElement>('input[data-testid="hl-import"]')!;
  Object.defineProperty(input, 'files', { value: [new File([text], fileName)], configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const preview = () => point.el.querySelector<HTMLElement>('[data-testid="hl-import-preview"]');
const buttons = () => [...(preview()?.querySelectorAll('button') ?? [])];
const status = () => point.el.querySelector('[role="status"]')!.textContent;

// 42 highlights on 9 pages, 3 of them stored already.
const file = makeHighlights(42, 9, 3);
const stored = [file[0]!, file[20]!, file[41]!];
const plan = planFor(exportJson(file), stored);

describe('import preview and confirm', () => {
  test('says what the file holds, and writes only after the confirm', async () => {
    const props = mount({
      highlights: stored,
      onReadImport: vi.fn(async () => plan),
      onImport: vi.fn(async () => ({ added: 39, skipped: 3 })),
    });
    const text = exportJson(file);
    choose('highlights.json', text);
    await settle(() => expect(preview()).not.toBeNull());
    expect(props.onReadImport).toHaveBeenCalledWith(text);
    expect(preview()!.querySelector('.hl-import-summary')!.textContent).toBe(
      'Found 42 highlights on 9 pages, 3 already here.',
    );
    expect(preview()!.querySelector('.hl-import-source')!.textContent).toBe('Eurasia Lens export: highlights.json');
    expect(props.onImport).not.toHaveBeenCalled();
    // The decision has the focus.
    expect(document.activeElement?.textContent).toBe('Import 39 new highlights');

    act(() => buttons()[0]!.click());
    await settle(() => expect(status()).toBe('Imported highlights: 39; already saved, skipped: 3'));
    expect(props.onImport).toHaveBeenCalledWith(plan);
    expect(preview()).toBeNull();
  });

  test('cancel (or Escape) closes the preview and writes nothing', async () => {
    const props = mount({ onReadImport: vi.fn(async () => plan) });
    choose('a.json');
    await settle(() => expect(preview()).not.toBeNull());
    act(() => buttons()[1]!.click());
    expect(preview()).toBeNull();
    choose('a.json');
    await settle(() => expect(preview()).not.toBeNull());
    act(() => {
      preview()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(preview()).toBeNull();
    expect(props.onImport).not.toHaveBeenCalled();
  });

  test('a file with nothing new offers no import, only Close', async () => {
    mount({ onReadImport: vi.fn(async () => planFor(exportJson(stored), stored)) });
    choose('again.json');
    await settle(() => expect(preview()).not.toBeNull());
    expect(preview()!.textContent).toContain('Found 3 highlights on 3 pages, 3 already here.');
    expect(preview()!.textContent).toContain('there is nothing to import');
    expect(buttons().map((b) => b.textContent)).toEqual(['Close']);
  });

  test('one highlight on one page, none stored: singular phrases', async () => {
    mount({ onReadImport: vi.fn(async () => planFor(exportJson(file.slice(0, 1)))) });
    choose('one.json');
    await settle(() => expect(preview()).not.toBeNull());
    expect(preview()!.querySelector('.hl-import-summary')!.textContent).toBe(
      'Found 1 highlight on 1 page, none of them already here.',
    );
    expect(buttons()[0]!.textContent).toBe('Import 1 new highlight');
  });

  test('a Hypothesis export: what is not imported, and where the tags went', async () => {
    const text = hypExport([
      hypAnnotation('Gazprom and CNPC finally signed', { tags: ['Gazprom', 'CNPC', 'deals'] }),
      hypAnnotation('the Power of Siberia'),
      hypAnnotation(null, { text: 'page note' }),
      hypAnnotation(null, { text: 'reply', references: ['x'] }),
    ]);
    mount({ onReadImport: vi.fn(async () => planFor(text)) });
    choose('hypothesis-export.json', text);
    await settle(() => expect(preview()).not.toBeNull());
    expect(preview()!.querySelector('.hl-import-source')!.textContent).toBe(
      'Hypothesis export: hypothesis-export.json',
    );
    const details = [...preview()!.querySelectorAll('.hl-import-details li')].map((li) => li.textContent);
    expect(details).toEqual([
      'Page notes and replies, which quote no passage and are not imported: 2',
      'Tags that name an entity, linked to it: 2; other tags, kept in the note: 1',
    ]);
  });

  test('an older export is named as such', async () => {
    mount({ onReadImport: vi.fn(async () => ({ ...plan, format: 'lens-1' as const })) });
    choose('old.json');
    await settle(() => expect(preview()).not.toBeNull());
    expect(preview()!.querySelector('.hl-import-source')!.textContent).toBe(
      'Eurasia Lens export (older format): old.json',
    );
  });

  test('a failed write is reported and the preview closes; nothing claims success', async () => {
    mount({
      onReadImport: vi.fn(async () => plan),
      onImport: vi.fn(async () => {
        throw new Error('The browser’s storage for Eurasia Lens is full, so this change was not saved.');
      }),
    });
    choose('a.json');
    await settle(() => expect(preview()).not.toBeNull());
    act(() => buttons()[0]!.click());
    await settle(() =>
      expect(status()).toBe(
        'Import refused; nothing was imported. The browser’s storage for Eurasia Lens is full, so this change was not saved.',
      ),
    );
    expect(preview()).toBeNull();
  });

  test('the file name is shown as text, never as HTML', async () => {
    mount({ onReadImport: vi.fn(async () => plan) });
    choose('<img src=x onerror=alert(1)>.json');
    await settle(() => expect(preview()).not.toBeNull());
    expect(preview()!.querySelector('img')).toBeNull();
    expect(preview()!.querySelector('.hl-import-file')!.textContent).toBe('<img src=x onerror=alert(1)>.json');
  });
});

describe('counted phrases in other languages', () => {
  test.each<[string, number, number, number, string]>([
    ['ru', 42, 9, 3, 'Найдено: 42 выделения на 9 страницах; уже сохранено: 3.'],
    ['ru', 1, 1, 0, 'Найдено: 1 выделение на 1 странице; ранее сохранённых среди них нет.'],
    ['ru', 25, 21, 5, 'Найдено: 25 выделений на 21 странице; уже сохранено: 5.'],
    ['zh-CN', 42, 9, 3, '找到 42 条标注，分布在 9 个页面，其中 3 条已存在。'],
  ])('%s: %i highlights on %i pages, %i stored', async (locale, count, pages, here, sentence) => {
    const list = makeHighlights(count, pages, 5);
    mount({ onReadImport: vi.fn(async () => planFor(exportJson(list), list.slice(0, here))) }, locale);
    choose('f.json');
    await settle(() => expect(preview()).not.toBeNull());
    expect(preview()!.querySelector('.hl-import-summary')!.textContent).toBe(sentence);
  });
});
