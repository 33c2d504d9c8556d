// @vitest-environment happy-dom
/**
 * What readers see never calls the founding essay "the seed": the word is an
 * internal source kind only. Checked on every locale message and on every card
 * and source line rendered with the real messages of each locale.
 */
import { readFileSync } from 'node:fs';
import { mountPoint } from '../../support/mount-point';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ContextCard } from '../../../components/ContextCard';
import { SourceLine } from '../../../components/card/SourceLine';
import type { Translate } from '../../../components/i18n';
import { I18nProvider } from '../../../components/ui/I18nProvider';
import { buildCardData, ESSAY_PUBLISHED } from '../../../lib/card/view-model';
import { bundledFactbase } from '../../../lib/factbase/bundled';
import type { Source } from '../../../lib/factbase/schema';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const LOCALES = { en: 'en', ru: 'ru', zh_CN: 'zh-CN' } as const;
const load = (dir: string): Messages =>
  JSON.parse(
    readFileSync(resolve(__dirname, '../../../assets/public/_locales', dir, 'messages.json'), 'utf8'),
  ) as Messages;

/** A translator that fills placeholders the way browser.i18n.getMessage does. */
function translator(messages: Messages): Translate {
  return (key, subs) => {
    const entry = messages[key];
    if (!entry) return key;
    const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return entry.message
      .replace(/\$(\w+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
      .replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
  };
}

/** Every text a reader can see or hear in `root`: its text and the attributes shown as text. */
function visibleText(root: Element): string {
  const attrs = [...root.querySelectorAll('*')].flatMap((el) =>
    ['title', 'aria-label', 'alt'].map((a) => el.getAttribute(a) ?? ''),
  );
  return [root.textContent ?? '', ...attrs].join('\n');
}

const SEED = /seed/i;
const fb = bundledFactbase();
const sources: Source[] = fb.entities.flatMap((e) => [
  ...e.facts.map((f) => f.source),
  ...(e.series ?? []).flatMap((s) => s.points.map((p) => p.source)),
]);

const point = mountPoint();

describe('locale messages', () => {
  test.each(Object.keys(LOCALES))('no %s message says "seed"', (dir) => {
    const hits = Object.entries(load(dir)).filter(([, m]) => SEED.test(m.message));
    expect(hits.map(([key, m]) => `${key}: ${m.message}`)).toEqual([]);
  });

  test('the check catches a made-up message that names the seed essay', () => {
    const made: Messages = { card_seed_essay: { message: 'the seed essay' } };
    expect(Object.values(made).some((m) => SEED.test(m.message))).toBe(true);
  });

  test('the English essay date names the month the essay data records', () => {
    const [year, month] = ESSAY_PUBLISHED.split('-').map(Number);
    const expected = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year!, month! - 1, 1)),
    );
    expect(load('en').card_source_essay_date?.message).toBe(expected);
  });
});

describe('rendered source lines and cards', () => {
  test.each(Object.entries(LOCALES))('no source line says "seed" (%s)', (dir, locale) => {
    const t = translator(load(dir));
    const hits: string[] = [];
    for (const source of sources) {
      act(() => {
        render(
          <I18nProvider t={t}>
            <SourceLine asOf="2024" source={source} locale={locale} />
          </I18nProvider>,
          point.el,
        );
      });
      const text = visibleText(point.el);
      if (SEED.test(text)) hits.push(text);
    }
    expect(hits).toEqual([]);
  });

  test('an essay source line names title, publication and date', () => {
    act(() => {
      render(
        <I18nProvider t={translator(load('en'))}>
          <SourceLine source={{ kind: 'seed', quote: 'a quote' }} locale="en" />
        </I18nProvider>,
        point.el,
      );
    });
    expect(point.el.textContent).toBe(
      'Source: Why the West Won’t Be Able to Drive a Wedge Between Russia and China (Foreign Affairs, April 2024) — a quote',
    );
  });

  test('the check catches a made-up translation that names the seed essay', () => {
    act(() => {
      render(
        <I18nProvider t={(key) => (key === 'card_source_essay_date' ? 'the seed essay' : key)}>
          <SourceLine source={{ kind: 'seed', quote: 'q' }} locale="en" />
        </I18nProvider>,
        point.el,
      );
    });
    expect(SEED.test(visibleText(point.el))).toBe(true);
  });

  test('no card of the fact base says "seed"', () => {
    const t = translator(load('en'));
    const hits: string[] = [];
    for (const entity of fb.entities) {
      const data = buildCardData(entity.id, fb.byId, fb.meta)!;
      act(() => {
        render(
          <I18nProvider t={t}>
            <ContextCard data={data} theme="light" locale="en" />
          </I18nProvider>,
          point.el,
        );
      });
      if (SEED.test(visibleText(point.el))) hits.push(entity.id);
    }
    expect(hits).toEqual([]);
  });
});
