/**
 * The highlights page: every saved highlight grouped by page, with full-text
 * search, entity/topic filters, note editing, delete with undo, orphans (not
 * found on their page) listed with their quote, export, and import (our own
 * exports, old and new, and Hypothesis exports) that says what a file holds
 * and waits for a confirm before writing. Data in through props, actions out
 * through callbacks; all page and imported text is rendered as text.
 */
import { useMemo, useState } from 'preact/hooks';
import type { ImportPlan } from '../../lib/highlights/import-file';
import type { Highlight } from '../../lib/highlights/model';
import { filterHighlights, groupByPage } from '../../lib/highlights/query';
import { textFragmentUrl } from '../../lib/highlights/text-fragment';
import { useT } from '../i18n';
import { HighlightItem } from './HighlightItem';
import { ImportPreview } from './ImportPreview';

export type ExportFormat = 'json' | 'markdown' | 'csv';

export interface EntityInfo {
  id: string;
  name: string;
  topics: readonly string[];
}

export interface HighlightsPageProps {
  /** null while loading. */
  highlights: Highlight[] | null;
  loadError: string | null;
  entities: ReadonlyMap<string, EntityInfo>;
  topics: readonly { id: string; label: string }[];
  /** Each action rejects with a reader-facing message when it fails. */
  onSaveNote(id: string, note: string): Promise<void>;
  onDelete(id: string): Promise<Highlight | null>;
  onUndoDelete(highlight: Highlight): Promise<void>;
  onKeep(id: string): Promise<void>;
  onExport(format: ExportFormat): void;
  /** Reads a chosen file and says what importing it would do; rejects with the reason the file is refused. */
  onReadImport(fileText: string): Promise<ImportPlan>;
  /** Writes a confirmed plan; resolves with the counts, or rejects with why nothing was written. */
  onImport(plan: ImportPlan): Promise<{ added: number; skipped: number }>;
  /** The UI language, for counted phrases ("1 highlight", "2 highlights"). */
  locale?: string;
}

interface PendingImport {
  plan: ImportPlan;
  fileName: string;
}

type Notice = { kind: 'info' | 'error'; text: string; undo?: Highlight };

/** Only web and file addresses become links; anything else (javascript:, data:) stays text. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'file:' ? u.href : null;
  } catch {
    return null;
  }
}

export function HighlightsPage(props: HighlightsPageProps) {
  const t = useT();
  const [text, setText] = useState('');
  const [entity, setEntity] = useState('');
  const [topic, setTopic] = useState('');
  const [orphansOnly, setOrphansOnly] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [importing, setImporting] = useState(false);

  const all = props.highlights ?? [];
  const topicsOf = (id: string) => props.entities.get(id)?.topics ?? [];
  const shown = useMemo(
    () =>
      filterHighlights(all, { text, entity: entity || undefined, topic: topic || undefined, orphansOnly }, topicsOf),
    [all, text, entity, topic, orphansOnly, props.entities],
  );
  const groups = useMemo(
    () => groupByPage(shown.filter((h) => h.status !== 'orphan' || orphansOnly)),
    [shown, orphansOnly],
  );
  const orphans = orphansOnly ? [] : shown.filter((h) => h.status === 'orphan');
  const usedEntities = useMemo(() => {
    const ids = new Set(all.flatMap((h) => h.entities));
    return [...ids]
      .map((id) => ({ id, name: props.entities.get(id)?.name ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [all, props.entities]);

  const run = async (work: () => Promise<Notice | null>) => {
    try {
      setNotice(await work());
    } catch (error) {
      setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const refused = (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    return new Error(`${t('hl_importFailed')} ${reason}`, { cause: error });
  };

  const readImport = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setPending(null);
    void run(async () => {
      try {
        setPending({ plan: await props.onReadImport(await file.text()), fileName: file.name });
        return null;
      } catch (error) {
        throw refused(error);
      } finally {
        // Choosing the same file again must fire a new change event.
        input.value = '';
      }
    });
  };

  const confirmImport = (plan: ImportPlan) => {
    setImporting(true);
    void run(async () => {
      try {
        const { added, skipped } = await props.onImport(plan);
        return { kind: 'info', text: `${t('hl_importAdded')}: ${added}; ${t('hl_importSkipped')}: ${skipped}` };
      } catch (error) {
        throw refused(error);
      } finally {
        setImporting(false);
        setPending(null);
      }
    });
  };

  const remove = (id: string) =>
    run(async () => {
      const deleted = await props.onDelete(id);
      return deleted ? { kind: 'info', text: t('hl_deleted'), undo: deleted } : null;
    });

  const item = (h: Highlight) => (
    <HighlightItem
      key={h.id}
      highlight={h}
      entityName={(id) => props.entities.get(id)?.name ?? id}
      link={safeHref(textFragmentUrl(h.originalUrl, h.anchor.quote))}
      onSaveNote={(note) => run(async () => (await props.onSaveNote(h.id, note), null))}
      onDelete={() => remove(h.id)}
      onKeep={
        h.status === 'orphan'
          ? () => run(async () => (await props.onKeep(h.id), { kind: 'info', text: t('hl_kept') }))
          : undefined
      }
    />
  );

  return (
    <main class="hl-page">
      <header class="hl-header">
        <h1>{t('hl_pageTitle')}</h1>
        <div class="hl-transfer">
          <span class="hl-label">{t('hl_export')}:</span>
          <button type="button" onClick={() => props.onExport('json')} disabled={!all.length}>
            {t('hl_exportJson')}
          </button>
          <button type="button" onClick={() => props.onExport('markdown')} disabled={!all.length}>
            {t('hl_exportMarkdown')}
          </button>
          <button type="button" onClick={() => props.onExport('csv')} disabled={!all.length}>
            {t('hl_exportCsv')}
          </button>
          <label class="hl-import" title={t('hl_importHint')}>
            {t('hl_import')}
            <input
              type="file"
              accept="application/json,application/ld+json,.json,.jsonld"
              data-testid="hl-import"
              disabled={importing}
              onChange={(e) => readImport(e.currentTarget)}
            />
          </label>
        </div>
      </header>

      {pending && (
        <ImportPreview
          plan={pending.plan}
          fileName={pending.fileName}
          locale={props.locale ?? 'en'}
          busy={importing}
          onConfirm={() => confirmImport(pending.plan)}
          onCancel={() => setPending(null)}
        />
      )}

      <div class="hl-filters" role="search">
        <input
          type="search"
          aria-label={t('hl_search')}
          placeholder={t('hl_search')}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <label>
          {t('hl_filterEntity')}{' '}
          <select value={entity} onChange={(e) => setEntity(e.currentTarget.value)}>
            <option value="">{t('hl_filterAll')}</option>
            {usedEntities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hl_filterTopic')}{' '}
          <select value={topic} onChange={(e) => setTopic(e.currentTarget.value)}>
            <option value="">{t('hl_filterAll')}</option>
            {props.topics.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={orphansOnly} onChange={(e) => setOrphansOnly(e.currentTarget.checked)} />{' '}
          {t('hl_orphansOnly')}
        </label>
        <span class="hl-count">
          {t('hl_shown')}: {shown.length} / {all.length}
        </span>
      </div>

      <div class="hl-notice" role="status" data-kind={notice?.kind}>
        {notice && (
          <>
            <span>{notice.text}</span>
            {notice.undo && (
              <button
                type="button"
                onClick={() => {
                  const h = notice.undo!;
                  void run(async () => (await props.onUndoDelete(h), null));
                }}
              >
                {t('hl_undo')}
              </button>
            )}
          </>
        )}
      </div>

      {props.loadError && (
        <p class="hl-error" role="alert">
          {t('hl_loadFailed')} {props.loadError}
        </p>
      )}
      {props.highlights && !all.length && !props.loadError && <p>{t('hl_empty')}</p>}
      {all.length > 0 && !shown.length && <p>{t('hl_noMatch')}</p>}

      {orphans.length > 0 && (
        <section class="hl-orphans" aria-labelledby="hl-orphans-title">
          <h2 id="hl-orphans-title">{t('hl_orphanBadge')}</h2>
          <ul class="hl-list">{orphans.map(item)}</ul>
        </section>
      )}

      {groups.map((g) => {
        const href = safeHref(g.url);
        return (
          <section class="hl-group" key={g.url} aria-label={g.title || g.url}>
            <h2>{g.title || g.url}</h2>
            <p class="hl-url">
              {href ? (
                <a href={href} target="_blank" rel="noreferrer noopener">
                  {g.url}
                </a>
              ) : (
                g.url
              )}
            </p>
            <ul class="hl-list">{g.highlights.map(item)}</ul>
          </section>
        );
      })}
    </main>
  );
}
