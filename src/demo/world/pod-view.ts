// The pods as a tick of the world needs them: each pod's service and each service's readiness. Derived once
// per change of the cluster (its pods() answers the same array until then), not on every tick: the history
// back-fill runs a hundred and more ticks before the first frame, nearly all of them on unchanged pods.
import type { SimPod } from '../contracts.js';
import { SERVICES, type ServiceSpec } from './topology.js';
import { readiness, type Readiness } from './traffic.js';

export interface PodView {
  readonly pods: readonly SimPod[];
  /** each pod's service, at the pod's index (undefined: a workload the topology does not know) */
  readonly services: readonly (ServiceSpec | undefined)[];
  readonly ready: ReadonlyMap<ServiceSpec, Readiness>;
  /** jobs with at least one ready pod */
  readonly upJobs: ReadonlySet<string>;
}

const BY_DEPLOYMENT = new Map(SERVICES.map((s) => [`${s.namespace}/${s.deployment}`, s]));

export function serviceOf(pod: Pick<SimPod, 'namespace' | 'deployment'>): ServiceSpec | undefined {
  return BY_DEPLOYMENT.get(`${pod.namespace}/${pod.deployment}`);
}

export class PodViews {
  private last: PodView | null = null;

  of(pods: readonly SimPod[]): PodView {
    if (this.last?.pods === pods) return this.last;
    const ready = new Map<ServiceSpec, Readiness>(SERVICES.map((s) => [s, readiness(pods, s)]));
    const upJobs = new Set(SERVICES.filter((s) => (ready.get(s)?.ready ?? 0) > 0 && s.job).map((s) => s.job!));
    this.last = { pods, services: pods.map(serviceOf), ready, upJobs };
    return this.last;
  }
}
