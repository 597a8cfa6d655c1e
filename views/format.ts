// Human formats for numbers and times, kubectl-style where kubectl has a convention.
import type { SloValue } from '../src/state/types.js';

const trim = (n: number, digits: number): string => String(Number(n.toFixed(digits)));

/** An SLO value in its unit: 99.95%, 0.05%, 1.42s, 153 rps. */
export function formatSloValue(unit: SloValue['unit'], value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'percent':
      return `${(value * 100).toFixed(2)}%`;
    case 'seconds':
      return formatSeconds(value);
    case 'rps':
      return `${value >= 100 ? Math.round(value) : trim(value, 1)} rps`;
  }
}

/** An SLO target with its comparator, compact: ≥99.9%, ≤2s, ≥100rps. */
export function formatSloTarget(slo: Pick<SloValue, 'unit' | 'target' | 'comparator'>): string {
  const cmp = slo.comparator === '>=' ? '≥' : '≤';
  switch (slo.unit) {
    case 'percent':
      return `${cmp}${trim(slo.target * 100, 3)}%`;
    case 'seconds':
      return `${cmp}${trim(slo.target, 3)}s`;
    case 'rps':
      return `${cmp}${trim(slo.target, 1)}rps`;
  }
}

export function formatSeconds(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v < 0.01) return `${trim(v * 1000, 1)}ms`;
  return `${v.toFixed(2)}s`;
}

export const formatPercent = (ratio: number | null): string =>
  ratio === null || !Number.isFinite(ratio) ? '—' : `${Math.round(ratio * 100)}%`;

export const formatBurn = (burn: number | null): string =>
  burn === null || !Number.isFinite(burn) ? '—' : `${burn >= 10 ? burn.toFixed(0) : burn.toFixed(1)}x`;

/** HH:MM:SS in UTC, the zone kubelet timestamps are in. */
export function formatClock(ms: number): string {
  if (!Number.isFinite(ms)) return '--:--:--';
  return new Date(ms).toISOString().slice(11, 19);
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
