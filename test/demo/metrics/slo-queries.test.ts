import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LATENCY, DEFAULT_SLOS, withWindow } from '../../../src/config/defaults.js';
import { createRng } from '../../../src/demo/rng.js';
import { createMetricsEngine } from '../../../src/demo/metrics/index.js';
import type { MetricsEngine } from '../../../src/demo/contracts.js';
import { num, serve, service, type ApiVector } from './helpers.js';

const START = Date.UTC(2025, 0, 1);
const HOUR = 3600_000;
let engine: MetricsEngine;
let server: Awaited<ReturnType<typeof serve>>;

/** One hour back-filled at 15 s, then ten minutes of 1 s ticks, like the simulator's start-up. */
function fill(e: MetricsEngine) {
  const traffic = [service(), service({ job: 'hive-mind-coordinator', rps: 20 })];
  let t = START;
  for (; t < START + HOUR; t += 15_000) e.record(t, 15, traffic, []);
  for (; t <= START + HOUR + 600_000; t += 1000) e.record(t, 1, traffic, []);
}

async function query(q: string): Promise<ApiVector['data']> {
  const res = await fetch(`${server.base}/api/v1/query?query=${encodeURIComponent(q)}`);
  const body = (await res.json()) as ApiVector;
  expect(res.status, `${q}: ${JSON.stringify(body)}`).toBe(200);
  return body.data;
}

async function single(q: string): Promise<number> {
  const data = await query(q);
  expect(data.resultType, q).toBe('vector');
  expect(data.result, q).toHaveLength(1);
  expect(data.result[0]!.metric, q).toEqual({});
  return num(data.result[0]!.value[1]);
}

beforeAll(async () => {
  engine = createMetricsEngine({ rng: createRng(7, 'metrics') });
  fill(engine);
  server = await serve(engine.prometheusApi);
});
afterAll(() => server.close());

const windows = ['5m', '1h', '30d', '1m'];
const byId = Object.fromEntries(DEFAULT_SLOS.map((s) => [s.id, s]));

describe('the runbook SLO queries against recorded traffic', () => {
  // 100 rps in total, 20% answered 5xx, 5% 404, latency log-normal with P50 0.1 s and P99 1.5 s
  // 4xx are the client's doing: they leave the denominator, so availability is 0.75 / 0.95.
  it.each(windows)('availability over %s is the 2xx/3xx share of non-4xx requests (0.789)', async (w) => {
    expect(await single(withWindow(byId.availability!.query, w))).toBeCloseTo(0.75 / 0.95, 2);
    expect(await single(withWindow(byId.availability!.errorRatioQuery!, w))).toBeCloseTo(0.2 / 0.95, 2);
  });

  it.each(windows)('error rate over %s is the 5xx share (0.2)', async (w) => {
    expect(await single(withWindow(byId.errors!.query, w))).toBeCloseTo(0.2, 2);
    expect(await single(withWindow(byId.errors!.errorRatioQuery!, w))).toBeCloseTo(0.2, 2);
  });

  it.each(['5m', '1h', '1m'])('throughput over %s is the summed rps', async (w) => {
    expect(await single(withWindow(byId.throughput!.query, w))).toBeGreaterThan(97);
    expect(await single(withWindow(byId.throughput!.query, w))).toBeLessThan(103);
  });

  it('throughput over 30d counts the 70 minutes of history spread over 30 days, as Prometheus would', async () => {
    const rps = await single(withWindow(byId.throughput!.query, '30d'));
    expect(rps).toBeCloseTo((100 * 70 * 60) / (30 * 86400), 1);
    expect(rps).toBeGreaterThan(0);
  });

  it.each(windows)('latency P99 over %s is the configured 1.5 s', async (w) => {
    expect(await single(withWindow(byId.latency!.query, w))).toBeCloseTo(1.5, 1);
    // share slower than 2 s for a log-normal with these P50/P99: about 0.5%
    const slow = await single(withWindow(byId.latency!.errorRatioQuery!, w));
    expect(slow).toBeGreaterThan(0.002);
    expect(slow).toBeLessThan(0.01);
  });

  it('the latency panel queries give P50 < P95 < P99 with P50 at the median', async () => {
    const p50 = await single(DEFAULT_LATENCY.p50);
    const p95 = await single(DEFAULT_LATENCY.p95);
    const p99 = await single(DEFAULT_LATENCY.p99);
    expect(p50).toBeCloseTo(0.1, 2);
    expect(p50).toBeLessThan(p95);
    expect(p95).toBeLessThan(p99);
  });

  it('the latency sparkline range query returns one series with a point per step', async () => {
    const end = (START + HOUR + 600_000) / 1000;
    const start = end - DEFAULT_LATENCY.rangeSeconds;
    const url = `${server.base}/api/v1/query_range?query=${encodeURIComponent(DEFAULT_LATENCY.p99)}&start=${start}&end=${end}&step=${DEFAULT_LATENCY.stepSeconds}`;
    const body = (await (await fetch(url)).json()) as { data: { resultType: string; result: { values: [number, string][] }[] } };
    expect(body.data.resultType).toBe('matrix');
    expect(body.data.result).toHaveLength(1);
    const values = body.data.result[0]!.values;
    expect(values).toHaveLength(DEFAULT_LATENCY.rangeSeconds / DEFAULT_LATENCY.stepSeconds + 1);
    expect(values[0]![0]).toBe(start);
    for (const [, v] of values) expect(num(v)).toBeGreaterThan(1);
  });

  it('the runbook on-call queries answer per service', async () => {
    const up = await query('up{job="claude-tui"}');
    expect(up.result.map((r) => [r.metric.job, r.value[1]])).toEqual([['claude-tui', '1']]);
    const perStatus = await query('rate(http_requests_total{status=~"5.."}[5m]) / rate(http_requests_total[5m])');
    // matched per status: each 5xx series divided by itself
    expect(perStatus.result).toHaveLength(4);
    for (const r of perStatus.result) expect(r.value[1]).toBe('1');
    const perJob = await query('sum by (job) (rate(http_requests_total{status=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m]))');
    expect(perJob.result.map((r) => r.metric.job).sort()).toEqual(['claude-tui', 'hive-mind-coordinator']);
    for (const r of perJob.result) expect(num(r.value[1])).toBeCloseTo(0.2, 2);
    const p95 = await query('histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m]))');
    expect(p95.result.map((r) => r.metric)).toContainEqual({ job: 'claude-tui', namespace: 'hive-mind-production' });
  });
});

describe('what recording does over time', () => {
  it('a target that goes down keeps its counters but stops them, and up drops to 0', async () => {
    const e = createMetricsEngine({ rng: createRng(1, 'metrics') });
    let t = START;
    for (; t < START + 600_000; t += 1000) e.record(t, 1, [service()], []);
    for (; t < START + 1_200_000; t += 1000) e.record(t, 1, [service({ up: false })], []);
    const s = await serve(e.prometheusApi);
    try {
      const get = async (q: string) => ((await (await fetch(`${s.base}/api/v1/query?query=${encodeURIComponent(q)}`)).json()) as ApiVector).data.result;
      expect((await get('up'))[0]!.value[1]).toBe('0');
      expect((await get('sum(rate(http_requests_total[1m]))'))[0]!.value[1]).toBe('0');
      expect(num((await get('sum(http_requests_total)'))[0]!.value[1])).toBeGreaterThan(40_000);
    } finally {
      await s.close();
    }
  });

  it('gauges are stored as given and go stale when no longer reported', async () => {
    const e = createMetricsEngine({ rng: createRng(1, 'metrics') });
    const gauge = (pod: string, value: number) => ({ name: 'container_memory_working_set_ratio', help: 'memory', labels: { namespace: 'ns', pod }, value });
    e.record(START, 1, [], [gauge('a-1', 0.5), gauge('a-2', 0.9)]);
    e.record(START + 400_000, 1, [], [gauge('a-1', 0.6)]);
    const s = await serve(e.prometheusApi);
    try {
      const body = (await (await fetch(`${s.base}/api/v1/query?query=container_memory_working_set_ratio`)).json()) as ApiVector;
      expect(body.data.result).toEqual([
        { metric: { __name__: 'container_memory_working_set_ratio', namespace: 'ns', pod: 'a-1' }, value: [(START + 400_000) / 1000, '0.6'] },
      ]);
      const max = (await (await fetch(`${s.base}/api/v1/query?query=${encodeURIComponent('max_over_time(container_memory_working_set_ratio[10m])')}`)).json()) as ApiVector;
      expect(max.data.result.map((r) => [r.metric.pod, r.value[1]]).sort()).toEqual([
        ['a-1', '0.6'],
        ['a-2', '0.9'],
      ]);
    } finally {
      await s.close();
    }
  });

  it('forgets the gauges of pods gone for longer than the retention, but never the traffic series', async () => {
    const e = createMetricsEngine({ rng: createRng(1, 'metrics'), retentionMs: HOUR });
    const gauge = (pod: string) => ({ name: 'kube_pod_ready', help: 'ready', labels: { pod }, value: 1 });
    e.record(START, 15, [service({ job: 'batch' })], [gauge('old-pod')]);
    let t = START + 15_000;
    for (; t <= START + 2 * HOUR; t += 15_000) e.record(t, 15, [service()], [gauge('new-pod')]);
    // the batch job comes back after two hours away: its counters carry on where they were
    for (; t <= START + 2 * HOUR + 300_000; t += 15_000) e.record(t, 15, [service(), service({ job: 'batch' })], [gauge('new-pod')]);
    const s = await serve(e.prometheusApi);
    try {
      const values = async (label: string) => ((await (await fetch(`${s.base}/api/v1/label/${label}/values`)).json()) as { data: string[] }).data;
      expect(await values('pod')).toEqual(['new-pod']);
      expect(await values('job')).toEqual(['batch', 'claude-tui']);
      const rate = (await (await fetch(`${s.base}/api/v1/query?query=${encodeURIComponent('sum(rate(http_requests_total{job="batch"}[2m]))')}`)).json()) as ApiVector;
      expect(num(rate.data.result[0]!.value[1])).toBeCloseTo(80, 0);
    } finally {
      await s.close();
    }
  });

  it('history is bounded: samples older than the retention are dropped', async () => {
    const e = createMetricsEngine({ rng: createRng(1, 'metrics'), retentionMs: HOUR });
    for (let t = START; t <= START + 3 * HOUR; t += 15_000) e.record(t, 15, [service()], []);
    const s = await serve(e.prometheusApi);
    try {
      const q = `count_over_time(up[3h])`;
      const body = (await (await fetch(`${s.base}/api/v1/query?query=${encodeURIComponent(q)}`)).json()) as ApiVector;
      expect(num(body.data.result[0]!.value[1])).toBe(HOUR / 15_000 + 1);
    } finally {
      await s.close();
    }
  });
});
