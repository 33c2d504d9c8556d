/** One saved highlight: quote, note (editable), date, entities, actions. Text only, never HTML. */
import { useState } from 'preact/hooks';
import type { Highlight } from '../../lib/highlights/model';
import { useT } from '../i18n';

export interface HighlightItemProps {
  highlight: Highlight;
  entityName(id: string): string;
  /** Link to the passage (text fragment), or null when the address is not a web page. */
  link: string | null;
  onSaveNote(note: string): void | Promise<void>;
  onDelete(): void | Promise<void>;
  /** Present for orphans: keep it and try again on the next visit. */
  onKeep?: () => void | Promise<void>;
}

export function HighlightItem({ highlight: h, entityName, link, onSaveNote, onDelete, onKeep }: HighlightItemProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(h.note);

  return (
    <li class="hl-item" data-highlight-id={h.id} data-status={h.status}>
      <blockquote class="hl-quote">{h.anchor.quote.exact}</blockquote>
      {editing ? (
        <form
          class="hl-note-form"
          onSubmit={(e) => {
            e.preventDefault();
            setEditing(false);
            void onSaveNote(draft);
          }}
        >
          <label>
            {t('hl_note')}
            <textarea
              value={draft}
              placeholder={t('hl_notePlaceholder')}
              onInput={(e) => setDraft(e.currentTarget.value)}
            />
          </label>
          <button type="submit">{t('hl_saveNote')}</button>
          <button
            type="button"
            onClick={() => {
              setDraft(h.note);
              setEditing(false);
            }}
          >
            {t('hl_cancel')}
          </button>
        </form>
      ) : (
        h.note && (
          <p class="hl-note">
            <span class="hl-label">{t('hl_note')}:</span> {h.note}
          </p>
        )
      )}
      <p class="hl-meta">
        <span>
          {t('hl_savedOn')} <time dateTime={h.created}>{h.created.slice(0, 10)}</time>
        </span>
        {h.entities.length > 0 && (
          <span>
            {t('hl_entities')}: {h.entities.map(entityName).join(', ')}
          </span>
        )}
        {h.status === 'orphan' && <span class="hl-badge">{t('hl_orphanBadge')}</span>}
      </p>
      <div class="hl-actions">
        {link && (
          <a href={link} target="_blank" rel="noreferrer noopener">
            {t('hl_openPage')}
          </a>
        )}
        {!editing && (
          <button
            type="button"
            onClick={() => {
              setDraft(h.note);
              setEditing(true);
            }}
          >
            {t('hl_editNote')}
          </button>
        )}
        {onKeep && (
          <button type="button" onClick={() => void onKeep()}>
            {t('hl_keep')}
          </button>
        )}
        <button type="button" class="hl-danger" onClick={() => void onDelete()}>
          {t('hl_delete')}
        </button>
      </div>
    </li>
  );
}
