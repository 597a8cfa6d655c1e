// Builds the sources a config asks for. A backend the config leaves out gets no source (its pane says
// "not configured"); a kubeconfig that cannot be loaded becomes the Pods pane's error, unless the user named
// it explicitly, which makes it a config error.
import type { HiveConfig } from '../config/config.js';
import { ConfigError } from '../config/config.js';
import { createAlertmanagerSource } from '../sources/alertmanager.js';
import { createConsensusSource } from '../sources/consensus.js';
import { createKubeHttp, loadKubeConfig } from '../sources/kube-client.js';
import { createKubeSource } from '../sources/kubernetes.js';
import { createLatencySource } from '../sources/latency.js';
import { createLokiErrorSource, DEFAULT_LOKI_ERRORS } from '../sources/loki.js';
import { createLogsSource, type LogsSource } from '../sources/logs.js';
import type { Source } from '../sources/poller.js';
import { createPrometheusClient } from '../sources/prometheus.js';
import { createSloSource } from '../sources/slos.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { AlertsData, ConsensusData, KubeData, LatencyData, LogErrorSummary, LogsData, SloValue, SourceState } from '../state/types.js';

export interface Sink {
  kube(s: SourceState<KubeData>): void;
  slos(s: SourceState<SloValue[]>): void;
  latency(s: SourceState<LatencyData>): void;
  alerts(s: SourceState<AlertsData>): void;
  consensus(s: SourceState<ConsensusData>): void;
  logs(s: SourceState<LogsData>): void;
  logErrors(s: SourceState<LogErrorSummary>): void;
}

export interface SourceSet {
  kube: Source | null;
  slos: Source | null;
  latency: Source | null;
  alerts: Source | null;
  consensus: Source | null;
  logs: LogsSource | null;
  logErrors: Source | null;
  /** kubeconfig context in use ('' when none) */
  context: string;
  /** why there is no kube source, shown in the Pods pane */
  kubeProblem: string | null;
}

export type BuildSources = (config: HiveConfig, sink: Sink) => SourceSet;

export const buildSources: BuildSources = (config, sink) => {
  const set: SourceSet = { kube: null, slos: null, latency: null, alerts: null, consensus: null, logs: null, logErrors: null, context: '', kubeProblem: null };

  try {
    const kc = loadKubeConfig(config.kubernetes);
    const http = createKubeHttp(kc);
    set.context = kc.getCurrentContext();
    const k = config.kubernetes;
    set.kube = createKubeSource({ kc, http, namespace: k.namespace, intervalMs: k.intervalMs, timeoutMs: k.timeoutMs, onState: sink.kube });
    set.logs = createLogsSource({ kc, http, capacity: config.logs.capacity, tailLines: config.logs.tailLines, timeoutMs: k.timeoutMs, onState: sink.logs });
  } catch (err) {
    const explicit = config.kubernetes.kubeconfig !== null || config.kubernetes.context !== null;
    if (err instanceof ConfigError && explicit) throw err;
    const message = (err as Error).message;
    set.kubeProblem = sanitizeLine(message.startsWith('kubernetes') ? message : `kubernetes: ${message}`, 240);
  }

  if (config.prometheus.url) {
    const client = createPrometheusClient(config.prometheus.url, config.prometheus.timeoutMs);
    set.slos = createSloSource(client, config.slos, config.prometheus, sink.slos);
    set.latency = createLatencySource(client, config.latency, config.prometheus, sink.latency);
  }
  if (config.alertmanager.url) set.alerts = createAlertmanagerSource(config.alertmanager.url, config.alertmanager, sink.alerts);
  if (config.loki.url) {
    set.logErrors = createLokiErrorSource(config.loki.url, { ...DEFAULT_LOKI_ERRORS, ...(config.loki.errorQuery ? { query: config.loki.errorQuery } : {}) }, config.loki, sink.logErrors);
  }
  if (config.consensus.mode) {
    set.consensus = createConsensusSource(config.consensus.mode, config.consensus.endpoints, config.consensus, sink.consensus);
  }
  return set;
};
