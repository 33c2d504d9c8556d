/** Highlight records for the export, import and database tests. */
import { describeRange } from '../../../lib/highlights/describe-range';
import type { Highlight } from '../../../lib/highlights/model';
import { rng } from './helpers';

const PAGE =
  'Gazprom and CNPC signed the Power of Siberia contract in May 2014, after a decade of talks about price. ' +
  'The pipeline started deliveries in December 2019. Россия и Китай подписали соглашение. ' +
  '中俄东线天然气管道于2019年12月投产。 Quotes "with quotes", commas, and = signs; a line\nbreak too.';

const ENTITIES = ['gazprom', 'cnpc', 'power-of-siberia', 'vladimir-putin', 'xi-jinping'];

/** `count` valid, distinct highlights spread over `pages` pages. */
export function makeHighlights(count: number, pages = 10, seed = 1): Highlight[] {
  const random = rng(seed);
  const out: Highlight[] = [];
  for (let i = 0; i < count; i++) {
    const start = Math.floor(random() * (PAGE.length - 60));
    const anchor = describeRange(PAGE, start, start + 10 + Math.floor(random() * 50))!;
    const page = i % pages;
    const time = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    out.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      url: `https://news.example.com/article-${page}`,
      originalUrl: `https://news.example.com/article-${page}?utm_source=feed#top`,
      title: page % 3 === 0 ? `Article ${page}: "Siberia" & <more>` : `Статья ${page} — 中俄`,
      created: time,
      updated: time,
      anchor: {
        ...anchor,
        position: { ...anchor.position, start: anchor.position.start + i, end: anchor.position.end + i },
      },
      note: i % 4 === 0 ? `Note ${i}: =SUM(A1) "quoted"\nsecond line <b>not html</b>` : '',
      entities: ENTITIES.filter((_, k) => (i + k) % 3 === 0).sort(),
      status: i % 7 === 0 ? 'orphan' : i % 2 ? 'anchored' : 'unknown',
    });
  }
  return out;
}
