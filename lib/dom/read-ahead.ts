/**
 * On a page longer than a slice, names the first slices find wait for the
 * rest of the page: short forms for a full name further down ("Biden" for
 * "Joe Biden"), uncertain candidates for the same or for the resolver. The
 * pass would reach those names only after many slices. The page's text is
 * read ahead instead, the cheap way (blocks run together), for the page's
 * memory only (names in full, abbreviations, namesakes; the scanner's
 * `readAhead`): a piece per task, each sent as soon as it is read (the
 * background answers in order, between the pass's own requests), until
 * MAX_READ_AHEAD_CHARS, until the pass has read everything itself, or until
 * the answers so far leave nothing waiting. Each answer settles what it can.
 * The resolver is asked, and the pass reads on, once the reading is done:
 * what the resolver decides does not depend on how fast the answers came, and
 * the pass's own requests (text further down) do not hold up the names in view.
 */
import type { PageState } from '../detect/types';

/** Most text read ahead in one run (a long article many times over). */
export const MAX_READ_AHEAD_CHARS = 500_000;

export interface ReadAheadDeps {
  /** The page's memory the answers go into (this route's). */
  page: PageState;
  /** Reads a text for the page memory only, into `page` (the scanner's `readAhead`). */
  read(text: string, page: PageState): Promise<void>;
  /** The page's text in pieces, read the cheap way. */
  texts(): Iterable<string>;
  /** Whether anything still waits for text further down (and the pass has not read it yet). */
  wanted(): boolean;
  /** Settles and writes what the memory now allows. */
  settle(): void;
  /** Whether this run and this route are still current. */
  current(): boolean;
  yieldToPage(): Promise<void>;
  onError(error: unknown): void;
}

/** Starts reading ahead; the promise settles once every piece sent has been answered (or it failed). */
export async function readAhead(deps: ReadAheadDeps): Promise<void> {
  const answers: Promise<void>[] = [];
  let chars = 0;
  try {
    // Not in the task that sent the slice: the one after may write the first marks.
    await deps.yieldToPage();
    for (const text of deps.texts()) {
      if (!deps.current() || !deps.wanted()) break;
      answers.push(
        deps.read(text, deps.page).then(() => {
          if (deps.current()) deps.settle();
        }),
      );
      chars += text.length;
      if (chars >= MAX_READ_AHEAD_CHARS) break;
      await deps.yieldToPage();
    }
    await Promise.all(answers);
  } catch (error) {
    deps.onError(error);
  }
}
