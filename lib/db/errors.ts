/**
 * Typed failures of the highlights database, each with a message a reader can
 * act on. Every one of them leaves the stored highlights as they were.
 */

export type DbErrorKind =
  'quota' | 'blocked' | 'unavailable' | 'newer-version' | 'upgrade-failed' | 'invalid' | 'not-found';

const MESSAGES: Record<DbErrorKind, string> = {
  quota:
    'The browser’s storage for Eurasia Lens is full, so this change was not saved. Your saved highlights are untouched; export them or free some disk space, then try again.',
  blocked:
    'The highlights database needs an upgrade, but another Eurasia Lens tab still has the old version open. Close the other Eurasia Lens tabs (or restart the browser) and try again. Your highlights are safe.',
  unavailable:
    'The highlights database could not be opened. Nothing was deleted; restarting the browser usually helps. Private windows may not allow extensions to store data.',
  'newer-version':
    'The highlights database was written by a newer version of Eurasia Lens. Update the extension to open it; nothing was changed.',
  'upgrade-failed':
    'Upgrading the highlights database failed, so it was left at its previous version with every highlight in place. Please report this problem.',
  invalid: 'The highlight is not valid and was not saved.',
  'not-found': 'That highlight no longer exists.',
};

export class HighlightsDbError extends Error {
  override readonly name = 'HighlightsDbError';
  constructor(
    readonly kind: DbErrorKind,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ? `${MESSAGES[kind]} (${detail})` : MESSAGES[kind], options);
  }
}

function domName(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') return error.name;
  return '';
}

/** Maps anything IndexedDB throws to a HighlightsDbError. */
export function toDbError(error: unknown, fallback: DbErrorKind = 'unavailable'): HighlightsDbError {
  if (error instanceof HighlightsDbError) return error;
  const name = domName(error);
  const detail = error instanceof Error ? error.message || name : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(detail))
    return new HighlightsDbError('quota', undefined, { cause: error });
  if (name === 'VersionError') return new HighlightsDbError('newer-version', detail, { cause: error });
  return new HighlightsDbError(fallback, detail, { cause: error });
}

/** The plain form sent through messages. */
export interface DbErrorPayload {
  kind: DbErrorKind;
  message: string;
}

export function errorPayload(error: unknown): DbErrorPayload {
  const e = toDbError(error);
  return { kind: e.kind, message: e.message };
}
