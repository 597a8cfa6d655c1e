// The Pods pane's source: pods by list-then-watch (kube/pod-watch.ts into kube/pod-cache.ts), Deployments
// and ReplicaSets by polling (kube/owner-poll.ts) to resolve each pod's owning Deployment, published as one
// KubeData.
import type { KubeConfig } from '@kubernetes/client-node';
import { createBackoff } from '../lib/backoff.js';
import { initialSourceState, type KubeData, type SourceState } from '../state/types.js';
import type { KubeHttp } from './kube-client.js';
import { createOwnerPoll, type Owners } from './kube/owner-poll.js';
import { PodCache } from './kube/pod-cache.js';
import { createPodWatch, type WatchHealth } from './kube/pod-watch.js';
import { resolveOwner } from './pod-status.js';
import type { Source } from './source.js';
import { throttledEmit } from './throttled-emit.js';

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
  /** first reconnect delay; grows (jittered) up to maxBackoffMs */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** for the backoff's jitter; Math.random by default */
  random?: () => number;
}

const EMIT_THROTTLE_MS = 100;

const podsPath = (namespace: string | null): string =>
  namespace ? `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods` : '/api/v1/pods';

export function createKubeSource(opts: KubeSourceOptions): Source<KubeData> {
  const now = opts.now ?? Date.now;
  const cache = new PodCache();
  let owners: Owners = { deployments: [], owners: new Map() };
  let listed = false;
  let health: WatchHealth = { attempted: false, live: false, error: null };
  let pollError: string | null = null;
  let updatedAt: number | null = null;
  let stopped = true;

  const where = { context: opts.kc.getCurrentContext(), cluster: opts.kc.getCurrentCluster()?.name ?? '' };
  const snapshot = (): SourceState<KubeData> => ({
    // nothing to show before the first list: an empty pod table would claim the cluster has no pods
    data: listed
      ? { pods: cache.pods().map((p) => resolveOwner(p, owners.owners)), deployments: owners.deployments, ...where, watch: health.live ? 'live' : 'reconnecting' }
      : null,
    error: health.error ?? pollError,
    updatedAt,
    loading: !health.attempted,
  });

  // a burst of watch events (a rollout, a node going away) becomes one update
  const emit = throttledEmit(EMIT_THROTTLE_MS, () => {
    if (!stopped) opts.onState(snapshot());
  });

  const watch = createPodWatch({
    kc: opts.kc,
    http: opts.http,
    path: podsPath(opts.namespace),
    timeoutMs: opts.timeoutMs,
    watchTimeoutSeconds: opts.watchTimeoutSeconds ?? 300,
    backoff: createBackoff({ baseMs: opts.backoffMs ?? 500, maxMs: opts.maxBackoffMs ?? 30_000, random: opts.random }),
    onList(items) {
      cache.replace(items);
      listed = true;
      updatedAt = now();
    },
    onEvent(type, pod) {
      cache.apply(type, pod);
      updatedAt = now();
      emit.soon();
    },
    onHealth(next) {
      health = next;
      emit.now();
    },
  });

  const poll = createOwnerPoll({
    http: opts.http,
    namespace: opts.namespace,
    intervalMs: opts.intervalMs,
    timeoutMs: opts.timeoutMs,
    now,
    onState(s) {
      if (s.data) owners = s.data;
      pollError = s.error;
      // owners without pods are nothing to show yet; the list's own publish will carry them
      if (listed) emit.soon();
    },
  });

  return {
    start() {
      stopped = false;
      watch.start();
      poll.start();
    },
    stop() {
      stopped = true;
      watch.stop();
      poll.stop();
      emit.cancel();
    },
    initialState: () => initialSourceState<KubeData>(),
  };
}
