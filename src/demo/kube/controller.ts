// The controllers and the kubelet in one loop: deployments -> replica sets (rolling updates, revisions,
// rollbacks re-using an old replica set) -> pods (create, schedule, start, terminate), each tick.
import type { ContainerCondition, ContainerSpec, DeploymentSeed, Rng, SimPod } from '../contracts.js';
import { buildBarePod, buildDeployment, buildNamespace, buildNode, buildPod, buildReplicaSet, templateFromContainers, type BarePodSpec } from './builders.js';
import type { EventRecorder } from './events.js';
import {
  DEPLOYMENT_REVISION,
  compareKeys,
  TEMPLATE_HASH_LABEL,
  iso,
  ownerName,
  parseTime,
  podReady,
  podStatusWord,
  revisionOf,
  templateHash,
  type DeploymentObj,
  type PodObj,
  type ReplicaSetObj,
} from './objects.js';
import { applyContainerCondition, startPod, type KubeletEvent } from './pod-state.js';
import { planRollout } from './rollout.js';
import type { ObjectStore } from './store.js';
import { OwnerIndex } from './owner-index.js';
import { deploymentStatus, replicaSetStatus, sameCounts, sameJson } from './workload-status.js';

interface PodRuntime {
  /** reconcile ticks left in ContainerCreating before the kubelet starts it */
  ticksUntilStart: number;
  /** once the world has set the container, the simulated kubelet no longer starts it by itself */
  worldControlled: boolean;
  removeAtMs?: number;
  createdMs: number;
}

interface Progress {
  signature: string;
  lastProgressMs: number;
}

export interface ControllerDeps {
  store: ObjectStore;
  rng: Rng;
  events: EventRecorder;
  nodes: string[];
  now: () => number;
}

const podKey = (ns: string | undefined, name: string): string => `${ns ?? ''}/${name}`;
/** Terminating pods linger at most this long (their process exits on SIGTERM well before the grace period). */
const MAX_TERMINATING_MS = 3000;
const REVISION_HISTORY_LIMIT = 10;

export class Controller {
  private readonly runtime = new Map<string, PodRuntime>();
  private readonly owned: OwnerIndex;
  private readonly progress = new Map<string, Progress>();
  /**
   * pod-template-hash of stored deployments, by object identity: stored objects are never changed in place
   * (every write stores a new copy), and hashing the template on every tick dominated the history back-fill.
   */
  private readonly hashes = new WeakMap<object, string>();
  /** the inputs each stored deployment's status was last computed from (see refreshDeployment) */
  private readonly refreshedWith = new WeakMap<object, string>();
  private ipCounter = 0;
  /** the store's resourceVersion after a reconcile pass that wrote nothing and had no timed work left */
  private settledAt: string | null = null;
  /** set during a pass when its outcome depends on the time (pods starting or terminating, a rollout's deadline) */
  private clockBound = false;
  private podsCache: { rv: string; pods: SimPod[] } | null = null;

  constructor(private readonly d: ControllerDeps) {
    this.owned = new OwnerIndex(d.store);
    const t = d.now();
    d.nodes.forEach((name, i) => d.store.put(buildNode(name, i, t - 30 * 86_400_000, d.rng)));
  }

  seedNamespace(name: string): void {
    if (this.d.store.get('Namespace', undefined, name)) return;
    this.d.store.put(buildNamespace(name, this.d.now() - 30 * 86_400_000, this.d.rng));
  }

  seedDeployment(seed: DeploymentSeed): void {
    const { store, rng } = this.d;
    if (store.get('Deployment', seed.namespace, seed.name)) throw new Error(`deployment ${seed.namespace}/${seed.name} is already seeded`);
    this.seedNamespace(seed.namespace);
    const labels = { app: seed.name, ...seed.labels };
    const templates = [...(seed.history ?? []), seed.containers];
    const dep = store.put(buildDeployment(seed, templateFromContainers(labels, seed.containers), templates.length, rng)) as DeploymentObj;
    const span = Math.max(0, this.d.now() - seed.createdAt);
    let current: ReplicaSetObj | undefined;
    templates.forEach((containers, i) => {
      const template = templateFromContainers(labels, containers);
      const hash = templateHash(template);
      const isCurrent = i === templates.length - 1;
      const createdMs = seed.createdAt + Math.floor((span * i) / templates.length);
      const rs = buildReplicaSet({ ...dep, spec: { ...dep.spec, template } }, hash, i + 1, isCurrent ? seed.replicas : 0, createdMs, rng);
      // a template seen twice in history is one replica set carrying the later revision
      store.put(rs);
      if (isCurrent) current = rs;
    });
    if (current) {
      const rsCreated = parseTime(current.metadata.creationTimestamp) ?? seed.createdAt;
      for (let k = 0; k < seed.replicas; k++) {
        const pod = this.newPod(current, rsCreated + 1000 + k * 300);
        startPod(pod, rsCreated + 5000 + k * 300, rng);
        store.put(pod);
      }
    }
    this.refreshStatuses(this.d.now());
  }

  /**
   * A running pod no controller owns (a bare `kubectl run`), stored as given: nothing here checks that its
   * name or labels are valid, as nothing stops a buggy or malicious API server from serving such a pod.
   */
  seedBarePod(p: BarePodSpec): void {
    const node = this.pickNode();
    const nodeIndex = Math.max(0, this.d.nodes.indexOf(node));
    const pod = buildBarePod(p, node, `10.0.0.${10 + nodeIndex}`, `10.244.${nodeIndex}.250`, this.d.rng);
    const events = startPod(pod, p.tMs + 3000, this.d.rng);
    this.runtime.set(podKey(p.namespace, p.name), { ticksUntilStart: 0, worldControlled: false, createdMs: p.tMs });
    this.d.store.put(pod);
    this.podEvents(pod, events, p.tMs + 3000);
  }

  /** The pods as the world sees them: the same array until the store changes (callers must not change it). */
  pods(namespace?: string): readonly SimPod[] {
    const rv = this.d.store.resourceVersion;
    if (this.podsCache?.rv !== rv) {
      const all = (this.d.store.peek('Pod') as PodObj[])
        .map((pod) => this.simPod(pod))
        .sort((a, b) => compareKeys(a.namespace, b.namespace) || compareKeys(a.name, b.name));
      this.podsCache = { rv, pods: all };
    }
    const all = this.podsCache.pods;
    return namespace === undefined ? all : all.filter((p) => p.namespace === namespace);
  }

  reconcile(tMs: number): void {
    const { store } = this.d;
    // A pass that changed nothing, with nothing waiting on the clock, would change nothing again until
    // something is written: skip it (most ticks of a steady cluster, and of the history back-fill).
    if (this.settledAt === store.resourceVersion) return;
    const before = store.resourceVersion;
    this.clockBound = false;
    this.kubelet(tMs);
    for (const dep of store.peek('Deployment') as DeploymentObj[]) this.syncRollout(dep.metadata.namespace ?? '', dep.metadata.name, tMs);
    this.syncReplicaSets(tMs);
    this.refreshStatuses(tMs);
    this.settledAt = !this.clockBound && store.resourceVersion === before ? before : null;
  }

  setContainer(namespace: string, name: string, condition: ContainerCondition, tMs: number): void {
    const pod = this.d.store.get('Pod', namespace, name) as PodObj | undefined;
    if (!pod || pod.metadata.deletionTimestamp) return;
    const rt = this.runtimeOf(pod);
    rt.worldControlled = true;
    const events = applyContainerCondition(pod, 0, condition, tMs, this.d.rng);
    this.d.store.put(pod);
    this.podEvents(pod, events, tMs);
  }

  /**
   * Graceful pod deletion: the pod shows deletionTimestamp (kubectl: Terminating) until its containers
   * have stopped, then disappears. gracePeriodSeconds=0 removes it at once, as the apiserver does.
   */
  deletePod(namespace: string, name: string, graceSeconds: number | undefined, tMs: number, dryRun: boolean): PodObj | undefined {
    const pod = this.d.store.get('Pod', namespace, name) as PodObj | undefined;
    if (!pod) return undefined;
    if (pod.metadata.deletionTimestamp) return pod;
    const spec = pod.spec as { terminationGracePeriodSeconds?: number };
    const grace = Math.max(0, Math.floor(graceSeconds ?? spec.terminationGracePeriodSeconds ?? 30));
    pod.metadata.deletionTimestamp = iso(tMs + grace * 1000);
    pod.metadata.deletionGracePeriodSeconds = grace;
    if (dryRun) return pod;
    if (grace === 0) {
      this.runtime.delete(podKey(namespace, name));
      return this.d.store.remove('Pod', namespace, name) as PodObj | undefined;
    }
    this.runtimeOf(pod).removeAtMs = tMs + Math.min(grace * 1000, MAX_TERMINATING_MS);
    const stored = this.d.store.put(pod) as PodObj;
    const events: KubeletEvent[] = pod.spec.containers.map((c) => ({ type: 'Normal', reason: 'Killing', message: `Stopping container ${c.name}` }));
    this.podEvents(pod, events, tMs);
    return stored;
  }

  /** Change a deployment's containers the way `kubectl set image` / a CI deploy would, and start rolling out. */
  setTemplate(namespace: string, name: string, containers: ContainerSpec[], tMs: number): void {
    const dep = this.d.store.get('Deployment', namespace, name) as DeploymentObj | undefined;
    if (!dep) throw new Error(`no deployment ${namespace}/${name} to change`);
    const next = templateFromContainers(dep.spec.template.metadata.labels ?? {}, containers);
    next.metadata = { ...dep.spec.template.metadata, labels: { ...(dep.spec.template.metadata.labels ?? {}) } };
    if (templateHash(next) === templateHash(dep.spec.template)) return;
    dep.spec.template = next;
    dep.metadata.generation = (dep.metadata.generation ?? 1) + 1;
    this.d.store.put(dep);
    this.syncRollout(namespace, name, tMs);
  }

  /** Background cascading delete: the deployment and its replica sets go now, their pods terminate gracefully. */
  deleteDeployment(namespace: string, name: string, tMs: number, dryRun: boolean): DeploymentObj | undefined {
    const dep = this.d.store.get('Deployment', namespace, name) as DeploymentObj | undefined;
    if (!dep || dryRun) return dep;
    const rss = this.replicaSetsOf(dep);
    this.d.store.remove('Deployment', namespace, name);
    this.progress.delete(podKey(namespace, name));
    for (const rs of rss) {
      for (const pod of this.activePodsOf(rs)) this.deletePod(namespace, pod.metadata.name, undefined, tMs, false);
      this.d.store.remove('ReplicaSet', namespace, rs.metadata.name);
    }
    return dep;
  }

  /**
   * The deployment controller's step for one deployment: find or create the replica set of the current
   * template (an old one with an identical template is re-used and gets the next revision, which is what
   * makes `kubectl rollout undo` work), then resize replica sets for a rolling update.
   */
  syncRollout(namespace: string, name: string, tMs: number): void {
    const { store, rng } = this.d;
    // read-only: every write below goes through store.put/mutate, which copy
    const dep = store.peekOne('Deployment', namespace, name) as DeploymentObj | undefined;
    if (!dep) return;
    const owned = this.replicaSetsOf(dep);
    const hash = this.storedTemplateHash(dep);
    const maxRevision = owned.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
    let newRs = owned.find((rs) => rs.metadata.labels?.[TEMPLATE_HASH_LABEL] === hash);
    const oldRss = owned.filter((rs) => rs !== newRs);
    const anyOldActive = oldRss.some((rs) => rs.spec.replicas > 0);
    if (!newRs) {
      const start = anyOldActive ? 0 : dep.spec.replicas;
      newRs = store.put(buildReplicaSet(dep, hash, maxRevision + 1, start, tMs, rng)) as ReplicaSetObj;
      if (start > 0) this.scalingEvent(dep, newRs.metadata.name, 0, start, tMs);
    } else if (revisionOf(newRs) < maxRevision) {
      newRs = store.mutate('ReplicaSet', namespace, newRs.metadata.name, (rs) => {
        rs.metadata.annotations = { ...(rs.metadata.annotations ?? {}), [DEPLOYMENT_REVISION]: String(maxRevision + 1) };
      }) as ReplicaSetObj;
    }
    const revision = String(revisionOf(newRs));
    if (dep.metadata.annotations?.[DEPLOYMENT_REVISION] !== revision) {
      store.mutate('Deployment', namespace, name, (obj) => {
        obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [DEPLOYMENT_REVISION]: revision };
      });
    }
    if ((dep.spec as { paused?: boolean }).paused) return;

    const counts = (rs: ReplicaSetObj) => ({
      name: rs.metadata.name,
      replicas: rs.spec.replicas,
      available: this.activePodsOf(rs).filter(podReady).length,
      createdMs: parseTime(rs.metadata.creationTimestamp) ?? 0,
    });
    const before = new Map(owned.map((rs) => [rs.metadata.name, rs.spec.replicas]));
    before.set(newRs.metadata.name, newRs.spec.replicas);
    const plan = planRollout(dep.spec.replicas, counts(newRs), oldRss.map(counts));
    for (const [rsName, size] of plan.sizes) {
      const from = before.get(rsName) ?? 0;
      store.mutate('ReplicaSet', namespace, rsName, (rs) => {
        (rs as ReplicaSetObj).spec.replicas = size;
        rs.metadata.annotations = { ...(rs.metadata.annotations ?? {}), 'deployment.kubernetes.io/desired-replicas': String(dep.spec.replicas) };
      });
      this.scalingEvent(dep, rsName, from, size, tMs);
    }
    this.pruneHistory(dep, newRs.metadata.name);
  }

  private pruneHistory(dep: DeploymentObj, keep: string): void {
    const old = this.replicaSetsOf(dep)
      .filter((rs) => rs.metadata.name !== keep && rs.spec.replicas === 0 && this.podsOf(rs).length === 0)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of old.slice(0, Math.max(0, old.length - REVISION_HISTORY_LIMIT))) {
      this.d.store.remove('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
    }
  }

  private scalingEvent(dep: DeploymentObj, rsName: string, from: number, to: number, tMs: number): void {
    if (from === to) return;
    this.d.events.record({
      namespace: dep.metadata.namespace ?? '',
      kind: 'Deployment',
      name: dep.metadata.name,
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: `Scaled ${to > from ? 'up' : 'down'} replica set ${rsName} from ${from} to ${to}`,
      tMs,
    });
  }

  /** The replica set controller: as many active pods as spec.replicas, removing the least useful first. */
  private syncReplicaSets(tMs: number): void {
    for (const rs of this.d.store.peek('ReplicaSet') as ReplicaSetObj[]) {
      const active = this.activePodsOf(rs);
      const missing = rs.spec.replicas - active.length;
      for (let i = 0; i < missing; i++) {
        const pod = this.d.store.put(this.newPod(rs, tMs)) as PodObj;
        this.d.events.record({ namespace: pod.metadata.namespace ?? '', kind: 'ReplicaSet', name: rs.metadata.name, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata.name}`, tMs });
        this.d.events.record({
          namespace: pod.metadata.namespace ?? '',
          kind: 'Pod',
          name: pod.metadata.name,
          type: 'Normal',
          reason: 'Scheduled',
          message: `Successfully assigned ${pod.metadata.namespace ?? ''}/${pod.metadata.name} to ${pod.spec.nodeName}`,
          component: 'default-scheduler',
          tMs,
        });
      }
      if (missing < 0) {
        const victims = [...active].sort((a, b) => {
          const ra = podReady(a) ? 1 : 0;
          const rb = podReady(b) ? 1 : 0;
          if (ra !== rb) return ra - rb;
          return compareKeys(String(b.metadata.creationTimestamp), String(a.metadata.creationTimestamp));
        });
        for (const pod of victims.slice(0, -missing)) {
          this.deletePod(pod.metadata.namespace ?? '', pod.metadata.name, undefined, tMs, false);
          this.d.events.record({ namespace: pod.metadata.namespace ?? '', kind: 'ReplicaSet', name: rs.metadata.name, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, tMs });
        }
      }
    }
  }

  /** The kubelet: start fresh pods after a tick or two, remove terminated ones. */
  private kubelet(tMs: number): void {
    for (const stored of this.d.store.peek('Pod') as PodObj[]) {
      const rt = this.runtimeOf(stored);
      const creating = stored.status.containerStatuses.every((cs) => cs.state.waiting?.reason === 'ContainerCreating');
      if (!stored.metadata.deletionTimestamp && (rt.worldControlled || !creating)) continue;
      this.clockBound = true;
      if (stored.metadata.deletionTimestamp) {
        if (rt.removeAtMs === undefined || tMs >= rt.removeAtMs) {
          this.d.store.remove('Pod', stored.metadata.namespace, stored.metadata.name);
          this.runtime.delete(podKey(stored.metadata.namespace, stored.metadata.name));
        }
        continue;
      }
      rt.ticksUntilStart -= 1;
      if (rt.ticksUntilStart > 0) continue;
      const pod = structuredClone(stored);
      const events = startPod(pod, tMs, this.d.rng);
      this.d.store.put(pod);
      this.podEvents(pod, events, tMs);
    }
  }

  private refreshStatuses(tMs: number): void {
    const { store } = this.d;
    for (const rs of store.peek('ReplicaSet') as ReplicaSetObj[]) {
      const active = this.activePodsOf(rs);
      const ready = active.filter(podReady).length;
      const status = replicaSetStatus(active.length, ready, rs.metadata.generation ?? 1);
      // Most ticks change nothing: skip the store's copy-compare-write (it dominated the history back-fill).
      if (sameCounts(status, rs.status)) continue;
      store.mutate('ReplicaSet', rs.metadata.namespace, rs.metadata.name, (obj) => {
        obj.status = status;
      });
    }
    for (const dep of store.peek('Deployment') as DeploymentObj[]) this.refreshDeployment(dep, tMs);
  }

  private refreshDeployment(dep: DeploymentObj, tMs: number): void {
    const owned = this.replicaSetsOf(dep);
    const hash = this.storedTemplateHash(dep);
    const newRs = owned.find((rs) => rs.metadata.labels?.[TEMPLATE_HASH_LABEL] === hash);
    const active = owned.flatMap((rs) => this.activePodsOf(rs));
    const updated = newRs ? this.activePodsOf(newRs) : [];
    const ready = active.filter(podReady).length;
    const key = podKey(dep.metadata.namespace, dep.metadata.name);
    const signature = `${hash}/${updated.length}/${updated.filter(podReady).length}/${active.length}/${ready}/${dep.spec.replicas}`;
    const prog = this.progress.get(key);
    const lastProgressMs = prog && prog.signature === signature ? prog.lastProgressMs : tMs;
    this.progress.set(key, { signature, lastProgressMs });
    const progressDeadlineMs = (Number((dep.spec as { progressDeadlineSeconds?: number }).progressDeadlineSeconds) || 600) * 1000;
    const complete = updated.length === dep.spec.replicas && active.length === dep.spec.replicas && ready === dep.spec.replicas;
    const stuck = !complete && tMs - lastProgressMs > progressDeadlineMs;
    // an unfinished rollout's status changes when its deadline passes (and not again once it has)
    if (!complete && !stuck) this.clockBound = true;
    // The same stored deployment with the same counts and deadline state has the status it had: a rollout
    // in progress is refreshed on every tick, and building and comparing its status was most of the pass.
    const inputs = `${signature}/${stuck}/${newRs?.metadata.name ?? ''}`;
    if (this.refreshedWith.get(dep) === inputs) return;
    const status = deploymentStatus(
      {
        desired: dep.spec.replicas,
        active: active.length,
        updated: updated.length,
        ready,
        generation: dep.metadata.generation ?? 1,
        newRsName: newRs?.metadata.name ?? dep.metadata.name,
        lastProgressMs,
        progressDeadlineMs,
      },
      dep.status,
      tMs,
    );
    const stored = sameJson(status, dep.status)
      ? dep
      : this.d.store.mutate('Deployment', dep.metadata.namespace, dep.metadata.name, (obj) => {
          obj.status = status;
        });
    // what the store holds now (a write stores a new object) has the status these inputs give
    const current = this.d.store.peekOne('Deployment', dep.metadata.namespace, dep.metadata.name);
    if (stored && current) this.refreshedWith.set(current, inputs);
  }

  private storedTemplateHash(dep: DeploymentObj): string {
    let hash = this.hashes.get(dep);
    if (hash === undefined) {
      hash = templateHash(dep.spec.template);
      this.hashes.set(dep, hash);
    }
    return hash;
  }

  private newPod(rs: ReplicaSetObj, tMs: number): PodObj {
    const node = this.pickNode();
    const nodeIndex = Math.max(0, this.d.nodes.indexOf(node));
    this.ipCounter += 1;
    const podIP = `10.244.${nodeIndex}.${(this.ipCounter % 250) + 2}`;
    const pod = buildPod(rs, node, `10.0.0.${10 + nodeIndex}`, podIP, tMs, this.d.rng);
    this.runtime.set(podKey(pod.metadata.namespace, pod.metadata.name), { ticksUntilStart: this.d.rng.int(1, 3), worldControlled: false, createdMs: tMs });
    return pod;
  }

  private pickNode(): string {
    const load = new Map(this.d.nodes.map((n) => [n, 0]));
    for (const pod of this.d.store.peek('Pod') as PodObj[]) load.set(pod.spec.nodeName, (load.get(pod.spec.nodeName) ?? 0) + 1);
    let best = this.d.nodes[0] ?? 'node-0';
    for (const n of this.d.nodes) if ((load.get(n) ?? 0) < (load.get(best) ?? 0)) best = n;
    return best;
  }

  private runtimeOf(pod: PodObj): PodRuntime {
    const key = podKey(pod.metadata.namespace, pod.metadata.name);
    let rt = this.runtime.get(key);
    if (!rt) {
      rt = { ticksUntilStart: 0, worldControlled: false, createdMs: parseTime(pod.metadata.creationTimestamp) ?? 0 };
      this.runtime.set(key, rt);
    }
    return rt;
  }

  private podEvents(pod: PodObj, events: KubeletEvent[], tMs: number): void {
    const container = pod.spec.containers[0]?.name;
    for (const ev of events) {
      this.d.events.record({
        namespace: pod.metadata.namespace ?? '',
        kind: 'Pod',
        name: pod.metadata.name,
        ...ev,
        tMs,
        host: pod.spec.nodeName,
        ...(container ? { fieldPath: `spec.containers{${container}}` } : {}),
      });
    }
  }

  replicaSetsOf(dep: DeploymentObj): ReplicaSetObj[] {
    return this.owned.of('ReplicaSet', dep) as ReplicaSetObj[];
  }

  private podsOf(rs: ReplicaSetObj): PodObj[] {
    return this.owned.of('Pod', rs) as PodObj[];
  }

  private activePodsOf(rs: ReplicaSetObj): PodObj[] {
    return this.podsOf(rs).filter((p) => !p.metadata.deletionTimestamp);
  }

  private simPod(pod: PodObj): SimPod {
    const rsName = ownerName(pod, 'ReplicaSet') ?? '';
    const hash = pod.metadata.labels?.[TEMPLATE_HASH_LABEL] ?? '';
    const deployment = hash && rsName.endsWith(`-${hash}`) ? rsName.slice(0, -hash.length - 1) : rsName;
    return {
      namespace: pod.metadata.namespace ?? '',
      name: pod.metadata.name,
      uid: pod.metadata.uid,
      deployment,
      templateHash: hash,
      images: pod.spec.containers.map((c) => c.image),
      node: pod.spec.nodeName,
      createdAt: this.runtimeOf(pod).createdMs,
      restarts: pod.status.containerStatuses.reduce((n, cs) => n + cs.restartCount, 0),
      phase: pod.status.phase,
      ready: podReady(pod),
      status: podStatusWord(pod),
      deleting: Boolean(pod.metadata.deletionTimestamp),
    };
  }
}
