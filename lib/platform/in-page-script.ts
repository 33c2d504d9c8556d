/**
 * Scripts of ours that the content script loads into the page's isolated world
 * only when they are needed (web-accessible resources, imported by address):
 * each registers its entry point under a global of that world, never the
 * page's, as it is evaluated.
 */

/** An in-page script's entry point: what the content script starts it with. */
interface Entry {
  start(...args: never[]): unknown;
}

export interface InPageScript<T extends Entry> {
  /** Called by the script as it is evaluated. */
  register(entry: T): void;
  /** Imports the script into this isolated world (once) and returns its entry point. */
  load(getUrl: (path: string) => string): Promise<T>;
}

/**
 * The script at `file` of the extension, whose entry point is kept under
 * `key`; `what` names it in the error when it registered none.
 */
export function inPageScript<T extends Entry>(file: string, key: string, what: string): InPageScript<T> {
  const scope = globalThis as Record<string, unknown>;
  return {
    register(entry) {
      scope[key] = entry;
    },
    async load(getUrl) {
      if (!scope[key]) await import(/* @vite-ignore */ getUrl(`/${file}`));
      const entry = scope[key] as T | undefined;
      if (typeof entry?.start !== 'function') throw new Error(`The ${what} script did not load.`);
      return entry;
    },
  };
}
