import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LATENCY, DEFAULT_SLOS, type SloSpec } from '../../src/config/defaults.js';
import { fetchLatency } from '../../src/sources/latency.js';
import { createPrometheusClient, parseSampleValue } from '../../src/sources/prometheus.js';
import { createSloSource, evaluateSlos, sloStatus } from '../../src/sources/slos.js';
import type { SloValue, SourceState } from '../../src/state/types.js';
import { eventuallyValue } from '../helpers/eventually.js';
import { deadUrl, json, startFake, type FakeServer } from './fake-servers.js';

let fake: FakeServer | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const vector = (value: string, metric: Record<string, string> = {}) => ({
  status: 'success',
  data: { resultType: 'vector', result: [{ metric, value: [1714557600.123, value] }] },
});
const emptyVector = { status: 'success', data: { resultType: 'vector', result: [] } };

/** A Prometheus that answers each query by matching a substring (first match wins). */
async function prometheus(answers: [string, unknown][], prefix = '') {
  return startFake((req, res, url) => {
    if (url.pathname !== `${prefix}/api/v1/query` && url.pathname !== `${prefix}/api/v1/query_range`) return json(res, 404, 'not found');
    const q = url.searchParams.get('query') ?? '';
    const hit = answers.find(([needle]) => q.includes(needle));
    json(res, 200, hit ? hit[1] : emptyVector);
  });
}

const ctl = () => new AbortController().signal;

describe('prometheus client', () => {
  it('parses NaN and infinities in sample strings', () => {
    expect(parseSampleValue('+Inf')).toBe(Infinity);
    expect(parseSampleValue('-Inf')).toBe(-Infinity);
    expect(parseSampleValue('NaN')).toBeNaN();
    expect(parseSampleValue('0.25')).toBe(0.25);
    expect(parseSampleValue('1e-3')).toBe(0.001);
  });

  it('surfaces the Prometheus error envelope of a 400', async () => {
    fake = await startFake((req, res) =>
      json(res, 400, { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:5: parse error: unexpected <EOF>' }),
    );
    const client = createPrometheusClient(fake.url, 1000);
    await expect(client.query('sum(', ctl())).rejects.toThrow('HTTP 400 bad_data: invalid parameter "query"');
  });

  it('works under a path prefix (Prometheus behind /prometheus)', async () => {
    fake = await prometheus([['up', vector('1')]], '/prometheus');
    const client = createPrometheusClient(`${fake.url}/prometheus/`, 1000);
    expect(await client.query('up', ctl())).toEqual([{ metric: {}, points: [[1714557600.123, 1]] }]);
  });
});

describe('SLOs', () => {
  it('computes value, burn rate, budget and status from the runbook queries', async () => {
    const availability = DEFAULT_SLOS.find((s) => s.id === 'availability')!;
    fake = await prometheus([
      // error ratio queries (burn window 1h, budget window 30d) come first: they contain the value query too
      ['1 - sum(rate(http_requests_total{status=~"[23].."}[1h]))', vector('0.002')],
      ['1 - sum(rate(http_requests_total{status=~"[23].."}[30d]))', vector('0.0005')],
      ['[5m]', vector('0.998')],
    ]);
    const [slo] = await evaluateSlos(createPrometheusClient(fake.url, 1000), [availability], ctl());
    expect(slo!.value).toBeCloseTo(0.998);
    expect(slo!.burnRate).toBeCloseTo(2);
    expect(slo!.budgetRemaining).toBeCloseTo(0.5);
    // 0.998 < 0.999 target: breached
    expect(slo!.status).toBe('critical');
  });

  it('status rules: unknown without data, warning when burning or near, critical at 14.4x', () => {
    const avail = DEFAULT_SLOS[0]!;
    const latency: SloSpec = DEFAULT_SLOS.find((s) => s.id === 'latency')!;
    expect(sloStatus(avail, null, null)).toBe('unknown');
    expect(sloStatus(avail, 0.9999, 0.5)).toBe('ok');
    expect(sloStatus(avail, 0.9999, 2)).toBe('warning');
    expect(sloStatus(avail, 0.9992, 0.5)).toBe('warning');
    expect(sloStatus(avail, 0.9999, 14.4)).toBe('critical');
    expect(sloStatus(latency, 0.4, null)).toBe('ok');
    expect(sloStatus(latency, 1.9, null)).toBe('warning');
    expect(sloStatus(latency, Infinity, null)).toBe('critical');
  });

  it('treats an empty result or NaN (no traffic) as unknown, not as zero', async () => {
    fake = await prometheus([['http_requests_total', vector('NaN')]]);
    const values = await evaluateSlos(createPrometheusClient(fake.url, 1000), DEFAULT_SLOS, ctl());
    expect(values.map((v) => v.status)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(values.every((v) => v.value === null && v.burnRate === null)).toBe(true);
  });

  it('keeps the last good values and shows the error when Prometheus goes down', async () => {
    let up = true;
    fake = await startFake((req, res) => (up ? json(res, 200, vector('150')) : json(res, 503, 'Service Unavailable')));
    let state: SourceState<SloValue[]> | null = null;
    const throughput = DEFAULT_SLOS.filter((s) => s.id === 'throughput');
    const poller = createSloSource(createPrometheusClient(fake.url, 1000), throughput, { intervalMs: 60_000, timeoutMs: 1000 }, (s) => {
      state = s;
    });
    await poller.pollOnce();
    expect(state!.data![0]!.value).toBe(150);
    const firstUpdate = state!.updatedAt;
    up = false;
    await poller.pollOnce();
    expect(state!.error).toBe('prometheus: HTTP 503 Service Unavailable: Service Unavailable');
    expect(state!.data![0]!.value).toBe(150);
    expect(state!.updatedAt).toBe(firstUpdate);
  });

  it('reports a refused connection with the address', async () => {
    const url = await deadUrl();
    let state: SourceState<SloValue[]> | null = null;
    const poller = createSloSource(createPrometheusClient(url, 1000), DEFAULT_SLOS, { intervalMs: 60_000, timeoutMs: 1000 }, (s) => {
      state = s;
    });
    await poller.pollOnce();
    expect(state!.error).toBe(`prometheus: connect ECONNREFUSED ${url.replace('http://', '')}`);
    expect(state!.loading).toBe(false);
  });
});

describe('latency', () => {
  it('asks query_range over the configured range and drops NaN points', async () => {
    const matrix = (values: [number, string][]) => ({
      status: 'success',
      data: { resultType: 'matrix', result: [{ metric: {}, values }] },
    });
    fake = await prometheus([
      ['0.5,', matrix([[100, '0.1'], [130, 'NaN'], [160, '0.12']])],
      ['0.95,', matrix([[100, '0.5']])],
      ['0.99,', matrix([[100, '2.5']])],
    ]);
    const data = await fetchLatency(createPrometheusClient(fake.url, 1000), DEFAULT_LATENCY, ctl(), 1_800_000_000);
    expect(data).toEqual({ p50: [[100, 0.1], [160, 0.12]], p95: [[100, 0.5]], p99: [[100, 2.5]], thresholdSeconds: 2 });
    const req = fake.requests.find((r) => r.path === '/api/v1/query_range')!;
    const params = new URLSearchParams(req.search);
    expect(Number(params.get('end')) - Number(params.get('start'))).toBe(DEFAULT_LATENCY.rangeSeconds);
    expect(params.get('step')).toBe('30');
  });
});

describe('a hanging backend', () => {
  it('becomes a timeout error while another source keeps updating', async () => {
    const hanging = await startFake(() => undefined);
    fake = await prometheus([['http_requests_total', vector('150')]]);
    let slow: SourceState<SloValue[]> | null = null;
    let fast: SourceState<SloValue[]> | null = null;
    const throughput = DEFAULT_SLOS.filter((s) => s.id === 'throughput');
    const a = createSloSource(createPrometheusClient(hanging.url, 60_000), throughput, { intervalMs: 20, timeoutMs: 800 }, (s) => {
      slow = s;
    });
    const b = createSloSource(createPrometheusClient(fake.url, 1000), throughput, { intervalMs: 20, timeoutMs: 300 }, (s) => {
      fast = s;
    });
    a.start();
    b.start();
    try {
      // the fast source updates several times while the slow one is still waiting
      let updates = 0;
      let last: number | null = null;
      await eventuallyValue(
        'fast updates',
        () => {
          const at = (fast as SourceState<SloValue[]> | null)?.updatedAt ?? null;
          if (at !== null && at !== last) {
            updates++;
            last = at;
          }
          return { updates, slow };
        },
        (v) => v.updates >= 3,
      );
      expect((slow as SourceState<SloValue[]> | null)?.loading ?? true).toBe(true);
      const s = await eventuallyValue('slow timeout', () => slow as SourceState<SloValue[]> | null, (v) => v !== null && !v.loading);
      expect(s!.error).toBe('prometheus: timed out after 0.8s');
    } finally {
      a.stop();
      b.stop();
      await hanging.close();
    }
  });
});
