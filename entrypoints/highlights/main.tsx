import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HighlightsPage, type EntityInfo, type ExportFormat } from '@/components/highlights/HighlightsPage';
import { I18nProvider } from '@/components/ui/I18nProvider';
import { topicLabel } from '@/components/ui/labels';
import { bundledFactbase } from '@/lib/factbase/bundled';
import { exportJson } from '@/lib/highlights/annotation-json';
import { entityTagResolver } from '@/lib/highlights/entity-tags';
import { exportCsv } from '@/lib/highlights/export-csv';
import { exportMarkdown } from '@/lib/highlights/export-markdown';
import { parseImportFile, planImport } from '@/lib/highlights/import-file';
import type { Highlight } from '@/lib/highlights/model';
import type { HighlightResult } from '@/lib/messages';
import { translate } from '@/lib/platform/i18n';
import { sendRequest } from '@/lib/platform/messaging';
import '@/components/ui/theme.css';
import './style.css';

const factbase = bundledFactbase();
/** Hypothesis tags that name an entity (by any alias) become that entity on import. */
const resolveTag = entityTagResolver(factbase.entities);

/** Unwraps a highlight result, turning a failure into an Error with the reader-facing message. */
async function value<T>(answer: Promise<HighlightResult<T>>): Promise<T> {
  const r = await answer;
  if (!r) throw new Error(translate('hl_errUnavailable'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const FORMATS: Record<ExportFormat, { ext: string; type: string; build: (h: Highlight[]) => string }> = {
  json: { ext: 'json', type: 'application/ld+json', build: (h) => exportJson(h) },
  markdown: { ext: 'md', type: 'text/markdown', build: (h) => exportMarkdown(h) },
  csv: { ext: 'csv', type: 'text/csv', build: (h) => exportCsv(h) },
};

function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function App() {
  const [highlights, setHighlights] = useState<Highlight[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = async () => {
    try {
      setHighlights(await value(sendRequest({ type: 'highlight:list-all' })));
      setLoadError(null);
    } catch (error) {
      setLoadError((error as Error).message);
    }
  };
  useEffect(() => void reload(), []);

  const entities = useMemo(
    () =>
      new Map<string, EntityInfo>(factbase.entities.map((e) => [e.id, { id: e.id, name: e.name, topics: e.topics }])),
    [],
  );
  const topics = useMemo(
    () => factbase.meta.topics.map((tp) => ({ id: tp.id, label: topicLabel(translate, tp.id, tp.label) })),
    [],
  );

  return (
    <HighlightsPage
      highlights={highlights}
      loadError={loadError}
      entities={entities}
      topics={topics}
      onSaveNote={async (id, note) => {
        await value(sendRequest({ type: 'highlight:update', id, note }));
        await reload();
      }}
      onDelete={async (id) => {
        const deleted = await value(sendRequest({ type: 'highlight:delete', id }));
        await reload();
        return deleted;
      }}
      onUndoDelete={async (highlight) => {
        await value(sendRequest({ type: 'highlight:restore', highlight }));
        await reload();
      }}
      onKeep={async (id) => {
        await value(sendRequest({ type: 'highlight:update', id, status: 'unknown' }));
        await reload();
      }}
      onExport={(format) => {
        const f = FORMATS[format];
        const stamp = new Date().toISOString().slice(0, 10);
        download(f.build(highlights ?? []), `eurasia-lens-highlights-${stamp}.${f.ext}`, f.type);
      }}
      onReadImport={async (fileText) => {
        const parsed = parseImportFile(fileText, resolveTag);
        if (!parsed.ok) throw new Error(parsed.error);
        // Compared with the store as it is now, not as this page last loaded it.
        return planImport(parsed, await value(sendRequest({ type: 'highlight:list-all' })));
      }}
      onImport={async (plan) => {
        const outcome = plan.fresh.length
          ? await value(sendRequest({ type: 'highlight:import', highlights: plan.fresh }))
          : { added: 0, skipped: 0 };
        await reload();
        return { added: outcome.added, skipped: outcome.skipped + plan.alreadyHere + plan.repeated };
      }}
      locale={browser.i18n.getUILanguage()}
    />
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = translate('hl_pageTitle');
render(
  <I18nProvider t={translate}>
    <App />
  </I18nProvider>,
  document.getElementById('app')!,
);
