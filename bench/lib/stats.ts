// The few statistics the figures need.

export function median(xs: number[]): number | null {
  return percentile(xs, 50);
}

/** Nearest-rank percentile (p99 of 100 samples is the 99th smallest), null for no samples. */
export function percentile(xs: number[], p: number): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Least-squares slope of y over x, null with fewer than 3 points (a slope through 2 says nothing). */
export function slope(points: { x: number; y: number }[]): number | null {
  const n = points.length;
  if (n < 3) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? null : num / den;
}

export const round = (x: number | null, digits = 1): number | null => (x === null ? null : Number(x.toFixed(digits)));
