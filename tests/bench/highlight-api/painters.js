/**
 * In-page half of tests/bench/highlight-api.ts (issue #17, the CSS Custom Highlight API trial).
 * Injected into the page's main world with addScriptTag, so both painters run under identical
 * conditions, without the extension. Plain JavaScript on purpose: page.evaluate with functions
 * compiled by tsx can carry helpers (`__name`) that do not exist in the page.
 *
 * - find(): one walk over the page's text with one alias regexp; the mentions, in document order.
 * - wrap: split text nodes and wrap each mention in `<lens-mention data-entity>` (a simplified copy
 *   of lib/dom/mark.ts `markNode`, and the 'underline' style of lib/dom/mark-styles.ts).
 * - highlights: one Range per mention, one `Highlight` per entity in `CSS.highlights` under
 *   `lens-mention-<id>`, styled by `::highlight(lens-mention-<id>)`. `static` uses StaticRange.
 */
(() => {
  const TAG = 'lens-mention';
  const ATTR = 'data-entity';
  const PREFIX = 'lens-mention-';
  const SKIP = 'script,style,textarea,noscript,template,title,select,option';
  /** The 'underline' look of lib/dom/mark-styles.ts, for the element. */
  const NEUTRAL =
    'display:inline!important;margin:0!important;padding:0!important;border:0!important;' +
    'font:inherit!important;line-height:inherit!important;letter-spacing:inherit!important;' +
    'color:inherit!important;float:none!important;position:static!important;box-shadow:none!important;';
  const UNDERLINE =
    'text-decoration-line:underline!important;text-decoration-style:dotted!important;' +
    'text-decoration-thickness:1.5px!important;text-underline-offset:0.18em!important;';
  const WRAP_CSS = `${TAG}[${ATTR}]{${NEUTRAL}cursor:help;background:none!important;${UNDERLINE}}`;
  /** The same look as far as ::highlight allows (no text-underline-offset there). */
  const HIGHLIGHT_DECL = 'text-decoration:underline dotted 1.5px;';

  /** @type {{node: Text, start: number, end: number, id: string, near: boolean}[]} */
  let mentions = [];
  /** Ranges of the painted highlights, in document order, with their entity. */
  let painted = [];

  const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const isHan = /[\u3400-\u9fff]/;

  /** Finds every alias in the page's text; marks which mentions lie in the first two viewports. */
  function find(aliases) {
    const byText = new Map();
    for (const { alias, id } of aliases) if (!byText.has(alias)) byText.set(alias, id);
    const sorted = [...byText.keys()].sort((a, b) => b.length - a.length);
    const words = sorted.filter((a) => !isHan.test(a)).map(escapeRe);
    const han = sorted.filter((a) => isHan.test(a)).map(escapeRe);
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.join('|')})(?![\\p{L}\\p{N}_])|(?:${han.join('|')})`, 'gu');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest(SKIP)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(n.data); m; m = re.exec(n.data)) {
        found.push({ node: n, start: m.index, end: m.index + m[0].length, id: byText.get(m[0]), near: false });
      }
    }
    // One reused Range: live ranges left behind would tax the wrapping painter's DOM writes.
    const probe = document.createRange();
    const limit = 2 * innerHeight;
    for (const f of found) {
      probe.setStart(f.node, f.start);
      probe.setEnd(f.node, f.end);
      const r = probe.getBoundingClientRect();
      f.near = r.bottom > 0 && r.top < limit && (r.width > 0 || r.height > 0);
    }
    probe.detach();
    mentions = found;
    return {
      mentions: found.length,
      near: found.filter((f) => f.near).length,
      entities: new Set(found.map((f) => f.id)).size,
    };
  }

  const pick = (scope) => (scope === 'near' ? mentions.filter((m) => m.near) : mentions);

  /** (a) Wrapping, as lib/dom/mark.ts markNode does it for a node marked the first time. */
  function wrap(list) {
    const style = document.createElement('style');
    style.setAttribute('data-lens-style', '');
    style.textContent = WRAP_CSS;
    document.head.appendChild(style);
    const byNode = new Map();
    for (const r of list) {
      const l = byNode.get(r.node);
      if (l) l.push(r);
      else byNode.set(r.node, [r]);
    }
    let made = 0;
    for (const [node, requests] of byNode) {
      const parent = node.parentNode;
      const data = node.data;
      const fragment = document.createDocumentFragment();
      const next = node.nextSibling;
      let movedIntoMark = false;
      let cursor = 0;
      for (const r of requests) {
        if (r.start > cursor && cursor > 0) fragment.appendChild(document.createTextNode(data.slice(cursor, r.start)));
        const mark = document.createElement(TAG);
        mark.setAttribute(ATTR, r.id);
        if (r.start === 0) {
          movedIntoMark = true;
          node.data = data.slice(0, r.end);
          mark.appendChild(node);
        } else {
          mark.appendChild(document.createTextNode(data.slice(r.start, r.end)));
        }
        fragment.appendChild(mark);
        made++;
        cursor = r.end;
      }
      if (cursor < data.length) fragment.appendChild(document.createTextNode(data.slice(cursor)));
      if (!movedIntoMark) node.data = data.slice(0, requests[0].start);
      parent.insertBefore(fragment, next);
    }
    return made;
  }

  /** The `::highlight(lens-mention-<id>)` rules for these entity ids. */
  const highlightCss = (ids) =>
    [...ids].map((id) => `::highlight(${CSS.escape(PREFIX + id)}){${HIGHLIGHT_DECL}}`).join('');

  /**
   * The rules for every entity, put in at document_start (before the page's first style pass), so
   * that painting later needs no new rule: a stylesheet with `::highlight()` rules added to a loaded
   * page restyles the whole document.
   */
  function preStyle(ids, single) {
    const put = () => {
      const style = document.createElement('style');
      style.setAttribute('data-lens-style', '');
      style.textContent = single ? `::highlight(${TAG}){${HIGHLIGHT_DECL}}` : highlightCss(ids);
      document.documentElement.appendChild(style);
    };
    if (document.documentElement) return put();
    // Too early for a content script's document_start: wait for the root element as the parser makes it.
    const wait = new MutationObserver(() => {
      if (!document.documentElement) return;
      wait.disconnect();
      put();
    });
    wait.observe(document, { childList: true });
  }

  /**
   * (b) Highlights: a Range per mention, a Highlight per entity under `lens-mention-<id>`, and a
   * style element with the rules of the entities painted (unless `preStyled`); `useStatic` builds
   * StaticRanges instead of live Ranges; `single` registers every range under the one name
   * `lens-mention` (the entity then lives only in our own list), with one rule.
   */
  function highlight(list, useStatic, preStyled, single) {
    const byId = new Map();
    painted = [];
    for (const r of list) {
      let range;
      if (useStatic) {
        range = new StaticRange({
          startContainer: r.node,
          startOffset: r.start,
          endContainer: r.node,
          endOffset: r.end,
        });
      } else {
        range = document.createRange();
        range.setStart(r.node, r.start);
        range.setEnd(r.node, r.end);
      }
      painted.push({ range, id: r.id });
      const l = byId.get(r.id);
      if (l) l.push(range);
      else byId.set(r.id, [range]);
    }
    if (single) CSS.highlights.set(TAG, new Highlight(...painted.map((p) => p.range)));
    else for (const [id, ranges] of byId) CSS.highlights.set(PREFIX + id, new Highlight(...ranges));
    if (!preStyled) {
      const style = document.createElement('style');
      style.setAttribute('data-lens-style', '');
      style.textContent = single ? `::highlight(${TAG}){${HIGHLIGHT_DECL}}` : highlightCss(byId.keys());
      document.head.appendChild(style);
    }
    return list.length;
  }

  /**
   * kind: 'wrap' | 'highlight' (rules added with the marks) | 'prestyled' (rules from preStyle) |
   * 'single' (one name, one rule, added with the marks) | 'singlepre' (one name, its rule from
   * preStyle) | 'static' (as prestyled, with StaticRanges).
   */
  function paint(kind, list) {
    if (kind === 'wrap') return wrap(list);
    const preStyled = kind === 'prestyled' || kind === 'static' || kind === 'singlepre';
    return highlight(list, kind === 'static', preStyled, kind === 'single' || kind === 'singlepre');
  }

  /** Resolves after the next frame has been produced (rAF, then a task queued behind its rendering). */
  function nextFrame() {
    return new Promise((done) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => done(performance.now());
        ch.port2.postMessage(0);
      }),
    );
  }

  /**
   * Paints `scope` ('all' | 'near') with `kind` and times it: script, the forced style+layout that
   * follows, and the time until the next frame is out. User timing marks bracket it for the trace.
   */
  async function measure(kind, scope) {
    const list = pick(scope);
    await nextFrame();
    performance.mark('hl-start');
    const t0 = performance.now();
    const marks = paint(kind, list);
    const t1 = performance.now();
    void document.body.offsetHeight;
    const t2 = performance.now();
    const t3 = await nextFrame();
    performance.mark('hl-end');
    // A scroll five viewports down afterwards: what one more frame costs with the marks in place.
    await nextFrame();
    performance.mark('hl-scroll-start');
    scrollTo(0, 5 * innerHeight);
    await nextFrame();
    performance.mark('hl-scroll-end');
    return { marks, scriptMs: t1 - t0, forcedLayoutMs: t2 - t1, toFrameMs: t3 - t0 };
  }

  /**
   * Entity of the painted range under (x, y), or null: the caret position at the point, a binary
   * search over the painted ranges (document order) with Range.comparePoint, and a check of the
   * range's boxes (the caret lands on a range's edge from the character beside it too).
   */
  function hitTest(x, y) {
    const pos = document.caretPositionFromPoint
      ? document.caretPositionFromPoint(x, y)
      : document.caretRangeFromPoint?.(x, y);
    if (!pos) return null;
    const node = pos.offsetNode ?? pos.startContainer;
    const offset = pos.offset ?? pos.startOffset;
    let lo = 0;
    let hi = painted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const { range, id } = painted[mid];
      let c;
      try {
        c = range.comparePoint(node, offset);
      } catch {
        // A text control: its caret position is an offset into its value, never one of our marks.
        return null;
      }
      if (c < 0) hi = mid - 1;
      else if (c > 0) lo = mid + 1;
      else {
        for (const b of range.getClientRects()) {
          if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) return id;
        }
        return null;
      }
    }
    return null;
  }

  /** The same question for wrapped marks: the browser's own hit test, then the mark around it. */
  function hitTestWrap(x, y) {
    const el = document.elementFromPoint(x, y);
    const mark = el && el.closest(TAG);
    return mark ? mark.getAttribute(ATTR) : null;
  }

  /**
   * Hover hit-testing cost per call at `n` random points and at the centres of the marks in view,
   * at four scroll positions. Returns µs per call and how many centre probes found their own entity.
   */
  function hitBench(kind, n, seed) {
    let s = seed >>> 0;
    const rnd = () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 4294967296;
    };
    const test = kind === 'wrap' ? hitTestWrap : hitTest;
    let calls = 0;
    let hits = 0;
    let ms = 0;
    let centres = 0;
    let centreHits = 0;
    const height = document.documentElement.scrollHeight;
    for (const at of [0, 0.25, 0.5, 0.75]) {
      scrollTo(0, at * height);
      void document.body.offsetHeight;
      const points = [];
      for (let i = 0; i < n; i++) points.push([rnd() * innerWidth, rnd() * innerHeight, null]);
      const boxes =
        kind === 'wrap'
          ? [...document.querySelectorAll(TAG)].map((el) => [el, el.getAttribute(ATTR)])
          : painted.map(({ range, id }) => [range, id]);
      for (const [target, id] of boxes) {
        const r = target.getClientRects()[0];
        if (r && r.top > 2 && r.bottom < innerHeight - 2 && r.left > 0 && r.right < innerWidth) {
          points.push([(r.left + r.right) / 2, (r.top + r.bottom) / 2, id]);
        }
      }
      const t0 = performance.now();
      const got = points.map(([x, y]) => test(x, y));
      ms += performance.now() - t0;
      calls += points.length;
      points.forEach(([, , want], i) => {
        if (got[i] !== null) hits++;
        if (want !== null) {
          centres++;
          if (got[i] === want) centreHits++;
        }
      });
    }
    scrollTo(0, 0);
    return { calls, usPerCall: (ms * 1000) / calls, hits, centres, centreHits };
  }

  function countNodes() {
    const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let n = 1;
    while (w.nextNode()) n++;
    return n;
  }

  /**
   * What the page's own scripts see when every mention is painted with `kind`: node count,
   * body.textContent and innerText before and after, the MutationObserver records they get,
   * `<lens-mention>` elements, CSS.highlights entries, and the time of a framework-like burst of
   * the page's own DOM writes afterwards (live Ranges are updated on every mutation).
   */
  async function pageView(kind) {
    const nodesBefore = countNodes();
    const textBefore = document.body.textContent;
    const innerBefore = document.body.innerText;
    const records = [];
    const mo = new MutationObserver((list) => records.push(...list));
    mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    if (kind !== 'none') paint(kind, mentions);
    await nextFrame();
    records.push(...mo.takeRecords());
    mo.disconnect();
    const view = {
      nodesAdded: countNodes() - nodesBefore,
      textContentSame: document.body.textContent === textBefore,
      innerTextSame: document.body.innerText === innerBefore,
      mutationRecords: records.length,
      mentionElements: document.querySelectorAll(TAG).length,
      highlightEntries: [...CSS.highlights.keys()].filter((k) => k.startsWith(PREFIX)).length,
    };
    // The page's own writes: 2,000 times, a paragraph gets a new text node and loses it, and a text
    // node's data is rewritten (what a framework's re-render does).
    const paras = [...document.querySelectorAll('article p')];
    const texts = [];
    for (const p of paras) {
      const t = p.lastChild;
      if (t && t.nodeType === 3) texts.push(t);
    }
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) {
      const p = paras[(i * 7919) % paras.length];
      const t = document.createTextNode(' x');
      p.appendChild(t);
      t.remove();
      const tt = texts[(i * 104729) % texts.length];
      if (tt) {
        const data = tt.data;
        tt.data = data;
      }
    }
    view.pageWritesMs = performance.now() - t0;
    return view;
  }

  /** Scrolls the first mention to the middle of the viewport (for the screenshot check). */
  function showFirst() {
    const first = mentions[0];
    if (first) first.node.parentElement.scrollIntoView({ block: 'center' });
  }

  /** Paints every mention with `kind` (for the screenshot check). */
  function paintForCheck(kind) {
    return paint(kind, mentions);
  }

  function clearHighlights() {
    for (const k of [...CSS.highlights.keys()]) if (k.startsWith(TAG)) CSS.highlights.delete(k);
  }

  /** A hover check: the entity found at the centre of each painted mention in view. */
  function hoverCheck() {
    let tried = 0;
    let ok = 0;
    for (const { range, id } of painted) {
      const rects = range.getClientRects ? range.getClientRects() : [];
      const r = rects[0];
      if (!r || r.top < 0 || r.bottom > innerHeight) continue;
      tried++;
      if (hitTest((r.left + r.right) / 2, (r.top + r.bottom) / 2) === id) ok++;
    }
    return { tried, ok };
  }

  window.__hlTrial = {
    find,
    preStyle,
    measure,
    hitBench,
    pageView,
    showFirst,
    paintForCheck,
    clearHighlights,
    hoverCheck,
    supports: () => ({
      highlights: typeof Highlight === 'function' && !!(globalThis.CSS && CSS.highlights),
      caretPositionFromPoint: typeof document.caretPositionFromPoint === 'function',
      caretRangeFromPoint: typeof document.caretRangeFromPoint === 'function',
    }),
  };
})();
