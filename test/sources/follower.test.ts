// One container's stream alone, against a fake API server: resume, backoff, the end of a pod, stop.
import { KubeConfig } from '@kubernetes/client-node';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backoff } from '../../src/lib/backoff.js';
import { createKubeHttp } from '../../src/sources/kube-client.js';
import { createFollower, type Follower, type StreamState } from '../../src/sources/logs/follower.js';
import { eventually } from '../helpers/eventually.js';
import { json, pod, startFake, writeKubeconfig, type FakeServer } from './fake-servers.js';

let fake: FakeServer | null = null;
let follower: Follower | null = null;
afterEach(async () => {
  follower?.stop();
  follower = null;
  await fake?.close();
  fake = null;
});

const LOG = '/api/v1/namespaces/production/pods/api-1/log';

function follow(server: FakeServer, delayMs = 20) {
  const kc = new KubeConfig();
  kc.loadFromFile(writeKubeconfig(server.url));
  const seen = { lines: [] as string[], states: [] as StreamState[], backoff: [] as string[] };
  const backoff: Backoff = {
    next: () => {
      seen.backoff.push('next');
      return delayMs;
    },
    reset: () => {
      seen.backoff.push('reset');
    },
  };
  const f = createFollower({
    kc,
    http: createKubeHttp(kc),
    ref: { namespace: 'production', pod: 'api-1', container: 'app' },
    tailLines: 5,
    timeoutMs: 1000,
    backoff,
    onLine: (l) => seen.lines.push(l.text),
    onChange: () => {
      if (seen.states.at(-1) !== f.state()) seen.states.push(f.state());
    },
  });
  follower = f;
  f.start();
  return seen;
}

const logRequests = (server: FakeServer) => server.requests.filter((r) => r.path === LOG).map((r) => new URLSearchParams(r.search));

describe('log follower', () => {
  it('a broken stream waits for the backoff, resumes from the last timestamp, and repeats nothing', async () => {
    let connects = 0;
    fake = await startFake((req, res, url) => {
      if (url.pathname !== LOG) return json(res, 200, pod({ name: 'api-1' }));
      connects++;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      if (connects === 1) {
        res.write('2024-05-01T10:00:05.100Z one\n2024-05-01T10:00:05.200Z two\n2024-05-01T10:00:05.300Z thr');
        setTimeout(() => res.socket?.destroy(), 30);
        return;
      }
      // the second of the last whole line, again, then more
      res.write('2024-05-01T10:00:05.100Z one\n2024-05-01T10:00:05.200Z two\n2024-05-01T10:00:05.300Z three\n');
    });
    const seen = follow(fake);
    await eventually('the resumed line', () => seen.lines.includes('three'));
    expect(seen.lines).toEqual(['one', 'two', 'three']);
    const [first, resume] = logRequests(fake);
    expect(first!.get('tailLines')).toBe('5');
    expect(resume!.get('sinceTime')).toBe('2024-05-01T10:00:05Z');
    expect(resume!.has('tailLines')).toBe(false);
    expect(seen.states).toEqual(['live', 'reconnecting', 'live']);
    // data reset the backoff, the break drew from it, the resumed data reset it again
    expect(seen.backoff).toEqual(['reset', 'next', 'reset']);
    expect(follower!.error()).toBeNull();
  });

  it('says why while it is down, and waits for the backoff before each new attempt', async () => {
    fake = await startFake((req, res, url) => {
      if (url.pathname !== LOG) return json(res, 200, pod({ name: 'api-1' }));
      json(res, 500, { kind: 'Status', status: 'Failure', message: 'kubelet unreachable', code: 500 });
    });
    const seen = follow(fake, 10);
    await eventually('three attempts', () => logRequests(fake!).length >= 3);
    expect(follower!.state()).toBe('reconnecting');
    expect(follower!.error()).toBe('logs: api-1: HTTP 500: kubelet unreachable');
    expect(seen.backoff.filter((b) => b === 'next').length).toBeGreaterThanOrEqual(2);
    expect(seen.backoff).not.toContain('reset');
  });

  it('ends for good when the pod is gone (404) after its stream ended', async () => {
    let gone = false;
    fake = await startFake((req, res, url) => {
      if (url.pathname !== LOG) return gone ? json(res, 404, { kind: 'Status', code: 404, message: 'not found' }) : json(res, 200, pod({ name: 'api-1' }));
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      gone = true;
      res.end('2024-05-01T10:00:00Z bye');
    });
    const seen = follow(fake);
    await eventually('ended', () => follower!.state() === 'ended');
    // a last line without a newline at the end of the stream is still a line
    expect(seen.lines).toEqual(['bye']);
    expect(seen.backoff).not.toContain('next');
    expect(logRequests(fake)).toHaveLength(1);
  });

  it('after stop, reports no line although the server keeps writing', async () => {
    let open: ServerResponse | null = null;
    fake = await startFake((req, res, url) => {
      if (url.pathname !== LOG) return json(res, 200, pod({ name: 'api-1' }));
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('2024-05-01T10:00:00Z first\n');
      open = res;
    });
    const seen = follow(fake);
    await eventually('the first line', () => seen.lines.length === 1);
    follower!.stop();
    open!.write('2024-05-01T10:00:01Z late\n');
    await new Promise((r) => setTimeout(r, 80));
    expect(seen.lines).toEqual(['first']);
    expect(follower!.state()).toBe('ended');
  });
});
