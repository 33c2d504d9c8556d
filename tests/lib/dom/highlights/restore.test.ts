// @vitest-environment happy-dom
/**
 * Painting and restoring highlights in a DOM: painting is reversible, a
 * highlight whose text arrives late is found when it arrives (driven by the
 * mutation observer), and one that never arrives is reported as orphaned at
 * the deadline. Timers are injected, so the test controls time instead of sleeping.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  HighlightRestorer,
  RESTORE_DEADLINE_MS,
  type AnchorFinder,
  type Timers,
} from '../../../../lib/dom/highlights/restore';
import { anchorAll } from '../../../../lib/dom/highlights/anchor-text';
import { HIGHLIGHT_TAG, paintHighlight, unpaintHighlights } from '../../../../lib/dom/highlights/paint';
import { buildTextMap, rangeToOffsets } from '../../../../lib/dom/highlights/text-map';
import { describeRange } from '../../../../lib/highlights/describe-range';
import type { Highlight } from '../../../../lib/highlights/model';

/** Timers the test fires by hand. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn, ms) => (pending.set(next, { fn, ms }), next++),
    clearTimeout: (id) => void pending.delete(id),
  };
  const fire = (ms: number) => {
    for (const [id, t] of [...pending]) {
      if (t.ms === ms) {
        pending.delete(id);
        t.fn();
      }
    }
  };
  return { timers, pending, fire };
}

const ARTICLE = `
  <h1>Power of Siberia</h1>
  <p>Gazprom and <b>CNPC</b> signed the <lens-mention data-entity="power-of-siberia">Power of Siberia</lens-mention>
     contract in May 2014, after a decade of talks about price.</p>
  <script>var ignored = "not page text";</script>
  <p>The pipeline started deliveries in December 2019, two decades after the first talks.</p>`;

function highlightFor(quote: string, id: string): Highlight {
  const map = buildTextMap(document.body);
  const start = map.text.indexOf(quote);
  if (start < 0) throw new Error(`fixture lacks ${quote}`);
  const anchor = describeRange(map.text, start, start + quote.length)!;
  return {
    id,
    url: 'https://x.example/a',
    originalUrl: 'https://x.example/a',
    title: 't',
    created: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-01T00:00:00.000Z',
    anchor,
    note: '',
    entities: [],
    status: 'unknown',
  };
}

/** The background's anchoring, in process; records how many anchors each call asked for. */
function inProcessFinder() {
  const calls: number[] = [];
  const find: AnchorFinder = (text, anchors) => {
    calls.push(anchors.length);
    return Promise.resolve(anchorAll(text, anchors));
  };
  return { find, calls };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('text map and painting', () => {
  test('script text is not page text; a DOM range maps to offsets and back', () => {
    document.body.innerHTML = ARTICLE; // test fixture markup, not page text
    const map = buildTextMap(document.body);
    expect(map.text).not.toContain('ignored');
    const b = document.querySelector('b')!;
    const range = document.createRange();
    range.selectNodeContents(b);
    const offsets = rangeToOffsets(map, range)!;
    expect(map.text.slice(offsets.start, offsets.end)).toBe('CNPC');
  });

  test('painting across elements wraps each piece; unpainting restores the text exactly', () => {
    document.body.innerHTML = ARTICLE;
    const before = document.body.innerHTML;
    const map = buildTextMap(document.body);
    const start = map.text.indexOf('and CNPC signed the Power');
    const wrappers = paintHighlight(map, start, start + 'and CNPC signed the Power'.length, 'h1');
    expect(wrappers.length).toBeGreaterThanOrEqual(3);
    expect(wrappers.map((w) => w.textContent).join('')).toBe('and CNPC signed the Power');
    expect(document.querySelector('lens-mention')!.querySelector(HIGHLIGHT_TAG)).not.toBeNull();
    expect(buildTextMap(document.body).text).toBe(map.text);
    expect(unpaintHighlights(document.body, 'h1')).toBe(wrappers.length);
    expect(document.body.innerHTML).toBe(before);
  });
});

describe('HighlightRestorer', () => {
  test('highlights still at their stored place are painted at once, without asking the finder', async () => {
    document.body.innerHTML = ARTICLE;
    const h = highlightFor('signed the Power of Siberia', 'a');
    const settled = vi.fn();
    const { timers } = manualTimers();
    const { find, calls } = inProcessFinder();
    const started = new HighlightRestorer(document.body, [h], timers, { onSettled: settled }, find).start();
    const painted = [...document.querySelectorAll(`${HIGHLIGHT_TAG}[data-highlight-id="a"]`)];
    expect(painted.map((e) => e.textContent).join('')).toBe('signed the Power of Siberia');
    await started;
    expect(settled).toHaveBeenCalledWith({ anchored: ['a'], orphaned: [] });
    expect(calls).toEqual([]);
  });

  test('a highlight whose text moved is found by the finder and painted', async () => {
    document.body.innerHTML = ARTICLE;
    const h = highlightFor('signed the Power of Siberia', 'moved');
    document.body.prepend(Object.assign(document.createElement('p'), { textContent: 'A new lead paragraph.' }));
    const settled = vi.fn();
    const { timers, pending } = manualTimers();
    const { find, calls } = inProcessFinder();
    await new HighlightRestorer(document.body, [h], timers, { onSettled: settled }, find).start();
    expect(calls).toEqual([1]);
    expect(settled).toHaveBeenCalledWith({ anchored: ['moved'], orphaned: [] });
    const painted = [...document.querySelectorAll(`${HIGHLIGHT_TAG}[data-highlight-id="moved"]`)];
    expect(painted.map((e) => e.textContent).join('')).toBe('signed the Power of Siberia');
    expect(pending.size).toBe(0);
  });

  test('content that arrives later is found when it arrives', async () => {
    document.body.innerHTML = ARTICLE;
    const h = highlightFor('started deliveries in December 2019', 'late');
    document.querySelectorAll('p')[1]!.remove();
    const settled = vi.fn();
    const { timers, pending, fire } = manualTimers();
    const { find } = inProcessFinder();
    const restorer = new HighlightRestorer(document.body, [h], timers, { onSettled: settled }, find);
    await restorer.start();
    expect(settled).not.toHaveBeenCalled();
    // The page renders the paragraph (as a script would), with different whitespace.
    const p = document.createElement('p');
    p.textContent = 'The pipeline started   deliveries in\n December 2019, two decades after the first talks.';
    document.body.append(p);
    await vi.waitFor(() => expect([...pending.values()].some((t) => t.ms !== RESTORE_DEADLINE_MS)).toBe(true));
    fire([...pending.values()].find((t) => t.ms !== RESTORE_DEADLINE_MS)!.ms);
    await vi.waitFor(() => expect(settled).toHaveBeenCalledWith({ anchored: ['late'], orphaned: [] }));
    expect(document.querySelector(`${HIGHLIGHT_TAG}[data-highlight-id="late"]`)).not.toBeNull();
    expect(pending.size).toBe(0);
  });

  test('a highlight that never arrives is reported as orphaned at the deadline, not before', async () => {
    document.body.innerHTML = ARTICLE;
    const h = highlightFor('started deliveries in December 2019', 'gone');
    document.querySelectorAll('p')[1]!.remove();
    const settled = vi.fn();
    const { timers, fire } = manualTimers();
    const { find } = inProcessFinder();
    await new HighlightRestorer(document.body, [h], timers, { onSettled: settled }, find).start();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Unrelated late content.' }));
    expect(settled).not.toHaveBeenCalled();
    fire(RESTORE_DEADLINE_MS);
    await vi.waitFor(() => expect(settled).toHaveBeenCalledTimes(1));
    expect(settled.mock.calls[0]![0]).toEqual({ anchored: [], orphaned: [h] });
  });

  test('a finder that fails leaves the highlight pending until the deadline reports it', async () => {
    document.body.innerHTML = ARTICLE;
    const h = highlightFor('signed the Power of Siberia', 'nofinder');
    document.body.prepend(Object.assign(document.createElement('p'), { textContent: 'A new lead paragraph.' }));
    const settled = vi.fn();
    const { timers, fire } = manualTimers();
    const failing: AnchorFinder = () => Promise.reject(new Error('Extension context invalidated.'));
    await new HighlightRestorer(document.body, [h], timers, { onSettled: settled }, failing).start();
    expect(settled).not.toHaveBeenCalled();
    fire(RESTORE_DEADLINE_MS);
    await vi.waitFor(() => expect(settled).toHaveBeenCalledTimes(1));
    expect(settled.mock.calls[0]![0]).toEqual({ anchored: [], orphaned: [h] });
  });
});
