// The prom-client registry behind GET /metrics (see exposition.ts): the simulator's current counters,
// histograms and gauges with the same names, labels and le values the PromQL store holds.
import { Counter, Gauge, Histogram, Registry, type HistogramConfiguration } from 'prom-client';
import type { GaugeSample } from '../contracts.js';
import { DURATION_METRIC, leLabel, REQUESTS_METRIC, STATUSES, UP_METRIC, type ServiceState } from './traffic-recorder.js';

interface HistogramRow {
  labels: Record<string, string>;
  bounds: readonly number[];
  cumulative: readonly number[];
  sum: number;
  count: number;
}

/**
 * A prom-client Histogram whose buckets are not observed but copied from the simulator's totals (which
 * already hold the cumulative counts), so the scrape matches what PromQL sees.
 */
class PresetHistogram extends Histogram<string> {
  rows: HistogramRow[] = [];
  private readonly metricName: string;
  private readonly metricHelp: string;

  constructor(config: HistogramConfiguration<string>) {
    super(config);
    this.metricName = config.name;
    this.metricHelp = config.help;
  }

  private snapshot() {
    const name = this.metricName;
    const values = this.rows.flatMap((row) => [
      ...row.bounds.map((b, i) => ({ metricName: `${name}_bucket`, labels: { ...row.labels, le: leLabel(b) }, value: row.cumulative[i] ?? 0 })),
      { metricName: `${name}_sum`, labels: row.labels, value: row.sum },
      { metricName: `${name}_count`, labels: row.labels, value: row.count },
    ]);
    return { name, help: this.metricHelp, type: 'histogram' as const, values, aggregator: 'sum' as const };
  }

  override async get() {
    return this.snapshot() as unknown as Awaited<ReturnType<Histogram<string>['get']>>;
  }

  /** what Registry.metrics() calls for histograms */
  async getForPromString() {
    return this.snapshot();
  }
}

const METRIC_NAME_RE = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function buildRegistry(services: readonly ServiceState[], gauges: readonly GaugeSample[], buckets: readonly number[]): Registry {
  const registry = new Registry();
  const requests = new Counter({
    name: REQUESTS_METRIC,
    help: 'HTTP requests served, by response status.',
    labelNames: ['job', 'namespace', 'status'],
    registers: [registry],
  });
  const duration = new PresetHistogram({
    name: DURATION_METRIC,
    help: 'HTTP request latency in seconds.',
    labelNames: ['job', 'namespace'],
    buckets: [...buckets],
    registers: [registry],
  });
  const up = new Gauge({ name: UP_METRIC, help: 'Whether the service answers its scrapes (1) or not (0).', labelNames: ['job', 'namespace', 'instance'], registers: [registry] });
  const bounds = [...buckets.filter(Number.isFinite).sort((a, b) => a - b), Infinity];

  for (const s of services) {
    const base = { job: s.job, namespace: s.namespace };
    STATUSES.forEach((status, i) => requests.inc({ ...base, status }, s.statusTotals[i] ?? 0));
    duration.rows.push({ labels: base, bounds, cumulative: [...s.bucketTotals], sum: s.sum, count: s.count });
    up.set({ ...base, instance: s.instance }, s.up ? 1 : 0);
  }

  const byName = new Map<string, GaugeSample[]>();
  for (const g of gauges) {
    if (!METRIC_NAME_RE.test(g.name) || !Object.keys(g.labels).every((l) => LABEL_NAME_RE.test(l) && l !== '__name__')) continue;
    const list = byName.get(g.name);
    if (list) list.push(g);
    else byName.set(g.name, [g]);
  }
  for (const [name, samples] of byName) {
    // A gauge named like one of the traffic metrics would make an ambiguous scrape: keep the traffic one.
    if (registry.getSingleMetric(name)) continue;
    const labelNames = [...new Set(samples.flatMap((g) => Object.keys(g.labels)))];
    const config = { name, help: samples[0]!.help || name, labelNames, registers: [registry] };
    // By convention a *_total is a counter (promtool flags a gauge so named); counters cannot go negative.
    if (name.endsWith('_total') && samples.every((g) => Number.isFinite(g.value) && g.value >= 0)) {
      const counter = new Counter(config);
      for (const g of samples) counter.inc(g.labels, g.value);
    } else {
      const gauge = new Gauge(config);
      for (const g of samples) gauge.set(g.labels, g.value);
    }
  }
  return registry;
}

