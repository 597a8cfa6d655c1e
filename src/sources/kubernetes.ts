// Pods by list-then-watch (the informer pattern: one list, then only changes, so thousands of pods cost
// nothing between events), Deployments and ReplicaSets by polling to resolve each pod's owning Deployment.
import { Watch, type KubeConfig } from '@kubernetes/client-node';
import type { KubeData, PodInfo, SourceState } from '../state/types.js';
import { errorLine } from './errors.js';
import type { KubeHttp } from './kube-client.js';
import { createPoller, type Source } from './poller.js';
import {
  mapDeployment,
  mapPod,
  replicaSetOwners,
  resolveOwner,
  type RawDeployment,
  type RawPod,
  type RawReplicaSet,
} from './pod-status.js';

export interface KubeSourceOptions {
  kc: KubeConfig;
  http: KubeHttp;
  /** null = all namespaces */
  namespace: string | null;
  intervalMs: number;
  timeoutMs: number;
  onState(state: SourceState<KubeData>): void;
  now?: () => number;
  /** server-side watch timeout; the connection is re-opened from the last resourceVersion after it */
  watchTimeoutSeconds?: number;
  /** first reconnect delay; doubles up to maxBackoffMs */
  backoffMs?: number;
  maxBackoffMs?: number;
}

interface ListBody<T> {
  metadata?: { resourceVersion?: string };
  items?: T[];
}

const EMIT_THROTTLE_MS = 100;

export function createKubeSource(opts: KubeSourceOptions): Source {
  const now = opts.now ?? Date.now;
  const ns = opts.namespace;
  const podsPath = ns ? `/api/v1/namespaces/${encodeURIComponent(ns)}/pods` : '/api/v1/pods';
  const appsPath = (kind: string) => (ns ? `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}/${kind}` : `/apis/apps/v1/${kind}`);
  const watchTimeout = opts.watchTimeoutSeconds ?? 300;
  const baseBackoff = opts.backoffMs ?? 500;
  const maxBackoff = opts.maxBackoffMs ?? 30_000;

  const pods = new Map<string, PodInfo>();
  let rsOwners = new Map<string, string>();
  let deployments: KubeData['deployments'] = [];
  let resourceVersion: string | null = null;
  let listed = false;
  let watchLive = false;
  let watchError: string | null = null;
  let pollError: string | null = null;
  let updatedAt: number | null = null;
  let attempted = false;
  let stopped = false;
  let backoff = baseBackoff;
  let watchAbort: AbortController | null = null;
  let listAbort: AbortController | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let watchdog: NodeJS.Timeout | null = null;
  let emitTimer: NodeJS.Timeout | null = null;
  // bumps on every (re)connect so that callbacks of an abandoned watch are ignored
  let generation = 0;
  let connectedAt = 0;

  const context = opts.kc.getCurrentContext();
  const cluster = opts.kc.getCurrentCluster()?.name ?? '';

  const snapshot = (): SourceState<KubeData> => ({
    data: listed
      ? {
          pods: [...pods.values()].map((p) => resolveOwner(p, rsOwners)),
          deployments,
          context,
          cluster,
          watch: watchLive ? 'live' : 'reconnecting',
        }
      : null,
    error: watchError ?? pollError,
    updatedAt,
    loading: !attempted,
  });

  const emitNow = () => {
    if (emitTimer) clearTimeout(emitTimer);
    emitTimer = null;
    if (!stopped) opts.onState(snapshot());
  };
  // a burst of watch events (a rollout, a node going away) becomes one update
  const emitSoon = () => {
    if (!emitTimer && !stopped) emitTimer = setTimeout(emitNow, EMIT_THROTTLE_MS);
  };

  const clearWatchdog = () => {
    if (watchdog) clearTimeout(watchdog);
    watchdog = null;
  };

  const scheduleReconnect = (relist: boolean, err: unknown) => {
    if (stopped) return;
    attempted = true;
    watchLive = false;
    watchError = err ? errorLine('kubernetes', err) : null;
    emitNow();
    const delay = backoff;
    backoff = Math.min(backoff * 2, maxBackoff);
    retryTimer = setTimeout(() => void connect(relist), delay);
  };

  const list = async (): Promise<void> => {
    listAbort = new AbortController();
    const body = (await opts.http.get(podsPath, listAbort.signal, opts.timeoutMs)) as ListBody<RawPod>;
    pods.clear();
    for (const item of body.items ?? []) {
      const pod = mapPod(item);
      pods.set(pod.uid, pod);
    }
    resourceVersion = body.metadata?.resourceVersion ?? null;
    listed = true;
    updatedAt = now();
  };

  const armWatchdog = (gen: number) => {
    clearWatchdog();
    // a connection that went quiet past the server's own timeout is dead without having said so
    watchdog = setTimeout(() => {
      if (gen !== generation) return;
      generation++;
      watchAbort?.abort();
      scheduleReconnect(false, new Error('watch stalled'));
    }, (watchTimeout + 30) * 1000);
  };

  const onEvent = (gen: number, type: string, obj: unknown) => {
    if (gen !== generation || stopped) return;
    armWatchdog(gen);
    const raw = obj as RawPod & { code?: number; message?: string };
    if (type === 'ERROR') {
      generation++;
      watchAbort?.abort();
      clearWatchdog();
      if (raw.code === 410) scheduleReconnectNow(true);
      else scheduleReconnect(false, new Error(raw.message ?? 'watch error'));
      return;
    }
    const rv = raw.metadata?.resourceVersion;
    if (rv) resourceVersion = rv;
    if (type === 'BOOKMARK') return;
    const pod = mapPod(raw);
    if (type === 'DELETED') pods.delete(pod.uid);
    else pods.set(pod.uid, pod);
    backoff = baseBackoff;
    updatedAt = now();
    emitSoon();
  };

  // 410 Gone is routine (history compacted): re-list at once, no backoff, no alarm on screen
  const scheduleReconnectNow = (relist: boolean) => {
    if (stopped) return;
    retryTimer = setTimeout(() => void connect(relist), 0);
  };

  const onDone = (gen: number, err: unknown) => {
    if (gen !== generation || stopped) return;
    generation++;
    clearWatchdog();
    const status = (err as { statusCode?: number } | null)?.statusCode;
    if (status === 410) return scheduleReconnectNow(true);
    // err null: the server closed the stream at timeoutSeconds, a normal end; carry on from where we were.
    // A server that closes every watch at once gets the backoff instead of a hot loop.
    if (!err && Date.now() - connectedAt > 1000) return scheduleReconnectNow(false);
    if (!err) {
      retryTimer = setTimeout(() => void connect(false), backoff);
      backoff = Math.min(backoff * 2, maxBackoff);
      return;
    }
    scheduleReconnect(false, err);
  };

  const connect = async (relist: boolean): Promise<void> => {
    if (stopped) return;
    const gen = ++generation;
    try {
      if (relist || !listed || !resourceVersion) await list();
      if (stopped || gen !== generation) return;
      const watch = new Watch(opts.kc);
      watchAbort = await watch.watch(
        podsPath,
        { resourceVersion: resourceVersion ?? undefined, allowWatchBookmarks: true, timeoutSeconds: watchTimeout },
        (type, obj) => onEvent(gen, type, obj),
        (err) => onDone(gen, err),
      );
      if (stopped) {
        watchAbort.abort();
        return;
      }
      if (gen !== generation) return;
      attempted = true;
      connectedAt = Date.now();
      watchLive = true;
      watchError = null;
      armWatchdog(gen);
      emitNow();
    } catch (err) {
      if (stopped || gen !== generation) return;
      attempted = true;
      generation++;
      const status = (err as { response?: { status?: number } }).response?.status;
      scheduleReconnect(status === 410, err);
    }
  };

  const poller = createPoller({
    name: 'kubernetes',
    intervalMs: opts.intervalMs,
    timeoutMs: opts.timeoutMs,
    now,
    async fetch(signal) {
      const [deps, rss] = await Promise.all([
        opts.http.get(appsPath('deployments'), signal, opts.timeoutMs) as Promise<ListBody<RawDeployment>>,
        opts.http.get(appsPath('replicasets'), signal, opts.timeoutMs) as Promise<ListBody<RawReplicaSet>>,
      ]);
      return { deployments: (deps.items ?? []).map(mapDeployment), owners: replicaSetOwners(rss.items ?? []) };
    },
    onState(s) {
      if (s.data) {
        deployments = s.data.deployments.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
        rsOwners = s.data.owners;
      }
      pollError = s.error;
      if (listed) emitSoon();
    },
  });

  return {
    start() {
      stopped = false;
      void connect(true);
      poller.start();
    },
    stop() {
      stopped = true;
      generation++;
      poller.stop();
      watchAbort?.abort();
      listAbort?.abort();
      clearWatchdog();
      if (retryTimer) clearTimeout(retryTimer);
      if (emitTimer) clearTimeout(emitTimer);
    },
  };
}
