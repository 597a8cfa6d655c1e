import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createKubeHttp } from '../../src/sources/kube-client.js';
import { createLogsSource, type LogsSource } from '../../src/sources/logs.js';
import type { LogsData, SourceState } from '../../src/state/types.js';
import { eventuallyValue } from '../helpers/eventually.js';
import { json, pod, startFake, writeKubeconfig, type FakeServer } from './fake-servers.js';

let fake: FakeServer | null = null;
let source: LogsSource | null = null;
afterEach(async () => {
  source?.stop();
  source = null;
  await fake?.close();
  fake = null;
});

function make(server: FakeServer, capacity = 100, onState: (s: SourceState<LogsData>) => void = () => undefined) {
  const kc = new KubeConfig();
  kc.loadFromFile(writeKubeconfig(server.url));
  return createLogsSource({
    kc,
    http: createKubeHttp(kc),
    capacity,
    tailLines: 10,
    timeoutMs: 2000,
    backoffMs: 20,
    resolveIntervalMs: 50,
    onState,
  });
}

function start(server: FakeServer, capacity = 100) {
  let state: SourceState<LogsData> | null = null;
  source = make(server, capacity, (s) => {
    state = s;
  });
  source.start();
  return { get: () => state, source };
}

const texts = (s: SourceState<LogsData> | null) => s?.data?.lines.map((l) => l.text) ?? [];

describe('logs source', () => {
  it('follows a pod, sanitises lines, detects levels and parses kubelet timestamps', async () => {
    fake = await startFake((req, res, url) => {
      if (url.pathname.endsWith('/log')) {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.write('2024-05-01T10:00:00.100000000Z INFO starting up\n');
        res.write('2024-05-01T10:00:00.200000000Z {"level":"error","msg":"db down"}\n');
        res.write('2024-05-01T10:00:01.5Z \u001b]0;pwned\u0007WARN low disk \u001b[31mred\u001b[0m\n');
        return; // keep following
      }
      json(res, 200, pod({ name: 'api-1' }));
    });
    const { get, source: src } = start(fake);
    src.setTarget({ kind: 'pod', namespace: 'production', name: 'api-1' });
    const state = await eventuallyValue('three lines', get, (s) => (s?.data?.lines.length ?? 0) === 3 && s?.data?.stream === 'live');
    const lines = state!.data!.lines;
    expect(lines.map((l) => l.level)).toEqual(['info', 'error', 'warn']);
    expect(lines[2]!.text).toBe('WARN low disk red');
    expect(lines[0]!.ts).toBe(Date.parse('2024-05-01T10:00:00.100Z'));
    expect(lines.every((l) => l.pod === 'api-1' && l.container === 'app')).toBe(true);
    const logReq = fake.requests.find((r) => r.path.endsWith('/log'))!;
    expect(logReq.search).toContain('follow=true');
    expect(logReq.search).toContain('timestamps=true');
    expect(logReq.search).toContain('tailLines=10');
  });

  it('resumes a dropped stream from the last timestamp without repeating lines', async () => {
    const all = [
      '2024-05-01T10:00:00.100000000Z line one',
      '2024-05-01T10:00:01.100000000Z line two',
      '2024-05-01T10:00:01.100000000Z line two',
      '2024-05-01T10:00:01.300000000Z line three',
    ];
    let connects = 0;
    fake = await startFake((req, res, url) => {
      if (!url.pathname.endsWith('/log')) return json(res, 200, pod({ name: 'api-1' }));
      connects++;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      if (connects === 1) {
        for (const l of all) res.write(`${l}\n`);
        // the connection breaks without a clean end
        setTimeout(() => res.socket?.destroy(), 50);
        return;
      }
      // like the kubelet: sinceTime has second precision, so the whole second comes again
      const since = Date.parse(url.searchParams.get('sinceTime') ?? '');
      for (const l of all) if (Date.parse(l.slice(0, 30)) >= since) res.write(`${l}\n`);
      res.write('2024-05-01T10:00:02.000000000Z line four\n');
    });
    const { get, source: src } = start(fake);
    src.setTarget({ kind: 'pod', namespace: 'production', name: 'api-1' });
    const state = await eventuallyValue('line four', get, (s) => texts(s).includes('line four') && s?.data?.stream === 'live');
    expect(texts(state)).toEqual(['line one', 'line two', 'line two', 'line three', 'line four']);
    const resume = fake.requests.filter((r) => r.path.endsWith('/log'))[1]!;
    expect(new URLSearchParams(resume.search).get('sinceTime')).toBe('2024-05-01T10:00:01Z');
    expect(resume.search).not.toContain('tailLines');
  });

  it('shows reconnecting while a stream is down and keeps the lines it had', async () => {
    let connects = 0;
    fake = await startFake((req, res, url) => {
      if (!url.pathname.endsWith('/log')) return json(res, 200, pod({ name: 'api-1' }));
      connects++;
      if (connects === 1) {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('2024-05-01T10:00:00Z hello\n');
        return;
      }
      json(res, 500, { kind: 'Status', status: 'Failure', message: 'kubelet unreachable', code: 500 });
    });
    const { get, source: src } = start(fake);
    src.setTarget({ kind: 'pod', namespace: 'production', name: 'api-1' });
    const state = await eventuallyValue('reconnecting', get, (s) => s?.data?.stream === 'reconnecting' && s.error !== null);
    expect(texts(state)).toEqual(['hello']);
    expect(state!.error).toContain('kubelet unreachable');
  });

  it('follows every pod of a deployment in one stream', async () => {
    const selectors: (string | null)[] = [];
    fake = await startFake((req, res, url) => {
      const p = url.pathname;
      if (p === '/apis/apps/v1/namespaces/production/deployments/claude-tui') {
        return json(res, 200, { kind: 'Deployment', metadata: { name: 'claude-tui' }, spec: { selector: { matchLabels: { app: 'claude-tui' } } } });
      }
      if (p === '/api/v1/namespaces/production/pods') {
        selectors.push(url.searchParams.get('labelSelector'));
        return json(res, 200, { kind: 'PodList', metadata: { resourceVersion: '5' }, items: [pod({ name: 'a' }), pod({ name: 'b' })] });
      }
      const m = /pods\/([^/]+)\/log$/.exec(p);
      if (m) {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.write(`2024-05-01T10:00:00Z hello from ${m[1]}\n`);
        return;
      }
      json(res, 200, pod({ name: p.split('/').pop()! }));
    });
    const { get, source: src } = start(fake);
    src.setTarget({ kind: 'deployment', namespace: 'production', name: 'claude-tui' });
    const state = await eventuallyValue('both pods', get, (s) => (s?.data?.lines.length ?? 0) === 2 && s?.data?.stream === 'live');
    expect(new Set(state!.data!.lines.map((l) => l.pod))).toEqual(new Set(['a', 'b']));
    expect(state!.data!.target).toEqual({ kind: 'deployment', namespace: 'production', name: 'claude-tui' });
    expect(selectors[0]).toBe('app=claude-tui');
  });

  it('marks the stream of a deleted pod ended, keeps its lines and does not reconnect', async () => {
    let deleted = false;
    fake = await startFake((req, res, url) => {
      if (url.pathname.endsWith('/log')) {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.write('2024-05-01T10:00:00Z shutting down\n');
        // the pod is deleted: the kubelet ends the stream, and the API server no longer knows the pod
        setTimeout(() => {
          deleted = true;
          res.end();
        }, 50);
        return;
      }
      if (deleted) return json(res, 404, { kind: 'Status', status: 'Failure', message: 'pods "api-1" not found', reason: 'NotFound', code: 404 });
      json(res, 200, pod({ name: 'api-1' }));
    });
    const { get, source: src } = start(fake);
    src.setTarget({ kind: 'pod', namespace: 'production', name: 'api-1' });
    const state = await eventuallyValue('ended', get, (s) => s?.data?.stream === 'ended');
    expect(texts(state)).toEqual(['shutting down']);
    expect(state!.error).toBeNull();
    // were it only "reconnecting", it would have asked again after the 20 ms backoff
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.requests.filter((r) => r.path.endsWith('/log'))).toHaveLength(1);
    expect(get()!.data!.stream).toBe('ended');
  });

  it('marks the stream of a pod that completed ended (phase Succeeded)', async () => {
    let done = false;
    fake = await startFake((req, res, url) => {
      if (url.pathname.endsWith('/log')) {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        done = true;
        res.end('2024-05-01T10:00:00Z job finished\n');
        return;
      }
      json(res, 200, pod({ name: 'job-1', phase: done ? 'Succeeded' : 'Running' }));
    });
    const { get, source: src } = start(fake);
    src.setTarget({ kind: 'pod', namespace: 'production', name: 'job-1' });
    const state = await eventuallyValue('ended', get, (s) => s?.data?.stream === 'ended');
    expect(texts(state)).toEqual(['job finished']);
    expect(fake.requests.filter((r) => r.path.endsWith('/log'))).toHaveLength(1);
  });

  it('joins lines split across chunks and drops CRLF line ends', async () => {
    fake = await startFake((req, res, url) => {
      if (!url.pathname.endsWith('/log')) return json(res, 200, pod({ name: 'api-1' }));
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('2024-05-01T10:00:00.1Z first li');
      setTimeout(() => res.write('ne\r'), 20);
      setTimeout(() => res.write('\n2024-05-01T10:00:00.2Z second\r\n'), 40);
    });
    const { get, source: src } = start(fake);
    src.setTarget({ kind: 'pod', namespace: 'production', name: 'api-1' });
    const state = await eventuallyValue('two lines', get, (s) => texts(s).length === 2);
    expect(texts(state)).toEqual(['first line', 'second']);
  });

  it('starts idle, with no lines and its capacity, before any target', async () => {
    fake = await startFake((req, res) => json(res, 404, {}));
    source = make(fake, 321);
    expect(source.initialState()).toEqual({
      data: { target: null, lines: [], capacity: 321, dropped: 0, stream: 'idle' },
      error: null,
      updatedAt: null,
      loading: false,
    });
  });

  it('keeps at most `capacity` lines, dropping the oldest', async () => {
    fake = await startFake((req, res, url) => {
      if (!url.pathname.endsWith('/log')) return json(res, 200, pod({ name: 'api-1' }));
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      for (let i = 0; i < 250; i++) res.write(`2024-05-01T10:00:00.${String(i).padStart(3, '0')}Z n${i}\n`);
    });
    const { get, source: src } = start(fake, 100);
    src.setTarget({ kind: 'pod', namespace: 'production', name: 'api-1' });
    const state = await eventuallyValue('last line', get, (s) => texts(s).includes('n249'));
    expect(state!.data!.lines).toHaveLength(100);
    expect(texts(state)[0]).toBe('n150');
    expect(state!.data!.dropped).toBe(150);
    const seqs = state!.data!.lines.map((l) => l.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('is idle without a target and reports a missing pod as a one-line error', async () => {
    fake = await startFake((req, res) =>
      json(res, 404, { kind: 'Status', status: 'Failure', message: 'pods "nope" not found', reason: 'NotFound', code: 404 }),
    );
    const { get, source: src } = start(fake);
    await eventuallyValue('idle', get, (s) => s?.data?.stream === 'idle');
    src.setTarget({ kind: 'pod', namespace: 'production', name: 'nope' });
    const state = await eventuallyValue('error', get, (s) => s?.error !== null && s?.error !== undefined);
    expect(state!.error).toBe('logs: pod production/nope: HTTP 404 Not Found: pods "nope" not found');
  });

  it('opens only the pod the cursor rests on when the target changes quickly', async () => {
    fake = await startFake((req, res, url) => {
      if (url.pathname.endsWith('/log')) {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.write('2024-05-01T10:00:00Z hi\n');
        return;
      }
      json(res, 200, pod({ name: url.pathname.split('/').pop()! }));
    });
    const { get, source: src } = start(fake);
    for (const name of ['p1', 'p2', 'p3']) src.setTarget({ kind: 'pod', namespace: 'production', name });
    await eventuallyValue('a line', get, (s) => (s?.data?.lines.length ?? 0) === 1);
    const asked = fake.requests.map((r) => r.path.split('/')[6]);
    expect(new Set(asked)).toEqual(new Set(['p3']));
  });
});
