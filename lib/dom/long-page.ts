/**
 * A page with more elements than this is long (~250 KB of text and up): the
 * early script reads the settings as soon as the HTML is parsed, and the
 * scout marks it without probing first (lib/platform/early.ts, lib/dom/scout.ts).
 */
export const LARGE_PAGE_ELEMENTS = 5_000;
