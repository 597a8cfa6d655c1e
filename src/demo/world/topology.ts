// The Hive Mind system as the runbooks describe it: which deployments run where, what traffic each serves
// when healthy, and the image history behind `kubectl rollout undo`.
import type { ContainerSpec } from '../contracts.js';

export interface ServiceSpec {
  namespace: string;
  deployment: string;
  /** Prometheus job label; null for workloads that serve no HTTP traffic */
  job: string | null;
  replicas: number;
  image: string;
  /** earlier images, oldest first (each an old ReplicaSet) */
  history: string[];
  /** healthy traffic */
  rps: number;
  latencyP50: number;
  latencyP99: number;
  errorRatio: number;
  clientErrorRatio: number;
  /** log lines per second per pod when healthy */
  logRate: number;
  logFormat: 'tracing' | 'json' | 'logfmt' | 'postgres';
}

export const NAMESPACES = ['hive-mind-production', 'production', 'database', 'monitoring'];
export const NODES = ['hive-node-1', 'hive-node-2', 'hive-node-3', 'hive-node-4'];

export const SERVICES: ServiceSpec[] = [
  {
    namespace: 'hive-mind-production',
    deployment: 'hive-mind-rust',
    job: 'hive-mind-rust',
    replicas: 3,
    image: 'ghcr.io/hive-mind/hive-mind-rust:v2.4.1',
    history: ['ghcr.io/hive-mind/hive-mind-rust:v2.3.9', 'ghcr.io/hive-mind/hive-mind-rust:v2.4.0'],
    rps: 80,
    latencyP50: 0.012,
    latencyP99: 0.18,
    errorRatio: 0.0002,
    clientErrorRatio: 0.004,
    logRate: 0.6,
    logFormat: 'tracing',
  },
  {
    namespace: 'production',
    deployment: 'claude-tui',
    job: 'claude-tui',
    replicas: 3,
    image: 'ghcr.io/hive-mind/claude-tui:v1.7.2',
    history: ['ghcr.io/hive-mind/claude-tui:v1.7.1'],
    rps: 120,
    latencyP50: 0.09,
    latencyP99: 0.7,
    errorRatio: 0.0003,
    clientErrorRatio: 0.01,
    logRate: 0.8,
    logFormat: 'json',
  },
  {
    namespace: 'production',
    deployment: 'hive-mind-coordinator',
    job: 'hive-mind-coordinator',
    replicas: 2,
    image: 'ghcr.io/hive-mind/hive-mind-coordinator:v3.1.0',
    history: ['ghcr.io/hive-mind/hive-mind-coordinator:v3.0.4'],
    rps: 45,
    latencyP50: 0.05,
    latencyP99: 0.45,
    errorRatio: 0.0002,
    clientErrorRatio: 0.005,
    logRate: 0.4,
    logFormat: 'logfmt',
  },
  {
    namespace: 'database',
    deployment: 'postgresql',
    job: 'postgresql',
    replicas: 1,
    image: 'docker.io/library/postgres:15.5',
    history: [],
    rps: 0,
    latencyP50: 0,
    latencyP99: 0,
    errorRatio: 0,
    clientErrorRatio: 0,
    logRate: 0.15,
    logFormat: 'postgres',
  },
];

/** The image bad-deploy rolls out: it fails its migrations on start. */
export const BAD_DEPLOY = { deployment: 'claude-tui', namespace: 'production', image: 'ghcr.io/hive-mind/claude-tui:v1.8.0' };

/** The consensus members: the three hive-mind-rust replicas, by stable raft node name. */
export const CONSENSUS_MEMBERS = ['hive-mind-rust-0', 'hive-mind-rust-1', 'hive-mind-rust-2'];

export const containersFor = (service: ServiceSpec, image: string): ContainerSpec[] => [
  { name: service.deployment, image, args: ['--config', '/etc/hive/config.toml'] },
];
