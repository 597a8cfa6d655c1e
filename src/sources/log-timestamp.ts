// Kubelet log timestamps ("2024-05-01T10:00:00.123456789Z line") with their full nanosecond precision,
// which Date cannot hold but resume-without-repeats needs.

export interface KubeletLine {
  /** the timestamp as sent, for sinceTime and comparisons */
  stamp: string | null;
  /** nanoseconds since epoch, for ordering; null without a timestamp */
  nanos: bigint | null;
  /** ms since epoch (or null) */
  ms: number | null;
  text: string;
}

const STAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2}) /;

export function splitTimestamp(raw: string): KubeletLine {
  const m = STAMP.exec(raw);
  if (!m) return { stamp: null, nanos: null, ms: null, text: raw };
  const seconds = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(seconds)) return { stamp: null, nanos: null, ms: null, text: raw };
  const fraction = BigInt((m[2] ?? '').padEnd(9, '0') || '0');
  const nanos = BigInt(seconds) * 1_000_000n + fraction;
  const stamp = raw.slice(0, m[0].length - 1);
  return { stamp, nanos, ms: Number(nanos / 1_000_000n), text: raw.slice(m[0].length) };
}
