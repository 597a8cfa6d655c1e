// Typed views of the objects the simulator stores, and the small pure helpers that make them look real:
// uids, generated name suffixes, pod-template-hash, timestamps, and kubectl's pod STATUS word.
import type { Rng } from '../contracts.js';
import type { KubeObject } from './store.js';

export interface ContainerJson {
  name: string;
  image: string;
  args?: string[];
  [key: string]: unknown;
}
export interface PodTemplate {
  metadata: { labels?: Record<string, string>; annotations?: Record<string, string>; [key: string]: unknown };
  spec: { containers: ContainerJson[]; [key: string]: unknown };
}
export interface LabelSelectorJson {
  matchLabels?: Record<string, string>;
}
export interface DeploymentObj extends KubeObject {
  spec: {
    replicas: number;
    selector: LabelSelectorJson;
    template: PodTemplate;
    [key: string]: unknown;
  };
  status: Record<string, unknown>;
}
export interface ReplicaSetObj extends KubeObject {
  spec: { replicas: number; selector: LabelSelectorJson; template: PodTemplate; [key: string]: unknown };
  status: Record<string, unknown>;
}
export interface ContainerStateJson {
  running?: { startedAt: string };
  waiting?: { reason: string; message?: string };
  terminated?: { reason: string; exitCode: number; startedAt?: string; finishedAt?: string; containerID?: string };
}
export interface ContainerStatusJson {
  name: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  containerID?: string;
  state: ContainerStateJson;
  lastState: ContainerStateJson;
}
export interface PodConditionJson {
  type: string;
  status: 'True' | 'False';
  lastProbeTime: null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}
export interface PodObj extends KubeObject {
  spec: { nodeName: string; containers: ContainerJson[]; [key: string]: unknown };
  status: {
    phase: string;
    conditions: PodConditionJson[];
    hostIP?: string;
    podIP?: string;
    podIPs?: { ip: string }[];
    startTime?: string;
    containerStatuses: ContainerStatusJson[];
    qosClass?: string;
    reason?: string;
  };
}

export const DEPLOYMENT_REVISION = 'deployment.kubernetes.io/revision';
export const TEMPLATE_HASH_LABEL = 'pod-template-hash';

// The alphabet Kubernetes uses for generated names: no vowels (no accidental words), no look-alikes.
const SAFE_ALPHABET = 'bcdfghjkmnpqrstvwxz2456789';

export function randomSuffix(rng: Rng, length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += SAFE_ALPHABET[rng.int(0, SAFE_ALPHABET.length)];
  return out;
}

export function randomUid(rng: Rng): string {
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += rng.int(0, 16).toString(16);
    return s;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rng.int(0, 4)]}${hex(3)}-${hex(12)}`;
}

export function randomHex(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += rng.int(0, 16).toString(16);
  return s;
}

/** JSON with sorted keys, so equal templates hash equally whatever order their fields were written in. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The template without its pod-template-hash label: what the deployment controller compares. */
export function templateWithoutHash(template: PodTemplate): PodTemplate {
  const copy = structuredClone(template);
  if (copy.metadata.labels) {
    delete copy.metadata.labels[TEMPLATE_HASH_LABEL];
  }
  return copy;
}

/**
 * Drop nulls and empty objects/lists, as Go's semantic equality treats them like absent fields: a template
 * sent back by kubectl (`creationTimestamp: null`, `resources: {}`) must compare equal to the stored one.
 */
export function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneEmpty);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const p = pruneEmpty(v);
      if (p === null || p === undefined) continue;
      if (Array.isArray(p) && p.length === 0) continue;
      if (typeof p === 'object' && !Array.isArray(p) && Object.keys(p as object).length === 0) continue;
      out[k] = p;
    }
    return out;
  }
  return value;
}

/** A stable 10-character pod-template-hash (same template -> same hash, like the controller's). */
export function templateHash(template: PodTemplate): string {
  const text = stableStringify(pruneEmpty(templateWithoutHash(template)));
  let a = fnv1a(text, 2166136261);
  let b = fnv1a(text, 0x811c9dc5 ^ 0x5bd1e995);
  let out = '';
  for (let i = 0; i < 10; i++) {
    const src = i % 2 === 0 ? a : b;
    out += SAFE_ALPHABET[src % SAFE_ALPHABET.length];
    if (i % 2 === 0) a = Math.floor(a / SAFE_ALPHABET.length);
    else b = Math.floor(b / SAFE_ALPHABET.length);
  }
  return out;
}

/**
 * Order of names and keys as etcd (and so the apiserver's lists) has them: by code unit, not by locale.
 * (localeCompare also cost the back-fill more than the rest of a pod listing.)
 */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function iso(tMs: number): string {
  // metav1.Time has second precision on the wire
  return new Date(Math.floor(tMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** RFC3339Nano with a fixed 9-digit fraction, as the kubelet prefixes log lines with timestamps=true. */
export function rfc3339NanoFixed(tMs: number): string {
  return new Date(tMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

export function parseTime(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : t;
}

/** kubectl's STATUS column for a pod (printPod in kubectl's printers, without init containers). */
export function podStatusWord(pod: PodObj): string {
  let reason = pod.status.reason || pod.status.phase;
  let hasRunning = false;
  const statuses = pod.status.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const cs = statuses[i]!;
    if (cs.state.waiting?.reason) reason = cs.state.waiting.reason;
    else if (cs.state.terminated?.reason) reason = cs.state.terminated.reason;
    else if (cs.state.terminated) reason = `ExitCode:${cs.state.terminated.exitCode}`;
    else if (cs.ready && cs.state.running) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) {
    const ready = pod.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
    reason = ready ? 'Running' : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp) reason = 'Terminating';
  return reason;
}

export function podReady(pod: PodObj): boolean {
  return pod.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

export function ownerName(obj: KubeObject, kind: string): string | undefined {
  return obj.metadata.ownerReferences?.find((o) => o.kind === kind && o.controller)?.name;
}

export function revisionOf(obj: KubeObject): number {
  const n = Number(obj.metadata.annotations?.[DEPLOYMENT_REVISION] ?? '0');
  return Number.isFinite(n) ? n : 0;
}

