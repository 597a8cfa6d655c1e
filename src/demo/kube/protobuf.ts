// Just enough of the Kubernetes protobuf encoding to read a SelfSubjectAccessReview: typed clientsets
// (`kubectl auth can-i`) send it as application/vnd.kubernetes.protobuf, and there is no JSON fallback.
import { KubeError } from './status.js';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]); // "k8s\0"

type Fields = Map<number, (Buffer | number)[]>;

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new KubeError(400, 'truncated protobuf body');
    const byte = buf[pos++]!;
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [result, pos];
    shift += 7;
    if (shift > 63) throw new KubeError(400, 'malformed protobuf varint');
  }
}

function readFields(buf: Buffer): Fields {
  const fields: Fields = new Map();
  let pos = 0;
  while (pos < buf.length) {
    const [tag, afterTag] = readVarint(buf, pos);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    let value: Buffer | number;
    if (wire === 0) {
      [value, pos] = readVarint(buf, afterTag);
    } else if (wire === 2) {
      const [len, start] = readVarint(buf, afterTag);
      if (start + len > buf.length) throw new KubeError(400, 'truncated protobuf body');
      value = buf.subarray(start, start + len);
      pos = start + len;
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      value = buf.subarray(afterTag, afterTag + size);
      pos = afterTag + size;
    } else {
      throw new KubeError(400, `unsupported protobuf wire type ${wire}`);
    }
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}

function message(fields: Fields, n: number): Fields | undefined {
  const v = fields.get(n)?.[0];
  return Buffer.isBuffer(v) ? readFields(v) : undefined;
}

function text(fields: Fields | undefined, n: number): string | undefined {
  const v = fields?.get(n)?.[0];
  return Buffer.isBuffer(v) ? v.toString('utf8') : undefined;
}

function strings(fields: Fields | undefined, names: Record<number, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [n, name] of Object.entries(names)) {
    const v = text(fields, Number(n));
    if (v !== undefined && v !== '') out[name] = v;
  }
  return out;
}

/** Decode a protobuf-encoded SelfSubjectAccessReview into its JSON shape ({spec: {...}}). */
export function decodeAccessReview(body: Buffer): unknown {
  if (!body.subarray(0, 4).equals(MAGIC)) throw new KubeError(400, 'protobuf body lacks the k8s envelope');
  const unknown = readFields(body.subarray(4));
  const raw = unknown.get(2)?.[0];
  if (!Buffer.isBuffer(raw)) throw new KubeError(400, 'protobuf envelope has no object');
  const review = readFields(raw);
  const spec = message(review, 2);
  const resource = message(spec ?? new Map(), 1);
  const nonResource = message(spec ?? new Map(), 2);
  return {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: {
      ...(resource
        ? { resourceAttributes: strings(resource, { 1: 'namespace', 2: 'verb', 3: 'group', 4: 'version', 5: 'resource', 6: 'subresource', 7: 'name' }) }
        : {}),
      ...(nonResource ? { nonResourceAttributes: strings(nonResource, { 1: 'path', 2: 'verb' }) } : {}),
    },
  };
}
