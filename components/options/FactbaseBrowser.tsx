import { useState } from 'preact/hooks';
import type { Entity, Meta } from '../../lib/factbase/schema';
import { useT } from '../i18n';
import { topicLabel } from '../ui/labels';
import { searchEntities } from './entity-search';
import { Section } from './Section';
import { ShadowCard } from './ShadowCard';

/** Enough to scan; the count says how many more match. */
const MAX_RESULTS = 40;

export function FactbaseBrowser(props: {
  entities: readonly Entity[];
  byId: ReadonlyMap<string, Entity>;
  meta: Meta;
  theme: 'light' | 'dark';
  locale: string;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const results = searchEntities(props.entities, query);
  const shown = results.slice(0, MAX_RESULTS);
  const open = openId ? props.byId.get(openId) : undefined;
  const topics = new Map(props.meta.topics.map((m) => [m.id, m.label]));

  return (
    <Section id="factbase" title={t('options_factbase_title')} intro={t('options_factbase_intro')}>
      <div class="options__field">
        <label for="factbase-search">{t('options_factbase_search')}</label>
        <input
          id="factbase-search"
          type="search"
          autoComplete="off"
          value={query}
          aria-controls="factbase-results"
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <p role="status" class="muted" id="factbase-count">
        {t('options_factbase_count', [String(results.length), String(props.entities.length)])}
      </p>
      <div class="options__browser">
        <ul id="factbase-results" class="options__results" aria-label={t('options_factbase_results')}>
          {shown.map((entity) => (
            <li key={entity.id}>
              <button
                type="button"
                class="button options__result"
                data-entity={entity.id}
                aria-expanded={openId === entity.id}
                aria-controls="factbase-card"
                onClick={() => setOpenId(openId === entity.id ? null : entity.id)}
              >
                <span class="options__result-name">{entity.name}</span>
                <span class="options__result-topics muted">
                  {entity.topics.map((id) => topicLabel(t, id, topics.get(id) ?? id)).join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <div id="factbase-card" class="options__card" aria-live="polite">
          {open ? (
            <ShadowCard entity={open} byId={props.byId} meta={props.meta} theme={props.theme} locale={props.locale} />
          ) : (
            <p class="muted">{t('options_factbase_pick')}</p>
          )}
        </div>
      </div>
      {results.length > shown.length && (
        <p class="muted">{t('options_factbase_more', String(results.length - shown.length))}</p>
      )}
    </Section>
  );
}
