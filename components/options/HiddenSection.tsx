import type { Entity } from '../../lib/factbase/schema';
import { unhideEntity, type Settings } from '../../lib/settings/model';
import { useT } from '../i18n';
import { Section } from './Section';

export function HiddenSection(props: {
  settings: Settings;
  byId: ReadonlyMap<string, Entity>;
  onUpdate: (change: (s: Settings) => Settings) => Promise<void>;
}) {
  const t = useT();
  const sites = Object.keys(props.settings.hidden).sort();
  return (
    <Section id="hidden" title={t('options_hidden_title')} intro={t('options_hidden_intro')}>
      {sites.length === 0 ? (
        <p class="muted">{t('options_hidden_empty')}</p>
      ) : (
        sites.map((site) => (
          <div key={site} class="options__hidden-site">
            <h3>{site}</h3>
            <ul class="options__list">
              {(props.settings.hidden[site] ?? []).map((id) => {
                const name = props.byId.get(id)?.name ?? id;
                return (
                  <li key={id} data-entity={id}>
                    <span class="options__list-text">{name}</span>
                    <button
                      type="button"
                      class="button"
                      aria-label={t('options_hidden_show_named', [name, site])}
                      onClick={() => void props.onUpdate((s) => unhideEntity(s, site, id))}
                    >
                      {t('options_hidden_show')}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ))
      )}
    </Section>
  );
}
