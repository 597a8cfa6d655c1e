// p50/p95/p99 latency sparklines from Prometheus range queries.
import type { LatencySpec } from '../config/defaults.js';
import type { LatencyData, Point, SourceState } from '../state/types.js';
import { createPoller, type Poller } from './poller.js';
import type { PrometheusClient, Series } from './prometheus.js';

/** The first series' points, without gaps that would break a chart (NaN when there was no traffic, ±Inf). */
const finitePoints = (series: Series[]): Point[] =>
  (series[0]?.points ?? []).filter((p): p is Point => Number.isFinite(p[1]));

export async function fetchLatency(
  client: PrometheusClient,
  spec: LatencySpec,
  signal: AbortSignal,
  nowMs: number,
): Promise<LatencyData> {
  const end = Math.floor(nowMs / 1000);
  const range = { start: end - spec.rangeSeconds, end, step: spec.stepSeconds };
  const [p50, p95, p99] = await Promise.all(
    [spec.p50, spec.p95, spec.p99].map((q) => client.queryRange(q, range, signal).then(finitePoints)),
  );
  return { p50: p50 ?? [], p95: p95 ?? [], p99: p99 ?? [], thresholdSeconds: spec.thresholdSeconds };
}

export function createLatencySource(
  client: PrometheusClient,
  spec: LatencySpec,
  timing: { intervalMs: number; timeoutMs: number },
  onState: (s: SourceState<LatencyData>) => void,
  now: () => number = Date.now,
): Poller<LatencyData> {
  return createPoller({
    name: 'prometheus',
    ...timing,
    fetch: (signal) => fetchLatency(client, spec, signal, now()),
    onState,
    now,
  });
}
