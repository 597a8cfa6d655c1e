// The world describes each tick's latency by its median and 99th percentile of a log-normal distribution;
// the P95 the latency rule needs follows from the same distribution.

const Z95 = 1.6448536269514722;
const Z99 = 2.3263478740408408;

/** P95 of the log-normal through (P50, P99); 0 when there is no traffic to measure. */
export function p95FromP50P99(p50: number, p99: number): number {
  if (!(p50 > 0) || !(p99 > 0)) return 0;
  if (p99 <= p50) return p50;
  return p50 * Math.pow(p99 / p50, Z95 / Z99);
}
