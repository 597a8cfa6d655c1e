// Where each action goes: the Kubernetes API (the kubeconfig is loaded once, on first use), Alertmanager
// or etcd; whether that backend is configured, and which context and cluster the modal and journal name.
import type { KubeConfig } from '@kubernetes/client-node';
import type { HiveConfig } from '../config/config.js';
import { loadKubeConfig } from '../sources/kube-client.js';
import { sanitizeLine } from '../text/sanitize.js';
import { createKubeApi, type KubeApi } from './kube-api.js';
import type { EtcdTarget } from './leader-transfer.js';
import type { AlertmanagerTarget } from './silence.js';
import { isKubeAction } from './target.js';
import type { ActionKind } from '../state/actions.js';

/** The Kubernetes API to act with, or why there is none (no kubeconfig, unknown context...). */
export type KubeAccess = { api: KubeApi } | { error: string };

export interface Backends {
  kube(): KubeAccess;
  /** why the action's backend cannot be used, or null */
  problem(action: ActionKind): string | null;
  /** the context and cluster a plan for this action names */
  place(action: ActionKind): { context: string; cluster: string };
  alertmanager(): AlertmanagerTarget;
  etcd(): EtcdTarget;
}

export interface BackendDeps {
  /** the kubeconfig to act with; default: loaded from config.kubernetes on first use */
  kc?: KubeConfig;
  /** leader-transfer post-check: how long to wait for the new leader (default 5000 ms) */
  leaderSettleMs?: number;
}

export function createBackends(config: HiveConfig, deps: BackendDeps = {}): Backends {
  let kube: KubeAccess | null = null;
  function kubeAccess(): KubeAccess {
    if (kube) return kube;
    try {
      const kc = deps.kc ?? loadKubeConfig({ kubeconfig: config.kubernetes.kubeconfig, context: config.kubernetes.context });
      kube = { api: createKubeApi(kc, config.kubernetes.timeoutMs) };
    } catch (err) {
      kube = { error: `kubernetes not configured: ${sanitizeLine((err as Error).message, 300)}` };
    }
    return kube;
  }
  /** the kube context names the environment for every backend (the production pattern applies to it) */
  const kubeContext = (): string => {
    const k = kubeAccess();
    return 'api' in k ? k.api.context : '';
  };
  const alertmanagerUrl = (): string => config.alertmanager.url ?? '';
  const etcdEndpoint = (): string => config.consensus.endpoints[0] ?? '';

  return {
    kube: kubeAccess,
    problem(action) {
      if (isKubeAction(action)) {
        const k = kubeAccess();
        return 'error' in k ? k.error : null;
      }
      if (action === 'silence-create' || action === 'silence-expire') return config.alertmanager.url ? null : 'alertmanager not configured';
      if (config.consensus.mode === 'http') return 'leader transfer needs etcd endpoints (consensus.etcd): the Hive Mind health API cannot move the leader';
      return config.consensus.mode === 'etcd' && config.consensus.endpoints.length > 0 ? null : 'etcd not configured';
    },
    place(action) {
      if (isKubeAction(action)) {
        const k = kubeAccess();
        return 'api' in k ? { context: k.api.context, cluster: k.api.cluster } : { context: '', cluster: '' };
      }
      const url = action === 'leader-transfer' ? etcdEndpoint() : alertmanagerUrl();
      return { context: kubeContext() || url, cluster: url };
    },
    alertmanager: () => ({
      url: alertmanagerUrl(),
      timeoutMs: config.alertmanager.timeoutMs,
      context: kubeContext() || alertmanagerUrl(),
      user: config.user,
    }),
    etcd: () => ({
      endpoints: config.consensus.endpoints,
      timeoutMs: config.consensus.timeoutMs,
      context: kubeContext() || etcdEndpoint(),
      ...(deps.leaderSettleMs !== undefined ? { settleMs: deps.leaderSettleMs } : {}),
    }),
  };
}
