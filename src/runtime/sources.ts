// Builds the sources a config asks for, one per SOURCE_KEYS entry. A backend the config leaves out is an
// unconfigured source (its pane says "not configured"); a kubeconfig that cannot be loaded becomes a failed
// source that says why in the Pods pane, unless the user named it explicitly, which makes it a
// config error. Every source states its own initial state: nobody decides twice which backends exist.
import type { HiveConfig } from '../config/config.js';
import { ConfigError } from '../config/config.js';
import { createAlertmanagerSource } from '../sources/alertmanager.js';
import { createConsensusSource } from '../sources/consensus.js';
import { createKubeHttp, loadKubeConfig } from '../sources/kube-client.js';
import { createKubeSource } from '../sources/kubernetes.js';
import { createLatencySource } from '../sources/latency.js';
import { createLokiErrorSource, DEFAULT_LOKI_ERRORS } from '../sources/loki.js';
import { createLogsSource, type LogsSource } from '../sources/logs.js';
import { createPrometheusClient } from '../sources/prometheus.js';
import { createSloSource } from '../sources/slos.js';
import { failedSource, unconfiguredSource, type Source } from '../sources/source.js';
import type { SourceData, SourceKey, SourceState } from '../state/types.js';
import { sanitizeLine } from '../text/sanitize.js';

/** Where each source publishes its state. */
export type Sink = { [K in SourceKey]: (state: SourceState<SourceData[K]>) => void };

export type Sources = { [K in SourceKey]: Source<SourceData[K]> };

export interface SourceSet {
  sources: Sources;
  /** the Logs pane's stream controls; null when there is no Kubernetes to read logs from */
  logs: LogsSource | null;
  /** kubeconfig context in use ('' when none) */
  context: string;
}

export type BuildSources = (config: HiveConfig, sink: Sink) => SourceSet;

type KubePart = Pick<Sources, 'kube' | 'logs'> & { control: LogsSource | null; context: string };

function kubeSources(config: HiveConfig, sink: Sink): KubePart {
  try {
    const kc = loadKubeConfig(config.kubernetes);
    const http = createKubeHttp(kc);
    const k = config.kubernetes;
    const logs = createLogsSource({ kc, http, capacity: config.logs.capacity, tailLines: config.logs.tailLines, timeoutMs: k.timeoutMs, onState: sink.logs });
    return {
      kube: createKubeSource({ kc, http, namespace: k.namespace, intervalMs: k.intervalMs, timeoutMs: k.timeoutMs, onState: sink.kube }),
      logs,
      control: logs,
      context: kc.getCurrentContext(),
    };
  } catch (err) {
    const explicit = config.kubernetes.kubeconfig !== null || config.kubernetes.context !== null;
    if (err instanceof ConfigError && explicit) throw err;
    const message = (err as Error).message;
    const problem = sanitizeLine(message.startsWith('kubernetes') ? message : `kubernetes: ${message}`, 240);
    // the Pods pane says why; the Logs pane, which has nothing to follow, is simply not configured
    return { kube: failedSource(problem), logs: unconfiguredSource(), control: null, context: '' };
  }
}

export const buildSources: BuildSources = (config, sink) => {
  const kube = kubeSources(config, sink);
  const prometheus = config.prometheus.url ? createPrometheusClient(config.prometheus.url, config.prometheus.timeoutMs) : null;
  const loki = config.loki.url;
  const sources: Sources = {
    kube: kube.kube,
    slos: prometheus ? createSloSource(prometheus, config.slos, config.prometheus, sink.slos) : unconfiguredSource(),
    latency: prometheus ? createLatencySource(prometheus, config.latency, config.prometheus, sink.latency) : unconfiguredSource(),
    alerts: config.alertmanager.url ? createAlertmanagerSource(config.alertmanager.url, config.alertmanager, sink.alerts) : unconfiguredSource(),
    consensus: config.consensus.mode
      ? createConsensusSource(config.consensus.mode, config.consensus.endpoints, config.consensus, sink.consensus)
      : unconfiguredSource(),
    logs: kube.logs,
    logErrors: loki
      ? createLokiErrorSource(loki, { ...DEFAULT_LOKI_ERRORS, ...(config.loki.errorQuery ? { query: config.loki.errorQuery } : {}) }, config.loki, sink.logErrors)
      : unconfiguredSource(),
  };
  return { sources, logs: kube.control, context: kube.context };
};
