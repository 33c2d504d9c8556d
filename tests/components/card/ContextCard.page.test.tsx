// @vitest-environment happy-dom
/**
 * The card with the page's context: the names inside a marked phrase as chips,
 * the article's date and the facts split around it, the article's figures
 * beside the sourced series, the date on the chart, and the facts ordered for
 * the page. Without that context the card is as it always was.
 */
import type { ContextCardProps } from '../../../components/ContextCard';
import { renderCard } from './render-card';
import { describe, expect, test, vi } from 'vitest';
import { mountPoint } from '../../support/mount-point';
import { act } from 'preact/test-utils';
import type { CardData, CardPage } from '../../../lib/card/view-model';
import { byId, cardData } from './fixtures';

const point = mountPoint();

function mount(props: Partial<ContextCardProps> & { data: CardData }) {
  return renderCard(point.el, { locale: 'en-GB', ...props });
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const facts = (dialog: HTMLElement) => [...dialog.querySelectorAll<HTMLElement>('.lc-fact-item')];
const names = (...ids: string[]) => ids.map((id) => ({ id, names: [byId.get(id)!.name, ...byId.get(id)!.aliases] }));

describe('without page context', () => {
  test('no date line, one fact list in fact base order, no placement attribute', () => {
    const data = cardData('power-of-siberia');
    const dialog = mount({ data });
    expect(dialog.querySelector('.lc-article-date')).toBeNull();
    expect(facts(dialog).map((li) => text(li.querySelector('.lc-fact')))).toEqual(data.entity.facts.map((f) => f.text));
    expect(facts(dialog).some((li) => li.hasAttribute('data-relative'))).toBe(false);
    expect(dialog.querySelector('[data-figure-check]')).toBeNull();
    expect(dialog.querySelector('.lc-when')).toBeNull();
  });

  test('a page without a date: the same card, facts ordered for the page only', () => {
    const dialog = mount({ data: cardData('power-of-siberia'), page: { entities: names('vladimir-putin') } });
    expect(dialog.querySelector('.lc-article-date')).toBeNull();
    expect(facts(dialog).some((li) => li.hasAttribute('data-relative'))).toBe(false);
    expect(text(dialog.querySelector('.lc-sub'))).toBe('card_facts');
  });
});

describe('the article’s date', () => {
  const page: CardPage = { date: '2021-06-01', entities: [] };

  test('shown in the reader’s locale, with a machine-readable date', () => {
    const dialog = mount({ data: cardData('power-of-siberia'), page });
    const line = dialog.querySelector('.lc-article-date time');
    expect(text(line)).toBe('card_article_date(1 Jun 2021)');
    expect(line?.getAttribute('datetime')).toBe('2021-06-01');
  });

  test('facts split into known by then and since; every fact carries data-relative', () => {
    const data = cardData('china-russia-trade');
    const dialog = mount({ data, page });
    const headings = [...dialog.querySelectorAll('.lc-sub')].map(text);
    expect(headings).toContain('card_facts_before');
    expect(headings).toContain('card_facts_after');
    const items = facts(dialog);
    expect(items).toHaveLength(data.entity.facts.length);
    for (const li of items) expect(['before', 'after']).toContain(li.dataset.relative);
    // Trade of 2018 was known in June 2021; the yearly figures of 2022–2024 came after.
    const before = items
      .filter((li) => li.dataset.relative === 'before')
      .map((li) => text(li.querySelector('.lc-fact')));
    expect(before).toEqual([expect.stringMatching(/\$87 billion in 2018/)]);
    // The later facts sit in their own, visually secondary list.
    for (const li of items.filter((li) => li.dataset.relative === 'after')) {
      expect(li.closest('ol')?.classList.contains('lc-later')).toBe(true);
    }
  });

  test('a series chart marks the article’s date on its time axis and says it in its description', () => {
    const dialog = mount({ data: cardData('power-of-siberia'), page });
    const marker = dialog.querySelector('.lc-chart .lc-when');
    expect(marker).not.toBeNull();
    expect(marker?.getAttribute('aria-hidden')).toBe('true');
    expect(text(dialog.querySelector('.lc-chart desc'))).toContain('card_article_date(1 Jun 2021)');
    // June 2021 lies between the 2020 and 2021 points (each at mid-year).
    const dots = [...dialog.querySelectorAll('.lc-dot')].map((c) => Number(c.getAttribute('cx')));
    const x = Number(marker!.querySelector('line')!.getAttribute('x1'));
    expect(x).toBeGreaterThan(dots[0]!);
    expect(x).toBeLessThan(dots[1]!);
  });
});

describe('the article’s figures', () => {
  test('a figure that differs from the series: both shown, with our source, in neutral words', () => {
    const sentence = 'Trade between China and Russia reached $190 billion in 2023.';
    const dialog = mount({
      data: cardData('china-russia-trade'),
      page: { date: '2024-03-01', sentences: () => [sentence] },
    });
    const check = dialog.querySelector<HTMLElement>('[data-figure-check]');
    expect(check?.dataset.figureCheck).toBe('differs');
    expect(text(check)).toContain('card_figure_article($190 billion,2023)');
    expect(text(check)).toContain('card_figure_source(US$240bn)');
    expect(text(check)).toContain('card_figure_differs');
    // Our source is named (the essay, for this point) and linked where it is a web page.
    expect(text(check)).toContain('Foreign Affairs');
    expect(text(check)).not.toMatch(/wrong|false|incorrect|misleading/i);
  });

  test('a figure that agrees to the article’s rounding', () => {
    const dialog = mount({
      data: cardData('power-of-siberia'),
      page: { date: '2024-03-01', sentences: () => ['Last year the pipeline carried 22.7 bcm.'] },
    });
    const check = dialog.querySelector<HTMLElement>('[data-figure-check]');
    expect(check?.dataset.figureCheck).toBe('agrees');
    expect(text(check)).toContain('card_figure_agrees');
    expect(check?.querySelector('a.lc-link')?.getAttribute('href')).toBe('https://tass.com/economy/1820193');
  });

  test('forecasts and figures for other things are not compared', () => {
    const dialog = mount({
      data: cardData('china-russia-trade'),
      page: {
        date: '2024-03-01',
        sentences: () => ['Trade is expected to reach $300 billion by 2030.', 'Trade grew 26.3% in 2023.'],
      },
    });
    expect(dialog.querySelector('[data-figure-check]')).toBeNull();
  });
});

describe('names inside the marked phrase', () => {
  test('chips open the inner entity’s card in the same dialog; Back returns', async () => {
    const loadCard = vi.fn(async (id: string) => cardData(id));
    const phrase = cardData('russian-invasion-of-ukraine');
    const dialog = mount({
      data: phrase,
      loadCard,
      page: {
        inner: [
          { id: 'russia', name: 'Russia' },
          { id: 'ukraine', name: 'Ukraine' },
        ],
      },
    });
    const section = dialog.querySelector('[aria-labelledby$="-inner"]')!;
    expect(text(section.querySelector('h3'))).toBe('card_inner');
    const chips = [...section.querySelectorAll<HTMLButtonElement>('button.lc-related')];
    expect(chips.map(text)).toEqual(['Russia', 'Ukraine']);
    expect(chips.every((b) => b.type === 'button')).toBe(true);
    await act(async () => chips[1]!.click());
    await vi.waitFor(() => expect(text(dialog.querySelector('h2'))).toBe('Ukraine'));
    expect(loadCard).toHaveBeenCalledWith('ukraine');
    // The chips belong to the phrase's card only.
    expect(dialog.querySelector('[aria-labelledby$="-inner"]')).toBeNull();
    await act(async () => dialog.querySelector<HTMLButtonElement>('.lc-back')!.click());
    await vi.waitFor(() => expect(text(dialog.querySelector('h2'))).toBe(phrase.entity.name));
  });
});

describe('facts ranked for the page', () => {
  test('the same entity opens with different facts on two pages', () => {
    const first = (page: CardPage) =>
      text(facts(mount({ data: cardData('power-of-siberia'), page }))[0]!.querySelector('.lc-fact'));
    const leaders = first({ entities: names('vladimir-putin', 'xi-jinping') });
    const companies = first({ entities: names('gazprom', 'cnpc') });
    expect(leaders).toMatch(/^Putin and Xi/);
    expect(companies).toMatch(/Gazprom and China National Petroleum Corporation/);
  });
});
