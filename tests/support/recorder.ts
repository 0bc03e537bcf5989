/**
 * A proxy on 127.0.0.1 that forwards nothing: the browser under test sends every non-loopback request
 * here (Chromium: --proxy-server; Firefox: network.proxy.* prefs), and the recorder writes down what
 * was asked and refuses it. Loopback traffic (the fixture server) never goes through a proxy.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorder {
  port: number;
  /** "GET http://host/path" or "CONNECT host:443". */
  seen: string[];
  close(): Promise<void>;
}

export async function startRecorder(): Promise<Recorder> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(403, { connection: 'close' }).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
