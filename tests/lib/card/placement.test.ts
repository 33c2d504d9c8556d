/**
 * The card's placement geometry (lib/card/placement.ts): below or above the
 * mention, start- or end-aligned, shifted into the viewport, and never over
 * the mention, whatever the sizes (property test).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { placeCard, type PlacementInput } from '../../../lib/card/placement';

const OFFSET = 6;
const PAD = 8;

function input(change: Partial<PlacementInput>): PlacementInput {
  return {
    reference: { left: 100, top: 100, right: 180, bottom: 120 },
    width: 300,
    height: 200,
    viewportWidth: 1024,
    viewportHeight: 768,
    offset: OFFSET,
    padding: PAD,
    ...change,
  };
}

describe('placeCard', () => {
  test.each([
    ['room below: under the mention, start-aligned', {}, { side: 'bottom', x: 100, y: 126 }],
    [
      'no room below: above the mention',
      { reference: { left: 100, top: 700, right: 180, bottom: 720 } },
      { side: 'top', x: 100, y: 700 - OFFSET - 200 },
    ],
    [
      'near the right edge: end-aligned with the mention',
      { reference: { left: 900, top: 100, right: 1000, bottom: 120 } },
      { side: 'bottom', x: 1000 - 300, y: 126 },
    ],
    [
      '320 px wide viewport: shifted inside, width capped',
      { reference: { left: 250, top: 100, right: 300, bottom: 120 }, viewportWidth: 320 },
      { side: 'bottom', x: 12, y: 126, maxWidth: 304 },
    ],
    [
      'wider than the viewport: pinned to the left padding',
      { width: 2000, viewportWidth: 320, reference: { left: 10, top: 100, right: 40, bottom: 120 } },
      { side: 'bottom', x: PAD, maxWidth: 320 - 2 * PAD },
    ],
    [
      'taller than both sides: the larger side, height capped to it',
      { height: 1000, reference: { left: 100, top: 500, right: 180, bottom: 520 } },
      { side: 'top', maxHeight: 500 - OFFSET - PAD, y: PAD },
    ],
  ])('%s', (_name, change, expected) => {
    expect(placeCard(input(change as Partial<PlacementInput>))).toMatchObject(expected);
  });

  test('the card stays inside the viewport and never overlaps its mention (any sizes)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 2000 }),
        fc.integer({ min: 200, max: 1500 }),
        fc.integer({ min: 1, max: 2500 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.record({
          x: fc.nat(1000),
          y: fc.nat(1000),
          w: fc.integer({ min: 1, max: 300 }),
          h: fc.integer({ min: 1, max: 60 }),
        }),
        (vw, vh, width, height, m) => {
          const left = Math.min(m.x, vw - m.w);
          const top = Math.min(m.y, vh - m.h);
          const reference = { left, top, right: left + m.w, bottom: top + m.h };
          const spot = placeCard(input({ reference, width, height, viewportWidth: vw, viewportHeight: vh }));
          const w = Math.min(width, spot.maxWidth);
          const h = Math.min(height, spot.maxHeight);
          // Inside the viewport (rounding may move an edge by under a pixel).
          expect(spot.x).toBeGreaterThanOrEqual(PAD - 1);
          expect(spot.x + w).toBeLessThanOrEqual(vw - PAD + 1);
          // Never over the mention: entirely below or entirely above it.
          const cardTop = spot.y;
          const cardBottom = spot.y + h;
          expect(cardTop >= reference.bottom || cardBottom <= reference.top).toBe(true);
        },
      ),
    );
  });
});
