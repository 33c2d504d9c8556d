/**
 * Page objects for the hostile fixtures (tests/e2e/pages/hostile/).
 *
 * A small probe runs in the page's main world of every document (installed at
 * document start with `addInitScript`, or on demand in frames the init script
 * never reaches, such as a script-filled about:blank frame). At
 * DOMContentLoaded, before the content script can run (it starts at
 * document_idle), the probe records the page as its author made it: every text
 * node (by identity), its text and a structural signature. After teardown the
 * page is compared against that record.
 *
 * The browser-side code is plain JavaScript in a string, so no build step can
 * rewrite it (evaluated functions must be self-contained).
 */
import type { BrowserContext, ConsoleMessage, Frame, Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';
import type { StaticServer } from './server';
import { statsOf, waitForLensState, waitForPass } from './lens-state';

export interface Comparison {
  sameSignature: boolean;
  /** Where the signatures first differ, with some context, when they do. */
  signatureDiff: string;
  sameText: boolean;
  /** Text nodes recorded at DOMContentLoaded that are gone from the page. */
  missingTextNodes: number;
  /** Text nodes in the page that were not there at DOMContentLoaded. */
  extraTextNodes: number;
  /** Recorded text nodes whose text changed. */
  changedTextNodes: number;
}

/** Browser side of the probe; installs `window.__lensProbe` once per document. */
export const PROBE_SOURCE = String.raw`(() => {
  if (window.__lensProbe) return;
  const SHOW_ALL = 0xffffffff;
  /** Every node of a root in document order, entering open shadow roots (not frames). */
  function eachNode(root, fn) {
    const walker = document.createTreeWalker(root, SHOW_ALL);
    for (let n = walker.currentNode; n; n = walker.nextNode()) {
      fn(n);
      if (n.nodeType === 1 && n.shadowRoot) eachNode(n.shadowRoot, fn);
    }
  }
  function textNodes(root) {
    const out = [];
    eachNode(root || document, (n) => { if (n.nodeType === 3) out.push(n); });
    return out;
  }
  const isOurs = (name) => /^lens-/i.test(name);
  const isOurAttr = (name) => /^data-lens-/i.test(name);
  /**
   * A structural signature: tags, attributes, shadow roots and text nodes (one
   * entry per text node). With "asIfUnmarked", our marks are dissolved and the
   * text pieces they split are merged back, our other elements and data-lens-*
   * attributes are left out: the page as it should look once we are gone.
   */
  function signature(root, asIfUnmarked) {
    const out = [];
    let pendingText = null;
    const flush = () => { if (pendingText !== null) { out.push('#' + JSON.stringify(pendingText)); pendingText = null; } };
    const visit = (node) => {
      if (node.nodeType === 3) {
        if (asIfUnmarked) pendingText = (pendingText || '') + node.data;
        else out.push('#' + JSON.stringify(node.data));
        return;
      }
      if (node.nodeType === 8) { flush(); out.push('<!--' + node.data + '-->'); return; }
      if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return;
      if (node.nodeType === 1) {
        const name = node.localName;
        if (asIfUnmarked && name === 'lens-mention') { node.childNodes.forEach(visit); return; }
        if (asIfUnmarked && (isOurs(name) || node.hasAttribute('data-lens-style'))) return;
        flush();
        const attrs = Array.from(node.attributes)
          .filter((a) => !(asIfUnmarked && isOurAttr(a.name)))
          .map((a) => a.name + '=' + JSON.stringify(a.value))
          .sort();
        out.push('<' + name + (attrs.length ? ' ' + attrs.join(' ') : '') + '>');
        if (node.shadowRoot) { out.push('#shadow('); node.shadowRoot.childNodes.forEach(visit); flush(); out.push(')'); }
        node.childNodes.forEach(visit);
        flush();
        out.push('</' + name + '>');
        return;
      }
      node.childNodes.forEach(visit);
      flush();
    };
    visit(root || document);
    flush();
    return out.join('');
  }
  function allText(root) {
    return textNodes(root || document).map((t) => t.data).join('');
  }
  /** Anything of ours left in a document: lens-* elements, data-lens-* attributes (open shadow roots included). */
  function residue(root) {
    const found = [];
    eachNode(root || document, (n) => {
      if (n.nodeType !== 1) return;
      if (isOurs(n.localName)) found.push('<' + n.localName + '>');
      for (const a of Array.from(n.attributes)) if (isOurAttr(a.name)) found.push(n.localName + '[' + a.name + ']');
    });
    return found;
  }
  function mentions(root) {
    const out = [];
    eachNode(root || document, (n) => {
      if (n.nodeType === 1 && n.localName === 'lens-mention') out.push({ id: n.getAttribute('data-entity'), text: n.textContent });
    });
    return out;
  }
  const probe = {
    before: null,
    errors: [],
    textNodes, signature, allText, residue, mentions,
    snapshot() {
      const texts = textNodes(document);
      probe.before = {
        texts,
        data: texts.map((t) => t.data),
        signature: signature(document, false),
        text: allText(document.body || document),
        hadResidue: residue(document).length > 0,
      };
      return probe.before;
    },
    compare(expected, expectedText) {
      const before = probe.before;
      const sigNow = signature(document, false);
      const sigWanted = expected !== undefined ? expected : before.signature;
      let at = 0;
      while (at < sigNow.length && sigNow[at] === sigWanted[at]) at++;
      const diff = sigNow === sigWanted ? '' :
        'at ' + at + ': expected …' + sigWanted.slice(Math.max(0, at - 80), at + 120) + '… got …' + sigNow.slice(Math.max(0, at - 80), at + 120) + '…';
      const now = textNodes(document);
      const nowSet = new Set(now);
      const beforeSet = new Set(before ? before.texts : []);
      let missing = 0, changed = 0, extra = 0;
      if (before) before.texts.forEach((t, i) => { if (!nowSet.has(t)) missing++; else if (t.data !== before.data[i]) changed++; });
      for (const t of now) if (!beforeSet.has(t)) extra++;
      return {
        sameSignature: sigNow === sigWanted,
        signatureDiff: diff,
        sameText: allText(document.body || document) === (typeof expectedText === 'string' ? expectedText : before ? before.text : ''),
        missingTextNodes: missing, extraTextNodes: extra, changedTextNodes: changed,
      };
    },
    /** Largest gap between event-loop turns (MessageChannel pings) while it runs. */
    lag: { max: 0, running: false, since: 0, gaps: [] },
    inputDelays: [],
    clicks: [],
    startLag() {
      const lag = probe.lag; lag.max = 0; lag.running = true; lag.gaps = [];
      const ch = new MessageChannel();
      let last = performance.now();
      lag.since = last;
      ch.port1.onmessage = () => {
        const now = performance.now();
        if (now - last > lag.max) lag.max = now - last;
        // Gaps over 50 ms (a long task), with when they started, for the report.
        if (now - last > 50) lag.gaps.push([Math.round(last), Math.round(now - last)]);
        last = now;
        if (lag.running) setTimeout(() => ch.port2.postMessage(0), 0);
      };
      ch.port2.postMessage(0);
    },
    stopLag() { probe.lag.running = false; return probe.lag.max; },
  };
  window.__lensProbe = probe;
  addEventListener('error', (e) => probe.errors.push(String(e.message)), true);
  addEventListener('unhandledrejection', (e) => probe.errors.push('unhandled rejection: ' + String(e.reason)));
  if (document.readyState === 'loading') {
    // Registered before any page script runs, so it fires before the page's own listeners.
    document.addEventListener('DOMContentLoaded', () => start(), { once: true, capture: true });
  } else {
    start();
  }
  function start() {
    probe.snapshot();
    // ?lens-lag in the address: measure event-loop gaps once the page has loaded and
    // rendered its first frame, so the page's own first layout is not counted.
    if (/[?&]lens-lag\b/.test(location.search)) {
      // When each click reached the page, and the input delay of every event of 16 ms or more
      // (Event Timing).
      probe.clicks = [];
      addEventListener('click', (e) => probe.clicks.push(Math.round(e.timeStamp)), true);
      probe.inputDelays = [];
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            probe.inputDelays.push([e.name, Math.round(e.startTime), Math.round(e.processingStart - e.startTime), Math.round(e.duration)]);
          }
        }).observe({ type: 'event', durationThreshold: 16, buffered: true });
      } catch (e) {
        probe.errors.push('Event Timing unavailable: ' + e);
      }
      const go = () => requestAnimationFrame(() => requestAnimationFrame(() => probe.startLag()));
      if (document.readyState === 'complete') go();
      else addEventListener('load', go, { once: true });
    }
  }
})();`;

type Target = Page | Frame;

/** Installs the probe in every document the context opens from now on. */
export async function installProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: PROBE_SOURCE });
}

/** Installs the probe in one document that the init script did not reach (script-made frames). */
export async function ensureProbe(target: Target): Promise<void> {
  await target.evaluate(PROBE_SOURCE);
}

/** Errors that reached a page's console, from any frame: console.error calls and uncaught errors. */
export class ConsoleWatch {
  readonly errors: string[] = [];
  /** Stacks of uncaught errors, for the report when a test fails. */
  readonly stacks: string[] = [];
  constructor(page: Page) {
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error') this.errors.push(`console.error: ${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (error) => {
      this.errors.push(`pageerror: ${error.message}`);
      this.stacks.push(error.stack ?? error.message);
    });
  }
}

export interface OpenedFixture {
  page: Page;
  console: ConsoleWatch;
}

/** Opens a fixture with its console watched and waits for the extension's first pass. */
export async function openFixture(
  browser: ExtensionBrowser,
  server: StaticServer,
  path: string,
  options: { firstPass?: boolean } = {},
): Promise<OpenedFixture> {
  const page = await browser.context.newPage();
  const console = new ConsoleWatch(page);
  await page.goto(server.url(path));
  if (options.firstPass ?? true) await waitForPass(page);
  return { page, console };
}

/** Mentions in one document (open shadow roots included), in document order. */
export async function mentionsIn(target: Target): Promise<{ id: string; text: string }[]> {
  return target.evaluate(() => window.__lensProbe!.mentions(document) as { id: string; text: string }[]);
}

/** Entity ids marked more than once in one document. */
export async function entitiesMarkedTwice(target: Target): Promise<string[]> {
  const list = await mentionsIn(target);
  const counts = new Map<string, number>();
  for (const m of list) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
}

/**
 * Browser side of the mark clock: stamps `window.__lensT0` and, once per
 * document, starts a main-world observer that notes when each
 * `<lens-mention>` was inserted (in the document and in the open shadow roots
 * there at that moment). "Marked" is the moment the mark entered the DOM: a
 * poll would add its own delay, since on a heavy page the browser may render a
 * frame (hundreds of ms on the 100,000-node table) before the poll runs.
 */
const MARK_CLOCK_SOURCE = String.raw`(() => {
  if (!window.__lensMarkTimes) {
    const times = (window.__lensMarkTimes = new WeakMap());
    const note = (records) => {
      const at = performance.now();
      for (const r of records)
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1) continue;
          const marks = n.localName === 'lens-mention' ? [n] : n.querySelectorAll('lens-mention');
          for (const m of marks) if (!times.has(m)) times.set(m, at);
        }
    };
    const observer = new MutationObserver(note);
    observer.observe(document, { childList: true, subtree: true });
    for (const el of document.querySelectorAll('*'))
      if (el.shadowRoot) observer.observe(el.shadowRoot, { childList: true, subtree: true });
  }
  window.__lensT0 = performance.now();
  window.__lensFrameMs = undefined;
})()`;

/** Run right after the page's change: notes when the frame that renders it is over. */
const FRAME_TIMER_SOURCE = String.raw`requestAnimationFrame(() =>
  setTimeout(() => (window.__lensFrameMs = performance.now() - window.__lensT0), 0),
);`;

/** Starts the clock `msUntilMarked` reads (see MARK_CLOCK_SOURCE). */
export async function startMarkClock(target: Target): Promise<void> {
  await target.evaluate(MARK_CLOCK_SOURCE);
}

/**
 * Waits for a mark of `id` inside the element `selector` names (looked up in the
 * open shadow root of `shadowHost` when given), and returns how long after the
 * last `startMarkClock` it entered the DOM. A mark the clock did not see
 * inserted counts as found when the wait saw it (polled every 10 ms).
 */
export async function msUntilMarked(
  target: Target,
  args: { selector: string; id: string; shadowHost?: string },
  timeout = 5_000,
): Promise<number> {
  const handle = await target.waitForFunction(
    ({ selector, id, shadowHost }) => {
      const scope: ParentNode | null | undefined = shadowHost
        ? document.querySelector(shadowHost)?.shadowRoot
        : document;
      const el = scope?.querySelector(selector);
      const mark = el?.querySelector(`lens-mention[data-entity="${id}"]`);
      if (!mark) return false;
      const w = window as unknown as { __lensT0?: number; __lensMarkTimes?: WeakMap<Element, number> };
      const at = w.__lensMarkTimes?.get(mark) ?? performance.now();
      return { ms: at - (w.__lensT0 ?? 0) };
    },
    args,
    { timeout, polling: 10 },
  );
  return ((await handle.jsonValue()) as { ms: number }).ms;
}

/** How long after the last `addContent` the frame that rendered its change was over (undefined until then). */
export async function pageFrameMs(target: Target): Promise<number | undefined> {
  return target.evaluate(() => (window as unknown as { __lensFrameMs?: number }).__lensFrameMs);
}

/** Runs page-side code that adds content, after starting the mark clock. */
export async function addContent(target: Target, code: string): Promise<void> {
  await startMarkClock(target);
  await target.evaluate(`${code};\n${FRAME_TIMER_SOURCE}`);
}

/**
 * Proves the observer ignores our own writes: makes two page mutations one after
 * the other, each adding a paragraph with a mention, and returns the counter
 * deltas once both were marked. Our marks in the first paragraph are written
 * before the second paragraph arrives; if the observer took those writes for
 * page changes, they would be counted as page mutations and handled in a batch
 * of their own, so the deltas would exceed 2.
 */
export async function echoProbe(
  target: Target,
  args: { parent: string; first: { text: string; id: string }; second: { text: string; id: string } },
): Promise<{ pageMutations: number; batches: number; ownMutations: number; msToMark: number; log: string[] }> {
  // A main-world observer logs every DOM change during the probe, to name the culprit when the counts are off.
  await target.evaluate(() => {
    const w = window as unknown as { __lensEchoLog: string[]; __lensEchoObserver?: MutationObserver };
    w.__lensEchoLog = [];
    const name = (n: Node) => (n.nodeType === 1 ? `<${(n as Element).localName}>` : n.nodeName);
    w.__lensEchoObserver = new MutationObserver((records) => {
      for (const r of records) {
        const added = Array.from(r.addedNodes).map(name).join(',');
        const removed = Array.from(r.removedNodes).map(name).join(',');
        w.__lensEchoLog.push(`${r.type} on ${name(r.target)} +[${added}] -[${removed}]`);
      }
    });
    w.__lensEchoObserver.observe(document, { childList: true, subtree: true, characterData: true });
  });
  const add = (n: number, text: string) =>
    `(() => { const p = document.createElement('p'); p.id = 'lens-echo-${n}'; p.textContent = ${JSON.stringify(
      `Echo check: ${text} in new content.`,
    )}; document.querySelector(${JSON.stringify(args.parent)}).append(p); })()`;
  // Counters are published only when a batch or pass ends, so those read now may lag behind
  // page changes still in the queue (a re-render, an append). A first change with a mention
  // flushes the queue: once its mark is written and published, the counters are current.
  await addContent(target, add(0, 'Arctic LNG 2'));
  await msUntilMarked(target, { selector: '#lens-echo-0', id: 'arctic-lng-2' });
  await waitForLensState(target, async (s) => !!s?.stats && s.stats.marks >= (await mentionsIn(target)).length, {
    timeout: 5_000,
  });
  await target.evaluate(() => {
    (window as unknown as { __lensEchoLog: string[] }).__lensEchoLog = [];
  });
  const before = (await statsOf(target))!;
  await addContent(target, add(1, args.first.text));
  const msToMark = await msUntilMarked(target, { selector: '#lens-echo-1', id: args.first.id });
  await addContent(target, add(2, args.second.text));
  await msUntilMarked(target, { selector: '#lens-echo-2', id: args.second.id });
  // Counters are published when a pass ends: wait for the one that wrote the second mark.
  const after = (await waitForLensState(target, (s) => !!s?.stats && s.stats.marks >= before.marks + 2, {
    timeout: 5_000,
  }))!.stats!;
  const log = await target.evaluate(() => {
    const w = window as unknown as { __lensEchoLog: string[]; __lensEchoObserver?: MutationObserver };
    w.__lensEchoObserver?.disconnect();
    return w.__lensEchoLog;
  });
  return {
    log,
    pageMutations: after.pageMutations - before.pageMutations,
    batches: after.batches - before.batches,
    ownMutations: after.ownMutations - before.ownMutations,
    msToMark,
  };
}

/** Anything of ours left in a document. */
export async function residue(target: Target): Promise<string[]> {
  return target.evaluate(() => window.__lensProbe!.residue(document) as string[]);
}

/** The document compared with its DOMContentLoaded record (or with an expected signature). */
export async function compareWithBefore(
  target: Target,
  expected?: { signature: string; text: string },
): Promise<Comparison> {
  return target.evaluate((e) => window.__lensProbe!.compare(e?.signature, e?.text) as Comparison, expected ?? null);
}

/** The signature and body text a changing document should have once every mark is undone. */
export async function expectedAfterTeardown(target: Target): Promise<{ signature: string; text: string }> {
  return target.evaluate(() => ({
    signature: window.__lensProbe!.signature(document, true) as string,
    text: window.__lensProbe!.allText(document.body),
  }));
}

/**
 * Invalidates the extension context of the content scripts already in pages,
 * the way an update, a reload or a disable does: reloads the extension from its
 * service worker. (Under --load-extension in headless Chromium the extension
 * does not come back afterwards, which is what a disable looks like to a page.)
 * Resolves once the old service worker is gone.
 */
export async function invalidateExtension(browser: ExtensionBrowser): Promise<void> {
  const worker = browser.serviceWorker;
  const closed = new Promise<void>((resolve) => worker.once('close', () => resolve()));
  await worker.evaluate(() => {
    // Reply first, then reload once this evaluation has returned.
    setTimeout(
      () => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(),
      50,
    );
  });
  await closed;
}

declare global {
  interface Window {
    __lensProbe?: {
      mentions(root: ParentNode): unknown;
      residue(root: ParentNode): string[];
      compare(signature?: string, text?: string): unknown;
      signature(root: ParentNode, asIfUnmarked: boolean): unknown;
      snapshot(): unknown;
      errors: string[];
      before: unknown;
      startLag(): void;
      stopLag(): number;
      lag: { max: number; since: number; gaps: [number, number][] };
      /** [event name, start, input delay, duration] in ms, for events of 16 ms or more. */
      inputDelays: [string, number, number, number][];
      /** Page time at which each click arrived. */
      clicks: number[];
      allText(root: ParentNode): string;
    };
  }
}
