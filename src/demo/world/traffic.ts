// Traffic each service serves this tick, from its healthy baseline, the scenario's effects, how many of its
// pods are ready, and whether what it depends on is up. Readings follow causes: heal the cause, heal the graph.
import type { Rng, ServiceTraffic, SimPod } from '../contracts.js';
import type { Symptoms } from './scenarios.js';
import type { ServiceSpec } from './topology.js';

/** job -> [dependency job, 5xx ratio added while the dependency is down] */
const DEPENDENCIES: Record<string, [string, number][]> = {
  'claude-tui': [
    ['postgresql', 0.45],
    ['hive-mind-coordinator', 0.04],
  ],
  'hive-mind-coordinator': [['postgresql', 0.3]],
};

export interface Readiness {
  ready: number;
  total: number;
}

export function readiness(pods: readonly SimPod[], service: ServiceSpec): Readiness {
  const mine = pods.filter((p) => p.namespace === service.namespace && p.deployment === service.deployment && !p.deleting);
  return { ready: mine.filter((p) => p.ready).length, total: mine.length };
}

export function trafficFor(
  service: ServiceSpec & { job: string },
  ready: Readiness,
  upJobs: ReadonlySet<string>,
  symptoms: Symptoms,
  rng: Rng,
): ServiceTraffic {
  const up = ready.ready > 0;
  const missing = ready.total > 0 ? 1 - ready.ready / ready.total : 1;
  const effect = symptoms.traffic[service.job] ?? {};
  const dependencyErrors = (DEPENDENCIES[service.job] ?? [])
    .filter(([dep]) => !upJobs.has(dep))
    .reduce((sum, [, ratio]) => sum + ratio, 0);
  const jitter = (sd: number) => Math.max(0.2, 1 + sd * rng.gaussian());
  const latencyFactor = (effect.latencyFactor ?? 1) * (1 + 0.5 * missing) * jitter(0.05);
  const errorRatio = Math.min(1, service.errorRatio * jitter(0.3) + (effect.errorRatio ?? 0) + dependencyErrors + 0.2 * missing);
  return {
    job: service.job,
    namespace: service.namespace,
    rps: up ? service.rps * (effect.rpsFactor ?? 1) * jitter(0.04) : 0,
    errorRatio,
    clientErrorRatio: service.clientErrorRatio,
    latencyP50: service.latencyP50 * latencyFactor,
    latencyP99: service.latencyP99 * latencyFactor * (effect.tailFactor ?? 1) * (1 + missing) * (1 + 3 * dependencyErrors),
    up,
  };
}
