// List-then-watch, the informer pattern: one list, then a watch from the list's resourceVersion, so thousands
// of pods cost nothing between events. Each way a watch ends (kube/watch-connection.ts) has its answer here:
// 410 Gone re-lists at once, a normal server-side close resumes from the last resourceVersion, and a failure,
// a stalled connection or a server that closes every watch at once waits for the shared backoff.
import type { KubeConfig } from '@kubernetes/client-node';
import type { Backoff } from '../../lib/backoff.js';
import { errorLine } from '../errors.js';
import type { KubeHttp } from '../kube-client.js';
import type { RawPod } from '../pod-status.js';
import type { WatchEventType } from './pod-cache.js';
import { openWatch, type WatchConnection, type WatchEnd } from './watch-connection.js';

export interface WatchHealth {
  /** false until the first list-and-watch attempt has finished, either way */
  attempted: boolean;
  /** the watch connection is open */
  live: boolean;
  /** why it is not, as one line; null when it is (or when it closed normally) */
  error: string | null;
}

export interface PodWatchOptions {
  kc: KubeConfig;
  http: KubeHttp;
  /** the pods collection: /api/v1/pods or /api/v1/namespaces/<ns>/pods */
  path: string;
  timeoutMs: number;
  /** server-side watch timeout; the connection is re-opened from the last resourceVersion after it */
  watchTimeoutSeconds: number;
  backoff: Backoff;
  /** a (re)list answered: these are all the pods there are */
  onList(items: RawPod[]): void;
  onEvent(type: WatchEventType, pod: RawPod): void;
  onHealth(health: WatchHealth): void;
  /** real time by default: tells a watch that ran for a while from one the server closed at once */
  clock?: () => number;
}

export interface PodWatch {
  start(): void;
  stop(): void;
}

interface ListBody {
  metadata?: { resourceVersion?: string };
  items?: RawPod[];
}

const listPods = async (http: KubeHttp, path: string, signal: AbortSignal, timeoutMs: number) => (await http.get(path, signal, timeoutMs)) as ListBody;

/** A watch that lived at least this long and closed without an error ended normally (timeoutSeconds). */
const NORMAL_CLOSE_AFTER_MS = 1000;

export interface NextWatch {
  /** list again before watching (our resourceVersion is too old) */
  relist: boolean;
  wait: 'none' | 'backoff';
  /** what to show as the reason, or null for an end that is nobody's fault */
  error: unknown;
}

/** How to go on after a watch that lived `livedMs` ended. */
export function afterWatchEnd(end: WatchEnd, livedMs: number): NextWatch {
  // 410 Gone is routine (history compacted): re-list at once, no backoff, no alarm on screen
  if (end.kind === 'gone') return { relist: true, wait: 'none', error: null };
  if (end.kind === 'failed') return { relist: false, wait: 'backoff', error: end.error };
  // the server closed the stream at timeoutSeconds, a normal end: carry on from where we were. A server that
  // closes every watch at once gets the backoff instead of a hot loop (and no alarm: it did nothing wrong).
  return { relist: false, wait: livedMs > NORMAL_CLOSE_AFTER_MS ? 'none' : 'backoff', error: null };
}

export function createPodWatch(opts: PodWatchOptions): PodWatch {
  const clock = opts.clock ?? Date.now;
  let resourceVersion: string | null = null;
  let stopped = true;
  let watch: WatchConnection | null = null;
  let listAbort: AbortController | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  // bumps on every (re)connect and stop, so that a connect overtaken by another gives up
  let generation = 0;
  let connectedAt = 0;

  const report = (health: WatchHealth) => {
    if (!stopped) opts.onHealth(health);
  };

  const reconnectAfter = (delayMs: number, relist: boolean) => {
    if (stopped) return;
    retryTimer = setTimeout(() => void connect(relist), delayMs);
  };

  /** A failure: say so on screen and try again after the backoff. */
  const failed = (relist: boolean, err: unknown) => {
    report({ attempted: true, live: false, error: errorLine('kubernetes', err) });
    reconnectAfter(opts.backoff.next(), relist);
  };

  const onEvent = (type: string, raw: RawPod) => {
    const rv = raw.metadata?.resourceVersion;
    if (rv) resourceVersion = rv;
    if (type !== 'ADDED' && type !== 'MODIFIED' && type !== 'DELETED') return; // BOOKMARK: only the resourceVersion
    // an event arrived: the connection works, so the next failure starts from the first step again
    opts.backoff.reset();
    opts.onEvent(type, raw);
  };

  const onEnd = (end: WatchEnd) => {
    if (stopped) return;
    watch = null;
    const next = afterWatchEnd(end, clock() - connectedAt);
    if (next.error !== null) return failed(next.relist, next.error);
    reconnectAfter(next.wait === 'backoff' ? opts.backoff.next() : 0, next.relist);
  };

  const connect = async (relist: boolean): Promise<void> => {
    if (stopped) return;
    const gen = ++generation;
    try {
      if (relist || !resourceVersion) {
        listAbort = new AbortController();
        const body = await listPods(opts.http, opts.path, listAbort.signal, opts.timeoutMs);
        if (gen !== generation) return;
        resourceVersion = body.metadata?.resourceVersion ?? null;
        opts.onList(body.items ?? []);
      }
      connectedAt = clock();
      const w = await openWatch({ kc: opts.kc, path: opts.path, resourceVersion, timeoutSeconds: opts.watchTimeoutSeconds, onEvent, onEnd });
      if (gen !== generation) return w.close();
      watch = w;
      if (w.open()) report({ attempted: true, live: true, error: null });
    } catch (err) {
      // a list answered 410 (rare: a stale cache in front of the API server) is retried as a fresh list
      if (gen === generation) failed((err as { response?: { status?: number } } | null)?.response?.status === 410, err);
    }
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      void connect(true);
    },
    stop() {
      stopped = true;
      generation++;
      watch?.close();
      watch = null;
      listAbort?.abort();
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
    },
  };
}
