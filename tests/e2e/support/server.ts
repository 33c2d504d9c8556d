/** A tiny static file server on 127.0.0.1 for the end-to-end pages and the demo. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { REPO_ROOT } from './chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves files under the given roots (first match wins); extra headers per path prefix. */
export async function serveStatic(
  roots: string[] = [resolve(REPO_ROOT, 'tests/e2e/pages'), resolve(REPO_ROOT, 'assets/demo')],
  headers: Record<string, Record<string, string>> = {},
  port = 0,
): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const rel = normalize(path === '/' ? '/index.html' : path).replace(/^(\.\.[/\\])+/, '');
    // /vendor/preact/… serves Preact itself from node_modules, for the hydration fixture.
    const files = rel.startsWith('/vendor/preact/')
      ? [join(REPO_ROOT, 'node_modules', rel.slice('/vendor'.length))]
      : roots.map((root) => join(root, rel));
    for (const file of files) {
      try {
        const body = await readFile(file);
        const extra = Object.entries(headers).find(([prefix]) => path.startsWith(prefix))?.[1] ?? {};
        res.writeHead(200, {
          'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
          ...extra,
        });
        res.end(body);
        return;
      } catch {
        // try the next root
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const origin = `http://127.0.0.1:${actualPort}`;
  return {
    origin,
    url: (p: string) => new URL(p, origin).href,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
