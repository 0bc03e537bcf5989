/**
 * Fixture server for end-to-end tests: serves tests/fixtures (pages and their assets) on 127.0.0.1
 * at a random port, never another address. `?csp=strict` adds `Content-Security-Policy: default-src 'none'`.
 * `/beacon?...` records hits (payloads in hostile pages call it when a handler runs).
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { ROOT } from './paths';
import type { AddressInfo } from 'node:net';

export const FIXTURES = join(ROOT, 'tests', 'fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.gif': 'image/gif',
};

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  beacons: string[];
  requests: string[];
  /** Serve a page from memory at a path (for generated pages). */
  route(path: string, body: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Folder to serve instead of tests/fixtures (the bench serves a corpus folder). */
  root?: string;
}

export async function startServer(options: ServerOptions = {}): Promise<FixtureServer> {
  const base = options.root ?? FIXTURES;
  const beacons: string[] = [];
  const requests: string[] = [];
  const routes = new Map<string, { body: string; headers: Record<string, string> }>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    if (url.pathname === '/beacon') {
      beacons.push(url.search);
      res.writeHead(204, { 'cache-control': 'no-store' }).end();
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    if (url.searchParams.get('csp') === 'strict')
      headers['content-security-policy'] = "default-src 'none'; img-src 'self'";
    // The page's own scripts off, everything else as served (the bench's memory measure).
    if (url.searchParams.get('csp') === 'noscript') headers['content-security-policy'] = "script-src 'none'";
    if (url.searchParams.get('csp') === 'tt')
      headers['content-security-policy'] = "require-trusted-types-for 'script'";
    const routed = routes.get(url.pathname);
    if (routed) {
      res
        .writeHead(200, { 'content-type': TYPES['.html'] as string, ...headers, ...routed.headers })
        .end(routed.body);
      return;
    }
    const file = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file.endsWith('/') ? join(file, 'index.html') : file);
      res
        .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers })
        .end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => origin + (path.startsWith('/') ? path : `/${path}`),
    beacons,
    requests,
    route: (path, body, extra = {}) => routes.set(path, { body, headers: extra }),
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
