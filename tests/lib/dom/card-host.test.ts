// @vitest-environment happy-dom
/**
 * The card host with the page's context, as the content script passes it:
 * the article's date, the entities on the page (their cards, loaded once, rank
 * the facts), the names inside a marked phrase, and the sentences read as plain
 * text from a mention's block for the figure check.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CARD_HOST_TAG, mountCardHost, sentencesAround, type CardHost } from '../../../lib/dom/card-host';
import { DEFAULT_SETTINGS } from '../../../lib/settings/model';
import { answerCardRequests } from '../card/answer-card-requests';

// WXT's fake browser has no i18n.getMessage: show message keys (and arguments) instead.
vi.mock('../../../lib/platform/i18n', () => ({
  translate: (key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key}(${(Array.isArray(subs) ? subs : [subs]).join(',')})`,
}));

let ctx: ContentScriptContext;
let host: CardHost;
let requests: string[];
const inner = new WeakMap<Element, string[]>();

const shadow = () => document.querySelector(CARD_HOST_TAG)!.shadowRoot!;
const dialog = () => shadow().querySelector<HTMLElement>('[role="dialog"]');
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const mentions = () => Array.from(document.querySelectorAll<HTMLElement>('lens-mention'));

/** Writes the page's paragraphs; `[[id|text]]` becomes a mention (`[[id+a,b|text]]`: with inner entities). */
function page(...paragraphs: string[]) {
  document.body.innerHTML = '';
  for (const source of paragraphs) {
    const p = document.createElement('p');
    for (const part of source.split(/(\[\[[^\]]+\]\])/)) {
      const m = /^\[\[([^|+]+)(?:\+([^|]+))?\|(.+)\]\]$/.exec(part);
      if (!m) {
        p.append(part);
        continue;
      }
      const el = document.createElement('lens-mention');
      el.setAttribute('data-entity', m[1]!);
      el.textContent = m[3]!;
      if (m[2]) inner.set(el, m[2].split(','));
      p.append(el);
    }
    document.body.append(p);
  }
}

async function open(entity: string, index = 0) {
  const all = mentions().filter((m) => m.getAttribute('data-entity') === entity);
  all[index]!.click();
  await vi.waitFor(() => expect(dialog()).not.toBeNull());
  return dialog()!;
}

async function mount(published?: string) {
  host = await mountCardHost(ctx, {
    getMentions: mentions,
    settings: () => DEFAULT_SETTINGS,
    onHideEntity: () => undefined,
    published,
    pageEntities: () => {
      const counts = new Map<string, number>();
      for (const m of mentions()) {
        for (const id of [m.getAttribute('data-entity')!, ...(inner.get(m) ?? [])])
          counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return [...counts].map(([id, count]) => ({ id, count }));
    },
    innerEntitiesOf: (m) => inner.get(m) ?? [],
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  requests = [];
  answerCardRequests(requests);
  document.body.innerHTML = '';
  ctx = new ContentScriptContext('card-host-page-test');
});
afterEach(() => {
  host?.destroy();
  ctx.abort();
});

describe('page context in the card', () => {
  test('the article’s date: shown, facts placed before and after it', async () => {
    page('The [[power-of-siberia|Power of Siberia]] pipeline opened in 2019.');
    await mount('2021-06-01');
    const card = await open('power-of-siberia');
    expect(text(card.querySelector('.lc-article-date'))).toBe('card_article_date(Jun 1, 2021)');
    const placed = [...card.querySelectorAll<HTMLElement>('.lc-fact-item')].map((li) => li.dataset.relative);
    expect(placed).toHaveLength(5);
    expect(placed.every((r) => r === 'before' || r === 'after')).toBe(true);
    expect(card.querySelector('.lc-when')).not.toBeNull();
  });

  test('no date on the page: no date line and no placement', async () => {
    page('The [[power-of-siberia|Power of Siberia]] pipeline opened in 2019.');
    await mount(undefined);
    const card = await open('power-of-siberia');
    expect(card.querySelector('.lc-article-date')).toBeNull();
    expect(card.querySelector('[data-relative]')).toBeNull();
  });

  test('the entities on the page rank the facts; their cards are loaded once', async () => {
    page('[[vladimir-putin|Putin]] and [[xi-jinping|Xi]] praised the [[power-of-siberia|Power of Siberia]].');
    await mount();
    const card = await open('power-of-siberia');
    expect(text(card.querySelector('.lc-fact'))).toMatch(/^Putin and Xi opened/);
    host.close();
    await open('power-of-siberia');
    expect(requests.filter((id) => id === 'xi-jinping')).toHaveLength(1);
  });

  test('a marked phrase names its inner entities as chips that open their cards, with Back', async () => {
    page('[[russian-invasion-of-ukraine+russia,ukraine|Russia’s invasion of Ukraine]] changed everything.');
    await mount();
    const card = await open('russian-invasion-of-ukraine');
    const chips = [...card.querySelectorAll<HTMLButtonElement>('[aria-labelledby$="-inner"] button')];
    expect(chips.map(text)).toEqual(['Russia', 'Ukraine']);
    chips[0]!.click();
    await vi.waitFor(() => expect(text(dialog()!.querySelector('h2'))).toBe('Russia'));
    dialog()!.querySelector<HTMLButtonElement>('.lc-back')!.click();
    await vi.waitFor(() => expect(dialog()!.querySelector('[aria-labelledby$="-inner"]')).not.toBeNull());
  });

  test('a figure next to a series entity is compared; page text is shown as text, never parsed', async () => {
    page(
      'Officials met. <b>Trade</b> between the two, the [[china-russia-trade|China–Russia trade]], reached $190 billion in 2023.',
    );
    await mount('2024-03-01');
    const card = await open('china-russia-trade');
    const check = card.querySelector<HTMLElement>('[data-figure-check]');
    expect(check?.dataset.figureCheck).toBe('differs');
    expect(text(check)).toContain('card_figure_article($190 billion,2023)');
    expect(card.querySelector('b')).toBeNull();
  });
});

describe('sentencesAround', () => {
  test('the mention’s sentence and the next, unless the next names another entity with figures', () => {
    page(
      'Talks went on. The [[power-of-siberia|Power of Siberia]] opened in 2019. Last year the pipeline carried 22.7 bcm. More followed.',
      'The [[power-of-siberia|pipeline]] grew. [[china-russia-trade|Trade]] reached $240 billion in 2023.',
    );
    const marks = mentions().filter((m) => m.getAttribute('data-entity') === 'power-of-siberia');
    const other = (m: Element) => m.getAttribute('data-entity') === 'china-russia-trade';
    expect(sentencesAround(marks, 'lens-mention', other)).toEqual([
      'The Power of Siberia opened in 2019.',
      'Last year the pipeline carried 22.7 bcm.',
      'The pipeline grew.',
    ]);
  });

  test('at most the given number of sentences, no repeats', () => {
    page('A [[yuan|yuan]] and a [[yuan|yuan]] again. Then nothing.', 'The [[yuan|yuan]] rose.');
    const marks = mentions();
    expect(sentencesAround(marks, 'lens-mention', () => false, 2)).toEqual([
      'A yuan and a yuan again.',
      'Then nothing.',
    ]);
  });
});
