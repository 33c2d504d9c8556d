// @vitest-environment happy-dom
/**
 * The mark writer: marks written where their text still stands, places
 * reserved for the others given back, marks taken off by the settings, by an
 * editable region or by the page, and everything restored on clear.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MarkWriter } from '@/lib/dom/mark-writer';
import { findMentions, type MarkRequest } from '@/lib/dom/mark';

let owned = 0;
const writer = () =>
  new MarkWriter({
    own: (fn) => {
      owned++;
      fn();
    },
    style: () => 'underline',
    onError: (error) => {
      throw error;
    },
  });

/** A request for `word` in the paragraph with id `p`. */
function request(p: string, word: string, id: string): MarkRequest {
  const node = document.getElementById(p)!.firstChild as Text;
  const start = node.data.indexOf(word);
  return { node, start, end: start + word.length, id, text: word };
}
const marked = () => findMentions(document.body).map((m) => `${m.getAttribute('data-entity')}:${m.textContent}`);

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML =
    '<p id="a">Putin met Xi.</p><p id="b">Putin left.</p><div id="c"><p id="d">Putin again.</p></div>';
  owned = 0;
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('mark writer', () => {
  test('writes as our own change, styles the document once, and gives back places whose text is gone', () => {
    const w = writer();
    for (let k = 0; k < 3; k++) w.reserve('vladimir-putin');
    expect(w.hasRoom('vladimir-putin', 3)).toBe(false);
    const gone = request('b', 'Putin', 'vladimir-putin');
    gone.node.data = 'Someone left.';
    expect(w.write([request('a', 'Putin', 'vladimir-putin'), gone, request('d', 'Putin', 'vladimir-putin')])).toBe(2);
    expect(owned).toBe(1);
    expect(marked()).toEqual(['vladimir-putin:Putin', 'vladimir-putin:Putin']);
    expect(document.querySelectorAll('style').length).toBe(1);
    expect(w.hasRoom('vladimir-putin', 3)).toBe(true);
    expect(w.counts()).toEqual(new Map([['vladimir-putin', 2]]));
  });

  test('keeps what the settings allow, in page order', () => {
    const w = writer();
    w.write([
      request('a', 'Putin', 'vladimir-putin'),
      request('a', 'Xi', 'xi-jinping'),
      request('d', 'Putin', 'vladimir-putin'),
    ]);
    expect(w.keepAllowed((id) => id !== 'xi-jinping', 1)).toBe(true);
    expect(marked()).toEqual(['vladimir-putin:Putin']);
    expect(w.mentions()[0]!.parentElement!.id).toBe('a');
    expect(w.keepAllowed(() => true, 1)).toBe(false);
  });

  test('takes marks off an editable region, forgets those the page removed, and clears the page', () => {
    const w = writer();
    w.write([request('a', 'Putin', 'vladimir-putin'), request('d', 'Putin', 'vladimir-putin')]);
    expect(w.removeInside([document.getElementById('c')!], () => true)).toBe(true);
    expect(document.getElementById('d')!.innerHTML).toBe('Putin again.');
    document.getElementById('a')!.remove();
    expect(w.forgetRemoved()).toBe(true);
    expect(w.size).toBe(0);
    w.write([request('b', 'Putin', 'vladimir-putin')]);
    w.clear(document);
    expect(document.body.innerHTML).toBe('<p id="b">Putin left.</p><div id="c"><p id="d">Putin again.</p></div>');
    expect(document.querySelectorAll('style').length).toBe(0);
  });
});
