/**
 * Hover intent for context cards, as a small state machine. Pure: timers and
 * side effects are injected, so the same code runs in the page and in tests
 * with fake timers.
 *
 * Phases:
 * - `idle`: nothing pending, no card.
 * - `dwell`: the pointer rests on a mention; after DWELL_MS we ask for the data.
 * - `pending`: data requested; the card shows once the show delay has passed
 *   and the data has arrived (whichever comes last).
 * - `open`: the card is visible.
 * - `leaving`: the pointer left the mention or the card; the card closes unless
 *   the pointer comes back within LEAVE_GRACE_MS.
 *
 * Every new target gets a fresh token; data or timers that carry an old token
 * are ignored, so a stale hover never shows a late card.
 */

/** Wait this long on a mention before fetching anything: a pointer merely passing over costs nothing. */
export const DWELL_MS = 150;
/** Default delay before the card shows on hover (Page Previews uses about 500 ms; settings may change it). */
export const DEFAULT_SHOW_DELAY_MS = 450;
/** Lowest accepted show delay: 0 means "at once" (the dwell then shrinks to 0 as well). */
export const MIN_SHOW_DELAY_MS = 0;
/** Time allowed for the pointer to travel from the mention into the card (or back) before it closes. */
export const LEAVE_GRACE_MS = 300;

/** How a card was opened; keyboard and tap cards do not close when the pointer wanders. */
export type OpenVia = 'hover' | 'keyboard' | 'tap';

export type HoverPhase = 'idle' | 'dwell' | 'pending' | 'open' | 'leaving';

export interface HoverSnapshot<T> {
  phase: HoverPhase;
  target: T | null;
  token: number;
  via: OpenVia | null;
  pinned: boolean;
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface HoverEffects<T> {
  /** Start fetching what the card for `target` needs; report back with `dataReady(token)`. */
  prepare(target: T, token: number): void;
  /** Show (or replace) the card for `target`. */
  show(target: T, token: number, via: OpenVia): void;
  /** Close the card; `returnFocus` asks to put focus back on the mention (Escape). */
  hide(target: T, returnFocus: boolean): void;
}

export interface HoverMachineOptions<T> {
  timers: Timers;
  effects: HoverEffects<T>;
  /** Read on every hover, so a settings change applies to the next card. */
  showDelayMs?: () => number;
}

export interface HoverMachine<T> {
  readonly snapshot: HoverSnapshot<T>;
  pointerEnterMention(target: T): void;
  pointerLeaveMention(): void;
  pointerEnterCard(): void;
  pointerLeaveCard(): void;
  /** Open at once (keyboard Enter, tap, click, long-press), still waiting for the data. */
  openNow(target: T, via: Exclude<OpenVia, 'hover'>): void;
  /** The data asked for with `prepare(target, token)` is available. */
  dataReady(token: number): void;
  /** The data could not be loaded (unknown entity, extension reloaded): give up quietly. */
  dataFailed(token: number): void;
  setPinned(pinned: boolean): void;
  /** Focus moved into the card: treat it like a keyboard-opened card from now on. */
  focusEnteredCard(): void;
  escape(): void;
  close(): void;
  dispose(): void;
}

/** Clamps a configured show delay to a sane range. */
export function effectiveShowDelay(ms: number | undefined): number {
  if (ms === undefined || !Number.isFinite(ms)) return DEFAULT_SHOW_DELAY_MS;
  return Math.max(MIN_SHOW_DELAY_MS, Math.round(ms));
}

export function createHoverMachine<T>(options: HoverMachineOptions<T>): HoverMachine<T> {
  const { timers, effects } = options;
  let phase: HoverPhase = 'idle';
  let target: T | null = null;
  let token = 0;
  let via: OpenVia | null = null;
  let pinned = false;
  let dataIsReady = false;
  let showIsDue = false;
  let pendingVia: OpenVia = 'hover';
  /** The card currently on screen (may differ from `target` while a new hover is pending). */
  let shown: T | null = null;
  const handles = new Set<unknown>();

  const clearTimers = () => {
    for (const h of handles) timers.clear(h);
    handles.clear();
  };
  const schedule = (ms: number, expectToken: number, fn: () => void) => {
    const handle = timers.set(() => {
      handles.delete(handle);
      if (expectToken === token) fn();
    }, ms);
    handles.add(handle);
  };

  const hideShown = (returnFocus: boolean) => {
    const was = shown;
    shown = null;
    via = null;
    pinned = false;
    if (was !== null) effects.hide(was, returnFocus);
  };

  const reset = (returnFocus = false) => {
    clearTimers();
    token++;
    phase = 'idle';
    target = null;
    dataIsReady = false;
    showIsDue = false;
    hideShown(returnFocus);
  };

  const tryShow = () => {
    if (phase !== 'pending' || !dataIsReady || !showIsDue || target === null) return;
    phase = 'open';
    via = pendingVia;
    shown = target;
    effects.show(target, token, pendingVia);
  };

  /** Starts a new intent for `next`, keeping any open card on screen until the new one is ready. */
  const begin = (next: T, how: OpenVia) => {
    clearTimers();
    token++;
    target = next;
    pendingVia = how;
    dataIsReady = false;
    showIsDue = false;
    const myToken = token;
    if (how === 'hover') {
      phase = 'dwell';
      const delay = effectiveShowDelay(options.showDelayMs?.());
      schedule(Math.min(DWELL_MS, delay), myToken, () => {
        phase = 'pending';
        effects.prepare(next, myToken);
        tryShow();
      });
      schedule(delay, myToken, () => {
        showIsDue = true;
        tryShow();
      });
    } else {
      phase = 'pending';
      showIsDue = true;
      effects.prepare(next, myToken);
    }
  };

  const sticky = () => pinned || via === 'keyboard' || via === 'tap';

  const startLeaving = () => {
    if (phase !== 'open' || sticky()) return;
    phase = 'leaving';
    schedule(LEAVE_GRACE_MS, token, () => reset());
  };

  return {
    get snapshot() {
      return { phase, target, token, via, pinned };
    },
    pointerEnterMention(next) {
      if (pinned) return;
      if ((phase === 'open' || phase === 'leaving') && next === shown) {
        // Back on the mention whose card is showing: cancel the pending close.
        clearTimers();
        phase = 'open';
        return;
      }
      if ((phase === 'dwell' || phase === 'pending') && next === target) return;
      if (sticky() && shown !== null) return;
      begin(next, 'hover');
    },
    pointerLeaveMention() {
      if (phase === 'dwell' || (phase === 'pending' && pendingVia === 'hover')) {
        // Left before the card appeared. An open card for another mention stays
        // subject to the usual grace period.
        clearTimers();
        token++;
        target = shown;
        dataIsReady = false;
        showIsDue = false;
        if (shown !== null && !sticky()) {
          phase = 'leaving';
          schedule(LEAVE_GRACE_MS, token, () => reset());
        } else {
          phase = shown !== null ? 'open' : 'idle';
        }
        return;
      }
      startLeaving();
    },
    pointerEnterCard() {
      if (phase === 'leaving' || ((phase === 'dwell' || phase === 'pending') && shown !== null)) {
        // The pointer reached the card: keep it, forget any other hover in progress.
        clearTimers();
        token++;
        target = shown;
        dataIsReady = false;
        showIsDue = false;
        phase = 'open';
      }
    },
    pointerLeaveCard() {
      startLeaving();
    },
    openNow(next, how) {
      begin(next, how);
    },
    dataReady(readyToken) {
      if (readyToken !== token || (phase !== 'pending' && phase !== 'dwell')) return;
      dataIsReady = true;
      tryShow();
    },
    dataFailed(failedToken) {
      if (failedToken !== token) return;
      reset();
    },
    setPinned(value) {
      if (shown === null) return;
      pinned = value;
      if (pinned && phase === 'leaving') {
        clearTimers();
        phase = 'open';
      }
    },
    focusEnteredCard() {
      if (shown === null) return;
      if (phase === 'leaving') {
        clearTimers();
        phase = 'open';
      }
      if (via === 'hover') via = 'keyboard';
    },
    escape() {
      if (shown === null && phase === 'idle') return;
      reset(true);
    },
    close() {
      reset(false);
    },
    dispose() {
      clearTimers();
      token++;
      phase = 'idle';
      target = null;
      shown = null;
    },
  };
}
