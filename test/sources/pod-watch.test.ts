// The list-then-watch loop alone, against a fake API server: how each way a watch ends is answered.
import { KubeConfig } from '@kubernetes/client-node';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackoff, type Backoff } from '../../src/lib/backoff.js';
import { createKubeHttp } from '../../src/sources/kube-client.js';
import { afterWatchEnd, createPodWatch, type PodWatch, type PodWatchOptions, type WatchHealth } from '../../src/sources/kube/pod-watch.js';
import { eventually } from '../helpers/eventually.js';
import { json, pod, startFake, writeKubeconfig, type FakeServer } from './fake-servers.js';

const PATH = '/api/v1/namespaces/production/pods';

let fake: FakeServer | null = null;
let watch: PodWatch | null = null;
afterEach(async () => {
  watch?.stop();
  watch = null;
  await fake?.close();
  fake = null;
});

const event = (res: ServerResponse, type: string, object: unknown) => res.write(`${JSON.stringify({ type, object })}\n`);
const podList = (rv: string, names: string[]) => ({ kind: 'PodList', metadata: { resourceVersion: rv }, items: names.map((name) => pod({ name })) });

/** A backoff that records how it is used; its delays are long unless told, so "at once" cannot hide behind it. */
function recordingBackoff(delayMs = 60_000) {
  const use = { next: 0, reset: 0 };
  const backoff: Backoff = {
    next: () => {
      use.next++;
      return delayMs;
    },
    reset: () => {
      use.reset++;
    },
  };
  return { use, backoff };
}

function startWatch(server: FakeServer, extra: Partial<PodWatchOptions> = {}) {
  const kc = new KubeConfig();
  kc.loadFromFile(writeKubeconfig(server.url));
  const seen = { lists: [] as string[][], events: [] as string[], health: [] as WatchHealth[] };
  watch = createPodWatch({
    kc,
    http: createKubeHttp(kc),
    path: PATH,
    timeoutMs: 1000,
    watchTimeoutSeconds: 300,
    backoff: recordingBackoff().backoff,
    onList: (items) => seen.lists.push(items.map((p) => p.metadata?.name ?? '?')),
    onEvent: (type, p) => seen.events.push(`${type} ${p.metadata?.name}`),
    onHealth: (h) => seen.health.push(h),
    ...extra,
  });
  watch.start();
  return seen;
}

const watchRequests = (server: FakeServer) =>
  server.requests.filter((r) => r.path === PATH && new URLSearchParams(r.search).get('watch') === 'true').map((r) => new URLSearchParams(r.search));
const listRequests = (server: FakeServer) => server.requests.filter((r) => r.path === PATH && !r.search.includes('watch=true'));

describe('after a watch ended', () => {
  it('410 Gone relists at once and says nothing', () => {
    expect(afterWatchEnd({ kind: 'gone' }, 0)).toEqual({ relist: true, wait: 'none', error: null });
  });
  it('a failure waits for the backoff and says why', () => {
    const error = new Error('socket hang up');
    expect(afterWatchEnd({ kind: 'failed', error }, 60_000)).toEqual({ relist: false, wait: 'backoff', error });
  });
  it('a close after a normal life resumes at once; a close right after opening waits for the backoff', () => {
    expect(afterWatchEnd({ kind: 'closed' }, 300_000)).toEqual({ relist: false, wait: 'none', error: null });
    expect(afterWatchEnd({ kind: 'closed' }, 5)).toEqual({ relist: false, wait: 'backoff', error: null });
  });
});

describe('pod watch', () => {
  it('lists, then watches from the list resourceVersion and hands on each event', async () => {
    fake = await startFake((req, res, url) => {
      if (url.searchParams.get('watch') !== 'true') return json(res, 200, podList('10', ['a', 'b']));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      event(res, 'ADDED', pod({ name: 'c', resourceVersion: '11' }));
      event(res, 'BOOKMARK', { kind: 'Pod', metadata: { resourceVersion: '12' } });
      event(res, 'DELETED', pod({ name: 'a', resourceVersion: '13' }));
    });
    const { backoff, use } = recordingBackoff();
    const seen = startWatch(fake, { backoff });
    await eventually('two events', () => seen.events.length === 2);
    expect(seen.lists).toEqual([['a', 'b']]);
    expect(seen.events).toEqual(['ADDED c', 'DELETED a']);
    expect(watchRequests(fake)[0]!.get('resourceVersion')).toBe('10');
    expect(watchRequests(fake)[0]!.get('allowWatchBookmarks')).toBe('true');
    expect(seen.health.at(-1)).toEqual({ attempted: true, live: true, error: null });
    // events prove the connection works: the next failure starts from the first step
    expect(use.reset).toBeGreaterThanOrEqual(1);
    expect(use.next).toBe(0);
  });

  it('410 Gone in the stream re-lists at once, without the backoff and without an error on screen', async () => {
    let lists = 0;
    fake = await startFake((req, res, url) => {
      if (url.searchParams.get('watch') !== 'true') {
        lists++;
        return json(res, 200, podList(lists === 1 ? '10' : '60', lists === 1 ? ['a'] : ['a', 'b']));
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      if (lists === 1) event(res, 'ERROR', { kind: 'Status', status: 'Failure', message: 'too old resource version: 10 (50)', reason: 'Expired', code: 410 });
    });
    const { backoff, use } = recordingBackoff();
    const seen = startWatch(fake, { backoff });
    await eventually('the relist and its watch', () => seen.lists.length === 2 && watchRequests(fake!).length === 2);
    expect(seen.lists).toEqual([['a'], ['a', 'b']]);
    expect(watchRequests(fake)[1]!.get('resourceVersion')).toBe('60');
    expect(use.next).toBe(0);
    expect(seen.health.every((h) => h.error === null)).toBe(true);
  });

  it('a watch answered with HTTP 410 re-lists at once too', async () => {
    fake = await startFake((req, res, url) => {
      if (url.searchParams.get('watch') !== 'true') return json(res, 200, podList(String(listRequests(fake!).length * 10), ['a']));
      if (watchRequests(fake!).length === 1) return json(res, 410, { kind: 'Status', code: 410, reason: 'Expired', message: 'too old' });
      res.writeHead(200, { 'Content-Type': 'application/json' });
    });
    const { backoff, use } = recordingBackoff();
    const seen = startWatch(fake, { backoff });
    await eventually('a second watch after a relist', () => watchRequests(fake!).length === 2);
    expect(seen.lists).toHaveLength(2);
    expect(watchRequests(fake)[1]!.get('resourceVersion')).toBe('20');
    expect(use.next).toBe(0);
  });

  it('a server that closes every watch at once gets the growing backoff, not a hot loop', async () => {
    const at: number[] = [];
    fake = await startFake((req, res, url) => {
      if (url.searchParams.get('watch') !== 'true') return json(res, 200, podList('10', ['a']));
      at.push(Date.now());
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end();
    });
    const seen = startWatch(fake, { backoff: createBackoff({ baseMs: 100, maxMs: 10_000, random: () => 0 }) });
    await eventually('four watches', () => at.length >= 4, { timeoutMs: 5000 });
    const gaps = at.slice(1, 4).map((t, i) => t - at[i]!);
    // equal jitter with random 0: half of 100, 200, 400 ms (a millisecond of slack for timer rounding)
    expect(gaps[0]).toBeGreaterThanOrEqual(49);
    expect(gaps[1]).toBeGreaterThanOrEqual(99);
    expect(gaps[2]).toBeGreaterThanOrEqual(199);
    // it resumes from where it was: no relist, and no alarm for a close the server chose
    expect(seen.lists).toHaveLength(1);
    expect(seen.health.every((h) => h.error === null)).toBe(true);
  });

  it('a watch that ran its course and closed resumes at once from the last resourceVersion it saw', async () => {
    let watches = 0;
    fake = await startFake((req, res, url) => {
      if (url.searchParams.get('watch') !== 'true') return json(res, 200, podList('10', ['a']));
      watches++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      event(res, 'MODIFIED', pod({ name: 'a', resourceVersion: String(10 + watches) }));
      res.end();
    });
    // each reading of the clock is five seconds later: every watch "lived" long enough to have timed out normally
    let clock = 0;
    const { backoff, use } = recordingBackoff();
    startWatch(fake, { backoff, clock: () => (clock += 5000) });
    await eventually('three watches', () => watchRequests(fake!).length >= 3);
    expect(watchRequests(fake).slice(0, 3).map((p) => p.get('resourceVersion'))).toEqual(['10', '11', '12']);
    expect(listRequests(fake)).toHaveLength(1);
    expect(use.next).toBe(0);
  });

  it('an API server that is down shows as not live with the reason, and is retried after the backoff', async () => {
    fake = await startFake((req) => {
      req.socket.destroy();
    });
    const { backoff, use } = recordingBackoff(20);
    const seen = startWatch(fake, { backoff });
    await eventually('two failed attempts', () => use.next >= 2);
    expect(seen.health[0]!.attempted).toBe(true);
    expect(seen.health[0]!.live).toBe(false);
    expect(seen.health[0]!.error).toMatch(/^kubernetes: .*(socket hang up|ECONNRESET)/);
    expect(seen.lists).toEqual([]);
  });

  it('reports nothing after stop, although the server keeps sending', async () => {
    let open: ServerResponse | null = null;
    fake = await startFake((req, res, url) => {
      if (url.searchParams.get('watch') !== 'true') return json(res, 200, podList('10', ['a']));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.flushHeaders();
      open = res;
    });
    const seen = startWatch(fake);
    await eventually('the watch open', () => open !== null && seen.health.length === 1);
    watch!.stop();
    event(open!, 'ADDED', pod({ name: 'late' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.events).toEqual([]);
    expect(seen.health).toHaveLength(1);
  });
});
