/**
 * One fact's provenance: its as-of date and its source, named as readers know
 * it — a web page's headline and publisher, or the founding essay's title,
 * publication and date.
 */
import type { Source } from '../../lib/factbase/schema';
import { ESSAY_PUBLICATION, ESSAY_TITLE, formatAsOf, sourceLabel } from '../../lib/card/view-model';
import { useT } from '../i18n';

export function SourceLink({ source }: { source: Source }) {
  const t = useT();
  if (source.kind === 'web') {
    const { headline, publisher } = sourceLabel(source);
    return (
      <>
        {/* Opens only when the reader clicks it, in a new tab that cannot reach back to this page. */}
        <a class="lc-link" href={source.url} target="_blank" rel="noopener noreferrer" lang="en">
          {headline}
        </a>
        {publisher !== null && (
          <>
            {' ('}
            <span class="lc-publisher" lang="en">
              {publisher}
            </span>
            {')'}
          </>
        )}
      </>
    );
  }
  return (
    <>
      <cite lang="en">{ESSAY_TITLE}</cite>
      {' ('}
      <span class="lc-publisher" lang="en">
        {ESSAY_PUBLICATION}
      </span>
      {`, ${t('card_source_essay_date')})`}
    </>
  );
}

export function SourceLine({ asOf, source, locale }: { asOf?: string; source: Source; locale: string }) {
  const t = useT();
  return (
    <p class="lc-source">
      {asOf !== undefined && (
        <>
          {t('card_as_of')}{' '}
          <time class="lc-asof" dateTime={/^\d{4}(-\d{2}){0,2}$/.test(asOf) ? asOf : undefined}>
            {formatAsOf(asOf, locale)}
          </time>
          {' · '}
        </>
      )}
      {t('card_source')} <SourceLink source={source} />
      {' — '}
      <q lang="en">{source.quote}</q>
    </p>
  );
}
