/** A fresh element in the document for each test of a Preact view to render into, emptied and removed after it. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';

export function mountPoint(): { readonly el: HTMLElement } {
  const point = { el: null as unknown as HTMLElement };
  beforeEach(() => {
    point.el = document.createElement('div');
    document.body.append(point.el);
  });
  afterEach(() => {
    act(() => render(null, point.el));
    point.el.remove();
  });
  return point;
}
