// Human formats for numbers and times, kubectl-style where kubectl has a convention.
import type { SloValue } from '../src/state/types.js';

/** kubectl-style age: 45s, 12m, 3h, 5d (two units while short: 3h12m, 2d4h). */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0s';
  const s = Math.floor(ms / 1000);
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return `${h}h${m % 60 ? `${m % 60}m` : ''}`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 8) return `${d}d${h % 24 ? `${h % 24}h` : ''}`;
  return `${d}d`;
}

/** Short "since" for alerts and headers: 12s, 12m, 3h, 2d. */
export function formatSince(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0s';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

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
