/**
 * The context card: one entity's name, type and topics, native names, summary,
 * dated and sourced facts, an optional chart, related entities (opened inside
 * the same card, with Back), the mentions of this entity on the page, and the
 * reader's actions. Props in, callbacks out; every text is rendered as text.
 *
 * With the page's context (`page`) the card also names the entities inside a
 * marked phrase (chips that open their cards in place, with Back), compares the
 * article's figures with the sourced series, orders the facts for the page and,
 * when the article's date is known, shows it and splits the facts into those
 * known by then and those since.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { CardData, CardPage, MentionPosition } from '../../lib/card/view-model';
import { formatAsOf } from '../../lib/card/view-model';
import { arrangeFacts, type PlacedFact } from '../../lib/card/rank-facts';
import { checkFigures } from '../../lib/figures/compare-figures';
import { useT } from '../i18n';
import { FigureChecks } from './FigureChecks';
import { SourceLine } from './SourceLine';
import { SeriesChart } from './SeriesChart';

export interface ContextCardProps {
  data: CardData;
  theme: 'light' | 'dark';
  /** UI locale for dates and numbers (BCP 47). */
  locale?: string;
  /** Loads another entity's card for the related chips; without it the chips are plain text. */
  loadCard?(id: string): Promise<CardData | null>;
  /** Where the entity's mentions are on the page (count and current one). */
  mentionPosition?(id: string): MentionPosition;
  /** Go to the previous (-1) or next (+1) mention of `id` on the page. */
  onStepMention?(id: string, direction: 1 | -1): void;
  pinned?: boolean;
  onTogglePin?(): void;
  onClose?(): void;
  /** Present when the card belongs to a mention that can be saved as a highlight. */
  onSaveHighlight?(): void;
  /** "Not this": hide this entity on this site. */
  onHide?(id: string): void;
  /** What the page adds: its date, the entities on it, the phrase's inner names, sentences near each entity. */
  page?: CardPage;
}

const FOCUSABLE = 'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Keeps Tab and Shift+Tab inside the card once focus is in it. */
function trapTab(event: KeyboardEvent, root: HTMLElement | null) {
  if (event.key !== 'Tab' || !root) return;
  const items = Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE));
  if (items.length === 0) return;
  const active = (root.getRootNode() as Document | ShadowRoot).activeElement;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  if (event.shiftKey && (active === first || !root.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !root.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

export function ContextCard(props: ContextCardProps) {
  const t = useT();
  const locale = props.locale ?? 'en';
  const uid = useId();
  const headingId = `lens-card-h-${uid}`;
  const rootRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** Cards opened from related chips, innermost last; the root card is `props.data`. */
  const [stack, setStack] = useState<CardData[]>([]);
  const [loading, setLoading] = useState<string | null>(null);
  const [focusHeading, setFocusHeading] = useState(false);
  const loadSeq = useRef(0);

  // A different root entity starts a fresh history.
  useEffect(() => {
    setStack([]);
    setLoading(null);
    loadSeq.current++;
  }, [props.data.entity.id]);

  useEffect(() => {
    if (!focusHeading) return;
    headingRef.current?.focus();
    setFocusHeading(false);
  }, [focusHeading, stack]);

  const current = stack[stack.length - 1] ?? props.data;
  const { entity, related, meta } = current;
  const atRoot = stack.length === 0;

  const openCard = async (id: string) => {
    if (!props.loadCard) return;
    const seq = ++loadSeq.current;
    setLoading(id);
    const next = await props.loadCard(id).catch(() => null);
    if (seq !== loadSeq.current) return;
    setLoading(null);
    if (next) {
      setStack((s) => [...s, next]);
      setFocusHeading(true);
    }
  };
  const back = () => {
    loadSeq.current++;
    setLoading(null);
    setStack((s) => s.slice(0, -1));
    setFocusHeading(true);
  };

  const topicLabel = (id: string) => {
    const key = `card_topic_${id.replace(/-/g, '_')}`;
    const label = t(key);
    return label === key ? (meta.topics.find((m) => m.id === id)?.label ?? id) : label;
  };
  const typeLabel = (type: string) => {
    const key = `card_type_${type.replace(/-/g, '_')}`;
    const label = t(key);
    return label === key ? type.replace(/-/g, ' ') : label;
  };

  const position = props.mentionPosition?.(entity.id) ?? null;
  const series = entity.series ?? [];
  const page = props.page;
  const date = page?.date;
  const facts = arrangeFacts(entity, page);
  const checks =
    page?.sentences && series.length > 0
      ? checkFigures(page.sentences(entity.id), series, { published: date, names: [entity.name, ...entity.aliases] })
      : [];
  const inner = atRoot ? (page?.inner ?? []) : [];

  /** Entity chips: buttons that open the entity's card in place (with Back), or plain names without a loader. */
  const chips = (list: readonly { id: string; name: string }[]) => (
    <ul class="lc-chips">
      {list.map((r) => (
        <li key={r.id}>
          {props.loadCard ? (
            <button
              type="button"
              class="lc-related"
              data-entity={r.id}
              aria-busy={loading === r.id ? 'true' : undefined}
              onClick={() => void openCard(r.id)}
              lang="en"
            >
              {r.name}
            </button>
          ) : (
            <span class="lc-chip" lang="en">
              {r.name}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
  /** One list of facts under its heading; `part` names it and marks later facts. */
  /** A headed list of entity chips (names inside the phrase, related entities); nothing when empty. */
  const chipSection = (part: string, title: string, list: readonly { id: string; name: string }[]) =>
    list.length > 0 && (
      <section class="lc-section" aria-labelledby={`${headingId}-${part}`}>
        <h3 class="lc-sub" id={`${headingId}-${part}`}>
          {title}
        </h3>
        {chips(list)}
      </section>
    );

  const factSection = (part: string, title: string, list: PlacedFact[]) =>
    list.length > 0 && (
      <section class="lc-section" aria-labelledby={`${headingId}-${part}`}>
        <h3 class="lc-sub" id={`${headingId}-${part}`}>
          {title}
        </h3>
        <ol class={part === 'after' ? 'lc-facts lc-later' : 'lc-facts'}>
          {list.map(({ fact, relative }) => (
            <li key={fact.text} class="lc-fact-item" data-relative={relative}>
              <p class="lc-fact" lang="en">
                {fact.text}
              </p>
              <SourceLine asOf={fact.asOf} source={fact.source} locale={locale} />
            </li>
          ))}
        </ol>
      </section>
    );

  return (
    <div
      ref={rootRef}
      class="lens-card"
      role="dialog"
      aria-labelledby={headingId}
      data-theme={props.theme}
      lang={locale}
      data-entity={entity.id}
      onKeyDown={(e) => trapTab(e, rootRef.current)}
    >
      <div class="lc-scroll">
        {!atRoot && (
          <button type="button" class="lc-back" onClick={back}>
            {'← '}
            {t('card_back')}
          </button>
        )}
        <div class="lc-head">
          <h2 class="lc-name" id={headingId} ref={headingRef} tabIndex={-1} lang="en">
            {entity.name}
          </h2>
          <div class="lc-tools">
            {props.onTogglePin && (
              <button
                type="button"
                class="lc-icon lc-pin"
                aria-pressed={props.pinned ? 'true' : 'false'}
                aria-label={t('card_pin')}
                title={t('card_pin')}
                onClick={() => props.onTogglePin?.()}
              >
                <svg class="lc-svg-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <path d="M5 1.5h6M6 1.5v5L3.5 9.5h9L10 6.5v-5M8 9.5V15" />
                </svg>
              </button>
            )}
            {props.onClose && (
              <button
                type="button"
                class="lc-icon lc-close"
                aria-label={t('card_close')}
                title={t('card_close')}
                onClick={() => props.onClose?.()}
              >
                <span aria-hidden="true">×</span>
              </button>
            )}
          </div>
        </div>

        <ul class="lc-chips" aria-label={t('card_type_and_topics')}>
          <li>
            <span class="lc-chip lc-type">{typeLabel(entity.type)}</span>
          </li>
          {entity.topics.map((topic) => (
            <li key={topic}>
              <span class="lc-chip lc-topic">{topicLabel(topic)}</span>
            </li>
          ))}
        </ul>

        {(entity.native.ru || entity.native.zh) && (
          <p class="lc-native">
            {entity.native.ru && (
              <>
                <span class="lc-label">{t('card_native_ru')}</span> <span lang="ru">{entity.native.ru}</span>
              </>
            )}
            {entity.native.ru && entity.native.zh && ' · '}
            {entity.native.zh && (
              <>
                <span class="lc-label">{t('card_native_zh')}</span> <span lang="zh-Hans">{entity.native.zh}</span>
              </>
            )}
          </p>
        )}

        <p class="lc-summary" lang="en">
          {entity.summary}
        </p>

        {date !== undefined && (
          <p class="lc-article-date">
            <time dateTime={date}>{t('card_article_date', formatAsOf(date, locale))}</time>
          </p>
        )}

        {chipSection('inner', t('card_inner'), inner)}

        {checks.length > 0 && <FigureChecks checks={checks} idBase={headingId} locale={locale} />}

        {date !== undefined && facts.some((f) => f.relative) ? (
          <>
            {factSection(
              'before',
              t('card_facts_before'),
              facts.filter((f) => f.relative === 'before'),
            )}
            {factSection(
              'after',
              t('card_facts_after'),
              facts.filter((f) => f.relative === 'after'),
            )}
          </>
        ) : (
          factSection('facts', t('card_facts'), facts)
        )}

        {series.map((s, i) => (
          <section class="lc-section" key={i}>
            <SeriesChart series={s} idBase={`${headingId}-chart-${i}`} locale={locale} articleDate={date} />
          </section>
        ))}

        {chipSection('related', t('card_related'), related)}

        {position && position.total > 0 && (
          <div class="lc-mentions">
            <span class="lc-count" role="status">
              {position.total === 1
                ? t('card_mentions_one')
                : position.index >= 0
                  ? t('card_mentions_position', [String(position.index + 1), String(position.total)])
                  : t('card_mentions_many', String(position.total))}
            </span>
            {props.onStepMention && position.total > 1 && (
              <>
                <button
                  type="button"
                  class="lc-prev"
                  aria-label={t('card_prev_mention')}
                  title={t('card_prev_mention')}
                  onClick={() => props.onStepMention?.(entity.id, -1)}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  class="lc-next"
                  aria-label={t('card_next_mention')}
                  title={t('card_next_mention')}
                  onClick={() => props.onStepMention?.(entity.id, 1)}
                >
                  <span aria-hidden="true">↓</span>
                </button>
              </>
            )}
          </div>
        )}

        {((atRoot && props.onSaveHighlight) || props.onHide) && (
          <div class="lc-actions">
            {atRoot && props.onSaveHighlight && (
              <button type="button" class="lc-save" onClick={() => props.onSaveHighlight?.()}>
                {t('card_save_highlight')}
              </button>
            )}
            {props.onHide && (
              <button
                type="button"
                class="lc-hide"
                title={t('card_not_this_hint')}
                onClick={() => props.onHide?.(entity.id)}
              >
                {t('card_not_this')}
              </button>
            )}
          </div>
        )}
      </div>
      <footer class="lc-foot">{t('card_footer', [meta.version, formatAsOf(meta.reviewed, locale)])}</footer>
    </div>
  );
}
