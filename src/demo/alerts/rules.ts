// The runbooks' alerting rules, evaluated the way Prometheus does: a condition that holds becomes pending,
// fires once it has held for the rule's `for:` duration, and is forgotten the moment it stops holding.
import type { AlertRules, FiringAlert, WorldSnapshot } from '../contracts.js';
import { p95FromP50P99 } from './quantile.js';

export interface AlertRulesOptions {
  /** job/namespace for the consensus alerts (the hive-mind-rust raft members) */
  consensusJob?: string;
  consensusNamespace?: string;
  /** job/namespace for PostgreSQLDown */
  databaseJob?: string;
  databaseNamespace?: string;
}

const S = 1000;
const M = 60 * S;

// Error budget of the runbook's 99.9% availability SLO, and the classic fast-burn page (Google SRE workbook):
// burning 14.4x too fast over both 1h and 5m spends 2% of a 30-day budget in an hour.
const SLO_OBJECTIVE = 0.999;
const FAST_BURN = 14.4;
const SHORT_WINDOW_MS = 5 * M;
const LONG_WINDOW_MS = 60 * M;
const CRASH_LOOP_MEMORY_MS = 5 * M;

interface Candidate {
  key: string;
  forMs: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

interface Pending {
  activeSince: number;
  firedAt: number | null;
}

/** Time-decayed averages of a job's error ratio: cheap stand-ins for rate() over 5m and 1h at any tick size. */
interface BurnState {
  lastT: number;
  short: number;
  long: number;
}

const pct = (ratio: number): string => `${(ratio * 100).toFixed(ratio < 0.01 ? 2 : 1)}%`;

export function createAlertRules(opts: AlertRulesOptions = {}): AlertRules {
  const consensusJob = opts.consensusJob ?? 'hive-mind-rust';
  const consensusNamespace = opts.consensusNamespace ?? 'hive-mind-production';
  const databaseJob = opts.databaseJob ?? 'postgresql';
  const databaseNamespace = opts.databaseNamespace ?? 'database';

  const pending = new Map<string, Pending>();
  const burn = new Map<string, BurnState>();
  /** when each pod was last seen in CrashLoopBackOff */
  const crashLoopSeen = new Map<string, number>();

  /**
   * In CrashLoopBackOff now or within the last 5 minutes, like kube-prometheus's max_over_time over the
   * waiting reason: between back-offs a looping container runs for a few seconds and fails again, and that
   * must not reset the alert's `for:` clock (it would page, clear and page again every cycle).
   */
  function crashLooping(p: WorldSnapshot['pods'][number], t: number): boolean {
    const key = `${p.namespace}/${p.name}`;
    if (p.status === 'CrashLoopBackOff') crashLoopSeen.set(key, t);
    const seen = crashLoopSeen.get(key);
    return seen !== undefined && t - seen <= CRASH_LOOP_MEMORY_MS;
  }

  function updateBurn(job: string, t: number, errorRatio: number): BurnState {
    const prev = burn.get(job);
    if (!prev) {
      const fresh = { lastT: t, short: errorRatio, long: errorRatio };
      burn.set(job, fresh);
      return fresh;
    }
    const dt = Math.max(0, t - prev.lastT);
    prev.short += (errorRatio - prev.short) * (1 - Math.exp(-dt / SHORT_WINDOW_MS));
    prev.long += (errorRatio - prev.long) * (1 - Math.exp(-dt / LONG_WINDOW_MS));
    prev.lastT = t;
    return prev;
  }

  function candidates(world: WorldSnapshot): Candidate[] {
    const out: Candidate[] = [];
    const add = (forMs: number, labels: Record<string, string>, annotations: Record<string, string>) => {
      const key = JSON.stringify(Object.keys(labels).sort().map((k) => [k, labels[k]]));
      out.push({ key, forMs, labels, annotations });
    };

    for (const t of world.traffic) {
      const base = { job: t.job, namespace: t.namespace };
      if (!t.up) {
        add(1 * M, { alertname: 'ServiceDown', severity: 'critical', ...base }, {
          summary: `${t.job} is down`,
          description: `The scrape target of ${t.job} in ${t.namespace} has reported up == 0 for more than 1 minute.`,
        });
        // No scrape, no rates: the traffic rules have no data while the target is down.
        continue;
      }
      if (!(t.rps > 0)) continue;
      if (t.errorRatio > 0.1) {
        add(2 * M, { alertname: 'HighErrorRate', severity: 'critical', ...base }, {
          summary: `High 5xx error rate on ${t.job}`,
          description: `${pct(t.errorRatio)} of requests to ${t.job} fail with a 5xx status (threshold 10% for 2 minutes).`,
        });
      }
      const p95 = p95FromP50P99(t.latencyP50, t.latencyP99);
      if (p95 > 2) {
        add(5 * M, { alertname: 'HighLatency', severity: 'warning', ...base }, {
          summary: `High P95 latency on ${t.job}`,
          description: `P95 latency of ${t.job} is ${p95.toFixed(2)}s (threshold 2s for 5 minutes).`,
        });
      }
      const b = updateBurn(t.job, world.tMs, t.errorRatio);
      const budget = 1 - SLO_OBJECTIVE;
      const shortBurn = b.short / budget;
      const longBurn = b.long / budget;
      if (shortBurn > FAST_BURN && longBurn > FAST_BURN) {
        const hoursLeft = (30 * 24) / longBurn;
        add(2 * M, { alertname: 'SLOErrorBudgetBurn', severity: 'critical', slo: 'availability', ...base }, {
          summary: `${t.job} is burning its error budget ${longBurn.toFixed(1)}x too fast`,
          description:
            `Availability SLO 99.9%: burn rate ${shortBurn.toFixed(1)}x over 5m and ${longBurn.toFixed(1)}x over 1h; ` +
            `at this rate the 30-day error budget is gone in ${hoursLeft < 48 ? `${hoursLeft.toFixed(1)} hours` : `${(hoursLeft / 24).toFixed(1)} days`}.`,
        });
      }
    }

    for (const p of world.pods) {
      const base = { job: p.deployment, namespace: p.namespace, pod: p.name };
      if (p.memoryRatio > 0.85) {
        add(5 * M, { alertname: 'HighMemoryUsage', severity: 'warning', ...base }, {
          summary: `${p.name} is using ${pct(p.memoryRatio)} of its memory limit`,
          description: `Memory working set of ${p.namespace}/${p.name} has been above 85% of its limit for 5 minutes.`,
        });
      }
      if (p.cpuRatio > 0.8) {
        add(5 * M, { alertname: 'HighCPUUsage', severity: 'warning', ...base }, {
          summary: `${p.name} is using ${pct(p.cpuRatio)} of its CPU limit`,
          description: `CPU usage of ${p.namespace}/${p.name} has been above 80% of its limit for 5 minutes.`,
        });
      }
      if (crashLooping(p, world.tMs)) {
        add(1 * M, { alertname: 'PodCrashLooping', severity: 'warning', ...base }, {
          summary: `${p.name} is crash looping`,
          description: `Pod ${p.namespace}/${p.name} has been crash looping (in CrashLoopBackOff within the last 5 minutes) for more than 1 minute.`,
        });
      }
    }
    // a pod that is gone no longer crash-loops
    for (const key of crashLoopSeen.keys()) if (!world.pods.some((p) => `${p.namespace}/${p.name}` === key)) crashLoopSeen.delete(key);

    if (!world.database.up) {
      add(30 * S, { alertname: 'PostgreSQLDown', severity: 'critical', job: databaseJob, namespace: databaseNamespace }, {
        summary: 'PostgreSQL is unreachable',
        description: `${databaseJob} in ${databaseNamespace} has not answered for more than 30 seconds.`,
      });
    }

    const c = world.consensus;
    const cbase = { job: consensusJob, namespace: consensusNamespace };
    if (c.members > 0 && c.leaderId === null) {
      const quorum = Math.floor(c.members / 2) + 1;
      add(30 * S, { alertname: 'ConsensusNoLeader', severity: 'critical', ...cbase }, {
        summary: 'The consensus cluster has no leader',
        description:
          `No raft leader for more than 30 seconds; ${c.healthyMembers}/${c.members} members healthy ` +
          `(${c.healthyMembers >= quorum ? 'quorum available, elections failing' : `quorum needs ${quorum}`}).`,
      });
    }
    if (c.leaderChangesLast10m >= 3) {
      add(0, { alertname: 'ConsensusLeaderFlapping', severity: 'warning', ...cbase }, {
        summary: 'The consensus leader keeps changing',
        description: `${c.leaderChangesLast10m} leader changes in the last 10 minutes (threshold 3).`,
      });
    }
    return out;
  }

  return {
    evaluate(world: WorldSnapshot): FiringAlert[] {
      const now = world.tMs;
      const holding = candidates(world);
      const seen = new Set<string>();
      const firing: FiringAlert[] = [];
      for (const c of holding) {
        seen.add(c.key);
        let state = pending.get(c.key);
        if (!state) {
          state = { activeSince: now, firedAt: null };
          pending.set(c.key, state);
        }
        if (state.firedAt === null && now - state.activeSince >= c.forMs) state.firedAt = now;
        if (state.firedAt !== null) firing.push({ labels: c.labels, annotations: c.annotations, startsAt: state.firedAt });
      }
      for (const key of pending.keys()) if (!seen.has(key)) pending.delete(key);
      return firing;
    },
  };
}
