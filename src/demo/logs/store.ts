// Pod logs for the simulator: one bounded ring per pod (and a bounded number of pods), read by the
// Kubernetes log endpoint through query/subscribe and by the Loki API through scan().
import type { LogEntry, LogQuery, LogStore } from '../contracts.js';
import { createLokiApi } from './loki-api.js';
import { RingBuffer } from '../../lib/ring-buffer.js';

export interface LogStoreOptions {
  /** lines kept per pod (default 5000) */
  capacityPerPod?: number;
  /** pods kept; the pod written to least recently is forgotten first (default 500) */
  maxPods?: number;
  now: () => number;
}

export interface Stream {
  key: string;
  labels: Record<string, string>;
}

export interface PodLog {
  /** the pod's lines, oldest first */
  ring: RingBuffer<LogEntry>;
  /** each line's stream, at the same index as in `ring` (two rings rather than a wrapper object per line:
   * the simulator keeps an hour of lines, and every object kept is one the GC copies) */
  streamOf: RingBuffer<Stream>;
  /** distinct label sets written to this pod: few, so selectors are checked per stream, not per line */
  streams: Map<string, Stream>;
  /** the stream written last: nearly every line repeats it, and comparing is cheaper than keying */
  last: Stream | null;
  /** the labels object of the line written last (a writer that reuses one per pod skips even the compare) */
  lastLabels: Record<string, string> | null;
  /** false once `streams` was reset for growing too large: it then lists only recent label sets */
  streamsComplete: boolean;
}

// A pod whose labels change with every line would otherwise grow its stream table without bound.
const MAX_STREAMS_PER_POD = 64;

export interface LogStoreWithScan extends LogStore {
  /** every pod's ring, for the Loki API */
  pods(): Iterable<PodLog>;
  readonly now: () => number;
}

const podKey = (namespace: string, pod: string): string => `${namespace}/${pod}`;
function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  let n = 0;
  for (const k in a) {
    if (a[k] !== b[k]) return false;
    n++;
  }
  return n === Object.keys(b).length;
}

const streamKey = (labels: Record<string, string>): string =>
  JSON.stringify(Object.keys(labels).sort().map((k) => [k, labels[k]]));

interface Subscriber {
  container: string | undefined;
  onEntry: (e: LogEntry) => void;
}

export function createLogStore(opts: LogStoreOptions): LogStoreWithScan {
  const capacity = opts.capacityPerPod ?? 5000;
  const maxPods = opts.maxPods ?? 500;
  // Map iteration order is insertion order: re-inserting on write keeps the least recently written first.
  const pods = new Map<string, PodLog>();
  const subscribers = new Map<string, Set<Subscriber>>();
  // Writers write a pod's lines in runs: the pod written last is found without building its key, and
  // only a write by another pod re-inserts (keeping least-recently-written order).
  let lastWrite: { namespace: string; pod: string; key: string; log: PodLog } | null = null;

  const podLogFor = (entry: LogEntry): { key: string; log: PodLog } => {
    // (the pod written last is never the one evicted for room: that is the least recently written)
    if (lastWrite && lastWrite.pod === entry.pod && lastWrite.namespace === entry.namespace) return lastWrite;
    const key = podKey(entry.namespace, entry.pod);
    let log = pods.get(key);
    if (log) pods.delete(key);
    else log = { ring: new RingBuffer<LogEntry>(capacity), streamOf: new RingBuffer<Stream>(capacity), streams: new Map(), last: null, lastLabels: null, streamsComplete: true };
    pods.set(key, log);
    if (pods.size > maxPods) pods.delete(pods.keys().next().value!);
    lastWrite = { namespace: entry.namespace, pod: entry.pod, key, log };
    return lastWrite;
  };

  const store: LogStoreWithScan = {
    now: opts.now,
    append(entry) {
      const { key, log } = podLogFor(entry);
      // the same labels object as the last line's (entries are never changed once appended) is the same stream
      let stream = log.last !== null && (entry.labels === log.lastLabels || sameLabels(entry.labels, log.last.labels)) ? log.last : undefined;
      if (!stream) {
        const sk = streamKey(entry.labels);
        stream = log.streams.get(sk);
        if (!stream) {
          if (log.streams.size >= MAX_STREAMS_PER_POD) {
            log.streams.clear();
            log.streamsComplete = false;
          }
          stream = { key: sk, labels: { ...entry.labels } };
          log.streams.set(sk, stream);
        }
        log.last = stream;
      }
      log.lastLabels = entry.labels;
      log.ring.push(entry);
      log.streamOf.push(stream);

      const subs = subscribers.size === 0 ? undefined : subscribers.get(key);
      if (!subs) return;
      for (const s of subs) {
        if (s.container !== undefined && s.container !== entry.container) continue;
        try {
          s.onEntry(entry);
        } catch {
          // A broken follower must not stop the world's tick or the other followers.
        }
      }
    },
    query(q: LogQuery) {
      const log = pods.get(podKey(q.namespace, q.pod));
      if (!log) return [];
      const out: LogEntry[] = [];
      const want = q.tailLines ?? Infinity;
      // Walk from the newest so tailLines stops early on a full ring (lines may arrive slightly out of order).
      for (let i = log.ring.length - 1; i >= 0 && out.length < want; i--) {
        const entry = log.ring.at(i);
        if (q.sinceMs !== undefined && entry.tMs < q.sinceMs) continue;
        if (q.container !== undefined && entry.container !== q.container) continue;
        out.push(entry);
      }
      return out.reverse();
    },
    subscribe(q, onEntry) {
      const key = podKey(q.namespace, q.pod);
      const sub: Subscriber = { container: q.container, onEntry };
      let subs = subscribers.get(key);
      if (!subs) {
        subs = new Set();
        subscribers.set(key, subs);
      }
      subs.add(sub);
      return () => {
        subs.delete(sub);
        if (subs.size === 0 && subscribers.get(key) === subs) subscribers.delete(key);
      };
    },
    pods: () => pods.values(),
    lokiApi: async () => false,
  };
  store.lokiApi = createLokiApi(store);
  return store;
}
