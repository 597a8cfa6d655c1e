// What each scenario does to the system, as the runbooks describe its symptoms. Symptoms are causes, not
// readings: the world turns them into pod states, traffic, logs and consensus behaviour, and the readings
// (metrics, alerts) follow from those, so remediation that removes a cause heals the readings too.
import type { ScenarioName } from '../contracts.js';

export interface TrafficEffect {
  /** added 5xx ratio */
  errorRatio?: number;
  /** multiplies P50 and P99 */
  latencyFactor?: number;
  /** multiplies P99 only (tail latency) */
  tailFactor?: number;
  rpsFactor?: number;
}

export interface Symptoms {
  /** deployments ("namespace/name") whose pods crash whatever their image */
  crashing: ReadonlySet<string>;
  /** why they crash, as the log says it */
  crashMessage: string;
  /** images that crash on start (a bad deploy) */
  badImages: ReadonlySet<string>;
  /** per job */
  traffic: Readonly<Record<string, TrafficEffect>>;
  /** the database process is failing (its dependants then fail through DEPENDENCIES in traffic.ts) */
  databaseFailing: boolean;
  consensusFlapping: boolean;
  /** per deployment: where each pod's memory (fraction of its limit) is heading, and how fast */
  memoryLeak: Readonly<Record<string, MemoryLeak>>;
}

/**
 * A leak that fills caches towards a plateau: pods whose plateau is above the limit are OOM-killed over and
 * over, the others sit above the 85% alert line (so HighMemoryUsage fires and stays, as in the runbook).
 */
export interface MemoryLeak {
  /** plateau per pod, by the pod's rank among its deployment's pods */
  plateaus: number[];
  /** time constant of the approach, minutes */
  tauMinutes: number;
}

export const CALM: Symptoms = {
  crashing: new Set(),
  crashMessage: '',
  badImages: new Set(),
  traffic: {},
  databaseFailing: false,
  consensusFlapping: false,
  memoryLeak: {},
};

/** How long after the simulator's history begins the incident starts, and how long it takes to build up. */
export const ONSET_BEFORE_START_MS = 20 * 60 * 1000;
export const RAMP_SECONDS = 120;

/** Symptoms `sinceOnsetSeconds` after the incident began (negative: before it). */
export function symptomsAt(scenario: ScenarioName, sinceOnsetSeconds: number): Symptoms {
  if (scenario === 'calm' || sinceOnsetSeconds < 0) return CALM;
  const r = Math.min(1, sinceOnsetSeconds / RAMP_SECONDS);
  switch (scenario) {
    case 'crashloop':
      return {
        ...CALM,
        crashing: new Set(['production/hive-mind-coordinator']),
        crashMessage: 'panic: invalid config: HIVE_CONSENSUS_PEERS is empty',
      };
    case 'bad-deploy':
      // The rollout itself happens in the world at onset; the bad image then crashes on its own.
      return { ...CALM, badImages: new Set(['ghcr.io/hive-mind/claude-tui:v1.8.0']) };
    case 'latency-spike':
      return {
        ...CALM,
        traffic: {
          'claude-tui': { latencyFactor: 1 + 1.5 * r, tailFactor: 1 + 3.5 * r },
          'hive-mind-coordinator': { latencyFactor: 1 + r, tailFactor: 1 + 4 * r },
        },
      };
    case 'error-storm':
      return {
        ...CALM,
        traffic: {
          'claude-tui': { errorRatio: 0.22 * r, tailFactor: 1 + 0.5 * r },
          'hive-mind-coordinator': { errorRatio: 0.06 * r },
        },
      };
    case 'leader-flap':
      return {
        ...CALM,
        consensusFlapping: true,
        traffic: { 'hive-mind-rust': { errorRatio: 0.015 * r, latencyFactor: 1 + r, tailFactor: 1 + 4 * r } },
      };
    case 'memory-leak':
      return {
        ...CALM,
        memoryLeak: { 'hive-mind-production/hive-mind-rust': { plateaus: [1.1, 0.93, 0.9], tauMinutes: 6 } },
        traffic: { 'hive-mind-rust': { tailFactor: 1 + 0.8 * r } },
      };
    case 'db-down':
      return {
        ...CALM,
        databaseFailing: true,
        crashMessage: 'FATAL:  could not open file "global/pg_control": No such file or directory',
      };
  }
}
