/**
 * On a page longer than a slice, names the first slices find wait for the
 * rest of the page: short forms for a full name further down ("Biden" for
 * "Joe Biden"), uncertain candidates for the same or for the resolver. The
 * pass would reach those names only after many slices. The page's text is
 * read ahead instead, the cheap way (blocks run together), for the page's
 * memory only (names in full, abbreviations, namesakes; the scanner's
 * `readAhead`): a small piece per task, each sent as soon as it is read (the
 * background answers in order, between the pass's own requests), until
 * MAX_READ_AHEAD_CHARS, until the pass has read everything itself, or until
 * the answers so far leave nothing waiting. Each answer settles what it can.
 * The resolver is asked, and the pass reads on, once the reading is done:
 * what the resolver decides does not depend on how fast the answers came, and
 * the pass's own requests (text further down) do not hold up the names in view.
 *
 * It starts while the first slice is with the background, before the page is
 * judged, with pieces small enough to read in a few milliseconds each: the
 * page lens only waits then (once the first answer is in, the verdict and the
 * first marks are due, and it reads no more until they are done). What it
 * reads is held until the page is judged and goes out once the first marks
 * are written (`judged`), up to SEND_CHARS in the same task, so that the
 * background reads it while the page lays those marks out. Sent
 * earlier, it held up the answers the first marks wait for: in the background
 * (the relevance probes) and on the page (each send costs the page about
 * 5 ms per 100,000 characters, and the answers queue behind it).
 */
import type { PageState } from '../detect/types';

/** Most text read ahead in one run (a long article many times over). */
export const MAX_READ_AHEAD_CHARS = 500_000;
/**
 * Most text sent in one task (about 5–7 ms of the page's time): what was held
 * goes out with the first marks' task, which should stay well under 50 ms.
 */
export const SEND_CHARS = 120_000;

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
  /**
   * Resolves once the page is judged and its first marks are written (what
   * waits is known then); absent or undefined: that is so already.
   */
  judged?(): Promise<void> | undefined;
  /** Whether to read no more until then: the first answer is in, and the verdict and first marks are due. */
  due?(): boolean;
  yieldToPage(): Promise<void>;
  onError(error: unknown): void;
}

/** Starts reading ahead; the promise settles once every piece sent has been answered (or it failed). */
export async function readAhead(deps: ReadAheadDeps): Promise<void> {
  const answers: Promise<void>[] = [];
  /** Pieces read and not sent yet: held until the page is judged, then sent SEND_CHARS a task. */
  const unsent: string[] = [];
  const flush = () => {
    // A page judged not to be shown, or answers that left nothing waiting, need none of it.
    if (!deps.current() || !deps.wanted()) {
      unsent.length = 0;
      return;
    }
    for (let chars = 0; unsent.length > 0 && chars < SEND_CHARS;) {
      const text = unsent.shift()!;
      chars += text.length;
      answers.push(
        deps.read(text, deps.page).then(() => {
          if (deps.current()) deps.settle();
        }),
      );
    }
  };
  const verdict = deps.judged?.();
  let judged = !verdict;
  const released = verdict
    ?.then(() => {
      judged = true;
      flush();
    })
    .catch((error: unknown) => deps.onError(error));
  let chars = 0;
  try {
    // Not in the task that sent the slice: the one after may write the first marks.
    await deps.yieldToPage();
    for (const text of deps.texts()) {
      if (!judged && deps.due?.()) await released;
      if (!deps.current() || !deps.wanted()) break;
      unsent.push(text);
      if (judged) flush();
      chars += text.length;
      if (chars >= MAX_READ_AHEAD_CHARS) break;
      await deps.yieldToPage();
    }
    await released;
    while (unsent.length > 0 && deps.current()) {
      await deps.yieldToPage();
      flush();
    }
    await Promise.all(answers);
  } catch (error) {
    deps.onError(error);
  }
}
