// A real loopback HTTP server around one simulated API, mounted under a prefix like the simulator does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handler } from '../../../src/demo/http.js';

export interface Served {
  url: string;
  close(): Promise<void>;
}

export async function serve(handler: Handler, prefix = ''): Promise<Served> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) || '/' : url.pathname;
    Promise.resolve(handler(req, res, path, url))
      .then((handled) => {
        if (!handled && !res.headersSent) {
          res.writeHead(404);
          res.end('not handled');
        }
      })
      .catch((err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
