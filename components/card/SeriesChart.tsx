/**
 * A small line chart of one data series, drawn as inline SVG. The SVG is an
 * image with a title and a description listing every value, so the figures
 * are available without seeing the line; the sources sit in the caption.
 * With the article's date, a dashed line marks it on the time axis (at the
 * axis' end, with an arrow, when it falls outside the series).
 */
import type { Series } from '../../lib/factbase/schema';
import { formatAsOf, formatValue, layoutSeries, seriesSources } from '../../lib/card/view-model';
import { dateOnAxis } from '../../lib/card/date-placement';
import { useT } from '../i18n';
import { SourceLink } from './SourceLine';

/** The drawing box in SVG units; the SVG scales to the card's width. */
const BOX = { width: 320, height: 120, padding: { top: 10, right: 12, bottom: 20, left: 40 } };

export function SeriesChart({
  series,
  idBase,
  locale,
  articleDate,
}: {
  series: Series;
  idBase: string;
  locale: string;
  /** The article's date (YYYY-MM-DD or YYYY-MM), marked on the time axis. */
  articleDate?: string;
}) {
  const t = useT();
  const layout = layoutSeries(series, BOX);
  const titleId = `${idBase}-title`;
  const descId = `${idBase}-desc`;
  const title = `${series.label} (${series.unit})`;
  const mark = articleDate === undefined ? null : dateOnAxis(layout.points, articleDate);
  const dated = mark && t('card_article_date', formatAsOf(articleDate!, locale));
  const description =
    series.points
      .map((p) => `${formatAsOf(p.period, locale)}: ${formatValue(p.value, locale)} ${series.unit}`)
      .join('; ') + (dated ? `. ${dated}` : '');
  const first = layout.points[0]!;
  const last = layout.points[layout.points.length - 1]!;
  const right = BOX.width - BOX.padding.right;
  return (
    <figure class="lc-chart">
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        focusable="false"
        lang="en"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <line class="lc-axis" x1={BOX.padding.left} x2={right} y1={layout.baseline} y2={layout.baseline} />
        <line
          class="lc-axis"
          x1={BOX.padding.left}
          x2={right}
          y1={layout.yOf(layout.axisMax)}
          y2={layout.yOf(layout.axisMax)}
          stroke-dasharray="2 3"
        />
        <text
          x={BOX.padding.left - 4}
          y={layout.baseline}
          text-anchor="end"
          dominant-baseline="middle"
          aria-hidden="true"
        >
          {formatValue(layout.axisMin, locale)}
        </text>
        <text
          x={BOX.padding.left - 4}
          y={layout.yOf(layout.axisMax)}
          text-anchor="end"
          dominant-baseline="middle"
          aria-hidden="true"
        >
          {formatValue(layout.axisMax, locale)}
        </text>
        {mark && (
          <g class="lc-when" aria-hidden="true">
            <line x1={mark.x} x2={mark.x} y1={2} y2={layout.baseline} stroke-dasharray="3 2" />
            <text
              x={mark.x + (mark.x > BOX.width / 2 ? -3 : 3)}
              y={8}
              text-anchor={mark.x > BOX.width / 2 ? 'end' : 'start'}
            >
              {`${mark.side < 0 ? '← ' : ''}${t('card_chart_article')}${mark.side > 0 ? ' →' : ''}`}
            </text>
          </g>
        )}
        <path class="lc-line" d={layout.path} />
        {layout.points.map((p) => (
          <circle key={p.period} class="lc-dot" cx={p.x} cy={p.y} r={2.5} />
        ))}
        <text x={first.x} y={BOX.height - 4} text-anchor="start" aria-hidden="true">
          {formatAsOf(first.period, locale)}
        </text>
        <text x={last.x} y={BOX.height - 4} text-anchor="end" aria-hidden="true">
          {formatAsOf(last.period, locale)}
        </text>
      </svg>
      <figcaption>
        <span lang="en">{title}</span>
        {'. '}
        {t('card_source')}{' '}
        {seriesSources(series).map((s, i) => (
          <span key={i}>
            {i > 0 ? '; ' : ''}
            <SourceLink source={s} />
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
