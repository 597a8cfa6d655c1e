// One watch request alone: every way it ends is told once, as what it is.
import { KubeConfig } from '@kubernetes/client-node';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { openWatch, type WatchConnection, type WatchEnd } from '../../src/sources/kube/watch-connection.js';
import { eventually } from '../helpers/eventually.js';
import { json, pod, startFake, writeKubeconfig, type FakeServer } from './fake-servers.js';

let fake: FakeServer | null = null;
let conn: WatchConnection | null = null;
afterEach(async () => {
  conn?.close();
  conn = null;
  await fake?.close();
  fake = null;
});

const event = (res: ServerResponse, type: string, object: unknown) => res.write(`${JSON.stringify({ type, object })}\n`);

async function watch(server: FakeServer, stallAfterMs?: number) {
  const kc = new KubeConfig();
  kc.loadFromFile(writeKubeconfig(server.url));
  const seen = { events: [] as string[], ends: [] as WatchEnd[] };
  conn = await openWatch({
    kc,
    path: '/api/v1/pods',
    resourceVersion: '7',
    timeoutSeconds: 300,
    stallAfterMs,
    onEvent: (type, obj) => seen.events.push(`${type} ${obj.metadata?.resourceVersion}`),
    onEnd: (end) => seen.ends.push(end),
  });
  return seen;
}

describe('watch connection', () => {
  it('hands on events (bookmarks too) and tells a server-side close as closed', async () => {
    fake = await startFake((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      event(res, 'ADDED', pod({ name: 'a', resourceVersion: '8' }));
      event(res, 'BOOKMARK', { kind: 'Pod', metadata: { resourceVersion: '9' } });
      setTimeout(() => res.end(), 30);
    });
    const seen = await watch(fake);
    await eventually('the end', () => seen.ends.length === 1);
    expect(seen.events).toEqual(['ADDED 8', 'BOOKMARK 9']);
    expect(seen.ends).toEqual([{ kind: 'closed' }]);
    const params = new URLSearchParams(fake.requests[0]!.search);
    expect(params.get('resourceVersion')).toBe('7');
    expect(params.get('timeoutSeconds')).toBe('300');
  });

  it('an ERROR event with 410 is gone; with another code it failed, with the server\'s message', async () => {
    fake = await startFake((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const second = fake!.requests.length === 2;
      event(res, 'ERROR', second ? { kind: 'Status', code: 500, message: 'etcd leader changed' } : { kind: 'Status', code: 410, message: 'too old' });
    });
    const first = await watch(fake);
    await eventually('gone', () => first.ends.length === 1);
    expect(first.ends).toEqual([{ kind: 'gone' }]);
    const second = await watch(fake);
    await eventually('failed', () => second.ends.length === 1);
    expect(second.ends[0]!.kind).toBe('failed');
    expect(String((second.ends[0] as { error: unknown }).error)).toContain('etcd leader changed');
  });

  it('an HTTP 410 answer is gone, any other error status failed; neither is open', async () => {
    fake = await startFake((req, res) => json(res, fake!.requests.length === 1 ? 410 : 403, { kind: 'Status' }));
    const gone = await watch(fake);
    await eventually('gone', () => gone.ends.length === 1);
    expect(gone.ends).toEqual([{ kind: 'gone' }]);
    expect(conn!.open()).toBe(false);
    const forbidden = await watch(fake);
    await eventually('failed', () => forbidden.ends.length === 1);
    expect((forbidden.ends[0] as { error: { statusCode?: number } }).error.statusCode).toBe(403);
  });

  it('a connection silent past its deadline is cut as stalled; each event moves the deadline', async () => {
    fake = await startFake((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.flushHeaders();
      // alive for a while (events every 60 ms, under the 150 ms deadline), then silent
      for (const t of [60, 120, 180]) setTimeout(() => event(res, 'MODIFIED', pod({ name: 'a', resourceVersion: String(t) })), t);
    });
    const started = Date.now();
    const seen = await watch(fake, 150);
    expect(conn!.open()).toBe(true);
    await eventually('stalled', () => seen.ends.length === 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(seen.events).toHaveLength(3);
    expect(String((seen.ends[0] as { error: unknown }).error)).toContain('watch stalled');
    expect(conn!.open()).toBe(false);
  });

  it('closed by us: no end is reported, and nothing after it', async () => {
    let open: ServerResponse | null = null;
    fake = await startFake((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.flushHeaders();
      open = res;
    });
    const seen = await watch(fake);
    await eventually('the request', () => open);
    conn!.close();
    event(open!, 'ADDED', pod({ name: 'late' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual({ events: [], ends: [] });
  });
});
