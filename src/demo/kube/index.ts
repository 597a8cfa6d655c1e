// The simulated Kubernetes cluster: object store + controllers + an API server that kubectl and
// @kubernetes/client-node talk to unchanged. The world seeds it and acts out scenarios through KubeCluster.
import type { ContainerSpec, KubeCluster, LogStore, Rng } from '../contracts.js';
import { allowAll, type AccessPolicy } from './access.js';
import { Controller } from './controller.js';
import { EventRecorder } from './events.js';
import { createKubeApi } from './routes.js';
import { ObjectStore } from './store.js';

export type { AccessAttributes, AccessDecision, AccessPolicy } from './access.js';

export interface KubeClusterOptions {
  rng: Rng;
  logs: LogStore;
  now: () => number;
  nodes: string[];
  clusterName?: string;
  /** who may do what (SelfSubjectAccessReview answers and 403s); default: everything allowed */
  policy?: AccessPolicy;
  /** the user name in Forbidden messages */
  user?: string;
  /** how many changes a watch can resume across before it gets 410 Expired (default 1000) */
  watchHistory?: number;
}

export interface SimKubeCluster extends KubeCluster {
  readonly clusterName: string;
  /** change the authorization policy at run time (e.g. a scenario revokes delete rights) */
  setPolicy(policy: AccessPolicy): void;
  /** change a deployment's containers like `kubectl set image` (a new ReplicaSet and revision, then a rollout) */
  setTemplate(namespace: string, deployment: string, containers: ContainerSpec[], tMs: number): void;
  /** a running pod no controller owns, stored unvalidated (see Controller.seedBarePod) */
  seedBarePod(pod: Parameters<Controller['seedBarePod']>[0]): void;
  /** open watches and log follows, for leak checks */
  openStreams(): number;
}

export function createKubeCluster(opts: KubeClusterOptions): SimKubeCluster {
  const store = new ObjectStore({ historyLimit: opts.watchHistory ?? 1000 });
  const events = new EventRecorder(store, opts.rng);
  const nodes = opts.nodes.length > 0 ? opts.nodes : ['node-1'];
  const controller = new Controller({ store, rng: opts.rng, events, nodes, now: opts.now });
  let policy: AccessPolicy = opts.policy ?? allowAll;
  const api = createKubeApi({ store, controller, logs: opts.logs, now: opts.now, policy: () => policy, user: opts.user ?? 'oncall' });

  return {
    clusterName: opts.clusterName ?? 'hive-sim',
    seedNamespace: (name) => controller.seedNamespace(name),
    seedDeployment: (seed) => controller.seedDeployment(seed),
    seedBarePod: (pod) => controller.seedBarePod(pod),
    reconcile: (tMs) => controller.reconcile(tMs),
    pods: (namespace) => controller.pods(namespace),
    setContainer: (namespace, pod, condition, tMs) => controller.setContainer(namespace, pod, condition, tMs),
    setTemplate: (namespace, deployment, containers, tMs) => controller.setTemplate(namespace, deployment, containers, tMs),
    recordEvent: (ev) => {
      events.record(ev);
    },
    api,
    setPolicy: (p) => {
      policy = p;
    },
    openStreams: () => store.listenerCount(),
  };
}
