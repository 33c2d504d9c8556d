import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Options } from '@/components/options/Options';
import { I18nProvider } from '@/components/ui/I18nProvider';
import { bundledFactbase } from '@/lib/factbase/bundled';
import { markCss } from '@/lib/dom/mark-styles';
import { translate } from '@/lib/platform/i18n';
import { sendRequest } from '@/lib/platform/messaging';
import { applyPageTheme } from '@/lib/platform/page-theme';
import {
  clearSettings,
  getSettings,
  replaceSettings,
  updateSettings,
  watchSettings,
} from '@/lib/platform/settings-store';
import type { Settings } from '@/lib/settings/model';
import { exportFileName, exportSettingsJson, parseSettingsImport } from '@/lib/settings/transfer';
import '@/components/ui/theme.css';
import './style.css';

const factbase = bundledFactbase();

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

function usePrefersDark(): boolean {
  const [dark, setDark] = useState(darkQuery.matches);
  useEffect(() => {
    const onChange = () => setDark(darkQuery.matches);
    darkQuery.addEventListener('change', onChange);
    return () => darkQuery.removeEventListener('change', onChange);
  }, []);
  return dark;
}

/** The download reads the blob asynchronously; keep its URL alive well past that. */
const REVOKE_BLOB_AFTER_MS = 60_000;

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_BLOB_AFTER_MS);
}

/** Deletes the saved highlights; a build without the highlights store has nothing to delete. */
async function deleteHighlights(): Promise<void> {
  let answer;
  try {
    answer = await sendRequest({ type: 'highlight:delete-all' });
  } catch (error) {
    // No listener answers when the background has no highlights store.
    if (/receiving end does not exist|message port closed/i.test(String(error))) return;
    throw error;
  }
  if (answer && !answer.ok) throw new Error(answer.error.message);
}

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const prefersDark = usePrefersDark();

  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  useEffect(() => applyPageTheme(settings?.theme ?? 'auto'), [settings?.theme]);

  const theme =
    settings?.theme === 'light' || settings?.theme === 'dark' ? settings.theme : prefersDark ? 'dark' : 'light';

  return (
    <Options
      settings={settings}
      meta={factbase.meta}
      entities={factbase.entities}
      byId={factbase.byId}
      markCss={markCss}
      theme={theme}
      locale={browser.i18n.getUILanguage()}
      highlightsHref={browser.runtime.getURL('/highlights.html')}
      onUpdate={async (change) => setSettings(await updateSettings(change))}
      onExport={() => {
        if (settings) download(exportSettingsJson(settings), exportFileName(new Date()));
      }}
      onImport={async (text) => {
        // Throws before anything is stored when the file is refused.
        const imported = parseSettingsImport(text);
        setSettings(await replaceSettings(imported));
      }}
      onDeleteAll={async () => {
        await clearSettings();
        await deleteHighlights();
        setSettings(await getSettings());
      }}
    />
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = translate('options_page_title');
render(
  <I18nProvider t={translate}>
    <App />
  </I18nProvider>,
  document.getElementById('app')!,
);
