/**
 * The toolbar popup for the current tab: site switch, pause switch, the
 * outlet that publishes the site (when the fact base lists its host), mentions
 * by topic, the entities found (click to reveal one on the page), this page's
 * saved highlights, and links. Props in, callbacks out.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Highlight, HighlightStatus } from '../../lib/highlights/model';
import { isActiveOn, type Settings } from '../../lib/settings/model';
import { useT } from '../i18n';
import { Switch } from '../ui/Switch';
import { topicLabel } from '../ui/labels';

/** Why a page cannot be annotated. */
export type UnavailableReason = 'browser-page' | 'web-store' | 'pdf' | 'no-answer';

export interface PageStatus {
  url: string;
  hostname: string;
  active: boolean;
  entities: { id: string; count: number }[];
  /** Whether the page is for this lens; absent from a content script that does not judge it. */
  relevance?: { shown: boolean; about: boolean; anyway: boolean };
  /** The page's publication date (YYYY-MM-DD or YYYY-MM). */
  date?: string;
}

/** A page date as the reader's language writes it ("1 Jun 2021"); the raw value if it does not parse. */
export function formatPageDate(date: string, locale: string | undefined): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m) return date;
  const at = new Date(Date.UTC(y, m - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = d
    ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
    : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(at);
  } catch {
    return date;
  }
}

export type PageState =
  { kind: 'loading' } | { kind: 'unavailable'; reason: UnavailableReason } | { kind: 'ready'; status: PageStatus };

export interface PopupEntity {
  id: string;
  name: string;
  topics: readonly string[];
}

/** One saved highlight as the popup lists it. */
export interface PopupHighlight {
  id: string;
  /** The highlighted passage. */
  text: string;
  note?: string;
  /** 'orphan': not found on the page the last time it was opened. */
  status: HighlightStatus;
}

/** What the popup does with this page's highlights. Each rejects with a reader-facing message on failure. */
export interface PopupHighlightActions {
  /** Deletes one; resolves with the deleted record (for undo), or null when it was already gone. */
  onDelete: (id: string) => Promise<Highlight | null>;
  /** Undo of a delete: puts the record back exactly. */
  onRestore: (highlight: Highlight) => Promise<void>;
  /** Keeps an orphan: it stays saved and is tried again on the next visit. */
  onKeep: (id: string) => Promise<void>;
}

/** The outlet behind the site: a line from its fact-base record and its card, shown on request. */
export interface PopupOutlet {
  id: string;
  name: string;
  /** The first sentence of its summary, as the fact base words it. */
  line: string;
  /** Its context card, rendered when the reader asks for it. */
  card: ComponentChildren;
}

export interface PopupProps {
  page: PageState;
  /** null until the settings are read. */
  settings: Settings | null;
  topics: readonly { id: string; label: string }[];
  lookup: (id: string) => PopupEntity | undefined;
  /**
   * SLOT for the highlights feature: this page's saved highlights, or
   * undefined when that feature does not provide them (the section is then
   * left out).
   */
  highlights?: readonly PopupHighlight[];
  /** Delete (with undo) and keep for the listed highlights; without it they are listed read-only. */
  highlightActions?: PopupHighlightActions;
  optionsHref: string;
  /** Link to the highlights page (every saved highlight, grouped by page). */
  highlightsHref: string;
  onSiteActive: (hostname: string, active: boolean) => void;
  onEnabled: (enabled: boolean) => void;
  onReveal: (id: string) => void;
  /** The reader asks for marks on a page that names nothing Sino-Russian. */
  onMarkAnyway?: () => void;
  /** The reader's language, for dates. */
  locale?: string;
  onOpenOptions: () => void;
  /** Set while a reveal request failed (the mention may have gone). */
  revealError?: string;
  /** The outlet whose host (or a parent domain of it) this site is; from the fact base's `hosts`. */
  outlet?: PopupOutlet;
}

export function Popup(props: PopupProps) {
  const t = useT();
  const { settings } = props;
  return (
    <main class="popup">
      <header class="popup__header">
        <h1>{t('extName')}</h1>
      </header>
      {settings && (
        <Switch
          id="popup-pause"
          checked={!settings.enabled}
          label={t('popup_pause')}
          hint={t('popup_pause_hint')}
          onChange={(paused) => props.onEnabled(!paused)}
        />
      )}
      <PageSection {...props} />
      <p class="popup__note muted">{t('popup_shadow_note')}</p>
      <nav class="popup__links" aria-label={t('popup_links')}>
        <a
          href={props.optionsHref}
          onClick={(event) => {
            event.preventDefault();
            props.onOpenOptions();
          }}
        >
          {t('popup_open_options')}
        </a>
        <a href={props.highlightsHref} target="_blank" rel="noopener">
          {t('popup_open_highlights')}
        </a>
      </nav>
    </main>
  );
}

function PageSection(props: PopupProps) {
  const t = useT();
  const { page, settings } = props;
  if (page.kind === 'loading' || !settings) {
    return (
      <p role="status" class="muted">
        {t('popup_loading')}
      </p>
    );
  }
  if (page.kind === 'unavailable') {
    return (
      <section class="popup__unavailable" aria-labelledby="popup-unavailable-title">
        <h2 id="popup-unavailable-title">{t('popup_unavailable_title')}</h2>
        <p>{t(`popup_unavailable_${page.reason.replace(/-/g, '_')}`)}</p>
      </section>
    );
  }
  const { status } = page;
  const siteOn = isActiveOn({ ...settings, enabled: true }, status.hostname);
  return (
    <>
      <Switch
        id="popup-site"
        checked={siteOn}
        label={t('popup_site_switch', status.hostname)}
        disabled={!status.hostname}
        onChange={(on) => props.onSiteActive(status.hostname, on)}
      />
      {props.outlet && <OutletLine outlet={props.outlet} />}
      {!settings.enabled ? (
        <p role="status" class="popup__state">
          {t('popup_state_paused')}
        </p>
      ) : !siteOn ? (
        <p role="status" class="popup__state">
          {t('popup_state_site_off')}
        </p>
      ) : (
        <Findings {...props} status={status} />
      )}
      {props.highlights && <HighlightsSlot highlights={props.highlights} actions={props.highlightActions} />}
    </>
  );
}

function Findings(props: PopupProps & { status: PageStatus }) {
  const t = useT();
  const { relevance, date } = props.status;
  const dateLine = date && <p class="popup__date muted">{t('popup_page_date', formatPageDate(date, props.locale))}</p>;
  if (relevance && !relevance.shown && !relevance.anyway) {
    return (
      <>
        {dateLine}
        <p role="status" class="popup__state">
          {t('popup_not_relevant')}
        </p>
        {props.onMarkAnyway && (
          <button type="button" class="button popup__mark-anyway" onClick={props.onMarkAnyway}>
            {t('popup_mark_anyway')}
          </button>
        )}
      </>
    );
  }
  const found = props.status.entities
    .filter((e) => e.count > 0)
    .map((e) => ({ ...e, entity: props.lookup(e.id) }))
    .sort((a, b) => b.count - a.count || (a.entity?.name ?? a.id).localeCompare(b.entity?.name ?? b.id));
  if (found.length === 0) {
    return (
      <>
        {dateLine}
        <p role="status" class="popup__state">
          {t('popup_none_found')}
        </p>
      </>
    );
  }
  const byTopic = new Map<string, number>();
  for (const f of found) {
    for (const topic of f.entity?.topics ?? []) byTopic.set(topic, (byTopic.get(topic) ?? 0) + f.count);
  }
  const total = found.reduce((sum, f) => sum + f.count, 0);
  return (
    <>
      {dateLine}
      <section aria-labelledby="popup-topics-title">
        <h2 id="popup-topics-title">{t('popup_mentions_by_topic')}</h2>
        <table class="popup__topics">
          <tbody>
            {props.topics
              .filter((topic) => byTopic.has(topic.id))
              .map((topic) => (
                <tr key={topic.id} data-topic={topic.id}>
                  <th scope="row">{topicLabel(t, topic.id, topic.label)}</th>
                  <td>{byTopic.get(topic.id)}</td>
                </tr>
              ))}
            <tr class="popup__total">
              <th scope="row">{t('popup_mentions_total')}</th>
              <td>{total}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <section aria-labelledby="popup-entities-title">
        <h2 id="popup-entities-title">{t('popup_entities_found', String(found.length))}</h2>
        <ul class="popup__entities">
          {found.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                class="button popup__entity"
                data-entity={f.id}
                onClick={() => props.onReveal(f.id)}
              >
                <span class="popup__entity-name">{f.entity?.name ?? f.id}</span>
                <span class="popup__count" aria-hidden="true">
                  {f.count}
                </span>
                <span class="visually-hidden">{t('popup_mention_count', String(f.count))}</span>
              </button>
            </li>
          ))}
        </ul>
        {props.revealError && (
          <p role="alert" class="popup__error">
            {props.revealError}
          </p>
        )}
      </section>
    </>
  );
}

/** A factual line about the outlet behind the site, and a button that shows its card. No rating, no verdict. */
function OutletLine({ outlet }: { outlet: PopupOutlet }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <section class="popup__outlet" aria-labelledby="popup-outlet-title" data-entity={outlet.id}>
      <h2 id="popup-outlet-title">{t('popup_outlet_title')}</h2>
      <p lang="en">
        <strong>{outlet.name}</strong>
        {': '}
        {outlet.line}
      </p>
      <button
        type="button"
        class="button popup__outlet-show"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls="popup-outlet-card"
        onClick={() => setOpen(!open)}
      >
        {t('popup_outlet_show', outlet.name)}
      </button>
      <div id="popup-outlet-card" class="popup__outlet-card" hidden={!open}>
        {open && outlet.card}
      </div>
    </section>
  );
}

type Notice = { kind: 'info' | 'error'; text: string; undo?: Highlight };

function HighlightsSlot({
  highlights,
  actions,
}: {
  highlights: readonly PopupHighlight[];
  actions?: PopupHighlightActions;
}) {
  const t = useT();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const orphans = highlights.filter((h) => h.status === 'orphan');
  const found = highlights.filter((h) => h.status !== 'orphan');
  // The button just pressed may leave the list with its item: move focus to the undo, or back to the section.
  useEffect(() => {
    if (!notice) return;
    (undoRef.current ?? headingRef.current)?.focus();
  }, [notice]);

  const run = async (work: () => Promise<Notice | null>) => {
    setBusy(true);
    try {
      setNotice(await work());
    } catch (error) {
      setNotice({
        kind: 'error',
        text: t('popup_highlight_failed', error instanceof Error ? error.message : String(error)),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="popup-highlights-title">
      <h2 id="popup-highlights-title" ref={headingRef} tabIndex={-1}>
        {t('popup_highlights')}
      </h2>
      {highlights.length === 0 && <p class="muted">{t('popup_highlights_none')}</p>}
      {found.length > 0 && (
        <ul class="popup__highlights">
          {found.map((h) => (
            <li key={h.id} data-highlight-id={h.id}>
              <q>{h.text}</q>
              {h.note && <p class="popup__note-text muted">{h.note}</p>}
            </li>
          ))}
        </ul>
      )}
      {orphans.length > 0 && (
        <section class="popup__orphans" aria-labelledby="popup-orphans-title">
          <h3 id="popup-orphans-title">{t('popup_orphans_title', String(orphans.length))}</h3>
          <p class="muted">{t('popup_orphans_hint')}</p>
          <ul class="popup__highlights">
            {orphans.map((h) => {
              const quoteId = `popup-orphan-${h.id}`;
              return (
                <li key={h.id} class="popup__orphan" data-highlight-id={h.id} data-status="orphan">
                  <q id={quoteId}>{h.text}</q>
                  {h.note && <p class="popup__note-text muted">{h.note}</p>}
                  {actions && (
                    <div class="popup__orphan-actions">
                      <button
                        type="button"
                        class="button"
                        aria-describedby={quoteId}
                        disabled={busy}
                        onClick={() =>
                          void run(async () => {
                            const deleted = await actions.onDelete(h.id);
                            return { kind: 'info', text: t('popup_highlight_deleted'), undo: deleted ?? undefined };
                          })
                        }
                      >
                        {t('popup_highlight_delete')}
                      </button>
                      <button
                        type="button"
                        class="button"
                        aria-describedby={quoteId}
                        disabled={busy}
                        onClick={() =>
                          void run(async () => {
                            await actions.onKeep(h.id);
                            return { kind: 'info', text: t('popup_highlight_kept') };
                          })
                        }
                      >
                        {t('popup_highlight_keep')}
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <div class="popup__hl-notice" role="status" data-kind={notice?.kind}>
        {notice && (
          <>
            <span>{notice.text}</span>
            {notice.undo && actions && (
              <button
                ref={undoRef}
                type="button"
                class="button"
                disabled={busy}
                onClick={() => {
                  const record = notice.undo!;
                  void run(async () => {
                    await actions.onRestore(record);
                    return { kind: 'info', text: t('popup_highlight_restored') };
                  });
                }}
              >
                {t('popup_highlight_undo')}
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
