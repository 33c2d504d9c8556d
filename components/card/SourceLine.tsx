/** One fact's provenance: its as-of date and its source (a web page or the seed essay). */
import type { Source } from '../../lib/factbase/schema';
import { formatAsOf, SEED_ESSAY_PUBLICATION, SEED_ESSAY_TITLE, sourceHost } from '../../lib/card/view-model';
import { useT } from '../i18n';

export function SourceLink({ source }: { source: Source }) {
  const t = useT();
  if (source.kind === 'web') {
    const host = sourceHost(source);
    return (
      <>
        {/* Opens only when the reader clicks it, in a new tab that cannot reach back to this page. */}
        <a class="lc-link" href={source.url} target="_blank" rel="noopener noreferrer" lang="en">
          {source.title}
        </a>
        {host ? ` (${host})` : ''}
      </>
    );
  }
  return (
    <>
      <cite lang="en">{SEED_ESSAY_TITLE}</cite>
      {` (${SEED_ESSAY_PUBLICATION}, ${t('card_seed_essay')})`}
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
