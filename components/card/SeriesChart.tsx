/**
 * A small line chart of one data series, drawn as inline SVG. The SVG is an
 * image with a title and a description listing every value, so the figures
 * are available without seeing the line; the sources sit in the caption.
 */
import type { Series } from '../../lib/factbase/schema';
import { formatAsOf, formatValue, layoutSeries, seriesSources } from '../../lib/card/view-model';
import { useT } from '../i18n';
import { SourceLink } from './SourceLine';

/** The drawing box in SVG units; the SVG scales to the card's width. */
const BOX = { width: 320, height: 120, padding: { top: 10, right: 12, bottom: 20, left: 40 } };

export function SeriesChart({ series, idBase, locale }: { series: Series; idBase: string; locale: string }) {
  const t = useT();
  const layout = layoutSeries(series, BOX);
  const titleId = `${idBase}-title`;
  const descId = `${idBase}-desc`;
  const title = `${series.label} (${series.unit})`;
  const description = series.points
    .map((p) => `${formatAsOf(p.period, locale)}: ${formatValue(p.value, locale)} ${series.unit}`)
    .join('; ');
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
