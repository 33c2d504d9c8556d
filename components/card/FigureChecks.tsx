/**
 * The article's figures beside the fact base's: for each figure the page
 * states about this entity's series, the article's value as it wrote it, our
 * sourced value for the same year with its source, and whether the two agree
 * to the article's rounding. Neutral words: both are shown, neither is judged.
 */
import type { FigureCheck } from '../../lib/figures/compare-figures';
import { formatSeriesValue } from '../../lib/card/view-model';
import { useT } from '../i18n';
import { SourceLink } from './SourceLine';

export function FigureChecks({ checks, idBase, locale }: { checks: FigureCheck[]; idBase: string; locale: string }) {
  const t = useT();
  return (
    <section class="lc-section" aria-labelledby={`${idBase}-figures`}>
      <h3 class="lc-sub" id={`${idBase}-figures`}>
        {t('card_figures')}
      </h3>
      <ul class="lc-checks">
        {checks.map((c) => (
          <li key={`${c.series.label}${c.year}${c.article}`} class="lc-check" data-figure-check={c.verdict}>
            <p>
              {t('card_figure_article', [c.figure.text, String(c.year)])}
              {' · '}
              {t('card_figure_source', formatSeriesValue(c.point.value, c.series.unit, locale))}{' '}
              <SourceLink source={c.point.source} />
            </p>
            <p class="lc-verdict">
              <span aria-hidden="true">{c.verdict === 'agrees' ? '= ' : '≠ '}</span>
              {t(c.verdict === 'agrees' ? 'card_figure_agrees' : 'card_figure_differs')}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
