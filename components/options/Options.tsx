/**
 * The options page: every setting, the hidden-entities list, the fact-base
 * browser and the reader's data tools. Props in, callbacks out.
 */
import type { Entity, Meta } from '../../lib/factbase/schema';
import type { MarkStyle, Settings } from '../../lib/settings/model';
import { useT } from '../i18n';
import { AppearanceSection } from './AppearanceSection';
import { DataSection } from './DataSection';
import { FactbaseBrowser } from './FactbaseBrowser';
import { HiddenSection } from './HiddenSection';
import { SitesSection } from './SitesSection';
import { TopicsSection } from './TopicsSection';

export interface OptionsProps {
  settings: Settings | null;
  meta: Meta;
  entities: readonly Entity[];
  byId: ReadonlyMap<string, Entity>;
  /** CSS the content script uses for marks in a given style (for the preview). */
  markCss: (style: MarkStyle) => string;
  /** Applies a change; rejects (nothing stored) when the result is invalid. */
  onUpdate: (change: (current: Settings) => Settings) => Promise<void>;
  onExport: () => void;
  /** Imports a settings file's text; rejects with a reason when it is refused. */
  onImport: (text: string) => Promise<void>;
  onDeleteAll: () => Promise<void>;
  /** The theme in effect (the setting, with "auto" resolved), for the context card. */
  theme: 'light' | 'dark';
  /** UI locale (BCP 47) for dates on cards. */
  locale: string;
  /** Link to the highlights page (every saved highlight, grouped by page). */
  highlightsHref: string;
}

export function Options(props: OptionsProps) {
  const t = useT();
  const { settings } = props;
  return (
    <div class="options">
      <header class="options__header">
        <h1>{t('options_title')}</h1>
        <p class="muted">{t('options_intro')}</p>
        <p>
          <a class="options__highlights-link" href={props.highlightsHref}>
            {t('options_open_highlights')}
          </a>
        </p>
      </header>
      <main class="options__main">
        {settings ? (
          <>
            <TopicsSection settings={settings} meta={props.meta} entities={props.entities} onUpdate={props.onUpdate} />
            <SitesSection settings={settings} onUpdate={props.onUpdate} />
            <AppearanceSection
              settings={settings}
              byId={props.byId}
              markCss={props.markCss}
              onUpdate={props.onUpdate}
            />
            <HiddenSection settings={settings} byId={props.byId} onUpdate={props.onUpdate} />
            <FactbaseBrowser
              entities={props.entities}
              byId={props.byId}
              meta={props.meta}
              theme={props.theme}
              locale={props.locale}
            />
            <DataSection onExport={props.onExport} onImport={props.onImport} onDeleteAll={props.onDeleteAll} />
          </>
        ) : (
          <p role="status">{t('options_loading')}</p>
        )}
      </main>
      <footer class="options__footer muted">
        <p>{t('options_factbase_version', [props.meta.version, props.meta.reviewed])}</p>
        <p>{t('options_privacy')}</p>
      </footer>
    </div>
  );
}
