// Cross-checks the simulator against a real Prometheus 2.x when one is installed (Debian's `prometheus`
// package brings prometheus and promtool): the same samples, back-filled into a real TSDB, must give the
// same answers to the same queries, and promtool must accept /metrics. Skipped where neither is installed.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../helpers/eventually.js';
import { DEFAULT_LATENCY, DEFAULT_SLOS, LATENCY_BUCKETS, withWindow } from '../../../src/config/defaults.js';
import { createPrometheusApi } from '../../../src/demo/metrics/api.js';
import { createMetricsEngine } from '../../../src/demo/metrics/index.js';
import { createSeriesStore } from '../../../src/demo/metrics/store.js';
import { createTrafficRecorder } from '../../../src/demo/metrics/traffic-recorder.js';
import { createRng } from '../../../src/demo/rng.js';
import { serve, service } from './helpers.js';

const hasPrometheus = (() => {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'ignore' });
    execFileSync('prometheus', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const START = Date.UTC(2025, 0, 1);
let dir = '';
let prom: ChildProcess | undefined;
let promBase = '';
let sim: Awaited<ReturnType<typeof serve>> | undefined;
let endMs = START;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!hasPrometheus)('parity with a real Prometheus', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hive-metrics-parity-'));
    const store = createSeriesStore(3 * 3600_000);
    const recorder = createTrafficRecorder(store, LATENCY_BUCKETS, createRng(9, 'metrics'));
    const rng = createRng(11, 'traffic');
    const tick = () => [
      service({ rps: 50 + 30 * rng.next(), errorRatio: 0.1 * rng.next() }),
      service({ job: 'postgresql', namespace: 'data', latencyP99: 0.2 + 3 * rng.next(), up: rng.next() > 0.1 }),
    ];
    let t = START;
    for (; t < START + 3600_000; t += 15_000) recorder.record(t, 15, tick());
    for (; t < START + 3600_000 + 300_000; t += 1000) recorder.record(t, 1, tick());
    endMs = t - 1000;

    const lines: string[] = [];
    const byName = new Map<string, string[]>();
    for (const s of store.all()) {
      const name = s.labels.__name__!;
      const labels = Object.entries(s.labels)
        .filter(([k]) => k !== '__name__')
        .map(([k, v]) => `${k}="${v}"`)
        .join(',');
      const rows = byName.get(name) ?? [];
      for (let i = s.start; i < s.t.length; i++) rows.push(`${name}{${labels}} ${s.v[i]} ${s.t[i]! / 1000}`);
      byName.set(name, rows);
    }
    for (const [name, rows] of byName) lines.push(`# TYPE ${name} gauge`, ...rows);
    lines.push('# EOF', '');
    writeFileSync(join(dir, 'data.om'), lines.join('\n'));
    execFileSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'data.om'), join(dir, 'tsdb')], { stdio: 'ignore' });
    writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 15s\n');
    const port = await freePort();
    promBase = `http://127.0.0.1:${port}`;
    prom = spawn(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'tsdb')}`,
        '--storage.tsdb.retention.time=100y',
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: 'ignore' },
    );
    await eventually('prometheus to be ready', async () => (await fetch(`${promBase}/-/ready`)).ok, { timeoutMs: 10_000, everyMs: 100 });
    sim = await serve(createPrometheusApi(store, () => endMs));
  }, 30_000);

  afterAll(async () => {
    prom?.kill('SIGTERM');
    await sim?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const numbers = (body: any): [string, number][] => {
    if (body.status !== 'success') return [[`error ${body.errorType}`, 0]];
    const d = body.data;
    if (d.resultType === 'scalar') return [['scalar', Number(d.result[1])]];
    const rows: [string, number][] =
      d.resultType === 'vector'
        ? d.result.map((r: any) => [JSON.stringify(Object.entries(r.metric).sort()), Number(r.value[1])])
        : d.result.flatMap((r: any) => r.values.map((v: any) => [`${JSON.stringify(Object.entries(r.metric).sort())}@${v[0]}`, Number(v[1])]));
    return rows.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  };

  async function compare(path: string, params: Record<string, string>) {
    const qs = new URLSearchParams(params).toString();
    const mine = numbers(await (await fetch(`${sim!.base}${path}?${qs}`)).json());
    const real = numbers(await (await fetch(`${promBase}${path}?${qs}`)).json());
    expect(mine.map((r) => r[0]), params.query).toEqual(real.map((r) => r[0]));
    mine.forEach(([key, v], i) => {
      const want = real[i]![1];
      if (Number.isNaN(want)) expect(v, `${params.query} ${key}`).toBeNaN();
      else expect(Math.abs(v - want), `${params.query} ${key}: ${v} vs ${want}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want)));
    });
  }

  const queries = [
    ...DEFAULT_SLOS.flatMap((slo) => ['5m', '1h', '30d', '1m'].flatMap((w) => [slo.query, slo.errorRatioQuery].filter((q) => q !== undefined).map((q) => withWindow(q!, w)))),
    DEFAULT_LATENCY.p50,
    DEFAULT_LATENCY.p95,
    DEFAULT_LATENCY.p99,
    'up{job="claude-tui"}',
    'rate(http_requests_total{status=~"5.."}[5m]) / rate(http_requests_total[5m])',
    'histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m]))',
    'irate(http_requests_total[1m])',
    'increase(http_requests_total[2h])',
    'sum by (job) (rate(http_requests_total[2m])) > 40',
    'avg_over_time(up[30m]) < bool 1',
    'max_over_time(up[1h]) - min_over_time(up[1h])',
    'topk(2, rate(http_requests_total[5m]))',
    'sum without (status) (rate(http_requests_total[5m])) / on(job, namespace) group_left sum by (job, namespace) (rate(http_request_duration_seconds_count[5m]))',
    'clamp_min(1 - up, 0) or vector(0)',
    'count(up == 0) unless absent(up)',
    'rate(http_requests_total[5m] offset 10m)',
    '-abs(delta(http_request_duration_seconds_sum[10m])) ^ 2 % 7',
  ];

  it('answers every runbook query like Prometheus 2.x does', async () => {
    for (const time of [endMs / 1000 - 0.5, endMs / 1000 - 300.25, START / 1000 + 1800.5]) {
      for (const query of queries) await compare('/api/v1/query', { query, time: String(time) });
    }
  }, 20_000);

  it('answers range queries like Prometheus 2.x does', async () => {
    const end = endMs / 1000 - 0.5;
    for (const query of [DEFAULT_LATENCY.p99, withWindow(DEFAULT_SLOS[0]!.errorRatioQuery!, '1h')]) {
      await compare('/api/v1/query_range', { query, start: String(end - DEFAULT_LATENCY.rangeSeconds), end: String(end), step: String(DEFAULT_LATENCY.stepSeconds) });
    }
  });

  it('serves a /metrics page promtool accepts', async () => {
    const engine = createMetricsEngine({ rng: createRng(1, 'metrics') });
    for (let t = START; t < START + 60_000; t += 1000) {
      engine.record(t, 1, [service()], [{ name: 'hive_consensus_leader_changes_total', help: 'Leader changes.', labels: { cluster: 'hive' }, value: 2 }]);
    }
    const s = await serve(engine.metricsEndpoint);
    try {
      const text = await (await fetch(`${s.base}/metrics`)).text();
      expect(() => execFileSync('promtool', ['check', 'metrics'], { input: text, stdio: ['pipe', 'pipe', 'pipe'] })).not.toThrow();
    } finally {
      await s.close();
    }
  });
});
