/**
 * compromise, as the resolver gets it. Here (Node: the CLI, tests) it is
 * imported as usual; the extension's build swaps this module for
 * nlp-loader.lazy.ts (wxt.config.ts), which evaluates compromise on first use
 * so that waking the background does not pay for it.
 */
import nlp from 'compromise';

export type Nlp = typeof nlp;

export function loadNlp(): Nlp {
  return nlp;
}
