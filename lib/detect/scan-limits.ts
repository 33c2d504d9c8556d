/**
 * Bounds of one `detect:scan` request (lib/messages.ts validates them; the
 * content script's scanner keeps within them). Kept apart so the content
 * script can read them without the schema library.
 */

/** Most text blocks, and most characters in all, one request may carry. */
export const MAX_SCAN_TEXTS = 5000;
export const MAX_SCAN_CHARS = 4_000_000;
/** Most entity ids a page may report as already named in full (the fact base has a few hundred). */
export const MAX_SEEN_IDS = 2000;
/** Most abbreviations a page may have defined for itself (lib/detect/abbreviations.ts). */
export const MAX_ABBREVIATIONS = 200;

/** Most characters one `detect:probe` request (the scout's, lib/dom/scout.ts) may carry. */
export const MAX_PROBE_CHARS = 256_000;
