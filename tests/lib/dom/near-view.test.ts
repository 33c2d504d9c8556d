// @vitest-environment happy-dom
/** Marks waiting for the reader to scroll near them (lib/dom/near-view.ts): giving a place up to an earlier mention. */
import { describe, expect, test } from 'vitest';
import { nearViewParking } from '@/lib/dom/near-view';
import type { MarkRequest } from '@/lib/dom/mark';
import { fakeView } from '../../support/fake-intersection-observer';

function page(texts: string[]): Text[] {
  document.body.innerHTML = texts.map((t) => `<p>${t}</p>`).join('');
  return [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
}

const request = (node: Text, id: string): MarkRequest => ({ node, start: 0, end: node.data.length, id });

describe('yieldTo', () => {
  test('gives up the last waiting mark of the entity after the node, and no other', () => {
    const [top, a, b, c] = page(['Mir', 'Mir', 'Putin', 'Mir']);
    const written: MarkRequest[] = [];
    const parking = nearViewParking(fakeView, (r) => written.push(...r))!;
    parking.park([request(a!, 'mir'), request(b!, 'putin'), request(c!, 'mir')]);
    expect(parking.yieldTo('mir', top!)).toBe(true);
    expect(parking.counts()).toEqual(
      new Map([
        ['mir', 1],
        ['putin', 1],
      ]),
    );
    const left = parking.takeAll();
    expect(left.map((r) => r.node)).toEqual([a, b]);
    expect(written).toEqual([]);
  });

  test('nothing after the node, or another entity: nothing is given up', () => {
    const [a, b, c] = page(['Mir', 'Putin', 'Mir']);
    const parking = nearViewParking(fakeView, () => undefined)!;
    parking.park([request(a!, 'mir'), request(b!, 'putin')]);
    expect(parking.yieldTo('mir', c!)).toBe(false);
    expect(parking.yieldTo('s-400', a!)).toBe(false);
    expect(parking.size).toBe(2);
  });
});
