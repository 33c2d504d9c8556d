/**
 * The content-script side of saved highlights: the selection button, the
 * context-menu/shortcut request, saving a card's mention with its sentence, and
 * restoring this page's highlights. Everything hangs off the content-script
 * context, so it stops cleanly when the extension updates. Storage is the
 * background's: this side only sends messages.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { describeRange, sentenceAround } from '../../highlights/describe-range';
import { MAX_QUOTE_CHARS, type Highlight } from '../../highlights/model';
import type { HighlightResult } from '../../messages';
import { translate } from '../../platform/i18n';
import { listenInPage, sendRequest } from '../../platform/page-messaging';
import { setTestState, TEST_HOOKS } from '../../platform/test-hooks';
import { HIGHLIGHT_ID_ATTR, HIGHLIGHT_TAG, paintHighlight } from './paint';
import { canonicalHref } from './page-url';
import { HighlightRestorer, RESTORE_DEADLINE_MS } from './restore';
import type { PageObserver } from '../page-changes';
import { mountSelectionButton, saveableRange, type SelectionButton } from './selection-button';
import { buildTextMap, offsetsToSegments, rangeToOffsets, type TextMap } from './text-map';

const MENTION_SELECTOR = 'lens-mention[data-entity]';

function failure<T>(kind: string, message: string): HighlightResult<T> {
  return { ok: false, error: { kind, message } };
}

/** Sends a request; a dead extension context becomes a result, never an exception in the page. */
async function ask<T>(send: () => Promise<HighlightResult<T>>): Promise<HighlightResult<T>> {
  try {
    const answer = await send();
    return answer ?? failure('unavailable', translate('hl_errUnavailable'));
  } catch (error) {
    return failure('unavailable', `${translate('hl_errUnavailable')} (${(error as Error).message})`);
  }
}

/** Entity ids of our mention marks that the range touches. */
function entitiesIn(range: Range): string[] {
  const ids = new Set<string>();
  for (const el of document.querySelectorAll(MENTION_SELECTOR)) {
    if (range.intersectsNode(el)) ids.add(el.getAttribute('data-entity')!);
  }
  return [...ids].filter((id) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id));
}

function rangeOf(map: TextMap, start: number, end: number): Range | null {
  const segs = offsetsToSegments(map, start, end);
  const first = segs[0];
  const last = segs[segs.length - 1];
  if (!first || !last) return null;
  const range = document.createRange();
  range.setStart(first.node, first.start);
  range.setEnd(last.node, last.end);
  return range;
}

class HighlightsController {
  #button: SelectionButton | null = null;
  #restorer: HighlightRestorer | null = null;
  #unlisten: (() => void) | null = null;
  #stopped = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly changes?: PageObserver,
  ) {}

  async start(saved?: Promise<HighlightResult<Highlight[]>>): Promise<void> {
    this.#unlisten = listenInPage({ 'highlight:save-selection': () => this.saveSelection() });
    this.#button = mountSelectionButton(this.ctx, translate, (range) => void this.saveRange(range));
    await this.restore(saved);
  }

  checkSelection(): void {
    this.#button?.check();
  }

  stop(): void {
    this.#stopped = true;
    this.#restorer?.stop();
    this.#button?.destroy();
    try {
      this.#unlisten?.();
    } catch {
      // "Extension context invalidated": the listener is gone with the context anyway.
    }
    this.#button = this.#restorer = this.#unlisten = null;
  }

  /** Restores this page's highlights, from `saved` when the content script already asked for them. */
  async restore(saved?: Promise<HighlightResult<Highlight[]>>): Promise<void> {
    const list = await ask(
      () => saved ?? sendRequest({ type: 'highlight:list-for-page', url: location.href, canonical: canonicalHref() }),
    );
    if (this.#stopped) return;
    if (!list.ok) {
      console.warn('[Eurasia Lens] saved highlights could not be loaded:', list.error.message);
      return;
    }
    if (!list.value.length) return;
    this.#restorer = new HighlightRestorer(
      document.body,
      list.value,
      { setTimeout: (fn, ms) => this.ctx.setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id) },
      {
        onSettled: ({ anchored, orphaned }) => {
          if (this.#stopped) return;
          void ask(() => sendRequest({ type: 'highlight:report', anchored, orphaned: orphaned.map((h) => h.id) }));
          // Test builds only (lib/platform/test-hooks.ts): kept in the script's own world.
          if (TEST_HOOKS) setTestState({ highlightOrphans: orphaned.length });
        },
      },
      // The anchoring maths runs in the background (lib/dom/highlights/anchor-text.ts).
      async (text, anchors) => (await sendRequest({ type: 'highlight:anchor', text, anchors })).found,
      RESTORE_DEADLINE_MS,
      this.changes,
    );
    void this.#restorer.start();
  }

  async saveSelection(): Promise<HighlightResult<Highlight | null>> {
    const range = saveableRange(document);
    if (!range) return { ok: true, value: null };
    return this.saveRange(range);
  }

  async saveRange(range: Range): Promise<HighlightResult<Highlight>> {
    const map = buildTextMap(document.body);
    const offsets = rangeToOffsets(map, range);
    const result = offsets
      ? await this.#save(map, offsets.start, offsets.end, entitiesIn(range))
      : failure<Highlight>('invalid', translate('hl_errNoText'));
    if (result.ok) document.getSelection()?.removeAllRanges();
    this.#button?.report(result.ok ? translate('hl_saved') : result.error.message, !result.ok);
    return result;
  }

  /** The card's "Save highlight": the mention with the sentence around it. */
  async saveMention(mention: HTMLElement): Promise<HighlightResult<Highlight>> {
    const map = buildTextMap(document.body);
    const whole = document.createRange();
    whole.selectNodeContents(mention);
    const offsets = rangeToOffsets(map, whole);
    if (!offsets) return failure('invalid', translate('hl_errNoText'));
    const sentence = sentenceAround(map.text, offsets.start, offsets.end);
    const range = rangeOf(map, sentence.start, sentence.end);
    const entities = new Set(range ? entitiesIn(range) : []);
    const own = mention.getAttribute('data-entity');
    if (own) entities.add(own);
    return this.#save(map, sentence.start, sentence.end, [...entities]);
  }

  async #save(map: TextMap, start: number, end: number, entities: string[]): Promise<HighlightResult<Highlight>> {
    if (end - start > MAX_QUOTE_CHARS) return failure('invalid', translate('hl_errTooLong'));
    const anchor = describeRange(map.text, start, end);
    if (!anchor) return failure('invalid', translate('hl_errNoText'));
    const result = await ask(() =>
      sendRequest({
        type: 'highlight:save',
        draft: { pageUrl: location.href, canonical: canonicalHref(), title: document.title, anchor, entities },
      }),
    );
    if (
      result.ok &&
      !document.querySelector(`${HIGHLIGHT_TAG}[${HIGHLIGHT_ID_ATTR}="${CSS.escape(result.value.id)}"]`)
    ) {
      paintHighlight(buildTextMap(document.body), anchor.position.start, anchor.position.end, result.value.id);
    }
    return result;
  }
}

let active: HighlightsController | null = null;

/**
 * Starts saved highlights in this page (top frame only). Call once per content script.
 * Returns a check of the current selection (for one made before the button listened).
 */
export function startHighlights(
  ctx: ContentScriptContext,
  saved?: Promise<HighlightResult<Highlight[]>>,
  changes?: PageObserver,
): () => void {
  if (window !== window.top || !document.body) return () => undefined;
  const controller = new HighlightsController(ctx, changes);
  active = controller;
  ctx.onInvalidated(() => {
    controller.stop();
    if (active === controller) active = null;
  });
  void controller.start(saved);
  return () => controller.checkSelection();
}

/**
 * For the context card's "Save highlight" button: saves the mention's sentence.
 * Resolves with an error result (never throws) when highlights are not running.
 */
export function saveMentionHighlight(mention: HTMLElement): Promise<HighlightResult<Highlight>> {
  if (!active) return Promise.resolve(failure('unavailable', translate('hl_errUnavailable')));
  return active.saveMention(mention);
}
