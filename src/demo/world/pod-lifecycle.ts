// Acts out each pod's container the way the kubelet would under the scenario: crash loops with exponential
// back-off, OOM kills when memory passes the limit, recovery once the cause is gone.
import type { KubeCluster, Rng, SimPod } from '../contracts.js';
import type { Symptoms } from './scenarios.js';

type Phase = 'healthy' | 'crash-running' | 'terminated' | 'backoff' | 'oom';

interface PodLife {
  phase: Phase;
  since: number;
  until: number;
  crashes: number;
  memory: number;
  cpu: number;
}

/** What happened to a pod this tick, for the logs. */
export interface PodEvent {
  pod: SimPod;
  kind: 'crashed' | 'oom' | 'restarted' | 'recovered';
}

const RUN_BEFORE_CRASH_MS = 4000;
const MAX_BACKOFF_S = 300;
const BASE_MEMORY = 0.42;
const BASE_CPU = 0.3;
const NO_USAGE = { memory: 0, cpu: 0 };

export class PodLifecycle {
  private readonly lives = new Map<string, PodLife>();
  private ranked: { pods: readonly SimPod[]; rank: Map<string, number> } | null = null;

  constructor(
    private readonly cluster: KubeCluster,
    private readonly rng: Rng,
  ) {}

  /** Memory and CPU use of a pod as a fraction of its limits. */
  usage(uid: string): Readonly<{ memory: number; cpu: number }> {
    return this.lives.get(uid) ?? NO_USAGE;
  }

  tick(tMs: number, dtSeconds: number, symptoms: Symptoms): PodEvent[] {
    const events: PodEvent[] = [];
    const pods = this.cluster.pods();
    if (pods !== this.ranked?.pods) {
      // the pods changed (the cluster answers the same array until then): rank them, forget those gone
      this.ranked = { pods, rank: rankWithinDeployment(pods) };
      const seen = new Set(pods.map((p) => p.uid));
      for (const uid of this.lives.keys()) if (!seen.has(uid)) this.lives.delete(uid);
    }
    const { rank } = this.ranked;
    for (const pod of pods) {
      if (pod.deleting) continue;
      let life = this.lives.get(pod.uid);
      if (!life) {
        life = this.born(tMs);
        this.lives.set(pod.uid, life);
      }
      this.updateUsage(life, pod, rank.get(pod.uid) ?? 0, dtSeconds, symptoms);
      if (pod.status === 'ContainerCreating' && life.phase === 'healthy') continue;
      const event = this.step(pod, life, tMs, this.shouldCrash(pod, symptoms));
      if (event) events.push({ pod, kind: event });
    }
    return events;
  }

  private born(tMs: number): PodLife {
    return { phase: 'healthy', since: tMs, until: 0, crashes: 0, memory: BASE_MEMORY, cpu: BASE_CPU };
  }

  private shouldCrash(pod: SimPod, symptoms: Symptoms): boolean {
    if (symptoms.crashing.has(`${pod.namespace}/${pod.deployment}`)) return true;
    if (pod.images.some((image) => symptoms.badImages.has(image))) return true;
    return symptoms.databaseFailing && pod.deployment === 'postgresql';
  }

  private updateUsage(life: PodLife, pod: SimPod, rank: number, dtSeconds: number, symptoms: Symptoms): void {
    const leak = symptoms.memoryLeak[`${pod.namespace}/${pod.deployment}`];
    const noise = 0.02 * this.rng.gaussian();
    if (leak && life.phase === 'healthy') {
      const plateau = leak.plateaus[rank % leak.plateaus.length] ?? 1;
      life.memory += (plateau - life.memory) * Math.min(1, dtSeconds / (leak.tauMinutes * 60)) + noise * 0.05;
    } else if (life.phase === 'healthy') life.memory = BASE_MEMORY + noise;
    // GC pressure burns CPU as the heap fills.
    life.cpu = Math.max(0.02, BASE_CPU + 0.6 * Math.max(0, life.memory - 0.7) + 0.03 * this.rng.gaussian());
  }

  private step(pod: SimPod, life: PodLife, tMs: number, crash: boolean): PodEvent['kind'] | null {
    const enter = (phase: Phase, until = 0) => Object.assign(life, { phase, since: tMs, until });
    switch (life.phase) {
      case 'healthy':
        if (crash && tMs - life.since >= RUN_BEFORE_CRASH_MS) {
          this.cluster.setContainer(pod.namespace, pod.name, { state: 'terminated', reason: 'Error', exitCode: 1 }, tMs);
          enter('terminated');
          return 'crashed';
        }
        if (!crash && life.memory >= 1) {
          this.cluster.setContainer(pod.namespace, pod.name, { state: 'terminated', reason: 'OOMKilled', exitCode: 137 }, tMs);
          life.memory = BASE_MEMORY;
          enter('oom');
          return 'oom';
        }
        return null;
      case 'crash-running':
        if (!crash) {
          this.cluster.setContainer(pod.namespace, pod.name, { state: 'running', ready: true }, tMs);
          enter('healthy');
          return 'recovered';
        }
        if (tMs - life.since >= RUN_BEFORE_CRASH_MS) {
          this.cluster.setContainer(pod.namespace, pod.name, { state: 'terminated', reason: 'Error', exitCode: 1 }, tMs);
          enter('terminated');
          return 'crashed';
        }
        return null;
      case 'terminated': {
        const backoffS = Math.min(MAX_BACKOFF_S, 10 * 2 ** life.crashes);
        life.crashes += 1;
        this.cluster.setContainer(
          pod.namespace,
          pod.name,
          { state: 'waiting', reason: 'CrashLoopBackOff', message: `back-off ${backoffS}s restarting failed container` },
          tMs,
        );
        enter('backoff', tMs + backoffS * 1000);
        return null;
      }
      case 'backoff':
        if (tMs < life.until) return null;
        this.cluster.setContainer(pod.namespace, pod.name, { state: 'running', ready: !crash }, tMs);
        enter(crash ? 'crash-running' : 'healthy');
        return 'restarted';
      case 'oom':
        if (tMs - life.since < 2000) return null;
        this.cluster.setContainer(pod.namespace, pod.name, { state: 'running', ready: true }, tMs);
        enter('healthy');
        return 'restarted';
    }
  }
}

/** Each pod's position among its deployment's live pods, oldest first, so scenarios can treat them unevenly. */
function rankWithinDeployment(pods: readonly SimPod[]): Map<string, number> {
  const ranks = new Map<string, number>();
  const seen = new Map<string, number>();
  const ordered = [...pods].filter((p) => !p.deleting).sort((a, b) => a.createdAt - b.createdAt || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const pod of ordered) {
    const key = `${pod.namespace}/${pod.deployment}`;
    const n = seen.get(key) ?? 0;
    ranks.set(pod.uid, n);
    seen.set(key, n + 1);
  }
  return ranks;
}
