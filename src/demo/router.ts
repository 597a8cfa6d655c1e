// One loopback port serves every simulated API, each under the prefix its real client would be given as a
// base URL (Prometheus and Alertmanager support such route prefixes themselves), with Kubernetes at the root.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, sendJson, type Handler } from './http.js';

export interface Mount {
  prefix: string;
  handler: Handler;
}

export function createRouter(mounts: Mount[], fallback: Handler) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      for (const { prefix, handler } of mounts) {
        if (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)) {
          const path = url.pathname.slice(prefix.length) || '/';
          if (await handler(req, res, path, url)) return;
        }
      }
      if (await fallback(req, res, url.pathname, url)) return;
      sendJson(res, 404, { error: `no such path: ${url.pathname}` });
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const status = err instanceof HttpError ? err.status : 500;
      sendJson(res, status, { error: err instanceof Error ? err.message : String(err) });
    }
  };
}
