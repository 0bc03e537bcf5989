/**
 * A proxy on 127.0.0.1 that forwards nothing: the browser under test sends every non-loopback request
 * here (Chromium: --proxy-server; Firefox: network.proxy.* prefs), and the recorder writes down what
 * was asked and refuses it. Loopback traffic (the fixture server) never goes through a proxy. It can
 * also answer for a web address itself (`serve`): a page at a real, non-loopback URL, in both
 * browsers, without leaving the machine.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorder {
  port: number;
  /** "GET http://host/path" or "CONNECT host:443". */
  seen: string[];
  /** Answers plain-HTTP requests for `url` (e.g. http://news.example/a.html) with this HTML. */
  serve(url: string, html: string): void;
  close(): Promise<void>;
}

export async function startRecorder(): Promise<Recorder> {
  const seen: string[] = [];
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const page = req.method === 'GET' ? pages.get(req.url ?? '') : undefined;
    if (page !== undefined)
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' }).end(page);
    else res.writeHead(403, { connection: 'close' }).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    serve: (url, html) => pages.set(url, html),
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
