// etcd member and cluster ids are random uint64s; JSON carries them as decimal strings (proto3 JSON mapping
// of 64-bit integers), since they do not fit in a JavaScript number.
import type { Rng } from '../contracts.js';

export function randomUint64(rng: Rng): bigint {
  const hi = BigInt(rng.int(1, 0x1_0000_0000));
  const lo = BigInt(rng.int(0, 0x1_0000_0000));
  return (hi << 32n) | lo;
}

/** proto3 JSON of a 64-bit integer: a decimal string, or absent when zero (zero values are not emitted) */
export function u64(v: bigint | number | null | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  const b = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
  return b === 0n ? undefined : b.toString();
}

/** Drop the keys whose value is undefined, an empty array or an empty string, as proto3 JSON omits them. */
export function omitZero<T extends Record<string, unknown>>(obj: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as Partial<T>;
}

/** Parse a uint64 given as a decimal string or a JSON number; null when it is neither. */
export function parseUint64(v: unknown): bigint | null {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  if (typeof v === 'string' && /^\d{1,20}$/.test(v)) {
    const b = BigInt(v);
    return b <= 0xffff_ffff_ffff_ffffn ? b : null;
  }
  return null;
}
