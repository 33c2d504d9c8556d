/**
 * Scripts of ours that the content script loads into the page's isolated world
 * only when they are needed (web-accessible resources, imported by address):
 * each registers its entry point under a global of that world, never the
 * page's, as it is evaluated.
 */

/** Called by an in-page script as it is evaluated. */
export function registerInPageScript(key: string, entry: unknown): void {
  (globalThis as Record<string, unknown>)[key] = entry;
}

/**
 * Imports `file` (once per world) and returns the entry point it registered
 * under `key`; an error naming `what` when it did not register one.
 */
export async function importInPageScript<T>(
  getUrl: (path: string) => string,
  file: string,
  key: string,
  isEntry: (entry: unknown) => entry is T,
  what: string,
): Promise<T> {
  const scope = globalThis as Record<string, unknown>;
  if (!scope[key]) await import(/* @vite-ignore */ getUrl(`/${file}`));
  const entry = scope[key];
  if (!isEntry(entry)) throw new Error(`The ${what} script did not load.`);
  return entry;
}
