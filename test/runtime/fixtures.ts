import type { ConfigError } from '../../src/config/config.js';
import { resolveConfig } from '../../src/config/load.js';
import type { LogsSource } from '../../src/sources/logs.js';
import type { BuildSources, Sink, SourceSet } from '../../src/runtime/sources.js';
import type { Source } from '../../src/sources/source.js';
import { initialSourceState, type LogsData, type LogTarget, type PodInfo } from '../../src/state/types.js';

export type { ConfigError };
export const emptyConfig = () => resolveConfig({}, '/');

export const podInfo = (name: string, status = 'Running', owner: string | null = 'api', extra: Partial<PodInfo> = {}): PodInfo => ({
  namespace: 'production',
  name,
  uid: `uid-${name}`,
  phase: status === 'Completed' ? 'Succeeded' : 'Running',
  status,
  ready: status === 'Running' ? 1 : 0,
  total: 1,
  restarts: 0,
  createdAt: 0,
  node: 'node-1',
  owner,
  ownerKind: owner ? 'Deployment' : null,
  labels: {},
  ...extra,
});

export interface FakeSources {
  sink: Sink;
  targets: (LogTarget | null)[];
  cleared: number;
  started: string[];
  stopped: string[];
  build: BuildSources;
}

/** Sources that do nothing but record calls; the test pushes states through `sink`. */
export function fakeSources(): FakeSources {
  const fake: FakeSources = {
    sink: null as unknown as Sink,
    targets: [],
    cleared: 0,
    started: [],
    stopped: [],
    build: (_config, sink) => {
      fake.sink = sink;
      const source = <T>(name: string): Source<T> => ({
        start: () => fake.started.push(name),
        stop: () => fake.stopped.push(name),
        initialState: () => initialSourceState<T>(),
      });
      let target: LogTarget | null = null;
      const logs: LogsSource = {
        ...source<LogsData>('logs'),
        setTarget(t) {
          target = t;
          fake.targets.push(t);
        },
        getTarget: () => target,
        clear() {
          fake.cleared++;
        },
      };
      const set: SourceSet = {
        sources: {
          kube: source('kube'),
          slos: source('slos'),
          latency: source('latency'),
          alerts: source('alerts'),
          consensus: source('consensus'),
          logs,
          logErrors: source('logErrors'),
        },
        logs,
        context: 'test-ctx',
      };
      return set;
    },
  };
  return fake;
}

/** Options every test controller needs. */
export const controllerBase = { version: '9.9.9-test' } as const;
