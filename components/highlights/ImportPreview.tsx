/**
 * What an import file holds, said before anything is written ("42 highlights
 * on 9 pages, 3 already here"), with the confirm step. Text only, never HTML.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { ImportFormat, ImportPlan } from '../../lib/highlights/import-file';
import { useT } from '../i18n';
import { plural } from './plural';

export interface ImportPreviewProps {
  plan: ImportPlan;
  fileName: string;
  locale: string;
  /** True while the highlights are being written. */
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

const FORMAT_KEYS: Record<ImportFormat, string> = {
  'lens-2': 'hl_importFormatLens',
  'lens-1': 'hl_importFormatLensOld',
  hypothesis: 'hl_importFormatHypothesis',
};

export function ImportPreview({ plan, fileName, locale, busy, onConfirm, onCancel }: ImportPreviewProps) {
  const t = useT();
  const primary = useRef<HTMLButtonElement>(null);
  // Keyboard and screen-reader users land on the decision the panel asks for.
  useEffect(() => primary.current?.focus(), [plan]);

  const total = plan.highlights.length;
  const fresh = plan.fresh.length;
  const found = total
    ? t('hl_importFound', [
        plural(t, locale, 'hl_countHighlights', total),
        plural(t, locale, 'hl_countOnPages', plan.pages),
        plan.alreadyHere ? plural(t, locale, 'hl_countAlreadyHere', plan.alreadyHere) : t('hl_importNoneHere'),
      ])
    : t('hl_importNoHighlights');
  const tags = plan.tagsLinked + plan.tagsKept;

  return (
    <section
      class="hl-import-preview"
      aria-labelledby="hl-import-preview-title"
      data-testid="hl-import-preview"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) onCancel();
      }}
    >
      <h2 id="hl-import-preview-title">{t('hl_importPreviewTitle')}</h2>
      <p class="hl-import-source">
        {t(FORMAT_KEYS[plan.format])}: <span class="hl-import-file">{fileName}</span>
      </p>
      <p class="hl-import-summary">{found}</p>
      {(plan.repeated > 0 || plan.notImportable > 0 || tags > 0) && (
        <ul class="hl-import-details">
          {plan.repeated > 0 && <li>{t('hl_importRepeated', String(plan.repeated))}</li>}
          {plan.notImportable > 0 && <li>{t('hl_importNotImportable', String(plan.notImportable))}</li>}
          {tags > 0 && <li>{t('hl_importTags', [String(plan.tagsLinked), String(plan.tagsKept)])}</li>}
        </ul>
      )}
      {!fresh && total > 0 && <p>{t('hl_importNothingNew')}</p>}
      <div class="hl-actions">
        {fresh > 0 && (
          <button type="button" class="hl-primary" ref={primary} disabled={busy} onClick={onConfirm}>
            {busy ? t('hl_importBusy') : plural(t, locale, 'hl_importConfirm', fresh)}
          </button>
        )}
        <button type="button" ref={fresh ? undefined : primary} disabled={busy} onClick={onCancel}>
          {fresh ? t('hl_cancel') : t('hl_importClose')}
        </button>
      </div>
    </section>
  );
}
