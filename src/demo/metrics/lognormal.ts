// The latency model: log-normal through the tick's median and 99th percentile, so a histogram filled from
// it gives histogram_quantile(0.99) close to the configured P99.

const Z99 = 2.3263478740408408;

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

export interface LogNormal {
  mu: number;
  sigma: number;
}

export function logNormalFrom(p50: number, p99: number): LogNormal {
  const median = p50 > 0 ? p50 : 1e-3;
  const tail = p99 > median ? p99 : median * 1.01;
  return { mu: Math.log(median), sigma: Math.log(tail / median) / Z99 };
}

/** Fraction of requests at or below `le` seconds. */
export function cdf(d: LogNormal, le: number): number {
  if (le === Infinity) return 1;
  if (le <= 0) return 0;
  return normalCdf((Math.log(le) - d.mu) / d.sigma);
}

export function mean(d: LogNormal): number {
  return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
}

/**
 * Split `n` whole requests across categories by `shares` (summing to 1), carrying each category's rounding
 * error into the next tick so that over time every category gets exactly its share. (Plain loops: it runs
 * for every service on every tick, and the history back-fill runs thousands of ticks before the first frame.)
 */
export function apportion(n: number, shares: readonly number[], carry: number[]): number[] {
  const len = shares.length;
  const out = new Array<number>(len);
  let left = n;
  for (let i = 0; i < len; i++) {
    const exact = n * shares[i]! + (carry[i] ?? 0);
    const whole = Math.max(0, Math.floor(exact));
    out[i] = whole;
    // the remainder for now; what is handed out below comes off it
    carry[i] = exact - whole;
    left -= whole;
  }
  // The requests rounding left over go to the largest remainders, one each (ties: the first category).
  const given = scratch(len);
  for (; left > 0; left--) {
    let best = -1;
    for (let i = 0; i < len; i++) if (given[i] === 0 && (best < 0 || carry[i]! > carry[best]!)) best = i;
    if (best < 0) break;
    given[best] = 1;
    out[best]! += 1;
  }
  for (let i = 0; i < len; i++) if (given[i] === 1) carry[i]! -= 1;
  return out;
}

let scratchFlags = new Uint8Array(16);
function scratch(len: number): Uint8Array {
  if (scratchFlags.length < len) scratchFlags = new Uint8Array(len);
  scratchFlags.fill(0, 0, len);
  return scratchFlags;
}
