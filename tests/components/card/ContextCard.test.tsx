// @vitest-environment happy-dom
import type { ContextCardProps } from '../../../components/ContextCard';
import { renderCard } from './render-card';
import { describe, expect, test, vi } from 'vitest';
import { mountPoint } from '../../support/mount-point';
import { act } from 'preact/test-utils';
import { ESSAY_PUBLICATION, ESSAY_TITLE, formatAsOf, sourceLabel } from '../../../lib/card/view-model';
import type { CardData } from '../../../lib/card/view-model';
import { byId, cardData, meta, TEST_SERIES } from './fixtures';

const point = mountPoint();

function mount(props: Partial<ContextCardProps> & { data: CardData }) {
  return renderCard(point.el, props);
}

/** Clicks inside act() and waits until the card shows `name` (related cards load asynchronously). */
async function clickUntil(el: HTMLElement | null, dialog: HTMLElement, name: string) {
  expect(el).not.toBeNull();
  await act(async () => el!.click());
  await vi.waitFor(() => expect(text(dialog.querySelector('h2'))).toBe(name));
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('content', () => {
  test('a dialog named by its heading, the entity name', () => {
    const dialog = mount({ data: cardData('vladimir-putin') });
    const heading = document.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(heading?.tagName).toBe('H2');
    expect(text(heading)).toBe('Vladimir Putin');
    expect(dialog.dataset.theme).toBe('light');
  });

  test('type and topic chips', () => {
    const dialog = mount({ data: cardData('vladimir-putin') });
    expect(text(dialog.querySelector('.lc-type'))).toBe('person');
    const topics = [...dialog.querySelectorAll('.lc-topic')].map(text);
    const expected = byId.get('vladimir-putin')!.topics.map((id) => meta.topics.find((m) => m.id === id)!.label);
    expect(topics).toEqual(expected);
  });

  test('native-script names carry their language', () => {
    const dialog = mount({ data: cardData('vladimir-putin') });
    expect(text(dialog.querySelector('[lang="ru"]'))).toBe('Владимир Путин');
    expect(text(dialog.querySelector('[lang="zh-Hans"]'))).toBe('普京');
  });

  test('summary and every fact with its as-of date and source', () => {
    const data = cardData('vladimir-putin');
    const dialog = mount({ data });
    expect(text(dialog.querySelector('.lc-summary'))).toBe(data.entity.summary);
    const items = [...dialog.querySelectorAll('.lc-fact-item')];
    expect(items).toHaveLength(data.entity.facts.length);
    data.entity.facts.forEach((fact, i) => {
      const item = items[i]!;
      expect(text(item.querySelector('.lc-fact'))).toBe(fact.text);
      expect(text(item.querySelector('time'))).toBe(formatAsOf(fact.asOf));
      expect(text(item.querySelector('q'))).toBe(fact.source.quote);
      if (fact.source.kind === 'web') {
        const link = item.querySelector('a')!;
        expect(link.getAttribute('href')).toBe(fact.source.url);
        expect(link.getAttribute('target')).toBe('_blank');
        expect(link.getAttribute('rel')).toBe('noopener noreferrer');
        // The headline is the link; the publisher readers know follows it, and together they read as the title.
        const { headline, publisher } = sourceLabel(fact.source);
        expect(text(link)).toBe(headline);
        expect(text(item.querySelector('.lc-publisher'))).toBe(publisher);
        expect(text(item.querySelector('.lc-source'))).toContain(fact.source.title);
      } else {
        expect(text(item.querySelector('cite'))).toBe(ESSAY_TITLE);
        expect(text(item.querySelector('.lc-publisher'))).toBe(ESSAY_PUBLICATION);
        expect(text(item.querySelector('.lc-source'))).toContain(`(${ESSAY_PUBLICATION}, card_source_essay_date)`);
        expect(item.querySelector('a')).toBeNull();
      }
    });
    const kinds = new Set(data.entity.facts.map((f) => f.source.kind));
    expect(kinds).toEqual(new Set(['seed', 'web']));
  });

  test('the footer shows the fact base version and review date', () => {
    const dialog = mount({ data: cardData('china') });
    expect(text(dialog.querySelector('footer'))).toBe(`card_footer(${meta.version},${formatAsOf(meta.reviewed)})`);
  });

  test('text that looks like HTML is shown as text, never parsed (guards HTML injection)', () => {
    const data = cardData('china');
    const evil = '<img src=x onerror="window.__pwned=1">';
    const dialog = mount({
      data: {
        ...data,
        entity: {
          ...data.entity,
          name: evil,
          summary: evil,
          facts: data.entity.facts.map((f) => ({ ...f, text: evil })),
        },
      },
    });
    expect(dialog.querySelector('img')).toBeNull();
    expect(text(dialog.querySelector('h2'))).toBe(evil);
    expect(text(dialog.querySelector('.lc-summary'))).toBe(evil);
  });

  test('no chart without a series', () => {
    const dialog = mount({ data: cardData('china') });
    expect(dialog.querySelector('svg')).toBeNull();
  });
});

describe('chart', () => {
  test('an accessible inline SVG with title, description of every value, and the sources', () => {
    const dialog = mount({ data: cardData('power-of-siberia', true) });
    const svg = dialog.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(text(svg.querySelector(`[id="${titleId}"]`))).toBe('Test volume (units)');
    const desc = text(svg.querySelector(`[id="${descId}"]`));
    for (const p of TEST_SERIES.points) expect(desc).toContain(`${p.period}: ${p.value} units`);
    expect(svg.querySelectorAll('circle')).toHaveLength(TEST_SERIES.points.length);
    expect(svg.querySelector('path')!.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+){2}$/);
    const caption = dialog.querySelector('figcaption')!;
    expect(caption.querySelectorAll('a')).toHaveLength(1);
    expect(text(caption.querySelector('cite'))).toBe(ESSAY_TITLE);
  });
});

describe('related entities and Back', () => {
  test('a related chip opens that card inside the same dialog; Back returns', async () => {
    const loadCard = vi.fn(async (id: string) => cardData(id));
    const root = cardData('vladimir-putin');
    const dialog = mount({ data: root, loadCard });
    expect(dialog.querySelector('.lc-back')).toBeNull();
    const chips = [...dialog.querySelectorAll<HTMLButtonElement>('button.lc-related')];
    expect(chips.map(text)).toEqual(root.related.map((r) => r.name));
    const target = root.related[0]!;
    await clickUntil(chips[0]!, dialog, target.name);
    expect(loadCard).toHaveBeenCalledWith(target.id);
    const same = point.el.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(same).toBe(dialog);
    expect(text(dialog.querySelector('h2'))).toBe(target.name);
    expect(dialog.dataset.entity).toBe(target.id);
    expect(document.activeElement).toBe(dialog.querySelector('h2'));
    const back = dialog.querySelector<HTMLButtonElement>('.lc-back')!;
    expect(back).not.toBeNull();
    await clickUntil(back, dialog, 'Vladimir Putin');
    expect(dialog.querySelector('.lc-back')).toBeNull();
  });

  test('two levels deep, Back walks back one level at a time', async () => {
    const dialog = mount({ data: cardData('vladimir-putin'), loadCard: async (id) => cardData(id) });
    await clickUntil(dialog.querySelector('button.lc-related[data-entity="xi-jinping"]'), dialog, 'Xi Jinping');
    await clickUntil(dialog.querySelector('button.lc-related[data-entity="china"]'), dialog, 'China');
    await clickUntil(dialog.querySelector('.lc-back'), dialog, 'Xi Jinping');
    await clickUntil(dialog.querySelector('.lc-back'), dialog, 'Vladimir Putin');
  });

  test('an unknown related entity leaves the card as it is', async () => {
    const loadCard = vi.fn(async () => null);
    const dialog = mount({ data: cardData('vladimir-putin'), loadCard });
    await act(async () => dialog.querySelector<HTMLButtonElement>('button.lc-related')!.click());
    await vi.waitFor(() => expect(loadCard).toHaveBeenCalled());
    await vi.waitFor(() => expect(dialog.querySelector('[aria-busy]')).toBeNull());
    expect(text(dialog.querySelector('h2'))).toBe('Vladimir Putin');
  });

  test('a new root entity resets the history', async () => {
    const first = mount({ data: cardData('vladimir-putin'), loadCard: async (id) => cardData(id) });
    await clickUntil(first.querySelector('button.lc-related'), first, cardData('vladimir-putin').related[0]!.name);
    const dialog = mount({ data: cardData('china'), loadCard: async (id) => cardData(id) });
    expect(text(dialog.querySelector('h2'))).toBe('China');
    expect(dialog.querySelector('.lc-back')).toBeNull();
  });
});

describe('mentions and actions', () => {
  test('count with position and previous/next', () => {
    const onStepMention = vi.fn();
    const dialog = mount({
      data: cardData('vladimir-putin'),
      mentionPosition: () => ({ index: 1, total: 4 }),
      onStepMention,
    });
    expect(text(dialog.querySelector('.lc-count'))).toBe('card_mentions_position(2,4)');
    dialog.querySelector<HTMLButtonElement>('.lc-next')!.click();
    dialog.querySelector<HTMLButtonElement>('.lc-prev')!.click();
    expect(onStepMention.mock.calls).toEqual([
      ['vladimir-putin', 1],
      ['vladimir-putin', -1],
    ]);
  });

  test('a single mention has no previous/next', () => {
    const dialog = mount({
      data: cardData('china'),
      mentionPosition: () => ({ index: 0, total: 1 }),
      onStepMention: () => {},
    });
    expect(text(dialog.querySelector('.lc-count'))).toBe('card_mentions_one');
    expect(dialog.querySelector('.lc-next')).toBeNull();
  });

  test('pin, close, save highlight and "Not this" call back', () => {
    const calls: string[] = [];
    const dialog = mount({
      data: cardData('china'),
      pinned: true,
      onTogglePin: () => calls.push('pin'),
      onClose: () => calls.push('close'),
      onSaveHighlight: () => calls.push('save'),
      onHide: (id) => calls.push(`hide:${id}`),
    });
    expect(dialog.querySelector('.lc-pin')!.getAttribute('aria-pressed')).toBe('true');
    for (const sel of ['.lc-pin', '.lc-close', '.lc-save', '.lc-hide'])
      dialog.querySelector<HTMLButtonElement>(sel)!.click();
    expect(calls).toEqual(['pin', 'close', 'save', 'hide:china']);
  });

  test('Tab from the last control wraps to the first, Shift+Tab from the first to the last', () => {
    const dialog = mount({
      data: cardData('china'),
      onClose: () => {},
      onHide: () => {},
      loadCard: async (id) => cardData(id),
    });
    const controls = [...dialog.querySelectorAll<HTMLElement>('a[href], button')];
    const first = controls[0]!;
    const last = controls[controls.length - 1]!;
    last.focus();
    last.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    expect(document.activeElement).toBe(first);
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, cancelable: true }));
    expect(document.activeElement).toBe(last);
  });
});
