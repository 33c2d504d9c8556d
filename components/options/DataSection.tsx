import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n';
import { Section } from './Section';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function DataSection(props: {
  onExport: () => void;
  onImport: (text: string) => Promise<void>;
  onDeleteAll: () => Promise<void>;
}) {
  const t = useT();
  const [importNotice, setImportNotice] = useState<Notice>(null);
  const [deleteNotice, setDeleteNotice] = useState<Notice>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the confirmation: onto "Delete everything" when it opens, back to the trigger when it closes.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) deleteRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setImportNotice(null);
    try {
      await props.onImport(await file.text());
      setImportNotice({ kind: 'ok', text: t('options_import_done') });
    } catch (error) {
      setImportNotice({ kind: 'error', text: t('options_import_refused', (error as Error).message) });
    } finally {
      input.value = '';
    }
  };

  const deleteAll = async () => {
    setConfirming(false);
    try {
      await props.onDeleteAll();
      setDeleteNotice({ kind: 'ok', text: t('options_delete_done') });
    } catch (error) {
      setDeleteNotice({ kind: 'error', text: t('options_delete_failed', (error as Error).message) });
    }
  };

  return (
    <Section id="data" title={t('options_data_title')} intro={t('options_data_intro')}>
      <div class="options__row options__row--wrap">
        <button type="button" class="button" onClick={props.onExport}>
          {t('options_export')}
        </button>
        <div class="options__field">
          <label for="import-file">{t('options_import_label')}</label>
          <input
            id="import-file"
            type="file"
            accept=".json,application/json"
            onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)}
          />
        </div>
      </div>
      {importNotice && (
        <p
          id="import-notice"
          role={importNotice.kind === 'error' ? 'alert' : 'status'}
          class={importNotice.kind === 'error' ? 'options__error' : 'options__ok'}
        >
          {importNotice.text}
        </p>
      )}
      <div class="options__danger">
        <h3>{t('options_delete_title')}</h3>
        <p class="muted">{t('options_delete_intro')}</p>
        {confirming ? (
          <div role="group" aria-labelledby="delete-confirm-text" class="options__confirm">
            <p id="delete-confirm-text">{t('options_delete_confirm_text')}</p>
            <div class="options__row options__row--wrap">
              <button ref={confirmRef} type="button" class="button button--danger" onClick={() => void deleteAll()}>
                {t('options_delete_confirm')}
              </button>
              <button type="button" class="button" onClick={() => setConfirming(false)}>
                {t('options_cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button
            ref={deleteRef}
            type="button"
            class="button button--danger"
            onClick={() => {
              setDeleteNotice(null);
              setConfirming(true);
            }}
          >
            {t('options_delete')}
          </button>
        )}
        {deleteNotice && (
          <p
            role={deleteNotice.kind === 'error' ? 'alert' : 'status'}
            class={deleteNotice.kind === 'error' ? 'options__error' : 'options__ok'}
          >
            {deleteNotice.text}
          </p>
        )}
      </div>
    </Section>
  );
}
