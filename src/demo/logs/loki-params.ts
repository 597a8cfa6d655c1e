// Loki's query parameters: timestamps as unix seconds, nanoseconds, float seconds or RFC 3339 (the same
// rules as Loki's parseTimestamp), durations like 5m, limit and direction, with Loki's error wording.
import { parseDuration } from '../../lib/duration.js';

export class LokiParamError extends Error {}

/** ms since epoch (sub-ms kept as a fraction); `fallback` when the parameter is absent */
export function parseLokiTime(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback;
  if (value.includes('.')) {
    const seconds = Number(value);
    if (Number.isFinite(seconds)) return Math.round(seconds * 1e6) / 1e3;
  }
  if (/^-?\d+$/.test(value)) {
    // Ten digits or fewer are seconds; longer are nanoseconds (BigInt: ns epochs exceed 2^53).
    if (value.replace('-', '').length <= 10) return Number(value) * 1000;
    return Number(BigInt(value) / 1000n) / 1000;
  }
  const t = Date.parse(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value) && Number.isFinite(t)) return t;
  throw new LokiParamError(`cannot parse "${value}" to a valid timestamp`);
}

/** `since`, in the one duration grammar (Prometheus's, which Loki uses too), in ms */
export function parseSince(value: string): number {
  const ms = parseDuration(value);
  if (ms === null) throw new LokiParamError(`cannot parse "${value}" to a valid duration`);
  return ms;
}

export const MAX_ENTRIES = 5000;

export function parseLimit(value: string | null): number {
  if (value === null || value === '') return 100;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new LokiParamError(`strconv.Atoi: parsing "${value}": invalid syntax`);
  if (n <= 0) throw new LokiParamError('limit must be a positive value');
  if (n > MAX_ENTRIES) {
    throw new LokiParamError(`max entries limit per query exceeded, limit > max_entries_limit_per_query (${n} > ${MAX_ENTRIES})`);
  }
  return n;
}

export function parseDirection(value: string | null): 'forward' | 'backward' {
  if (value === null || value === '') return 'backward';
  const v = value.toLowerCase();
  if (v === 'forward' || v === 'backward') return v;
  throw new LokiParamError(`invalid direction '${value}'`);
}

/** Nanosecond string of a ms timestamp, as Loki's values carry. */
export function nanos(tMs: number): string {
  return (BigInt(Math.round(tMs * 1000)) * 1000n).toString();
}
