// Alert fingerprints exactly as prometheus/common computes them (FNV-1a 64 over the sorted label pairs, each
// part followed by a 0xff separator), so the same labels get the same 16-hex id here and in a real Alertmanager.

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;
const SEPARATOR = 0xff;

// Labels repeat every tick, and BigInt hashing is the costly part: remember recent answers.
const cache = new Map<string, string>();
const CACHE_LIMIT = 5000;

function hashBytes(h: bigint, bytes: Uint8Array): bigint {
  for (const b of bytes) h = ((h ^ BigInt(b)) * PRIME) & MASK;
  return h;
}

export function labelsKey(labels: Record<string, string>): string {
  return JSON.stringify(Object.keys(labels).sort().map((k) => [k, labels[k]]));
}

export function fingerprint(labels: Record<string, string>): string {
  const key = labelsKey(labels);
  const known = cache.get(key);
  if (known) return known;
  const encoder = new TextEncoder();
  const sep = new Uint8Array([SEPARATOR]);
  let h = OFFSET;
  for (const name of Object.keys(labels).sort()) {
    h = hashBytes(h, encoder.encode(name));
    h = hashBytes(h, sep);
    h = hashBytes(h, encoder.encode(labels[name] ?? ''));
    h = hashBytes(h, sep);
  }
  const fp = h.toString(16).padStart(16, '0');
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, fp);
  return fp;
}
