// The runbook's four SLOs and the latency panel's queries, as PromQL. The simulator's PromQL subset must
// answer every query here, and real Prometheus answers them from the same metric names the simulator
// exposes on /metrics (http_requests_total{job,namespace,status}, http_request_duration_seconds_bucket{le}).
// `$window` is replaced with the SLO's window (current value: `window`, burn: `burnWindow`, budget: `budgetWindow`).

export interface SloSpec {
  id: string;
  name: string;
  unit: 'percent' | 'seconds' | 'rps';
  /** PromQL of the displayed value, with $window */
  query: string;
  target: number;
  comparator: '>=' | '<=';
  /** PromQL giving the fraction of bad events over $window; absent for SLOs without an error budget */
  errorRatioQuery?: string;
  /** allowed good fraction, e.g. 0.999 → budget is 0.1% bad events */
  objective?: number;
  window: string;
  burnWindow: string;
  budgetWindow: string;
}

export interface LatencySpec {
  p50: string;
  p95: string;
  p99: string;
  /** how far back the sparklines reach, seconds */
  rangeSeconds: number;
  stepSeconds: number;
  thresholdSeconds: number;
}

const total = 'sum(rate(http_requests_total[$window]))';
// The runbook counts 2xx/3xx as available; 4xx are the client's doing, so they leave the denominator too.
const good = 'sum(rate(http_requests_total{status=~"[23].."}[$window]))';
const valid = 'sum(rate(http_requests_total{status!~"4.."}[$window]))';

export const DEFAULT_SLOS: SloSpec[] = [
  {
    id: 'availability',
    name: 'Availability',
    unit: 'percent',
    query: `${good} / ${valid}`,
    target: 0.999,
    comparator: '>=',
    errorRatioQuery: `1 - ${good} / ${valid}`,
    objective: 0.999,
    window: '5m',
    burnWindow: '1h',
    budgetWindow: '30d',
  },
  {
    id: 'latency',
    name: 'Latency P99',
    unit: 'seconds',
    query: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[$window])))',
    target: 2,
    comparator: '<=',
    errorRatioQuery:
      '1 - sum(rate(http_request_duration_seconds_bucket{le="2"}[$window])) / sum(rate(http_request_duration_seconds_count[$window]))',
    objective: 0.99,
    window: '5m',
    burnWindow: '1h',
    budgetWindow: '30d',
  },
  {
    id: 'throughput',
    name: 'Throughput',
    unit: 'rps',
    query: total,
    target: 100,
    comparator: '>=',
    window: '5m',
    burnWindow: '1h',
    budgetWindow: '30d',
  },
  {
    id: 'errors',
    name: 'Error rate',
    unit: 'percent',
    query: `sum(rate(http_requests_total{status=~"5.."}[$window])) / ${total}`,
    target: 0.001,
    comparator: '<=',
    errorRatioQuery: `sum(rate(http_requests_total{status=~"5.."}[$window])) / ${total}`,
    objective: 0.999,
    window: '5m',
    burnWindow: '1h',
    budgetWindow: '30d',
  },
];

const quantile = (q: number) =>
  `histogram_quantile(${q}, sum by (le) (rate(http_request_duration_seconds_bucket[1m])))`;

export const DEFAULT_LATENCY: LatencySpec = {
  p50: quantile(0.5),
  p95: quantile(0.95),
  p99: quantile(0.99),
  rangeSeconds: 30 * 60,
  stepSeconds: 30,
  thresholdSeconds: 2,
};

/** Substitute the window placeholder. */
export const withWindow = (query: string, window: string): string => query.split('$window').join(window);

/** Histogram bucket bounds the simulator exposes; must include the 2 s SLO line so le="2" exists. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 5, 10];
