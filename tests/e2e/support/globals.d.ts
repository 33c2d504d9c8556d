/**
 * The slice of the `chrome` global used inside `serviceWorker.evaluate()` and
 * extension-page callbacks in the end-to-end suite (they run in the browser).
 */
declare const chrome: {
  runtime: {
    getManifest(): { manifest_version: number; name: string; version: string; [key: string]: unknown };
    onMessage: { addListener(fn: (message: unknown) => void): void };
  };
  storage: {
    local: {
      get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      clear(): Promise<void>;
    };
  };
  tabs: {
    query(q: Record<string, unknown>): Promise<{ id?: number; url?: string; active?: boolean }[]>;
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
    update(tabId: number, props: Record<string, unknown>): Promise<unknown>;
  };
};
