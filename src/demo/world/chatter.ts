// The log lines pods write each tick: request lines in proportion to traffic and errors, plus what the
// scenario makes them say (elections, heap warnings, crash reasons, refused database connections).
import type { LogStore, Rng, ServiceTraffic, SimPod } from '../contracts.js';
import { formatLine, requestLine, type Level } from './log-lines.js';
import type { PodEvent } from './pod-lifecycle.js';
import type { Symptoms } from './scenarios.js';
import type { ServiceSpec } from './topology.js';

export class Chatter {
  constructor(
    private readonly logs: LogStore,
    private readonly rng: Rng,
  ) {}

  private write(pod: SimPod, service: ServiceSpec, tMs: number, line: string): void {
    this.logs.append({
      tMs,
      namespace: pod.namespace,
      pod: pod.name,
      container: service.deployment,
      labels: { app: service.deployment, job: service.job ?? service.deployment, namespace: pod.namespace, pod: pod.name, container: service.deployment },
      line,
    });
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
    const n = Math.min(20, this.count(service.logRate * dtSeconds));
    // A container writes its lines in time order: spread them over the tick, oldest first.
    const offsets = Array.from({ length: n }, () => Math.floor(this.rng.next() * dtSeconds * 1000)).sort((a, b) => b - a);
    for (let i = 0; i < n; i++) {
      const at = tMs - offsets[i]!;
      const failed = traffic !== undefined && this.rng.next() < Math.min(0.9, traffic.errorRatio * 3);
      const status = failed ? this.rng.pick([500, 503, 503]) : this.rng.pick([200, 200, 200, 201, 304]);
      const p50 = (traffic?.latencyP50 ?? 0.05) * 1000;
      const p99 = (traffic?.latencyP99 ?? 0.5) * 1000;
      const latency = this.rng.next() < 0.1 ? p99 * (0.7 + 0.6 * this.rng.next()) : p50 * (0.5 + this.rng.next());
      this.write(pod, service, at, requestLine(service, this.rng, at, status, latency).line);
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
