/**
 * The extension build's stand-in for nlp-loader.ts: compromise's own bundle,
 * wrapped in a function by the build (wxt.config.ts, `lazyCompromise`), runs
 * on the first ambiguous candidate instead of each time the background wakes
 * (it costs a cold service worker a long delay before the first scan; docs/benchmarks.md).
 */
import createNlp from 'virtual:lens-compromise';
import type { Nlp } from './nlp-loader';

let nlp: Nlp | null = null;

export function loadNlp(): Nlp {
  return (nlp ??= createNlp() as Nlp);
}
