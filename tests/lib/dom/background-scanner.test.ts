/**
 * The scan port carries the page lens's relevance probes too
 * (lib/dom/background-scanner.ts, lib/platform/scan-ports.ts): one port, so
 * the background answers a probe before the text read ahead sent after it.
 */
import { describe, expect, test } from 'vitest';
import { portTransport, type PortLike, type ScanPortRequest } from '@/lib/dom/background-scanner';
import { answerScanMessage, holdsCandidates } from '@/lib/platform/scan-ports';
import { probeAnswer } from '@/lib/detect/scan-service';

/** One port whose far side is the test: it sees what is posted and answers. */
function fakePort() {
  const posted: ScanPortRequest[] = [];
  const onMessage: ((m: unknown) => void)[] = [];
  let opened = 0;
  const connect = (): PortLike => {
    opened++;
    return {
      postMessage: (m) => posted.push(m as ScanPortRequest),
      disconnect: () => undefined,
      onMessage: { addListener: (fn) => onMessage.push(fn) },
      onDisconnect: { addListener: () => undefined },
    };
  };
  return { posted, connect, opened: () => opened, reply: (r: unknown) => onMessage.forEach((fn) => fn(r)) };
}

describe('relevance probes on the scan port', () => {
  test('go on the same port as the scans, in the order sent, and are answered as probes', async () => {
    const port = fakePort();
    const t = portTransport(port.connect);
    const scan = t.send({ type: 'detect:scan', text: 'Putin spoke.', lengths: [12], seen: [] });
    const probe = t.probe('Xi Jinping met Vladimir Putin in Moscow.', 0);
    const ahead = t.send({ type: 'detect:scan', text: 'Wang Yi', lengths: [7], seen: [], readAhead: true });
    expect(port.opened()).toBe(1);
    expect(port.posted.map((p) => p.request.type)).toEqual(['detect:scan', 'detect:probe', 'detect:scan']);
    for (const message of port.posted) port.reply(answerScanMessage(message));
    expect(await probe).toEqual(probeAnswer('Xi Jinping met Vladimir Putin in Moscow.', 0));
    expect((await probe).hit).toBe(true);
    expect((await scan).found).toHaveLength(1);
    await ahead;
  });

  test('a probe that hits warms the resolver, as one sent on its own does; one that misses does not', () => {
    const hit = answerScanMessage({ id: 1, request: { type: 'detect:probe', text: 'Putin spoke.' } })!;
    const miss = answerScanMessage({ id: 2, request: { type: 'detect:probe', text: 'The weather was fine.' } })!;
    expect(holdsCandidates(hit)).toBe(true);
    expect(holdsCandidates(miss)).toBe(false);
    expect(answerScanMessage({ id: 3, request: { type: 'detect:resolve', items: [] } })).toEqual({
      id: 3,
      error: 'Not a valid detect:scan or detect:probe request.',
    });
  });
});
