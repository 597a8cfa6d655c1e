// core/v1 Events, aggregated like the real recorders do (same object + reason + message bumps `count`),
// and bounded so a long demo does not grow without end.
import type { Rng } from '../contracts.js';
import { compareKeys, iso, randomUid } from './objects.js';
import type { KubeObject, ObjectStore } from './store.js';

export interface EventInput {
  namespace: string;
  kind: string;
  name: string;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  tMs: number;
  component?: string;
  host?: string;
  fieldPath?: string;
}

const API_VERSION_OF: Record<string, string> = { Pod: 'v1', Node: 'v1', Namespace: 'v1', Deployment: 'apps/v1', ReplicaSet: 'apps/v1' };
const COMPONENT_OF: Record<string, string> = { Pod: 'kubelet', Deployment: 'deployment-controller', ReplicaSet: 'replicaset-controller' };

export class EventRecorder {
  private readonly index = new Map<string, string>();

  constructor(
    private readonly store: ObjectStore,
    private readonly rng: Rng,
    private readonly limit = 1000,
  ) {}

  record(ev: EventInput): KubeObject {
    const key = `${ev.namespace}/${ev.kind}/${ev.name}/${ev.type}/${ev.reason}/${ev.message}`;
    const existingName = this.index.get(key);
    if (existingName) {
      const updated = this.store.mutate('Event', ev.namespace, existingName, (obj) => {
        obj.count = (typeof obj.count === 'number' ? obj.count : 1) + 1;
        obj.lastTimestamp = iso(ev.tMs);
      });
      if (updated) return updated;
    }
    const involved = this.store.get(ev.kind, ev.kind === 'Node' || ev.kind === 'Namespace' ? undefined : ev.namespace, ev.name);
    const nanos = BigInt(Math.max(0, Math.floor(ev.tMs))) * 1_000_000n + BigInt(this.rng.int(0, 1_000_000));
    const name = `${ev.name}.${nanos.toString(16)}`;
    const component = ev.component ?? COMPONENT_OF[ev.kind] ?? 'hive-sim';
    const obj: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ev.namespace, uid: randomUid(this.rng), creationTimestamp: iso(ev.tMs) },
      involvedObject: {
        kind: ev.kind,
        namespace: ev.namespace,
        name: ev.name,
        apiVersion: API_VERSION_OF[ev.kind] ?? 'v1',
        ...(involved ? { uid: involved.metadata.uid, resourceVersion: involved.metadata.resourceVersion } : {}),
        ...(ev.fieldPath ? { fieldPath: ev.fieldPath } : {}),
      },
      reason: ev.reason,
      message: ev.message,
      type: ev.type,
      source: { component, ...(ev.host ? { host: ev.host } : {}) },
      firstTimestamp: iso(ev.tMs),
      lastTimestamp: iso(ev.tMs),
      count: 1,
      eventTime: null,
      reportingComponent: component,
      reportingInstance: ev.host ?? '',
    };
    this.index.set(key, name);
    const stored = this.store.put(obj);
    this.prune();
    return stored;
  }

  private prune(): void {
    // prune in batches: listing every event on each record would be quadratic
    if (this.store.count('Event') <= this.limit + 50) return;
    const all = this.store.list('Event').sort((a, b) => compareKeys(String(a.lastTimestamp), String(b.lastTimestamp)));
    for (const old of all.slice(0, all.length - this.limit)) {
      this.store.remove('Event', old.metadata.namespace, old.metadata.name);
      for (const [k, v] of this.index) if (v === old.metadata.name) this.index.delete(k);
    }
  }
}
