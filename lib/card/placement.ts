/**
 * Where the card goes, as plain geometry (no DOM): below its mention, or above
 * when it does not fit below, aligned to the mention's start edge or else its
 * end edge, then shifted sideways to stay inside the viewport. The card never
 * covers its mention: its height is capped to the room on the chosen side.
 * Coordinates are viewport (CSS pixel) coordinates, for `position: fixed`.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacementInput {
  /** The mention's bounding box (all its lines). */
  reference: Box;
  /** The card's natural size. */
  width: number;
  height: number;
  /** The viewport's size. */
  viewportWidth: number;
  viewportHeight: number;
  /** Gap between mention and card. */
  offset: number;
  /** Distance kept from the viewport's edges. */
  padding: number;
}

export interface Placement {
  x: number;
  y: number;
  side: 'bottom' | 'top';
  /** Room for the card: its width and height must not exceed these. */
  maxWidth: number;
  maxHeight: number;
}

export function placeCard(input: PlacementInput): Placement {
  const { reference: ref, offset, padding, viewportWidth: vw, viewportHeight: vh } = input;
  const maxWidth = Math.max(0, vw - 2 * padding);
  const width = Math.min(input.width, maxWidth);
  const below = Math.max(0, vh - padding - (ref.bottom + offset));
  const above = Math.max(0, ref.top - offset - padding);
  // Below when it fits (or when neither side fits and below has more room), otherwise above.
  const side = input.height <= below || (input.height > above && below >= above) ? 'bottom' : 'top';
  const maxHeight = side === 'bottom' ? below : above;
  const height = Math.min(input.height, maxHeight);
  // Start-aligned unless that overflows on the right and end-aligned fits better.
  let x = ref.left;
  if (x + width > vw - padding) {
    const endAligned = ref.right - width;
    if (endAligned >= padding) x = endAligned;
  }
  // Shift inside the viewport; the left edge wins when the card is wider than the room.
  x = Math.max(padding, Math.min(x, vw - padding - width));
  const y = side === 'bottom' ? ref.bottom + offset : ref.top - offset - height;
  return { x: Math.round(x), y: Math.round(y), side, maxWidth: Math.floor(maxWidth), maxHeight: Math.floor(maxHeight) };
}
