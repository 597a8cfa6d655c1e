// What the Logs pane's target means in containers: a pod's containers, or every container of every pod a
// Deployment's selector matches, asked again every few seconds (a rollout brings new pods) and, after a
// failure, until it works. A new target waits a moment first: holding j in the Pods pane retargets many times
// a second, and only the pod the cursor rests on should be opened.
import { sameTarget } from '../../state/log-target.js';
import type { LogTarget } from '../../state/types.js';
import { describeError, errorLine } from '../errors.js';
import type { KubeHttp } from '../kube-client.js';
import type { ContainerRef } from './log-connection.js';

export interface TargetResolverOptions {
  http: KubeHttp;
  timeoutMs: number;
  /** how often a Deployment (or a target that failed) is resolved again */
  resolveIntervalMs: number;
  /** how long a new target waits before it is resolved */
  settleMs: number;
  /** the target's containers, after each successful resolve */
  onResolved(containers: ContainerRef[]): void;
  /** an attempt finished (resolving() and error() may have changed) */
  onSettled(): void;
}

export interface TargetResolver {
  target(): LogTarget | null;
  /** a resolve is pending or in flight */
  resolving(): boolean;
  /** the last attempt's failure as one line; null after a success */
  error(): string | null;
  /** false when `next` is the target already (nothing happens) */
  set(next: LogTarget | null): boolean;
  start(): void;
  stop(): void;
}

interface RawPodLite {
  metadata?: { name?: string };
  spec?: { containers?: { name?: string }[] };
}

export function createTargetResolver(opts: TargetResolverOptions): TargetResolver {
  let target: LogTarget | null = null;
  let error: string | null = null;
  let resolving = false;
  let started = false;
  let timer: NodeJS.Timeout | null = null;
  // every retarget (and stop) bumps this so that late answers about the old target are ignored
  let epoch = 0;

  const cancel = () => {
    epoch++;
    if (timer) clearTimeout(timer);
    timer = null;
    resolving = false;
  };

  const schedule = (delayMs: number) => {
    const myEpoch = epoch;
    resolving = true;
    timer = setTimeout(() => void resolve(myEpoch), delayMs);
  };

  const resolve = async (myEpoch: number) => {
    const t = target;
    if (!t || myEpoch !== epoch) return;
    resolving = true;
    try {
      const containers = await listTargetContainers(opts.http, t, AbortSignal.timeout(opts.timeoutMs), opts.timeoutMs);
      if (myEpoch !== epoch) return;
      error = null;
      opts.onResolved(containers);
    } catch (err) {
      if (myEpoch !== epoch) return;
      error = errorLine('logs', `${t.kind} ${t.namespace}/${t.name}: ${describeError(err)}`);
    }
    resolving = false;
    opts.onSettled();
    if (started && (t.kind === 'deployment' || error)) timer = setTimeout(() => void resolve(myEpoch), opts.resolveIntervalMs);
  };

  return {
    target: () => target,
    resolving: () => resolving,
    error: () => error,
    set(next) {
      if (sameTarget(next, target)) return false;
      cancel();
      target = next ? { ...next } : null;
      error = null;
      if (target && started) schedule(opts.settleMs);
      return true;
    },
    start() {
      if (started) return;
      started = true;
      if (target) {
        resolving = true;
        void resolve(epoch);
      }
    },
    stop() {
      started = false;
      cancel();
    },
  };
}

/** The containers a target stands for right now; a Deployment without a selector stands for none. */
export async function listTargetContainers(http: KubeHttp, t: LogTarget, signal: AbortSignal, timeoutMs: number): Promise<ContainerRef[]> {
  const ns = encodeURIComponent(t.namespace);
  let pods: RawPodLite[];
  if (t.kind === 'pod') {
    pods = [(await http.get(`/api/v1/namespaces/${ns}/pods/${encodeURIComponent(t.name)}`, signal, timeoutMs)) as RawPodLite];
  } else {
    const dep = (await http.get(`/apis/apps/v1/namespaces/${ns}/deployments/${encodeURIComponent(t.name)}`, signal, timeoutMs)) as {
      spec?: { selector?: { matchLabels?: Record<string, string> } };
    };
    const selector = Object.entries(dep.spec?.selector?.matchLabels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    if (!selector) return [];
    const list = (await http.get(`/api/v1/namespaces/${ns}/pods`, signal, timeoutMs, { labelSelector: selector })) as { items?: RawPodLite[] };
    pods = list.items ?? [];
  }
  return pods.flatMap((p) => {
    const pod = p.metadata?.name;
    if (!pod) return [];
    return (p.spec?.containers ?? []).flatMap((c) => (c.name ? [{ namespace: t.namespace, pod, container: c.name }] : []));
  });
}
