// The simulator's metrics: traffic and gauges recorded into a time-series store each tick, answered
// through a PromQL subset on the Prometheus HTTP API and scraped from /metrics.
import { LATENCY_BUCKETS } from '../../config/defaults.js';
import type { GaugeSample, MetricsEngine, Rng, ServiceTraffic } from '../contracts.js';
import { createPrometheusApi } from './api.js';
import { createMetricsEndpoint } from './exposition.js';
import { METRIC_NAME } from './labels.js';
import { createSeriesStore, type Series } from './store.js';
import { createTrafficRecorder, DURATION_METRIC, REQUESTS_METRIC, UP_METRIC } from './traffic-recorder.js';

const PRUNE_EVERY_MS = 10 * 60 * 1000;
const TRAFFIC_METRICS: ReadonlySet<string> = new Set([
  REQUESTS_METRIC,
  `${DURATION_METRIC}_bucket`,
  `${DURATION_METRIC}_sum`,
  `${DURATION_METRIC}_count`,
  UP_METRIC,
]);

export interface MetricsEngineOptions {
  rng: Rng;
  buckets?: number[];
  /** how long samples are kept (default 2 h) */
  retentionMs?: number;
  /** the API's default evaluation time; default: the latest recorded tick, or the wall clock before any */
  now?: () => number;
}

export function createMetricsEngine(opts: MetricsEngineOptions): MetricsEngine {
  const buckets = [...(opts.buckets ?? LATENCY_BUCKETS)];
  const store = createSeriesStore(opts.retentionMs);
  const traffic = createTrafficRecorder(store, buckets, opts.rng);
  let lastMs: number | undefined;
  let lastPruneMs = -Infinity;
  let currentGauges: GaugeSample[] = [];

  const now = opts.now ?? (() => lastMs ?? Date.now());

  // The world reports the same gauges every tick, usually with labels in the same order: look them up by
  // an unsorted key first, so a tick costs no sorting or object copies. A caller that passes the same
  // labels object tick after tick (the world does) skips even building that key: objects recorded are
  // taken as unchanging.
  let gaugeCache = new Map<string, Series>();
  let byLabels = new WeakMap<object, Map<string, Series>>();
  const gaugeSeries = (g: GaugeSample): Series => {
    let named = byLabels.get(g.labels);
    const known = named?.get(g.name);
    if (known) return known;
    let key = g.name;
    for (const name in g.labels) key += `\u0000${name}\u0001${g.labels[name]}`;
    let s = gaugeCache.get(key);
    if (!s) {
      s = store.series({ ...g.labels, [METRIC_NAME]: g.name });
      gaugeCache.set(key, s);
    }
    if (!named) {
      named = new Map();
      byLabels.set(g.labels, named);
    }
    named.set(g.name, s);
    return s;
  };

  return {
    record(tMs: number, dtSeconds: number, services: ServiceTraffic[], gauges: GaugeSample[]) {
      if (!Number.isFinite(tMs)) return;
      lastMs = lastMs === undefined ? tMs : Math.max(lastMs, tMs);
      traffic.record(tMs, dtSeconds, services);
      const kept: GaugeSample[] = [];
      for (const g of gauges) {
        if (g.name === '' || METRIC_NAME in g.labels) continue;
        kept.push(g);
        store.append(gaugeSeries(g), tMs, g.value);
      }
      currentGauges = kept;
      if (tMs - lastPruneMs >= PRUNE_EVERY_MS) {
        lastPruneMs = tMs;
        // the traffic recorder keeps its series for good: only gauges come and go
        if (store.prune(tMs, (s) => TRAFFIC_METRICS.has(s.labels[METRIC_NAME] ?? '')) > 0) {
          gaugeCache = new Map();
          byLabels = new WeakMap();
        }
      }
    },
    prometheusApi: createPrometheusApi(store, now),
    metricsEndpoint: createMetricsEndpoint(() => ({ services: traffic.services(), gauges: currentGauges }), buckets),
  };
}
