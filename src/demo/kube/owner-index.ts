// Which replica sets a deployment owns and which pods a replica set owns, indexed once per store version:
// each reconcile pass asks for every deployment's replica sets and every replica set's pods several times,
// and scanning every pod for each question was most of a pass.
import type { KubeObject, ObjectStore } from './store.js';

export class OwnerIndex {
  private readonly index = new Map<string, { rv: string; byOwner: Map<string, KubeObject[]> }>();

  constructor(private readonly store: ObjectStore) {}

  /**
   * Objects of `kind` in the owner's namespace that it owns (replica sets: as their controller; pods: by
   * any owner reference), in store order.
   */
  of(kind: 'Pod' | 'ReplicaSet', owner: KubeObject): KubeObject[] {
    const rv = this.store.resourceVersion;
    let index = this.index.get(kind);
    if (index?.rv !== rv) {
      const byOwner = new Map<string, KubeObject[]>();
      for (const obj of this.store.peek(kind)) {
        for (const o of obj.metadata.ownerReferences ?? []) {
          if (kind === 'ReplicaSet' && !o.controller) continue;
          const list = byOwner.get(o.uid);
          if (!list) byOwner.set(o.uid, [obj]);
          else if (list[list.length - 1] !== obj) list.push(obj);
        }
      }
      index = { rv, byOwner };
      this.index.set(kind, index);
    }
    const ns = owner.metadata.namespace;
    return (index.byOwner.get(owner.metadata.uid) ?? []).filter((o) => o.metadata.namespace === ns);
  }
}
