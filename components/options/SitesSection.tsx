import { useState } from 'preact/hooks';
import { addSite, removeSite, type Settings, type SiteMode } from '../../lib/settings/model';
import { useT } from '../i18n';
import { Section } from './Section';

/** Accepts a hostname or a pasted address and returns its hostname (or the text as typed). */
export function hostFromInput(text: string): string {
  const trimmed = text.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    try {
      return new URL(trimmed).hostname;
    } catch {
      return trimmed;
    }
  }
  return trimmed.replace(/[/?#].*$/, '');
}

export function SitesSection(props: {
  settings: Settings;
  onUpdate: (change: (s: Settings) => Settings) => Promise<void>;
}) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>();
  const { settings } = props;
  const modes: SiteMode[] = ['all-except', 'only'];

  const add = (event: Event) => {
    event.preventDefault();
    const host = hostFromInput(draft);
    if (!host) return;
    setError(undefined);
    props
      .onUpdate((s) => addSite(s, host))
      .then(() => setDraft(''))
      .catch(() => setError(t('options_sites_invalid', host)));
  };

  return (
    <Section id="sites" title={t('options_sites_title')}>
      <fieldset class="options__fieldset">
        <legend>{t('options_sites_mode')}</legend>
        {modes.map((mode) => (
          <label key={mode} class="options__choice">
            <input
              type="radio"
              name="site-mode"
              value={mode}
              checked={settings.siteMode === mode}
              onChange={() => void props.onUpdate((s) => ({ ...s, siteMode: mode }))}
            />
            <span>{t(`options_sites_mode_${mode.replace('-', '_')}`)}</span>
          </label>
        ))}
      </fieldset>
      <form class="options__row" onSubmit={add}>
        <label for="site-input">{t('options_sites_add_label')}</label>
        <input
          id="site-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.org"
          value={draft}
          aria-describedby={error ? 'site-error' : undefined}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="button">
          {t('options_sites_add')}
        </button>
      </form>
      {error && (
        <p id="site-error" role="alert" class="options__error">
          {error}
        </p>
      )}
      {settings.sites.length === 0 ? (
        <p class="muted">{t('options_sites_empty')}</p>
      ) : (
        <ul class="options__list" aria-label={t('options_sites_list')}>
          {settings.sites.map((site) => (
            <li key={site} data-site={site}>
              <span class="options__list-text">{site}</span>
              <button
                type="button"
                class="button"
                aria-label={t('options_sites_remove_named', site)}
                onClick={() => void props.onUpdate((s) => removeSite(s, site))}
              >
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
