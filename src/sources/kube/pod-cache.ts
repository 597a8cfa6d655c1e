// The informer's store: what the last list said, changed by each watch event since, keyed by uid (a pod
// deleted and re-created under the same name is a different pod).
import type { PodInfo } from '../../state/types.js';
import { mapPod, type RawPod } from '../pod-status.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export class PodCache {
  private readonly byUid = new Map<string, PodInfo>();

  /** a (re)list replaces everything: pods deleted while the watch was down must not linger */
  replace(items: readonly RawPod[]): void {
    this.byUid.clear();
    for (const item of items) this.apply('ADDED', item);
  }

  apply(type: WatchEventType, raw: RawPod): void {
    const pod = mapPod(raw);
    if (type === 'DELETED') this.byUid.delete(pod.uid);
    else this.byUid.set(pod.uid, pod);
  }

  pods(): PodInfo[] {
    return [...this.byUid.values()];
  }
}
