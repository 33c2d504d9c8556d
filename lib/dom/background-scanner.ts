/**
 * The content script's scanner: the background's detector, reached over one
 * long-lived port per page (`SCAN_PORT`). A port costs the page a fraction of
 * what `runtime.sendMessage` does per request (that opens a channel per
 * message; docs/benchmarks.md has the figures). The page lens's relevance
 * probes take the same port: the background answers a port's requests in the
 * order they were sent, so a probe sent before the text read ahead is
 * answered before it (a message on a channel of its own could arrive after).
 */
import { browser } from 'wxt/browser';
import { MAX_ABBREVIATIONS, MAX_SCAN_CHARS, MAX_SCAN_TEXTS, MAX_SEEN_IDS } from '../detect/scan-limits';
import type { PageState, ScanResult } from '../detect/types';
import type { RequestOf, ResponseFor } from '../messages';
import type { Scanner } from './annotator';

export const SCAN_PORT = 'lens-scan';

/** The requests the port carries: scans, and relevance probes. */
export type PortRequest = RequestOf<'detect:scan'> | RequestOf<'detect:probe'>;

/** What travels on the port: a numbered request, and its answer or error. */
export interface ScanPortRequest {
  id: number;
  request: PortRequest;
}
export type ScanPortReply =
  { id: number; answer: ResponseFor<'detect:scan'> | ResponseFor<'detect:probe'> } | { id: number; error: string };

export type ScanSend = (request: RequestOf<'detect:scan'>) => Promise<ResponseFor<'detect:scan'>>;
export type ProbeSend = (text: string, overlap: number) => Promise<ResponseFor<'detect:probe'>>;

/** The part of a runtime port the transport uses. */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

/**
 * Requests over a port opened on first use. When the port closes with
 * requests in flight (the service worker was stopped or restarted), each is
 * sent once more on a new port; a second loss rejects it.
 */
export function portTransport(connect: () => PortLike = () => browser.runtime.connect({ name: SCAN_PORT })): {
  send: ScanSend;
  probe: ProbeSend;
  close(): void;
} {
  type Waiting = {
    request: PortRequest;
    // The answer to `request`, as the background gives it for that request's type.
    resolve: (a: never) => void;
    reject: (e: Error) => void;
    tries: number;
  };
  let port: PortLike | null = null;
  let nextId = 1;
  let closed = false;
  const waiting = new Map<number, Waiting>();

  const post = (id: number, w: Waiting) => {
    if (closed) return w.reject(new Error('The scanner was closed.'));
    w.tries++;
    waiting.set(id, w);
    try {
      port ??= open();
      port.postMessage({ id, request: w.request } satisfies ScanPortRequest);
    } catch (error) {
      // A port that closed a moment ago (its disconnect not yet told): one more try on a new one.
      waiting.delete(id);
      port = null;
      if (w.tries < 2) post(id, w);
      else w.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const open = (): PortLike => {
    const p = connect();
    p.onMessage.addListener((raw) => {
      const reply = raw as Partial<ScanPortReply> | null;
      const id = reply?.id;
      const w = typeof id === 'number' ? waiting.get(id) : undefined;
      if (!w || !reply) return;
      waiting.delete(id!);
      if ('answer' in reply && reply.answer) w.resolve(reply.answer as never);
      else w.reject(new Error('error' in reply && reply.error ? reply.error : 'No answer from the background.'));
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
      const lost = [...waiting];
      waiting.clear();
      for (const [id, w] of lost) {
        if (w.tries < 2) post(id, w);
        else w.reject(new Error('The background closed the scan port.'));
      }
    });
    return p;
  };
  return {
    send: (request) =>
      new Promise((resolve, reject) => {
        post(nextId++, { request, resolve, reject, tries: 0 });
      }),
    probe: (text, overlap) =>
      new Promise((resolve, reject) => {
        post(nextId++, { request: { type: 'detect:probe', text, overlap }, resolve, reject, tries: 0 });
      }),
    close() {
      closed = true;
      for (const w of waiting.values()) w.reject(new Error('The scanner was closed.'));
      waiting.clear();
      try {
        port?.disconnect();
      } catch {
        // already gone
      }
      port = null;
    },
  };
}

/** Splits texts into runs that each fit one request (`first`: index of the run's first text). */
export function requestGroups(texts: readonly string[]): { first: number; texts: string[] }[] {
  const groups: { first: number; texts: string[] }[] = [];
  let current: { first: number; texts: string[] } | null = null;
  let chars = 0;
  texts.forEach((whole, i) => {
    const text = whole.length > MAX_SCAN_CHARS ? whole.slice(0, MAX_SCAN_CHARS) : whole;
    if (!current || chars + text.length > MAX_SCAN_CHARS || current.texts.length >= MAX_SCAN_TEXTS) {
      current = { first: i, texts: [] };
      groups.push(current);
      chars = 0;
    }
    current.texts.push(text);
    chars += text.length;
  });
  return groups;
}

/** The result of a text where nothing was found (shared: the annotator only reads results). */
const NOTHING: ScanResult = Object.freeze({
  mentions: [],
  pending: [],
  deferred: [],
  nested: [],
}) as unknown as ScanResult;

/**
 * The background's detector as the annotator's scanner: one `detect:scan`
 * request per slice, carrying the page's memory of full names there and back.
 * Topics of the entities found are kept for the settings filters.
 */
export function backgroundScanner(send: ScanSend): Scanner {
  const topics = new Map<string, readonly string[]>();
  const context = new Set<string>();
  const ask = (page: PageState, text: string, lengths: number[], readAhead: boolean) =>
    send({
      type: 'detect:scan',
      text,
      lengths,
      seen: [...page.seen].slice(0, MAX_SEEN_IDS),
      ...(page.date === undefined ? {} : { date: page.date }),
      ...(page.abbreviations ? { abbreviations: [...page.abbreviations].slice(0, MAX_ABBREVIATIONS) } : {}),
      ...(page.namesakes ? { namesakes: [...page.namesakes].slice(0, MAX_SEEN_IDS) } : {}),
      ...(readAhead ? { readAhead: true as const } : {}),
    });
  return {
    async scanMany(texts: string[], page: PageState): Promise<ScanResult[]> {
      const results: ScanResult[] = texts.map(() => NOTHING);
      // Requests within the background's bounds, in order; a single text beyond them (a page with
      // one paragraph of several megabytes) is scanned as far as they allow.
      for (const group of requestGroups(texts)) {
        const answer = await ask(
          page,
          group.texts.join(''),
          group.texts.map((t) => t.length),
          false,
        );
        remember(answer, page);
        for (const id of answer.context) context.add(id);
        for (const [id, list] of Object.entries(answer.topics)) topics.set(id, list);
        for (const { at, mentions, pending, deferred, nested } of answer.found) {
          if (at >= 0 && at < group.texts.length) results[group.first + at] = { mentions, pending, deferred, nested };
        }
      }
      return results;
    },
    async readAhead(text: string, page: PageState): Promise<void> {
      const within = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
      remember(await ask(page, within, [within.length], true), page);
    },
    topicsOf: (id) => topics.get(id) ?? [],
    isContext: (id) => context.has(id),
  };
}

/** Takes the page memory an answer brings back into `page`. */
function remember(answer: ResponseFor<'detect:scan'>, page: PageState): void {
  for (const id of answer.seen) page.seen.add(id);
  for (const [abbr, id] of answer.abbreviations) {
    page.abbreviations ??= new Map();
    if (!page.abbreviations.has(abbr)) page.abbreviations.set(abbr, id);
  }
  if (answer.namesakes.length > 0) {
    page.namesakes ??= new Set();
    for (const id of answer.namesakes) page.namesakes.add(id);
  }
}
