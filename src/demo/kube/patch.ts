// The three PATCH flavours the apiserver accepts for built-in types: JSON merge patch (RFC 7386),
// strategic merge patch (lists of named things merge by key instead of being replaced) and JSON patch
// (RFC 6902, which `kubectl rollout undo` sends).
import { KubeError } from './status.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k] ?? null, v);
  }
  return out;
}

/** Merge keys of the list fields we patch (from the Kubernetes types' patchMergeKey tags). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  ownerReferences: 'uid',
  tolerations: 'key',
  conditions: 'type',
};

function strategicList(target: Json[], patch: Json[], key: string): Json[] {
  if (patch.some((p) => isObject(p) && p.$patch === 'replace')) {
    return patch.filter((p) => !(isObject(p) && p.$patch === 'replace')).map((p) => stripDirectives(p));
  }
  const out = target.map((t) => structuredClone(t));
  for (const item of patch) {
    if (!isObject(item)) {
      out.push(item);
      continue;
    }
    const id = item[key];
    const at = out.findIndex((t) => isObject(t) && t[key] === id);
    if (item.$patch === 'delete') {
      if (at >= 0) out.splice(at, 1);
      continue;
    }
    if (at >= 0) out[at] = strategicMerge(out[at] ?? null, item);
    else out.push(stripDirectives(item));
  }
  return out;
}

function stripDirectives(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) continue;
    out[k] = stripDirectives(v);
  }
  return out;
}

export function strategicMerge(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  if (patch.$patch === 'replace') return stripDirectives(patch);
  if (patch.$patch === 'delete') return null;
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    // ordering and retain-keys directives only matter for field ownership; the merge result is the same
    if (k.startsWith('$')) continue;
    if (v === null) {
      delete out[k];
      continue;
    }
    const key = MERGE_KEYS[k];
    const current = out[k];
    if (key && Array.isArray(v) && Array.isArray(current)) out[k] = strategicList(current, v, key);
    else if (Array.isArray(v)) out[k] = stripDirectives(v);
    else out[k] = strategicMerge(current ?? null, v);
  }
  return out;
}

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new KubeError(400, `invalid JSON pointer: ${JSON.stringify(pointer)}`);
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: Json, parts: string[], pointer: string): { parent: JsonObject | Json[]; last: string } {
  let cur: Json = doc;
  for (const p of parts.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(cur) ? cur[Number(p)] : isObject(cur) ? cur[p] : undefined;
    if (next === undefined) throw new KubeError(422, `the server rejected our request due to an error in our request: doc is missing path: "${pointer}"`);
    cur = next;
  }
  if (!Array.isArray(cur) && !isObject(cur)) throw new KubeError(422, `doc is missing path: "${pointer}"`);
  return { parent: cur, last: parts[parts.length - 1] ?? '' };
}

function getAt(doc: Json, pointer: string): Json {
  let cur: Json | undefined = doc;
  for (const p of decodePointer(pointer)) {
    cur = Array.isArray(cur) ? cur[Number(p)] : isObject(cur) ? cur[p] : undefined;
    if (cur === undefined) throw new KubeError(422, `doc is missing path: "${pointer}"`);
  }
  return cur;
}

function removeAt(doc: Json, pointer: string): Json {
  const parts = decodePointer(pointer);
  const { parent, last } = parentOf(doc, parts, pointer);
  if (Array.isArray(parent)) {
    const i = Number(last);
    if (!Number.isInteger(i) || i < 0 || i >= parent.length) throw new KubeError(422, `doc is missing path: "${pointer}"`);
    return parent.splice(i, 1)[0] ?? null;
  }
  if (!(last in parent)) throw new KubeError(422, `doc is missing path: "${pointer}"`);
  const old = parent[last] ?? null;
  delete parent[last];
  return old;
}

function addAt(doc: Json, pointer: string, value: Json, replace: boolean): Json {
  const parts = decodePointer(pointer);
  if (parts.length === 0) return value;
  const { parent, last } = parentOf(doc, parts, pointer);
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(i) || i < 0 || i > parent.length || (replace && i >= parent.length)) throw new KubeError(422, `doc is missing path: "${pointer}"`);
    parent.splice(i, replace ? 1 : 0, value);
  } else {
    if (replace && !(last in parent)) throw new KubeError(422, `doc is missing path: "${pointer}"`);
    parent[last] = value;
  }
  return doc;
}

export function jsonPatch(target: Json, ops: Json): Json {
  if (!Array.isArray(ops)) throw new KubeError(400, 'json patch must be a list of operations');
  let doc = structuredClone(target);
  for (const op of ops) {
    if (!isObject(op) || typeof op.op !== 'string' || typeof op.path !== 'string') throw new KubeError(400, 'json patch operation needs "op" and "path"');
    const path = op.path;
    const value = structuredClone(op.value ?? null);
    switch (op.op) {
      case 'add':
        doc = addAt(doc, path, value, false);
        break;
      case 'replace':
        doc = addAt(doc, path, value, true);
        break;
      case 'remove':
        removeAt(doc, path);
        break;
      case 'move':
      case 'copy': {
        if (typeof op.from !== 'string') throw new KubeError(400, `json patch ${op.op} needs "from"`);
        const moved = op.op === 'move' ? removeAt(doc, op.from) : structuredClone(getAt(doc, op.from));
        doc = addAt(doc, path, moved, false);
        break;
      }
      case 'test':
        if (JSON.stringify(getAt(doc, path)) !== JSON.stringify(op.value ?? null)) throw new KubeError(422, `testing value ${path} failed`);
        break;
      default:
        throw new KubeError(400, `unknown json patch operation: ${JSON.stringify(op.op)}`);
    }
  }
  return doc;
}

export const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'] as const;

/** Apply a PATCH body of the given Content-Type (415 for types we do not speak, such as apply-patch). */
export function applyPatch(target: unknown, contentType: string | undefined, body: string): unknown {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(PATCH_TYPES as readonly string[]).includes(type)) {
    throw new KubeError(415, `the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES.join(', ')}`);
  }
  let patch: Json;
  try {
    patch = JSON.parse(body) as Json;
  } catch {
    throw new KubeError(400, 'the request body is not valid JSON');
  }
  const doc = structuredClone(target) as Json;
  if (type === 'application/json-patch+json') return jsonPatch(doc, patch);
  if (!isObject(patch)) throw new KubeError(400, 'the patch must be a JSON object');
  return type === 'application/merge-patch+json' ? mergePatch(doc, patch) : strategicMerge(doc, patch);
}
