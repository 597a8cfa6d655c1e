// The resolved config every other module reads: defaults filled in, durations in ms, SLO entries completed.
import type { Keymap } from '../../keymaps/types.js';
import type { LatencySpec, SloSpec } from './defaults.js';

export interface SourceTiming {
  intervalMs: number;
  timeoutMs: number;
}

export interface HiveConfig {
  kubernetes: SourceTiming & {
    /** kubeconfig file; null = the default loading rules ($KUBECONFIG, ~/.kube/config, in-cluster) */
    kubeconfig: string | null;
    context: string | null;
    /** null = all namespaces */
    namespace: string | null;
  };
  prometheus: SourceTiming & { url: string | null };
  alertmanager: SourceTiming & { url: string | null };
  /** errorQuery: LogQL for the error summary; null = the built-in one */
  loki: SourceTiming & { url: string | null; errorQuery: string | null };
  consensus: SourceTiming & { mode: 'etcd' | 'http' | null; endpoints: string[] };
  slos: SloSpec[];
  latency: LatencySpec;
  logs: { capacity: number; tailLines: number };
  /** refuse every write (--read-only or `readOnly: true`) */
  readOnly: boolean;
  /** start in low-bandwidth mode (`lowBandwidth: true` or --low-bandwidth) */
  lowBandwidth: boolean;
  /** ASCII only (true), UTF-8 (false), or as the locale says (null) */
  ascii: boolean | null;
  /** the remediation audit journal (JSON lines) */
  audit: { path: string };
  /** regex source, matched case-insensitively against the kube context and the target namespace */
  production: { pattern: string };
  /** who acts: silences' createdBy and the journal's user */
  user: string;
  /** key bindings: the built-in map named by `keymap:` with the `keys:` overrides applied, conflict-free */
  keymap: Keymap;
}

/** Why a config cannot be used; the message names the key path, e.g. `prometheus.url: must be an http(s) URL`. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const DEFAULT_TIMING: Record<'kubernetes' | 'prometheus' | 'alertmanager' | 'loki' | 'consensus', SourceTiming> = {
  // kubernetes: pods come from a watch; the interval paces the deployment/replicaset polls
  kubernetes: { intervalMs: 10_000, timeoutMs: 5_000 },
  prometheus: { intervalMs: 5_000, timeoutMs: 4_000 },
  alertmanager: { intervalMs: 5_000, timeoutMs: 4_000 },
  loki: { intervalMs: 5_000, timeoutMs: 4_000 },
  consensus: { intervalMs: 2_000, timeoutMs: 1_500 },
};

export const DEFAULT_LOG_CAPACITY = 5000;
export const DEFAULT_TAIL_LINES = 100;
