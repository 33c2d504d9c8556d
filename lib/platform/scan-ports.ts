/**
 * Background side of the pages' scan ports (lib/dom/background-scanner.ts):
 * each message is a numbered `detect:scan` or `detect:probe` request,
 * validated like any other request, answered with the detector's results or
 * an error, in the order the page sent them.
 */
import { browser } from 'wxt/browser';
import { answerScan, probeAnswer } from '../detect/scan-service';
import { SCAN_PORT, type ScanPortReply } from '../dom/background-scanner';
import { parseRequest } from '../messages';

/** The answer to one message on a scan port (see lib/dom/background-scanner.ts). */
export function answerScanMessage(raw: unknown): ScanPortReply | null {
  const message = raw as { id?: unknown; request?: unknown } | null;
  const id = message?.id;
  if (typeof id !== 'number') return null;
  const request = parseRequest(message?.request);
  if (request?.type !== 'detect:scan' && request?.type !== 'detect:probe')
    return { id, error: 'Not a valid detect:scan or detect:probe request.' };
  try {
    return {
      id,
      answer: request.type === 'detect:scan' ? answerScan(request) : probeAnswer(request.text, request.overlap),
    };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Whether an answer holds candidates for the resolver (lib/detect/nlp-resolve.ts), or, for a
 * probe, any candidate at all: a page that names something is scanned next, and may need the
 * resolver soon after.
 */
export function holdsCandidates(reply: ScanPortReply): boolean {
  if (!('answer' in reply)) return false;
  const answer = reply.answer;
  return 'found' in answer ? answer.found.some((f) => f.pending.length > 0) : answer.hit;
}

/**
 * Background side: answers the pages' scan ports (only our own content scripts
 * can connect). `onCandidates` runs after an answer that holds candidates for
 * the resolver has gone out: the page asks for the resolver next.
 */
export function acceptScanPorts(onCandidates?: () => void): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== SCAN_PORT || port.sender?.id !== browser.runtime.id) return;
    port.onMessage.addListener((raw: unknown) => {
      const reply = answerScanMessage(raw);
      if (!reply) return;
      try {
        port.postMessage(reply);
      } catch {
        // the page went away
      }
      if (onCandidates && holdsCandidates(reply)) onCandidates();
    });
  });
}
