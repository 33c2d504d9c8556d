import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { I18nProvider } from '@/components/ui/I18nProvider';
import {
  Popup,
  type PageState,
  type PopupEntity,
  type PopupHighlight,
  type PopupHighlightActions,
  type PopupOutlet,
} from '@/components/popup/Popup';
import { ShadowCard } from '@/components/options/ShadowCard';
import { firstSentence, outletFor } from '@/lib/card/outlet';
import { bundledFactbase } from '@/lib/factbase/bundled';
import type { HighlightResult } from '@/lib/messages';
import { translate } from '@/lib/platform/i18n';
import { sendRequest, sendToTab } from '@/lib/platform/messaging';
import { getSettings, updateSettings, watchSettings } from '@/lib/platform/settings-store';
import { setSiteActive, type Settings } from '@/lib/settings/model';
import { applyPageTheme } from '@/lib/platform/page-theme';
import { readPageState } from './page-state';
import '@/components/ui/theme.css';
import './style.css';

const factbase = bundledFactbase();

/** Content scripts re-apply settings within 500 ms; ask for the page's status again after that. */
const RESTATUS_AFTER_MS = 600;

/**
 * Testing hook: `popup.html?tab=<id>` targets that tab instead of the active
 * one, so the end-to-end suite can open the popup as an ordinary page
 * (headless Chromium cannot click the toolbar button).
 */
function tabFromQuery(): number | undefined {
  const raw = new URLSearchParams(location.search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

async function targetTab(): Promise<{ id: number; url?: string } | undefined> {
  const fromQuery = tabFromQuery();
  if (fromQuery !== undefined) {
    const tab = await browser.tabs.get(fromQuery).catch(() => undefined);
    return { id: fromQuery, url: tab?.url };
  }
  // The tab id is available without the "tabs" permission; the URL comes from page:status.
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}

const lookup = (id: string): PopupEntity | undefined => factbase.byId.get(id);

/** The outlet behind `hostname`, matched by the fact base's `hosts`, with its card. */
function outletOf(hostname: string, theme: Settings['theme'] | undefined): PopupOutlet | undefined {
  const entity = outletFor(hostname, factbase.entities);
  if (!entity) return undefined;
  const dark = theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  return {
    id: entity.id,
    name: entity.name,
    line: firstSentence(entity.summary),
    card: (
      <ShadowCard
        entity={entity}
        byId={factbase.byId}
        meta={factbase.meta}
        theme={dark ? 'dark' : 'light'}
        locale={browser.i18n.getUILanguage()}
      />
    ),
  };
}

/** This page's saved highlights from the background; undefined when they cannot be read. */
async function pageHighlights(url: string): Promise<PopupHighlight[] | undefined> {
  try {
    const answer = await sendRequest({ type: 'highlight:list-for-page', url });
    if (!answer?.ok) return undefined;
    return answer.value.map((h) => ({ id: h.id, text: h.anchor.quote.exact, note: h.note, status: h.status }));
  } catch {
    return undefined;
  }
}

/** The value of a highlight request, or an Error carrying the store's reader-facing message. */
async function highlightValue<T>(answer: Promise<HighlightResult<T> | undefined>): Promise<T> {
  const result = await answer;
  if (!result) throw new Error(translate('popup_highlight_no_store'));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const testMode = tabFromQuery() !== undefined;

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [tab, setTab] = useState<{ id: number; url?: string } | undefined>();
  const [revealError, setRevealError] = useState<string | undefined>();
  const [highlights, setHighlights] = useState<PopupHighlight[] | undefined>();
  const [pageUrl, setPageUrl] = useState<string | undefined>();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current: { id: number; url?: string } | undefined;
    const refresh = () => {
      if (!current) return;
      void readPageState(current.id, current.url).then((state) => {
        setPage(state);
        if (state.kind === 'ready') {
          setPageUrl(state.status.url);
          void pageHighlights(state.status.url).then(setHighlights);
        }
      });
    };
    void getSettings().then(setSettings);
    const unwatch = watchSettings((next) => {
      setSettings(next);
      clearTimeout(timer);
      timer = setTimeout(refresh, RESTATUS_AFTER_MS);
    });
    void targetTab().then((t) => {
      current = t;
      setTab(t);
      if (t) refresh();
      else setPage({ kind: 'unavailable', reason: 'no-answer' });
    });
    return () => {
      unwatch();
      clearTimeout(timer);
    };
  }, []);

  useEffect(() => applyPageTheme(settings?.theme ?? 'auto'), [settings?.theme]);

  /** Reads this page's highlights again after a change. */
  const reloadHighlights = async () => {
    if (pageUrl) setHighlights(await pageHighlights(pageUrl));
  };
  const highlightActions: PopupHighlightActions = {
    onDelete: async (id) => {
      const deleted = await highlightValue(sendRequest({ type: 'highlight:delete', id }));
      await reloadHighlights();
      return deleted;
    },
    onRestore: async (highlight) => {
      await highlightValue(sendRequest({ type: 'highlight:restore', highlight }));
      await reloadHighlights();
    },
    onKeep: async (id) => {
      await highlightValue(sendRequest({ type: 'highlight:update', id, status: 'unknown' }));
      await reloadHighlights();
    },
  };

  const update = (change: (s: Settings) => Settings) => void updateSettings(change).then(setSettings);

  return (
    <Popup
      page={page}
      settings={settings}
      topics={factbase.meta.topics}
      lookup={lookup}
      highlights={highlights}
      highlightActions={highlightActions}
      highlightsHref={browser.runtime.getURL('/highlights.html')}
      optionsHref={browser.runtime.getURL('/options.html')}
      revealError={revealError}
      outlet={page.kind === 'ready' ? outletOf(page.status.hostname, settings?.theme) : undefined}
      onSiteActive={(hostname, active) => update((s) => setSiteActive(s, hostname, active))}
      onEnabled={(enabled) => update((s) => ({ ...s, enabled }))}
      onOpenOptions={() => {
        void browser.runtime.openOptionsPage();
        if (!testMode) window.close();
      }}
      locale={browser.i18n.getUILanguage()}
      onMarkAnyway={() => {
        if (!tab) return;
        void sendToTab(tab.id, { type: 'page:mark-anyway' })
          .then(() => readPageState(tab.id, tab.url))
          .then(setPage)
          .catch(() => setPage({ kind: 'unavailable', reason: 'no-answer' }));
      }}
      onReveal={(id) => {
        if (!tab) return;
        setRevealError(undefined);
        sendToTab(tab.id, { type: 'page:reveal', id })
          .then((answer) => {
            if (!answer?.ok) setRevealError(translate('popup_reveal_failed'));
            else if (!testMode) window.close();
          })
          .catch(() => setRevealError(translate('popup_reveal_failed')));
      }}
    />
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = translate('popup_title');
render(
  <I18nProvider t={translate}>
    <App />
  </I18nProvider>,
  document.getElementById('app')!,
);
