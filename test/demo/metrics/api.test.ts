import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/demo/rng.js';
import { createMetricsEngine } from '../../../src/demo/metrics/index.js';
import { formatValue } from '../../../src/demo/metrics/format.js';
import { serve, service } from './helpers.js';

const START = Date.UTC(2025, 0, 1); // 1735689600 s
const T0 = START / 1000;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const engine = createMetricsEngine({ rng: createRng(3, 'metrics') });
  for (let t = START; t <= START + 600_000; t += 1000) {
    engine.record(t, 1, [service()], [{ name: 'node_load', help: 'load', labels: { node: 'n1' }, value: 0.5 }]);
  }
  server = await serve(engine.prometheusApi);
});
afterAll(() => server.close());

async function get(path: string, params: Record<string, string> = {}) {
  const res = await fetch(`${server.base}${path}?${new URLSearchParams(params)}`);
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as any };
}

describe('Prometheus HTTP API', () => {
  it('answers an instant query with a vector of string values and unix-second timestamps', async () => {
    const { status, type, body } = await get('/api/v1/query', { query: 'up', time: String(T0 + 600) });
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    expect(body).toEqual({
      status: 'success',
      data: {
        resultType: 'vector',
        result: [
          {
            metric: { __name__: 'up', instance: 'claude-tui.hive-mind-production.svc:8080', job: 'claude-tui', namespace: 'hive-mind-production' },
            value: [T0 + 600, '1'],
          },
        ],
      },
    });
  });

  it('takes the query from a form-encoded POST and the time as RFC 3339', async () => {
    const res = await fetch(`${server.base}/api/v1/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: 'sum(rate(http_requests_total[5m]))', time: '2025-01-01T00:10:00Z' }),
    });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body.data.result[0].value[0]).toBe(T0 + 600);
    expect(Number(body.data.result[0].value[1])).toBeCloseTo(80, 0);
  });

  it('defaults the time to the latest recorded tick', async () => {
    const { body } = await get('/api/v1/query', { query: 'time()' });
    expect(body.data).toEqual({ resultType: 'scalar', result: [T0 + 600, String(T0 + 600)] });
  });

  it('returns scalars, strings and matrices in their own shapes, with NaN and +Inf as strings', async () => {
    const t = String(T0 + 600);
    expect((await get('/api/v1/query', { query: '1 - 0.25', time: t })).body.data).toEqual({ resultType: 'scalar', result: [T0 + 600, '0.75'] });
    expect((await get('/api/v1/query', { query: '"hello"', time: t })).body.data).toEqual({ resultType: 'string', result: [T0 + 600, 'hello'] });
    expect((await get('/api/v1/query', { query: '0/0', time: t })).body.data.result[1]).toBe('NaN');
    expect((await get('/api/v1/query', { query: '1/0', time: t })).body.data.result[1]).toBe('+Inf');
    expect((await get('/api/v1/query', { query: '-1/0', time: t })).body.data.result[1]).toBe('-Inf');
    const m = (await get('/api/v1/query', { query: 'node_load[3s]', time: t })).body.data;
    expect(m).toEqual({
      resultType: 'matrix',
      result: [
        {
          metric: { __name__: 'node_load', node: 'n1' },
          values: [
            [T0 + 598, '0.5'],
            [T0 + 599, '0.5'],
            [T0 + 600, '0.5'],
          ],
        },
      ],
    });
  });

  it('answers a range query with a matrix, step given in seconds or as a duration', async () => {
    for (const step of ['60', '1m']) {
      const { status, body } = await get('/api/v1/query_range', { query: 'sum(up)', start: String(T0 + 300), end: String(T0 + 600), step });
      expect(status).toBe(200);
      expect(body.data.resultType).toBe('matrix');
      expect(body.data.result).toEqual([{ metric: {}, values: [300, 360, 420, 480, 540, 600].map((s) => [T0 + s, '1']) }]);
    }
    const scalar = await get('/api/v1/query_range', { query: '2 * 3', start: String(T0), end: String(T0 + 10), step: '10' });
    expect(scalar.body.data.result).toEqual([{ metric: {}, values: [[T0, '6'], [T0 + 10, '6']] }]);
  });

  it('rejects bad requests as bad_data with HTTP 400, naming the position of parse errors', async () => {
    const parseErr = await get('/api/v1/query', { query: 'sum(rate(http_requests_total[5m])' });
    expect(parseErr.status).toBe(400);
    expect(parseErr.body).toEqual({
      status: 'error',
      errorType: 'bad_data',
      error: 'invalid parameter "query": 1:34: parse error: unexpected end of input in aggregation, expected ")"',
    });
    const cases: [string, Record<string, string>, RegExp][] = [
      ['/api/v1/query', { query: 'up', time: 'yesterday' }, /invalid parameter "time": Invalid time value for 'time': cannot parse "yesterday" to a valid timestamp/],
      ['/api/v1/query', {}, /1:1: parse error: no expression found in input/],
      ['/api/v1/query_range', { query: 'up', start: String(T0), end: String(T0 + 86400), step: '1' }, /exceeded maximum resolution of 11,000 points/],
      ['/api/v1/query_range', { query: 'up', start: String(T0 + 10), end: String(T0), step: '1' }, /end timestamp must not be before start time/],
      ['/api/v1/query_range', { query: 'up', start: String(T0), end: String(T0 + 10), step: '0' }, /zero or negative query resolution step/],
      ['/api/v1/query_range', { query: 'up', end: String(T0), step: '1' }, /invalid parameter "start"/],
      ['/api/v1/query_range', { query: 'up[5m]', start: String(T0), end: String(T0 + 10), step: '1' }, /invalid expression type "range vector" for range query/],
      ['/api/v1/series', {}, /no match\[\] parameter provided/],
    ];
    for (const [path, params, message] of cases) {
      const { status, body } = await get(path, params);
      expect(status, `${path} ${JSON.stringify(params)}`).toBe(400);
      expect(body.status).toBe('error');
      expect(body.errorType).toBe('bad_data');
      expect(body.error).toMatch(message);
    }
  });

  it('reports evaluation failures as execution errors (422)', async () => {
    const { status, body } = await get('/api/v1/query', { query: 'http_requests_total / on(job) http_requests_total' });
    expect(status).toBe(422);
    expect(body.errorType).toBe('execution');
  });

  it('lists label names, label values and series', async () => {
    const labels = (await get('/api/v1/labels')).body.data as string[];
    expect(labels).toEqual(['__name__', 'instance', 'job', 'le', 'namespace', 'node', 'status']);
    expect((await get('/api/v1/label/__name__/values')).body.data).toEqual([
      'http_request_duration_seconds_bucket',
      'http_request_duration_seconds_count',
      'http_request_duration_seconds_sum',
      'http_requests_total',
      'node_load',
      'up',
    ]);
    expect((await get('/api/v1/label/status/values')).body.data).toEqual(['200', '201', '304', '404', '500', '503']);
    const series = await get('/api/v1/series', { 'match[]': 'http_requests_total{status=~"5.."}' });
    expect(series.body.data).toEqual(
      ['500', '503'].map((status) => ({ __name__: 'http_requests_total', job: 'claude-tui', namespace: 'hive-mind-production', status })),
    );
  });

  it('answers the health endpoints and leaves unknown paths to the next handler', async () => {
    expect((await fetch(`${server.base}/-/healthy`)).status).toBe(200);
    expect((await fetch(`${server.base}/-/ready`)).status).toBe(200);
    expect((await fetch(`${server.base}/api/v1/nope`)).status).toBe(404);
  });

  it('writes numbers the way Prometheus does, never in exponent notation', () => {
    expect(formatValue(1e-7)).toBe('0.0000001');
    expect(formatValue(1.5e21)).toBe('1500000000000000000000');
    expect(formatValue(-2.5e-8)).toBe('-0.000000025');
    expect(formatValue(0.1)).toBe('0.1');
  });
});
