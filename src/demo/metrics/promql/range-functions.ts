// Functions over a window of samples, following Prometheus 2.x (functions.go) closely enough that the
// simulator and a real server agree on rate(), increase() and friends for the same data.
import type { RangeView } from './values.js';

/**
 * rate/increase/delta with Prometheus' extrapolation: the increase seen between the first and last sample
 * is stretched towards the window edges (by at most half an average interval when the series does not
 * reach them), and never back past the counter's zero.
 */
export function extrapolatedRate(w: RangeView, rangeStartMs: number, rangeEndMs: number, isCounter: boolean, isRate: boolean): number | undefined {
  const n = w.to - w.from;
  if (n < 2) return undefined;
  const firstV = w.v[w.from]!;
  const lastV = w.v[w.to - 1]!;
  let result = lastV - firstV;
  if (isCounter && (w.lastDropT === undefined || w.lastDropT > w.t[w.from]!)) {
    let prev = firstV;
    for (let i = w.from + 1; i < w.to; i++) {
      const cur = w.v[i]!;
      if (cur < prev) result += prev;
      prev = cur;
    }
  }
  const firstT = w.t[w.from]!;
  const lastT = w.t[w.to - 1]!;
  let durationToStart = (firstT - rangeStartMs) / 1000;
  const durationToEnd = (rangeEndMs - lastT) / 1000;
  const sampledInterval = (lastT - firstT) / 1000;
  const averageInterval = sampledInterval / (n - 1);
  if (isCounter && result > 0 && firstV >= 0) {
    const durationToZero = sampledInterval * (firstV / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  const threshold = averageInterval * 1.1;
  let extrapolateTo = sampledInterval;
  extrapolateTo += durationToStart < threshold ? durationToStart : averageInterval / 2;
  extrapolateTo += durationToEnd < threshold ? durationToEnd : averageInterval / 2;
  result *= extrapolateTo / sampledInterval;
  if (isRate) result /= (rangeEndMs - rangeStartMs) / 1000;
  return result;
}

/** irate/idelta: from the last two samples only. */
export function instantDelta(w: RangeView, isRate: boolean): number | undefined {
  if (w.to - w.from < 2) return undefined;
  const last = w.v[w.to - 1]!;
  const prev = w.v[w.to - 2]!;
  const dt = (w.t[w.to - 1]! - w.t[w.to - 2]!) / 1000;
  if (!isRate) return last - prev;
  if (dt === 0) return undefined;
  // a reset: the counter restarted from zero, so all of `last` is new
  return (last < prev ? last : last - prev) / dt;
}

export function overTime(w: RangeView, kind: string): number | undefined {
  const n = w.to - w.from;
  if (n === 0) return undefined;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let sawNaN = false;
  for (let i = w.from; i < w.to; i++) {
    const x = w.v[i]!;
    if (Number.isNaN(x)) sawNaN = true;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  switch (kind) {
    case 'avg_over_time':
      return sum / n;
    case 'sum_over_time':
      return sum;
    case 'count_over_time':
      return n;
    case 'min_over_time':
      return sawNaN && min === Infinity ? NaN : min;
    case 'max_over_time':
      return sawNaN && max === -Infinity ? NaN : max;
    case 'last_over_time':
      return w.v[w.to - 1]!;
    case 'stddev_over_time': {
      const mean = sum / n;
      let sq = 0;
      for (let i = w.from; i < w.to; i++) sq += (w.v[i]! - mean) ** 2;
      return Math.sqrt(sq / n);
    }
    case 'resets':
    case 'changes': {
      let count = 0;
      for (let i = w.from + 1; i < w.to; i++) {
        const prev = w.v[i - 1]!;
        const cur = w.v[i]!;
        if (kind === 'resets' ? cur < prev : cur !== prev && !(Number.isNaN(cur) && Number.isNaN(prev))) count++;
      }
      return count;
    }
    default:
      return undefined;
  }
}

/** Least-squares slope per second (deriv). */
export function slope(w: RangeView): number | undefined {
  const n = w.to - w.from;
  if (n < 2) return undefined;
  const t0 = w.t[w.from]!;
  let sx = 0;
  let sy = 0;
  let sxy = 0;
  let sxx = 0;
  for (let i = w.from; i < w.to; i++) {
    const x = (w.t[i]! - t0) / 1000;
    const y = w.v[i]!;
    sx += x;
    sy += y;
    sxy += x * y;
    sxx += x * x;
  }
  const denom = n * sxx - sx * sx;
  return denom === 0 ? undefined : (n * sxy - sx * sy) / denom;
}

/** φ-quantile of values with linear interpolation between closest ranks (Prometheus' quantile()). */
export function quantile(q: number, values: number[]): number {
  if (values.length === 0 || Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const lower = Math.max(0, Math.floor(rank));
  const upper = Math.min(sorted.length - 1, lower + 1);
  const weight = rank - Math.floor(rank);
  return sorted[lower]! * (1 - weight) + sorted[upper]! * weight;
}
