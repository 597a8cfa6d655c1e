import { describe, expect, it } from 'vitest';
import { LATENCY_BUCKETS } from '../../../src/config/defaults.js';
import { bucketShares } from '../../../src/demo/metrics/traffic-recorder.js';
import { apportion, logNormalFrom } from '../../../src/demo/metrics/lognormal.js';
import { bucketQuantile } from '../../../src/demo/metrics/promql/histogram.js';

const bounds = [...LATENCY_BUCKETS, Infinity];

function quantileOf(p50: number, p99: number, q: number): number {
  const shares = bucketShares(bounds, logNormalFrom(p50, p99), p99);
  let cumulative = 0;
  return bucketQuantile(
    q,
    shares.map((s, i) => ({ upperBound: bounds[i]!, count: (cumulative += s * 10_000) })),
  );
}

describe('latency histogram model', () => {
  it.each([
    [0.05, 0.3],
    [0.1, 0.8],
    [0.1, 1.5],
    [0.2, 1.9],
    [0.3, 3],
    [1, 7],
  ])('histogram_quantile(0.99) reads the configured P99 (p50 %s, p99 %s)', (p50, p99) => {
    expect(quantileOf(p50, p99, 0.99) / p99).toBeCloseTo(1, 2);
  });

  it('keeps the median near P50 and quantiles ordered', () => {
    expect(quantileOf(0.1, 1.5, 0.5)).toBeCloseTo(0.1, 2);
    expect(quantileOf(0.1, 1.5, 0.95)).toBeLessThan(quantileOf(0.1, 1.5, 0.99));
  });

  it('a P99 beyond the largest bucket reads as the largest bound, as Prometheus would', () => {
    expect(quantileOf(2, 30, 0.99)).toBe(10);
  });

  it('apportion hands out whole requests and carries the rounding to later ticks', () => {
    const carry = [0, 0, 0];
    const totals = [0, 0, 0];
    for (let i = 0; i < 1000; i++) apportion(7, [0.5, 0.3, 0.2], carry).forEach((k, j) => (totals[j]! += k));
    expect(totals).toEqual([3500, 2100, 1400]);
  });
});
