import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../src/demo/contracts.js';
import { createLogStore } from '../../../src/demo/logs/index.js';
import { serve, type Served } from '../alerts/harness.js';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const NS = (t: number) => `${BigInt(t) * 1_000_000n}`;

function entry(tMs: number, pod: string, line: string, over: Partial<LogEntry> = {}): LogEntry {
  const app = pod.replace(/-[a-z0-9]+$/, '');
  const namespace = over.namespace ?? 'production';
  const container = over.container ?? app;
  return { tMs, namespace, pod, container, labels: { app, job: app, namespace, pod, container }, line, ...over };
}

interface Streams {
  status: string;
  data: { resultType: string; result: { stream: Record<string, string>; values: [string, string][] }[]; stats: unknown };
}

describe('log store (contract)', () => {
  it('keeps only the newest lines per pod', () => {
    const store = createLogStore({ now: () => T0, capacityPerPod: 10 });
    for (let i = 0; i < 25; i++) store.append(entry(T0 + i, 'claude-tui-a', `line ${i}`));
    store.append(entry(T0, 'claude-tui-b', 'other pod'));
    const lines = store.query({ namespace: 'production', pod: 'claude-tui-a' }).map((e) => e.line);
    expect(lines).toEqual(Array.from({ length: 10 }, (_, i) => `line ${i + 15}`));
    expect(store.query({ namespace: 'production', pod: 'claude-tui-b' })).toHaveLength(1);
  });

  it('forgets the least recently written pod beyond maxPods', () => {
    const store = createLogStore({ now: () => T0, maxPods: 2 });
    store.append(entry(T0, 'claude-tui-a', 'a'));
    store.append(entry(T0, 'claude-tui-b', 'b'));
    store.append(entry(T0 + 1, 'claude-tui-a', 'a again'));
    store.append(entry(T0 + 2, 'claude-tui-c', 'c'));
    expect(store.query({ namespace: 'production', pod: 'claude-tui-b' })).toEqual([]);
    expect(store.query({ namespace: 'production', pod: 'claude-tui-a' })).toHaveLength(2);
  });

  it('answers tailLines, sinceMs and container like kubectl logs', () => {
    const store = createLogStore({ now: () => T0 });
    for (let i = 0; i < 10; i++) store.append(entry(T0 + i * 1000, 'claude-tui-a', `app ${i}`));
    store.append(entry(T0 + 500, 'claude-tui-a', 'sidecar', { container: 'istio-proxy' }));
    const q = { namespace: 'production', pod: 'claude-tui-a' };
    expect(store.query({ ...q, container: 'claude-tui', tailLines: 3 }).map((e) => e.line)).toEqual(['app 7', 'app 8', 'app 9']);
    expect(store.query({ ...q, sinceMs: T0 + 8000 }).map((e) => e.line)).toEqual(['app 8', 'app 9']);
    expect(store.query({ ...q, container: 'istio-proxy' }).map((e) => e.line)).toEqual(['sidecar']);
    expect(store.query({ ...q, container: 'claude-tui', tailLines: 1 }).map((e) => e.line)).toEqual(['app 9']);
  });

  it('delivers later entries to subscribers of that pod and container until they unsubscribe', () => {
    const store = createLogStore({ now: () => T0 });
    store.append(entry(T0, 'claude-tui-a', 'before'));
    const seen: string[] = [];
    const sidecar: string[] = [];
    const stop = store.subscribe({ namespace: 'production', pod: 'claude-tui-a' }, (e) => seen.push(e.line));
    store.subscribe({ namespace: 'production', pod: 'claude-tui-a', container: 'istio-proxy' }, (e) => sidecar.push(e.line));
    store.subscribe({ namespace: 'production', pod: 'claude-tui-a' }, () => {
      throw new Error('a broken follower');
    });
    store.append(entry(T0 + 1, 'claude-tui-a', 'one'));
    store.append(entry(T0 + 2, 'claude-tui-b', 'other pod'));
    store.append(entry(T0 + 3, 'claude-tui-a', 'proxy', { container: 'istio-proxy' }));
    stop();
    store.append(entry(T0 + 4, 'claude-tui-a', 'after'));
    expect(seen).toEqual(['one', 'proxy']);
    expect(sidecar).toEqual(['proxy']);
  });
});

describe('Loki HTTP API', () => {
  let server: Served;
  let store: ReturnType<typeof createLogStore>;
  const now = T0 + 60_000;

  beforeEach(async () => {
    store = createLogStore({ now: () => now, capacityPerPod: 50 });
    for (let i = 0; i < 30; i++) {
      store.append(entry(T0 + i * 1000, 'claude-tui-a', JSON.stringify({ level: i % 10 === 0 ? 'error' : 'info', msg: i % 10 === 0 ? 'request failed' : 'request completed', i })));
      store.append(entry(T0 + i * 1000 + 500, 'hive-mind-coordinator-x', `level=${i % 3 === 0 ? 'warn' : 'info'} msg="slow request" i=${i}`, { namespace: 'production' }));
    }
    store.append(entry(T0, 'postgresql-0', 'FATAL:  the database system is starting up', { namespace: 'database' }));
    server = await serve(store.lokiApi);
  });
  afterEach(async () => server.close());

  async function range(params: Record<string, string>): Promise<{ status: number; text: string; json?: Streams }> {
    const res = await fetch(`${server.url}/loki/api/v1/query_range?${new URLSearchParams(params)}`);
    const text = await res.text();
    return { status: res.status, text, json: res.ok ? (JSON.parse(text) as Streams) : undefined };
  }

  it('answers query_range in Loki\'s streams shape, newest first by default, honouring limit', async () => {
    const r = await range({ query: '{job="claude-tui"} |= "error"', start: NS(T0), end: NS(now) });
    expect(r.status).toBe(200);
    expect(r.json!.status).toBe('success');
    expect(r.json!.data.resultType).toBe('streams');
    expect(r.json!.data.result).toHaveLength(1);
    const s = r.json!.data.result[0]!;
    expect(s.stream).toEqual({ app: 'claude-tui', job: 'claude-tui', namespace: 'production', pod: 'claude-tui-a', container: 'claude-tui' });
    expect(s.values.map(([ts]) => ts)).toEqual([NS(T0 + 20_000), NS(T0 + 10_000), NS(T0)]);
    expect(s.values[0]![1]).toContain('"level":"error"');

    const limited = await range({ query: '{namespace="production"}', limit: '3', start: NS(T0), end: NS(now) });
    const all = limited.json!.data.result.flatMap((x) => x.values.map(([ts]) => ts)).sort();
    expect(all).toEqual([NS(T0 + 28_500), NS(T0 + 29_000), NS(T0 + 29_500)]);
  });

  it('reads start/end as nanoseconds, seconds or RFC 3339 (end exclusive) and goes forward on request', async () => {
    const base = { query: '{pod="claude-tui-a"}', direction: 'forward', limit: '2' };
    const ns = await range({ ...base, start: NS(T0 + 5000), end: NS(T0 + 8000) });
    expect(ns.json!.data.result[0]!.values.map(([ts]) => ts)).toEqual([NS(T0 + 5000), NS(T0 + 6000)]);
    const rfc = await range({ ...base, start: new Date(T0 + 5000).toISOString(), end: new Date(T0 + 6000).toISOString() });
    expect(rfc.json!.data.result[0]!.values.map(([ts]) => ts)).toEqual([NS(T0 + 5000)]);
    const secs = await range({ ...base, start: String((T0 + 29_000) / 1000) });
    expect(secs.json!.data.result[0]!.values.map(([ts]) => ts)).toEqual([NS(T0 + 29_000)]);
  });

  it('filters lines with every operator and extracts json and logfmt fields for label filters', async () => {
    const count = async (query: string) =>
      (await range({ query, start: NS(T0), end: NS(now), limit: '1000' })).json!.data.result.reduce((n, s) => n + s.values.length, 0);
    expect(await count('{job="hive-mind-coordinator"}')).toBe(30);
    expect(await count('{job="hive-mind-coordinator"} |= "warn"')).toBe(10);
    expect(await count('{job="hive-mind-coordinator"} != "warn"')).toBe(20);
    expect(await count('{job="hive-mind-coordinator"} |~ "i=2[0-9]$"')).toBe(10);
    expect(await count('{job="hive-mind-coordinator"} !~ "i=[0-9]$"')).toBe(20);
    expect(await count('{job="claude-tui"} |= "failed" or "i\\":1}"')).toBe(4);
    expect(await count('{job="claude-tui"} | json | level="error"')).toBe(3);
    expect(await count('{job="hive-mind-coordinator"} | logfmt | level=~"warn|error"')).toBe(10);
    expect(await count('{namespace=~"prod.*|database", job!="claude-tui"}')).toBe(31);

    const parsed = await range({ query: '{job="claude-tui"} | json | level="error"', start: NS(T0), end: NS(now) });
    expect(parsed.json!.data.result[0]!.stream).toMatchObject({ level: 'error', msg: 'request failed', job: 'claude-tui' });
    const broken = await range({ query: '{job="postgresql"} | json', start: NS(T0), end: NS(now) });
    expect(broken.json!.data.result[0]!.stream.__error__).toBe('JSONParserErr');
  });

  it('sees only what the ring keeps', async () => {
    const small = createLogStore({ now: () => now, capacityPerPod: 5 });
    for (let i = 0; i < 20; i++) small.append(entry(T0 + i * 1000, 'claude-tui-a', `line ${i}`));
    const s = await serve(small.lokiApi);
    try {
      const res = await fetch(`${s.url}/loki/api/v1/query_range?${new URLSearchParams({ query: '{app="claude-tui"}', start: NS(T0), end: NS(now), limit: '100' })}`);
      const body = (await res.json()) as Streams;
      expect(body.data.result[0]!.values.map(([, line]) => line)).toEqual(['line 19', 'line 18', 'line 17', 'line 16', 'line 15']);
    } finally {
      await s.close();
    }
  });

  it('answers bad requests with 400 and a plain-text reason', async () => {
    const bad = await range({ query: '{job="claude-tui"' });
    expect(bad.status).toBe(400);
    expect(bad.text).toBe('parse error at line 1, col 18: syntax error: unexpected $end, expecting , or }');
    expect((await range({ query: '{job="x"}', limit: '10000' })).text).toBe(
      'max entries limit per query exceeded, limit > max_entries_limit_per_query (10000 > 5000)',
    );
    expect((await range({ query: '{job="x"}', direction: 'sideways' })).text).toBe("invalid direction 'sideways'");
    expect((await range({ query: '{job="x"}', start: NS(now), end: NS(T0) })).text).toBe('end timestamp must not be before or equal to start time');
    expect((await range({ query: '{job="x"}', start: 'yesterday' })).status).toBe(400);
  });

  it('lists labels and label values, and answers /ready', async () => {
    const labels = (await (await fetch(`${server.url}/loki/api/v1/labels`)).json()) as { status: string; data: string[] };
    expect(labels).toEqual({ status: 'success', data: ['app', 'container', 'job', 'namespace', 'pod'] });
    const values = (await (await fetch(`${server.url}/loki/api/v1/label/namespace/values`)).json()) as { data: string[] };
    expect(values.data).toEqual(['database', 'production']);
    const ready = await fetch(`${server.url}/ready`);
    expect([ready.status, await ready.text()]).toEqual([200, 'ready']);
  });
});

describe('log store bounds', () => {
  it('still finds every kept line when a pod writes many distinct label sets', async () => {
    const store = createLogStore({ now: () => T0 + 1_000_000, capacityPerPod: 500 });
    for (let i = 0; i < 200; i++) {
      const e = entry(T0 + i, 'claude-tui-a', `line ${i}`);
      store.append({ ...e, labels: { ...e.labels, request_id: `r${i}` } });
    }
    const s = await serve(store.lokiApi);
    try {
      const res = await fetch(`${s.url}/loki/api/v1/query_range?${new URLSearchParams({ query: '{app="claude-tui"} |= "line 1"', start: NS(T0), limit: '1000' })}`);
      const body = (await res.json()) as Streams;
      // line 1, line 10-19, line 100-199
      expect(body.data.result.reduce((n, x) => n + x.values.length, 0)).toBe(111);
    } finally {
      await s.close();
    }
  });
});
