// The object store: every Kubernetes object the simulator serves, one shared resourceVersion counter and a
// bounded history of changes so that watches can resume from a resourceVersion, as the apiserver's watch
// cache does (and answer 410 Expired once the history has moved past it).
import { compareKeys } from './objects.js';

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  [key: string]: unknown;
}
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  // spec/status/etc. differ per kind; code that knows the kind narrows with the typed views in objects.ts
  [key: string]: unknown;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface StoreEvent {
  rv: number;
  type: WatchEventType;
  kind: string;
  object: KubeObject;
  /** the object before a MODIFIED, so a filtered watch can turn "left the selector" into DELETED */
  previous?: KubeObject;
}

export interface StoreOptions {
  historyLimit?: number;
  firstResourceVersion?: number;
}

function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export class ObjectStore {
  private rv: number;
  private readonly byKind = new Map<string, Map<string, KubeObject>>();
  private readonly history: StoreEvent[] = [];
  private readonly historyLimit: number;
  private readonly listeners = new Set<(ev: StoreEvent) => void>();

  constructor(opts: StoreOptions = {}) {
    this.historyLimit = opts.historyLimit ?? 1000;
    this.rv = opts.firstResourceVersion ?? 1000;
  }

  get resourceVersion(): string {
    return String(this.rv);
  }

  /** Stored objects are snapshots: callers get copies and write back through put/mutate. */
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const obj = this.byKind.get(kind)?.get(keyOf(namespace, name));
    return obj ? structuredClone(obj) : undefined;
  }

  list(kind: string, namespace?: string): KubeObject[] {
    const all = [...(this.byKind.get(kind)?.values() ?? [])];
    const picked = namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
    return picked
      .map((o) => structuredClone(o))
      .sort((a, b) => compareKeys(keyOf(a.metadata.namespace, a.metadata.name), keyOf(b.metadata.namespace, b.metadata.name)));
  }

  /**
   * The stored objects themselves, for hot read-only paths (the controllers scan every pod each tick;
   * cloning them all would dominate a large cluster). Callers must not mutate what they get.
   */
  peek(kind: string, namespace?: string): readonly KubeObject[] {
    const all = [...(this.byKind.get(kind)?.values() ?? [])];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  /** One stored object itself (no copy), for read-only checks on hot paths; callers must not mutate it. */
  peekOne(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byKind.get(kind)?.get(keyOf(namespace, name));
  }

  count(kind: string): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  /** Create or replace. A write that changes nothing does not bump the resourceVersion (no watch noise). */
  put(obj: KubeObject): KubeObject {
    const kindMap = this.byKind.get(obj.kind) ?? new Map<string, KubeObject>();
    this.byKind.set(obj.kind, kindMap);
    const key = keyOf(obj.metadata.namespace, obj.metadata.name);
    const previous = kindMap.get(key);
    if (previous) {
      const candidate = { ...obj, metadata: { ...obj.metadata, resourceVersion: previous.metadata.resourceVersion } };
      if (JSON.stringify(candidate) === JSON.stringify(previous)) return structuredClone(previous);
    }
    const stored = structuredClone(obj);
    this.rv += 1;
    stored.metadata.resourceVersion = String(this.rv);
    kindMap.set(key, stored);
    this.emit({ rv: this.rv, type: previous ? 'MODIFIED' : 'ADDED', kind: obj.kind, object: stored, previous });
    return structuredClone(stored);
  }

  /** Read-modify-write one object; returns the stored result, or undefined when it does not exist. */
  mutate(kind: string, namespace: string | undefined, name: string, change: (obj: KubeObject) => void): KubeObject | undefined {
    const obj = this.get(kind, namespace, name);
    if (!obj) return undefined;
    change(obj);
    return this.put(obj);
  }

  remove(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const kindMap = this.byKind.get(kind);
    const key = keyOf(namespace, name);
    const previous = kindMap?.get(key);
    if (!kindMap || !previous) return undefined;
    kindMap.delete(key);
    this.rv += 1;
    // the apiserver reports a deletion with the resourceVersion of the delete itself
    const gone = structuredClone(previous);
    gone.metadata.resourceVersion = String(this.rv);
    this.emit({ rv: this.rv, type: 'DELETED', kind, object: gone });
    return structuredClone(gone);
  }

  /**
   * Events after `rv`, or 'expired' when the bounded history no longer reaches back that far.
   * (An rv in the future is treated like "now": nothing to replay.)
   */
  since(rv: number): StoreEvent[] | 'expired' {
    if (rv >= this.rv) return [];
    const oldest = this.history[0];
    if (!oldest || oldest.rv > rv + 1) return 'expired';
    return this.history.filter((e) => e.rv > rv);
  }

  subscribe(listener: (ev: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  private emit(ev: StoreEvent): void {
    this.history.push(ev);
    if (this.history.length > this.historyLimit) this.history.splice(0, this.history.length - this.historyLimit);
    for (const listener of [...this.listeners]) listener(ev);
  }
}
