import { createServer, type Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { Handler } from '../../../src/demo/http.js';
import type { ServiceTraffic } from '../../../src/demo/contracts.js';

/** Serves handlers on 127.0.0.1 the way the simulator mounts them (path below the mount point). */
export async function serve(...handlers: Handler[]): Promise<{ base: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    for (const h of handlers) if (await h(req, res, url.pathname, url)) return;
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const service = (over: Partial<ServiceTraffic> = {}): ServiceTraffic => ({
  job: 'claude-tui',
  namespace: 'hive-mind-production',
  rps: 80,
  errorRatio: 0.2,
  clientErrorRatio: 0.05,
  latencyP50: 0.1,
  latencyP99: 1.5,
  up: true,
  ...over,
});

/** Prometheus-style value string to number ("+Inf" is not something Number() reads). */
export const num = (s: string): number => (s === '+Inf' ? Infinity : s === '-Inf' ? -Infinity : Number(s));

export interface ApiVector {
  status: string;
  data: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] };
}
