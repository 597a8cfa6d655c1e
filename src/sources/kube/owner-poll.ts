// Deployments and ReplicaSets by polling: few objects that change rarely, needed to show each Deployment's
// rollout and to resolve each pod's owner through its ReplicaSet. A watch would not pay for itself here.
import type { DeploymentInfo, SourceState } from '../../state/types.js';
import type { KubeHttp } from '../kube-client.js';
import { mapDeployment, replicaSetOwners, type RawDeployment, type RawReplicaSet } from '../pod-status.js';
import { createPoller, type Poller } from '../poller.js';

export interface Owners {
  /** sorted by namespace, then name, so the pane's order does not follow the API server's */
  deployments: DeploymentInfo[];
  /** "namespace/replicaset" -> owning Deployment's name */
  owners: Map<string, string>;
}

export interface OwnerPollOptions {
  http: KubeHttp;
  /** null = all namespaces */
  namespace: string | null;
  intervalMs: number;
  timeoutMs: number;
  onState(state: SourceState<Owners>): void;
  now?: () => number;
}

interface ListBody<T> {
  items?: T[];
}

const appsPath = (namespace: string | null, kind: 'deployments' | 'replicasets'): string =>
  namespace ? `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/${kind}` : `/apis/apps/v1/${kind}`;

const byPlace = (a: DeploymentInfo, b: DeploymentInfo) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);

export function createOwnerPoll(opts: OwnerPollOptions): Poller<Owners> {
  const get = <T>(kind: 'deployments' | 'replicasets', signal: AbortSignal) =>
    opts.http.get(appsPath(opts.namespace, kind), signal, opts.timeoutMs) as Promise<ListBody<T>>;
  return createPoller<Owners>({
    name: 'kubernetes',
    intervalMs: opts.intervalMs,
    timeoutMs: opts.timeoutMs,
    now: opts.now,
    async fetch(signal) {
      const [deps, rss] = await Promise.all([get<RawDeployment>('deployments', signal), get<RawReplicaSet>('replicasets', signal)]);
      return { deployments: (deps.items ?? []).map(mapDeployment).sort(byPlace), owners: replicaSetOwners(rss.items ?? []) };
    },
    onState: opts.onState,
  });
}
