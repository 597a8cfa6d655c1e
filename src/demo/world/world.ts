// The simulated Hive Mind system over time: each tick applies the scenario's causes to the cluster and lets
// every reading (traffic, metrics, logs, consensus, alerts) follow from the resulting state.
import type {
  AlertmanagerSim,
  AlertRules,
  ConsensusSim,
  ContainerSpec,
  GaugeSample,
  KubeCluster,
  LogStore,
  MetricsEngine,
  ScenarioName,
  ServiceTraffic,
  SimPod,
  WorldSnapshot,
} from '../contracts.js';
import { createRng } from '../rng.js';
import { Chatter } from './chatter.js';
import { PodLifecycle } from './pod-lifecycle.js';
import { ONSET_BEFORE_START_MS, RAMP_SECONDS, symptomsAt } from './scenarios.js';
import { BAD_DEPLOY, containersFor, NAMESPACES, SERVICES, type ServiceSpec } from './topology.js';
import { PodViews, serviceOf } from './pod-view.js';
import { trafficFor } from './traffic.js';

/** The world changes a deployment's pod template the way `kubectl set image` would. */
export interface RolloutCapable {
  setTemplate(namespace: string, deployment: string, containers: ContainerSpec[], tMs: number): void;
}

export interface WorldParts {
  cluster: KubeCluster & RolloutCapable;
  metrics: MetricsEngine;
  rules: AlertRules;
  alertmanager: AlertmanagerSim;
  consensus: ConsensusSim;
  logs: LogStore;
}

const MEMORY_LIMIT_BYTES = 2 * 1024 ** 3;
const CPU_LIMIT_CORES = 2;
const TRAFFIC_SERVICES = SERVICES.filter((s): s is ServiceSpec & { job: string } => s.job !== null);
/** the consensus members are this deployment's pods */
const CONSENSUS_SERVICE = SERVICES.find((s) => s.deployment === 'hive-mind-rust')!;
const PG_LABELS: Record<string, string> = { namespace: 'database', job: 'postgresql' };
const NO_LABELS: Record<string, string> = {};
const gauge = (name: string, help: string, labels: Record<string, string>, value: number): GaugeSample => ({ name, help, labels, value });

export class World {
  private readonly lifecycle: PodLifecycle;
  private readonly chatter: Chatter;
  private readonly trafficRng;
  private onsetMs: number;
  private rolledOut = false;
  private lastTickMs: number | null = null;
  private readonly views = new PodViews();
  private gaugePods: readonly SimPod[] | null = null;
  private readonly gaugeLabels = new Map<string, { labels: Record<string, string>; readyLabels: Record<string, string> }>();

  constructor(
    private readonly parts: WorldParts,
    private scenario: ScenarioName,
    seed: number,
    /** when the simulator started: the incident began ONSET_BEFORE_START_MS before it */
    startMs: number,
  ) {
    this.lifecycle = new PodLifecycle(parts.cluster, createRng(seed, 'lifecycle'));
    this.chatter = new Chatter(parts.logs, createRng(seed, 'logs'));
    this.trafficRng = createRng(seed, 'traffic');
    this.onsetMs = startMs - ONSET_BEFORE_START_MS;
  }

  /**
   * Switch scenario at tMs, fully developed at once (its ramp already behind it), so that a switch shows in
   * the metrics on the next scrape; alert rules still wait out their own `for:` durations.
   */
  setScenario(scenario: ScenarioName, tMs: number): void {
    this.scenario = scenario;
    this.onsetMs = tMs - RAMP_SECONDS * 1000;
    this.rolledOut = false;
  }

  get currentScenario(): ScenarioName {
    return this.scenario;
  }

  /** Create the namespaces and deployments as they were when history begins. */
  seed(tMs: number): void {
    for (const ns of NAMESPACES) this.parts.cluster.seedNamespace(ns);
    const created = tMs - 3 * 24 * 3600 * 1000;
    for (const s of SERVICES) {
      this.parts.cluster.seedDeployment({
        namespace: s.namespace,
        name: s.deployment,
        replicas: s.replicas,
        labels: { app: s.deployment, 'app.kubernetes.io/part-of': 'hive-mind' },
        containers: containersFor(s, s.image),
        history: s.history.map((image) => containersFor(s, image)),
        createdAt: created,
      });
    }
  }

  /** Run the world from `fromMs` (included) to `toMs` (excluded) in steps, so the dashboard opens on history. */
  backfill(fromMs: number, toMs: number, stepMs: number): void {
    for (let t = fromMs; t < toMs; t += stepMs) this.tick(t);
  }

  tick(tMs: number): void {
    const dtSeconds = this.lastTickMs === null ? 1 : Math.max(0.001, (tMs - this.lastTickMs) / 1000);
    this.lastTickMs = tMs;
    const symptoms = symptomsAt(this.scenario, (tMs - this.onsetMs) / 1000);
    this.maybeRollOutBadDeploy(tMs);

    const { cluster, consensus } = this.parts;
    cluster.reconcile(tMs);
    const events = this.lifecycle.tick(tMs, dtSeconds, symptoms);
    const view = this.views.of(cluster.pods());
    const { pods, ready, upJobs } = view;
    const traffic: ServiceTraffic[] = TRAFFIC_SERVICES.map((s) => trafficFor(s, ready.get(s)!, upJobs, symptoms, this.trafficRng));

    const readyMembers = Math.min(consensus.names.length, ready.get(CONSENSUS_SERVICE)?.ready ?? 0);
    const downMembers = consensus.names.map((_, i) => i).filter((i) => i >= readyMembers);
    consensus.tick(tMs, { flapping: symptoms.consensusFlapping, downMembers });

    const trafficByJob = new Map(traffic.map((t) => [t.job, t]));
    for (const ev of events) {
      const service = serviceOf(ev.pod);
      if (service) this.chatter.event(ev, service, symptoms, tMs);
    }
    const databaseUp = upJobs.has('postgresql');
    for (let i = 0; i < pods.length; i++) {
      const pod = pods[i]!;
      const service = view.services[i];
      if (!service) continue;
      this.chatter.requests(pod, service, service.job ? trafficByJob.get(service.job) : undefined, databaseUp, tMs, dtSeconds);
      this.chatter.scenario(pod, service, symptoms, this.lifecycle.usage(pod.uid), tMs, dtSeconds);
    }

    this.parts.metrics.record(tMs, dtSeconds, traffic, this.gauges(pods, databaseUp));

    const leader = consensus.leaderIndex();
    const snapshot: WorldSnapshot = {
      tMs,
      traffic,
      pods: pods
        .filter((p) => !p.deleting)
        .map((p) => ({
          namespace: p.namespace,
          name: p.name,
          deployment: p.deployment,
          status: p.status,
          ready: p.ready,
          memoryRatio: this.lifecycle.usage(p.uid).memory,
          cpuRatio: this.lifecycle.usage(p.uid).cpu,
        })),
      consensus: {
        leaderId: leader === null ? null : (consensus.names[leader] ?? null),
        leaderChangesLast10m: consensus.leaderChangesSince(tMs - 10 * 60 * 1000),
        healthyMembers: consensus.healthyMembers(),
        members: consensus.names.length,
      },
      database: { up: databaseUp },
    };
    this.parts.alertmanager.receive(tMs, this.parts.rules.evaluate(snapshot));
  }

  private maybeRollOutBadDeploy(tMs: number): void {
    if (this.scenario !== 'bad-deploy' || this.rolledOut || tMs < this.onsetMs) return;
    this.rolledOut = true;
    const service = SERVICES.find((s) => s.deployment === BAD_DEPLOY.deployment)!;
    this.parts.cluster.setTemplate(BAD_DEPLOY.namespace, BAD_DEPLOY.deployment, containersFor(service, BAD_DEPLOY.image), tMs);
  }

  /**
   * Each pod's gauge labels, made once: the metrics engine finds a series again by its labels object, so
   * a tick's gauges cost no label keys (the back-fill records hundreds of ticks before the first frame).
   */
  private podLabels(p: SimPod): { labels: Record<string, string>; readyLabels: Record<string, string> } {
    let l = this.gaugeLabels.get(p.uid);
    if (!l) {
      l = { labels: { namespace: p.namespace, pod: p.name, container: p.deployment }, readyLabels: { namespace: p.namespace, pod: p.name } };
      this.gaugeLabels.set(p.uid, l);
    }
    return l;
  }

  private gauges(pods: readonly SimPod[], databaseUp: boolean): GaugeSample[] {
    if (this.gaugePods !== pods) {
      // the pods changed: forget the labels of those gone
      this.gaugePods = pods;
      const live = new Set(pods.filter((p) => !p.deleting).map((p) => p.uid));
      for (const uid of this.gaugeLabels.keys()) if (!live.has(uid)) this.gaugeLabels.delete(uid);
    }
    const out: GaugeSample[] = [];
    for (const p of pods) {
      if (p.deleting) continue;
      const { labels, readyLabels } = this.podLabels(p);
      const use = this.lifecycle.usage(p.uid);
      out.push(
        gauge('container_memory_working_set_bytes', 'Working set of the container in bytes.', labels, Math.round(use.memory * MEMORY_LIMIT_BYTES)),
        gauge('container_spec_memory_limit_bytes', 'Memory limit of the container in bytes.', labels, MEMORY_LIMIT_BYTES),
        gauge('hive_container_cpu_usage_cores', 'CPU in use by the container, in cores.', labels, use.cpu * CPU_LIMIT_CORES),
        gauge('hive_container_cpu_limit_cores', 'CPU limit of the container, in cores.', labels, CPU_LIMIT_CORES),
        gauge('kube_pod_container_status_restarts_total', 'Container restarts.', labels, p.restarts),
        gauge('kube_pod_status_ready', 'Whether the pod is ready.', readyLabels, p.ready ? 1 : 0),
      );
    }
    const c = this.parts.consensus;
    out.push(
      gauge('pg_up', 'Whether PostgreSQL answers.', PG_LABELS, databaseUp ? 1 : 0),
      gauge('hive_consensus_has_leader', 'Whether the consensus cluster has a leader.', NO_LABELS, c.leaderIndex() === null ? 0 : 1),
      gauge('hive_consensus_healthy_members', 'Healthy consensus members.', NO_LABELS, c.healthyMembers()),
      gauge('hive_consensus_members', 'Consensus members.', NO_LABELS, c.names.length),
      gauge('hive_consensus_leader_changes_total', 'Leader changes since the simulator started.', NO_LABELS, c.leaderChangesSince(0)),
    );
    return out;
  }
}
