/**
 * The content script's stand-in for `is-potential-custom-element-name` agrees
 * with the real package on our own UI host names and on ASCII names in general.
 */
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import isPotentialCustomElementName from '../../../lib/platform/custom-element-name';
import { CARD_HOST_TAG } from '../../../lib/dom/card-host';
import { SELECTION_UI_NAME } from '../../../lib/dom/highlights/selection-button';

/** The package WXT's shadow-root UI uses (CommonJS, untyped). */
const original = createRequire(import.meta.url)('is-potential-custom-element-name') as (name: string) => boolean;

describe('custom element name stand-in', () => {
  test('accepts the names our shadow-root UIs use', () => {
    for (const name of [CARD_HOST_TAG, SELECTION_UI_NAME]) {
      expect(original(name)).toBe(true);
      expect(isPotentialCustomElementName(name)).toBe(true);
    }
  });

  test('decides like the package on ASCII names', () => {
    for (const name of ['a-b', 'x-', 'lens-card-host', 'a.b-c_d', 'Lens-card', 'lens', '-lens', '1-a', 'a b-c', 'a-B'])
      expect(isPotentialCustomElementName(name)).toBe(original(name));
    fc.assert(
      fc.property(fc.stringMatching(/^[\x20-\x7e]{0,12}$/), (name) => {
        expect(isPotentialCustomElementName(name)).toBe(original(name));
      }),
    );
  });
});
