// Turns each tick's ServiceTraffic into what an instrumented service would expose: a request counter by
// status, a latency histogram and the scrape target's `up`. Keeps the running totals (for /metrics) and
// appends every value to the store (for PromQL).
import type { Rng, ServiceTraffic } from '../contracts.js';
import { apportion, cdf, logNormalFrom, mean, type LogNormal } from './lognormal.js';
import type { Labels } from './labels.js';
import type { Series, SeriesStore } from './store.js';

export const REQUESTS_METRIC = 'http_requests_total';
export const DURATION_METRIC = 'http_request_duration_seconds';
export const UP_METRIC = 'up';

/** Status codes and how each class of response splits between them. */
const OK_STATUSES = [
  ['200', 0.86],
  ['201', 0.08],
  ['304', 0.06],
] as const;
const CLIENT_STATUSES = [['404', 1]] as const;
const SERVER_STATUSES = [
  ['500', 0.7],
  ['503', 0.3],
] as const;
export const STATUSES: readonly string[] = [...OK_STATUSES, ...CLIENT_STATUSES, ...SERVER_STATUSES].map(([s]) => s);

/** Bucket bound as a label value, the way prom-client prints it (so le="2" exists for the SLO query). */
export const leLabel = (bound: number): string => (bound === Infinity ? '+Inf' : String(bound));

export interface ServiceState {
  job: string;
  namespace: string;
  instance: string;
  up: boolean;
  statusTotals: number[];
  /** cumulative counts per bucket, last one is +Inf */
  bucketTotals: number[];
  sum: number;
  count: number;
}

interface ServiceSeries {
  state: ServiceState;
  statusSeries: Series[];
  bucketSeries: Series[];
  sumSeries: Series;
  countSeries: Series;
  upSeries: Series;
  statusCarry: number[];
  bucketCarry: number[];
}

export interface TrafficRecorder {
  record(tMs: number, dtSeconds: number, traffic: readonly ServiceTraffic[]): void;
  services(): ServiceState[];
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

function statusShares(t: ServiceTraffic): number[] {
  const server = clamp01(t.errorRatio);
  const client = Math.min(clamp01(t.clientErrorRatio), 1 - server);
  const ok = 1 - server - client;
  // plain loops, in STATUSES order: this runs for every service on every tick
  const out: number[] = [];
  for (const [, share] of OK_STATUSES) out.push(ok * share);
  for (const [, share] of CLIENT_STATUSES) out.push(client * share);
  for (const [, share] of SERVER_STATUSES) out.push(server * share);
  return out;
}

/**
 * Share of requests per bucket (last is +Inf). Log-normal, except that the bucket below the one holding
 * P99 is topped up from it so that histogram_quantile's linear interpolation lands on P99 instead of
 * overshooting it (the log-normal tail is concave). The share above P99's bucket stays log-normal, so the
 * "slower than 2 s" ratio is untouched.
 */
export function bucketShares(bounds: readonly number[], dist: LogNormal, p99: number): number[] {
  const cumulative: number[] = [];
  for (const b of bounds) cumulative.push(cdf(dist, b));
  const k = bounds.findIndex((b) => p99 <= b);
  const upper = bounds[k];
  if (k >= 1 && upper !== undefined && Number.isFinite(upper)) {
    const lower = bounds[k - 1]!;
    const floor = k >= 2 ? cumulative[k - 2]! : 0;
    const r = (p99 - lower) / (upper - lower);
    const atUpper = cumulative[k]!;
    if (r < 1 && atUpper >= 0.99) {
      // solve 0.99 = F(lower) + r * (F(upper) - F(lower)) for F(lower)
      cumulative[k - 1] = Math.min(0.99, Math.max(floor, (0.99 - r * atUpper) / (1 - r)));
    }
  }
  const shares: number[] = [];
  for (let i = 0; i < cumulative.length; i++) shares.push(Math.max(0, cumulative[i]! - (i > 0 ? cumulative[i - 1]! : 0)));
  return shares;
}

export function createTrafficRecorder(store: SeriesStore, buckets: readonly number[], rng: Rng): TrafficRecorder {
  const bounds = [...buckets.filter((b) => Number.isFinite(b)).sort((a, b) => a - b), Infinity];
  const services = new Map<string, ServiceSeries>();

  // found by job, then namespace: no key to build per service and tick
  const byJob = new Map<string, Map<string, ServiceSeries>>();
  const open = (t: ServiceTraffic): ServiceSeries => {
    let inJob = byJob.get(t.job);
    const known = inJob?.get(t.namespace);
    if (known) return known;
    const id = `${t.namespace}/${t.job}`;
    let s = services.get(id);
    if (s) return s;
    const base: Labels = { job: t.job, namespace: t.namespace };
    const state: ServiceState = {
      job: t.job,
      namespace: t.namespace,
      instance: `${t.job}.${t.namespace}.svc:8080`,
      up: t.up,
      statusTotals: STATUSES.map(() => 0),
      bucketTotals: bounds.map(() => 0),
      sum: 0,
      count: 0,
    };
    s = {
      state,
      statusSeries: STATUSES.map((status) => store.series({ __name__: REQUESTS_METRIC, ...base, status })),
      bucketSeries: bounds.map((b) => store.series({ __name__: `${DURATION_METRIC}_bucket`, ...base, le: leLabel(b) })),
      sumSeries: store.series({ __name__: `${DURATION_METRIC}_sum`, ...base }),
      countSeries: store.series({ __name__: `${DURATION_METRIC}_count`, ...base }),
      upSeries: store.series({ __name__: UP_METRIC, ...base, instance: state.instance }),
      statusCarry: STATUSES.map(() => 0),
      bucketCarry: bounds.map(() => 0),
    };
    services.set(id, s);
    if (!inJob) {
      inJob = new Map();
      byJob.set(t.job, inJob);
    }
    inJob.set(t.namespace, s);
    return s;
  };

  const advance = (s: ServiceSeries, t: ServiceTraffic, dtSeconds: number): void => {
    const expected = Math.max(0, Number.isFinite(t.rps) ? t.rps : 0) * Math.max(0, dtSeconds);
    // Stochastic rounding keeps counters whole and unbiased.
    const n = Math.floor(expected + rng.next());
    if (n === 0) return;
    const st = s.state;
    const perStatus = apportion(n, statusShares(t), s.statusCarry);
    for (let i = 0; i < perStatus.length; i++) st.statusTotals[i]! += perStatus[i]!;

    const dist = logNormalFrom(t.latencyP50, t.latencyP99);
    const shares = bucketShares(bounds, dist, t.latencyP99);
    const perBucket = apportion(n, shares, s.bucketCarry);
    let cumulative = 0;
    for (let i = 0; i < perBucket.length; i++) {
      cumulative += perBucket[i]!;
      st.bucketTotals[i]! += cumulative;
    }
    st.count += n;
    st.sum += n * mean(dist);
  };

  return {
    record(tMs, dtSeconds, traffic) {
      for (const t of traffic) {
        const s = open(t);
        s.state.up = t.up;
        // A down target serves nothing: its counters hold still (rate() falls to 0).
        if (t.up) advance(s, t, dtSeconds);
        const st = s.state;
        for (let i = 0; i < s.statusSeries.length; i++) store.append(s.statusSeries[i]!, tMs, st.statusTotals[i]!);
        for (let i = 0; i < s.bucketSeries.length; i++) store.append(s.bucketSeries[i]!, tMs, st.bucketTotals[i]!);
        store.append(s.sumSeries, tMs, st.sum);
        store.append(s.countSeries, tMs, st.count);
        store.append(s.upSeries, tMs, t.up ? 1 : 0);
      }
    },
    services: () => [...services.values()].map((s) => s.state),
  };
}
