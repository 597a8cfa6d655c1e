// Loki's query parameters: timestamps as unix seconds, nanoseconds, float seconds or RFC 3339 (the same
// rules as Loki's parseTimestamp), durations like 5m, limit and direction, with Loki's error wording.

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

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Prometheus-style duration (1h30m, 5m, 90s) in ms */
export function parseDuration(value: string): number {
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/y;
  let total = 0;
  let i = 0;
  while (i < value.length) {
    re.lastIndex = i;
    const m = re.exec(value);
    if (!m) throw new LokiParamError(`cannot parse "${value}" to a valid duration`);
    total += Number(m[1]) * UNITS[m[2]!]!;
    i = re.lastIndex;
  }
  if (value === '') throw new LokiParamError('cannot parse "" to a valid duration');
  return total;
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
