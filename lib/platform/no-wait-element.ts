/**
 * Stands in for `@1natsu/wait-element` in the content script's bundle only
 * (wxt.config.ts). WXT's content-script UI helpers import it for `autoMount`,
 * which we never use: our UIs mount explicitly with `mount()`. Leaving it out
 * keeps it and its dependencies off every page; a call fails loudly.
 */
export function waitElement(): Promise<never> {
  return Promise.reject(new Error('waitElement is not available in the Eurasia Lens content script'));
}
