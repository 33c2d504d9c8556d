import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  createHoverMachine,
  DEFAULT_SHOW_DELAY_MS,
  DWELL_MS,
  effectiveShowDelay,
  LEAVE_GRACE_MS,
  type HoverMachine,
} from '../../../lib/card/hover-machine';

interface Log {
  prepared: { target: string; token: number }[];
  shown: { target: string; via: string }[];
  hidden: { target: string; returnFocus: boolean }[];
}

let log: Log;
let delay: number;
let machine: HoverMachine<string>;
/** When set, `prepare` answers at once (like a cached entity). */
let answerAtOnce: boolean;

beforeEach(() => {
  vi.useFakeTimers();
  log = { prepared: [], shown: [], hidden: [] };
  delay = DEFAULT_SHOW_DELAY_MS;
  answerAtOnce = true;
  machine = createHoverMachine<string>({
    timers: { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    showDelayMs: () => delay,
    effects: {
      prepare(target, token) {
        log.prepared.push({ target, token });
        if (answerAtOnce) machine.dataReady(token);
      },
      show: (target, _token, via) => log.shown.push({ target, via }),
      hide: (target, returnFocus) => log.hidden.push({ target, returnFocus }),
    },
  });
});
afterEach(() => {
  machine.dispose();
  vi.useRealTimers();
});

/** Hovers `target` until its card is open. */
function hoverOpen(target: string) {
  machine.pointerEnterMention(target);
  vi.advanceTimersByTime(delay);
  expect(machine.snapshot.phase).toBe('open');
}

describe('hover', () => {
  test('nothing is fetched before the dwell time, the card shows at the show delay', () => {
    machine.pointerEnterMention('a');
    vi.advanceTimersByTime(DWELL_MS - 1);
    expect(log.prepared).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log.prepared).toEqual([{ target: 'a', token: machine.snapshot.token }]);
    vi.advanceTimersByTime(DEFAULT_SHOW_DELAY_MS - DWELL_MS - 1);
    expect(log.shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log.shown).toEqual([{ target: 'a', via: 'hover' }]);
    expect(machine.snapshot.phase).toBe('open');
  });

  test('the show delay follows the setting, read at each hover', () => {
    delay = 900;
    machine.pointerEnterMention('a');
    vi.advanceTimersByTime(899);
    expect(log.shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log.shown).toHaveLength(1);
  });

  test('a zero delay (the setting allows it) shows the card at once', () => {
    delay = 0;
    machine.pointerEnterMention('a');
    vi.advanceTimersByTime(0);
    expect(log.shown).toEqual([{ target: 'a', via: 'hover' }]);
  });

  test('a pointer that merely passes over a mention costs nothing', () => {
    machine.pointerEnterMention('a');
    vi.advanceTimersByTime(DWELL_MS - 10);
    machine.pointerLeaveMention();
    vi.advanceTimersByTime(2000);
    expect(log).toEqual({ prepared: [], shown: [], hidden: [] });
    expect(machine.snapshot.phase).toBe('idle');
  });

  test('slow data: the card shows when the data arrives, not before', () => {
    answerAtOnce = false;
    machine.pointerEnterMention('a');
    vi.advanceTimersByTime(delay + 500);
    expect(log.shown).toEqual([]);
    machine.dataReady(log.prepared[0]!.token);
    expect(log.shown).toEqual([{ target: 'a', via: 'hover' }]);
  });

  test('stale hover: data that arrives after the pointer left never shows a card (guards late-card bug)', () => {
    answerAtOnce = false;
    machine.pointerEnterMention('a');
    vi.advanceTimersByTime(DWELL_MS);
    const staleToken = log.prepared[0]!.token;
    machine.pointerLeaveMention();
    vi.advanceTimersByTime(delay);
    machine.dataReady(staleToken);
    expect(log.shown).toEqual([]);
    expect(machine.snapshot.phase).toBe('idle');
  });

  test('stale hover: data for mention A arriving while B is hovered does not open A', () => {
    answerAtOnce = false;
    machine.pointerEnterMention('a');
    vi.advanceTimersByTime(DWELL_MS);
    const tokenA = log.prepared[0]!.token;
    machine.pointerLeaveMention();
    machine.pointerEnterMention('b');
    vi.advanceTimersByTime(delay);
    machine.dataReady(tokenA);
    expect(log.shown).toEqual([]);
    machine.dataReady(log.prepared[1]!.token);
    expect(log.shown).toEqual([{ target: 'b', via: 'hover' }]);
  });

  test('leaving the mention closes the card only after the grace period', () => {
    hoverOpen('a');
    machine.pointerLeaveMention();
    vi.advanceTimersByTime(LEAVE_GRACE_MS - 1);
    expect(log.hidden).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log.hidden).toEqual([{ target: 'a', returnFocus: false }]);
    expect(machine.snapshot.phase).toBe('idle');
  });

  test('moving from the mention into the card never closes it', () => {
    hoverOpen('a');
    machine.pointerLeaveMention();
    vi.advanceTimersByTime(LEAVE_GRACE_MS - 50);
    machine.pointerEnterCard();
    vi.advanceTimersByTime(10_000);
    expect(log.hidden).toEqual([]);
    expect(machine.snapshot.phase).toBe('open');
    machine.pointerLeaveCard();
    vi.advanceTimersByTime(LEAVE_GRACE_MS);
    expect(log.hidden).toEqual([{ target: 'a', returnFocus: false }]);
  });

  test('coming back to the mention during the grace period keeps the card', () => {
    hoverOpen('a');
    machine.pointerLeaveMention();
    vi.advanceTimersByTime(100);
    machine.pointerEnterMention('a');
    vi.advanceTimersByTime(5000);
    expect(log.hidden).toEqual([]);
    expect(log.shown).toHaveLength(1);
  });

  test('hovering another mention replaces the card once the new one is ready', () => {
    hoverOpen('a');
    machine.pointerLeaveMention();
    machine.pointerEnterMention('b');
    vi.advanceTimersByTime(LEAVE_GRACE_MS + 10);
    expect(log.hidden).toEqual([]);
    vi.advanceTimersByTime(delay);
    expect(log.shown.map((s) => s.target)).toEqual(['a', 'b']);
  });

  test('a pinned card ignores the pointer leaving and other hovers', () => {
    hoverOpen('a');
    machine.setPinned(true);
    machine.pointerLeaveMention();
    machine.pointerEnterMention('b');
    vi.advanceTimersByTime(5000);
    expect(log.shown).toHaveLength(1);
    expect(log.hidden).toEqual([]);
    expect(machine.snapshot.pinned).toBe(true);
    machine.close();
    expect(log.hidden).toEqual([{ target: 'a', returnFocus: false }]);
    expect(machine.snapshot.pinned).toBe(false);
  });

  test('pinning during the grace period cancels the close', () => {
    hoverOpen('a');
    machine.pointerLeaveMention();
    machine.setPinned(true);
    vi.advanceTimersByTime(LEAVE_GRACE_MS * 3);
    expect(log.hidden).toEqual([]);
  });

  test('focus entering a hover card keeps it open when the pointer leaves', () => {
    hoverOpen('a');
    machine.focusEnteredCard();
    machine.pointerLeaveMention();
    vi.advanceTimersByTime(LEAVE_GRACE_MS * 3);
    expect(log.hidden).toEqual([]);
  });
});

describe('keyboard, tap and Escape', () => {
  test('openNow shows as soon as the data is ready, without the hover delay', () => {
    machine.openNow('a', 'keyboard');
    expect(log.shown).toEqual([{ target: 'a', via: 'keyboard' }]);
  });

  test('a tap-opened card does not close when the pointer leaves', () => {
    machine.openNow('a', 'tap');
    machine.pointerLeaveMention();
    machine.pointerLeaveCard();
    vi.advanceTimersByTime(5000);
    expect(log.hidden).toEqual([]);
  });

  test('Escape closes at once and asks to return focus', () => {
    hoverOpen('a');
    machine.escape();
    expect(log.hidden).toEqual([{ target: 'a', returnFocus: true }]);
    expect(machine.snapshot.phase).toBe('idle');
  });

  test('Escape during a pending hover cancels it', () => {
    machine.pointerEnterMention('a');
    vi.advanceTimersByTime(DWELL_MS);
    machine.escape();
    vi.advanceTimersByTime(5000);
    expect(log.shown).toEqual([]);
  });

  test('failed data gives up quietly', () => {
    answerAtOnce = false;
    machine.openNow('a', 'keyboard');
    machine.dataFailed(log.prepared[0]!.token);
    expect(machine.snapshot.phase).toBe('idle');
    expect(log.shown).toEqual([]);
  });

  test('openNow on another mention replaces a sticky card', () => {
    machine.openNow('a', 'keyboard');
    machine.openNow('b', 'keyboard');
    expect(log.shown.map((s) => s.target)).toEqual(['a', 'b']);
    expect(machine.snapshot.target).toBe('b');
  });
});

test.each([
  [undefined, DEFAULT_SHOW_DELAY_MS],
  [Number.NaN, DEFAULT_SHOW_DELAY_MS],
  [0, 0],
  [-5, 0],
  [1200.4, 1200],
])('effectiveShowDelay(%s) = %s', (input, expected) => {
  expect(effectiveShowDelay(input)).toBe(expected);
});
