import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/demo/rng.js';
import { createMetricsEngine } from '../../../src/demo/metrics/index.js';
import { num, serve, service, type ApiVector } from './helpers.js';

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*)\})? (\S+)$/;

/** Minimal text-format reader: every line must be a comment, blank, or a well-formed sample. */
function parseExposition(text: string) {
  const types = new Map<string, string>();
  const samples: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ')) continue;
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    const m = SAMPLE_LINE.exec(line);
    if (!m) throw new Error(`not a valid exposition line: ${line}`);
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1]!, x[2]!]));
    samples.push({ name: m[1]!, labels, value: num(m[3]!) });
  }
  return { types, samples };
}

/** label set without the metric name, in a stable order */
const key = (labels: Record<string, string>): string =>
  JSON.stringify(
    Object.entries(labels)
      .filter(([k]) => k !== '__name__')
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

describe('/metrics exposition', () => {
  it('serves the store\'s counters, histogram and gauges in the Prometheus text format', async () => {
    const engine = createMetricsEngine({ rng: createRng(5, 'metrics') });
    const traffic = [service(), service({ job: 'postgresql', namespace: 'data', rps: 10, errorRatio: 0 })];
    for (let t = 0; t <= 300_000; t += 1000) {
      engine.record(1.7e12 + t, 1, t > 200_000 ? [traffic[0]!, { ...traffic[1]!, up: false }] : traffic, [
        { name: 'hive_consensus_leader_changes_total', help: 'Raft leader changes seen.', labels: { cluster: 'hive-mind' }, value: 4 },
        { name: 'container_memory_working_set_ratio', help: 'Working set over limit.', labels: { namespace: 'data', pod: 'postgresql-0' }, value: 0.42 },
      ]);
    }
    const s = await serve(engine.metricsEndpoint, engine.prometheusApi);
    try {
      const res = await fetch(`${s.base}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      const text = await res.text();
      const { types, samples } = parseExposition(text);
      expect(Object.fromEntries(types)).toEqual({
        http_requests_total: 'counter',
        http_request_duration_seconds: 'histogram',
        up: 'gauge',
        // a *_total reported as a gauge is exposed as the counter it is by name (promtool insists)
        hive_consensus_leader_changes_total: 'counter',
        container_memory_working_set_ratio: 'gauge',
      });
      expect(text).toContain('# HELP hive_consensus_leader_changes_total Raft leader changes seen.');
      expect(text).toContain('hive_consensus_leader_changes_total{cluster="hive-mind"} 4');
      expect(text).toContain('up{job="postgresql",namespace="data",instance="postgresql.data.svc:8080"} 0');
      expect(text).toMatch(/^http_request_duration_seconds_bucket\{job="claude-tui",namespace="hive-mind-production",le="2"\} \d+$/m);
      expect(text).toMatch(/^http_request_duration_seconds_bucket\{job="postgresql",namespace="data",le="\+Inf"\} \d+$/m);

      // every exposed sample equals what PromQL reads from the store at the same instant
      const api = async (q: string) => ((await (await fetch(`${s.base}/api/v1/query?query=${encodeURIComponent(q)}`)).json()) as ApiVector).data.result;
      for (const name of ['http_requests_total', 'http_request_duration_seconds_bucket', 'http_request_duration_seconds_sum', 'http_request_duration_seconds_count', 'up']) {
        const stored = new Map((await api(name)).map((r) => [key(r.metric), num(r.value[1])]));
        const exposed = samples.filter((x) => x.name === name);
        expect(exposed.length, name).toBe(stored.size);
        for (const x of exposed) expect(stored.get(key(x.labels)), `${name} ${key(x.labels)}`).toBeCloseTo(x.value, 6);
      }
      // buckets are cumulative and end in the count
      const buckets = samples.filter((x) => x.name === 'http_request_duration_seconds_bucket' && x.labels.job === 'claude-tui').map((x) => x.value);
      expect([...buckets].sort((a, b) => a - b)).toEqual(buckets);
      expect(buckets.at(-1)).toBe(samples.find((x) => x.name === 'http_request_duration_seconds_count' && x.labels.job === 'claude-tui')!.value);
    } finally {
      await s.close();
    }
  });

  it('shows only the gauges of the latest tick', async () => {
    const engine = createMetricsEngine({ rng: createRng(5, 'metrics') });
    engine.record(1.7e12, 1, [], [{ name: 'kube_pod_restarts', help: 'Restarts.', labels: { pod: 'old' }, value: 1 }]);
    engine.record(1.7e12 + 1000, 1, [], [{ name: 'kube_pod_restarts', help: 'Restarts.', labels: { pod: 'new' }, value: 2 }]);
    const s = await serve(engine.metricsEndpoint);
    try {
      const text = await (await fetch(`${s.base}/metrics`)).text();
      expect(text).toContain('kube_pod_restarts{pod="new"} 2');
      expect(text).not.toContain('pod="old"');
    } finally {
      await s.close();
    }
  });
});
