/**
 * Random sequences of pointer, keyboard and data events against the hover
 * machine: whatever the order, a card only ever shows for the latest intent,
 * after its data arrived, and never earlier than the hover delay.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import { createHoverMachine, DEFAULT_SHOW_DELAY_MS } from '../../../lib/card/hover-machine';

type Event =
  | { kind: 'enter'; target: 'a' | 'b' }
  | { kind: 'leave' }
  | { kind: 'enterCard' }
  | { kind: 'leaveCard' }
  | { kind: 'openNow'; target: 'a' | 'b' }
  | { kind: 'escape' }
  | { kind: 'close' }
  | { kind: 'pin'; value: boolean }
  | { kind: 'advance'; ms: number }
  /** Answer the n-th most recent prepare call (0 = latest), stale ones included. */
  | { kind: 'answer'; back: number };

const target = fc.constantFrom<'a' | 'b'>('a', 'b');
// Weighted so that sequences often get as far as showing a card.
const event: fc.Arbitrary<Event> = fc.oneof(
  { weight: 3, arbitrary: target.map((t) => ({ kind: 'enter' as const, target: t })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'leave' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'enterCard' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'leaveCard' as const }) },
  { weight: 2, arbitrary: target.map((t) => ({ kind: 'openNow' as const, target: t })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'escape' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'close' as const }) },
  { weight: 1, arbitrary: fc.boolean().map((value) => ({ kind: 'pin' as const, value })) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 700 }).map((ms) => ({ kind: 'advance' as const, ms })) },
  {
    weight: 4,
    arbitrary: fc
      .oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) })
      .map((back) => ({ kind: 'answer' as const, back })),
  },
);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('a card shows only for the latest intent, after its data, and not before the hover delay', () => {
  let totalShows = 0;
  fc.assert(
    fc.property(fc.array(event, { minLength: 5, maxLength: 60, size: 'medium' }), (events) => {
      vi.clearAllTimers();
      const prepared: { target: string; token: number }[] = [];
      const answered = new Set<number>();
      let latestToken = -1;
      let intentAt = 0;
      let intentVia: 'hover' | 'other' = 'other';
      let shown: string | null = null;
      const machine = createHoverMachine<string>({
        timers: { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
        showDelayMs: () => DEFAULT_SHOW_DELAY_MS,
        effects: {
          prepare: (t, token) => prepared.push({ target: t, token }),
          show: (t, token) => {
            expect(token).toBe(machine.snapshot.token);
            expect(answered.has(token)).toBe(true);
            expect(prepared.at(-1)).toEqual({ target: t, token });
            if (intentVia === 'hover') expect(Date.now() - intentAt).toBeGreaterThanOrEqual(DEFAULT_SHOW_DELAY_MS);
            shown = t;
            totalShows++;
          },
          hide: (t) => {
            expect(t).toBe(shown);
            shown = null;
          },
        },
      });
      for (const e of events) {
        const before = machine.snapshot.token;
        switch (e.kind) {
          case 'enter':
            machine.pointerEnterMention(e.target);
            break;
          case 'leave':
            machine.pointerLeaveMention();
            break;
          case 'enterCard':
            machine.pointerEnterCard();
            break;
          case 'leaveCard':
            machine.pointerLeaveCard();
            break;
          case 'openNow':
            machine.openNow(e.target, 'keyboard');
            break;
          case 'escape':
            machine.escape();
            expect(shown).toBeNull();
            expect(machine.snapshot.phase).toBe('idle');
            break;
          case 'close':
            machine.close();
            expect(shown).toBeNull();
            break;
          case 'pin':
            machine.setPinned(e.value);
            break;
          case 'advance':
            vi.advanceTimersByTime(e.ms);
            break;
          case 'answer': {
            const call = prepared[prepared.length - 1 - e.back];
            if (call) {
              answered.add(call.token);
              machine.dataReady(call.token);
            }
            break;
          }
        }
        if (machine.snapshot.token !== before && machine.snapshot.token !== latestToken) {
          // A new intent started with this event.
          latestToken = machine.snapshot.token;
          intentAt = Date.now();
          intentVia = e.kind === 'enter' ? 'hover' : 'other';
        }
      }
      machine.dispose();
    }),
    { numRuns: 300 },
  );
  // The sequences do reach the interesting part: cards were shown.
  expect(totalShows).toBeGreaterThan(20);
});
