// The log lines pods write each tick: request lines in proportion to traffic and errors, plus what the
// scenario makes them say (elections, heap warnings, crash reasons, refused database connections).
import type { LogStore, Rng, ServiceTraffic, SimPod } from '../contracts.js';
import { formatLine, requestPath, type Level } from './log-lines.js';
import { RequestEntry } from './request-entry.js';
import type { PodEvent } from './pod-lifecycle.js';
import type { Symptoms } from './scenarios.js';
import type { ServiceSpec } from './topology.js';

const FAILED_STATUSES = [500, 503, 503];
const OK_STATUSES = [200, 200, 200, 201, 304];

type PodLabels = RequestEntry['labels'];

export class Chatter {
  /** each pod's stream labels (by uid), built once rather than per line */
  private readonly labels = new Map<string, PodLabels>();

  constructor(
    private readonly logs: LogStore,
    private readonly rng: Rng,
  ) {}

  private labelsOf(pod: SimPod, service: ServiceSpec): PodLabels {
    let labels = this.labels.get(pod.uid);
    if (!labels) {
      labels = { app: service.deployment, job: service.job ?? service.deployment, namespace: pod.namespace, pod: pod.name, container: service.deployment };
      // pods come and go over a long run: forget the oldest rather than grow without bound
      if (this.labels.size >= 1000) this.labels.delete(this.labels.keys().next().value!);
      this.labels.set(pod.uid, labels);
    }
    return labels;
  }

  private write(pod: SimPod, service: ServiceSpec, tMs: number, line: string): void {
    this.logs.append({ tMs, namespace: pod.namespace, pod: pod.name, container: service.deployment, labels: this.labelsOf(pod, service), line });
  }

  private say(pod: SimPod, service: ServiceSpec, tMs: number, level: Level, target: string, msg: string, fields: Record<string, string | number> = {}) {
    this.write(pod, service, tMs, formatLine(service.logFormat, tMs, level, target, msg, fields));
  }

  /** How many of `expected` events happen this tick (a cheap Poisson stand-in). */
  private count(expected: number): number {
    const whole = Math.floor(expected);
    return whole + (this.rng.next() < expected - whole ? 1 : 0);
  }

  requests(pod: SimPod, service: ServiceSpec, traffic: ServiceTraffic | undefined, databaseUp: boolean, tMs: number, dtSeconds: number): void {
    if (!pod.ready || pod.deleting) return;
    // At most a minute's worth (and 20), so a tick after a long stall (a suspended laptop) writes no flood,
    // while the back-fill's 30-second ticks keep their full share.
    const n = Math.min(Math.max(20, Math.ceil(60 * service.logRate)), this.count(service.logRate * dtSeconds));
    // A container writes its lines in time order: one at a random moment in each n-th of the tick, oldest
    // first (already in order, so nothing to sort).
    const slotMs = (dtSeconds * 1000) / n;
    const failRatio = traffic === undefined ? 0 : Math.min(0.9, traffic.errorRatio * 3);
    const p50 = (traffic?.latencyP50 ?? 0.05) * 1000;
    const p99 = (traffic?.latencyP99 ?? 0.5) * 1000;
    const labels = this.labelsOf(pod, service);
    for (let i = 0; i < n; i++) {
      const at = tMs - Math.floor((n - 1 - i + this.rng.next()) * slotMs);
      const failed = traffic !== undefined && this.rng.next() < failRatio;
      const status = this.rng.pick(failed ? FAILED_STATUSES : OK_STATUSES);
      const latency = this.rng.next() < 0.1 ? p99 * (0.7 + 0.6 * this.rng.next()) : p50 * (0.5 + this.rng.next());
      this.logs.append(new RequestEntry(at, labels, service, requestPath(service, this.rng), status, latency));
    }
    if (!databaseUp && service.deployment !== 'postgresql' && traffic && this.rng.next() < 0.5) {
      this.say(pod, service, tMs, 'error', 'db', 'database connection refused', { error: 'dial tcp 10.42.3.7:5432: connect: connection refused' });
    }
  }

  scenario(pod: SimPod, service: ServiceSpec, symptoms: Symptoms, usage: { memory: number }, tMs: number, dtSeconds: number): void {
    if (pod.deleting) return;
    if (symptoms.consensusFlapping && service.deployment === 'hive-mind-rust' && this.rng.next() < 0.08 * dtSeconds) {
      this.say(pod, service, tMs, 'warn', 'hive_mind::consensus::raft', 'election timeout elapsed, starting election', { peer: 'hive-mind-rust-0' });
    }
    if (usage.memory > 0.8 && this.rng.next() < 0.1 * dtSeconds) {
      const limitMb = 2048;
      this.say(pod, service, tMs, 'warn', 'hive_mind::runtime', 'heap usage high, GC pressure', {
        used_mb: Math.round(usage.memory * limitMb),
        limit_mb: limitMb,
      });
    }
  }

  event(ev: PodEvent, service: ServiceSpec, symptoms: Symptoms, tMs: number): void {
    const { pod } = ev;
    if (ev.kind === 'crashed') {
      if (service.deployment === 'postgresql') {
        this.write(pod, service, tMs, formatLine('postgres', tMs, 'error', '', symptoms.crashMessage || 'FATAL:  the database system is shutting down', { pid: 1 }));
      } else if (pod.images.some((image) => symptoms.badImages.has(image))) {
        this.say(pod, service, tMs, 'error', 'migrate', 'migration 0042_add_session_index failed', { error: 'column "tenant_id" does not exist' });
        this.say(pod, service, tMs, 'error', 'main', 'exiting: startup failed', { exit_code: 1 });
      } else {
        this.say(pod, service, tMs, 'error', 'main', symptoms.crashMessage || 'fatal error', { exit_code: 1 });
      }
    } else if (ev.kind === 'oom') {
      this.say(pod, service, tMs, 'error', 'hive_mind::runtime', 'memory allocation failed, process will be OOM killed', { limit_mb: 2048 });
    } else {
      this.say(pod, service, tMs, 'info', 'main', 'starting', { version: pod.images[0]?.split(':')[1] ?? 'unknown' });
    }
  }
}
