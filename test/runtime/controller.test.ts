import { afterEach, describe, expect, it } from 'vitest';
import { createController, type Controller } from '../../src/runtime/controller.js';
import type { KubeData, LogLine, LogsData, PodInfo, SourceState } from '../../src/state/types.js';
import { emptyConfig, fakeSources, podInfo } from './fixtures.js';

let controller: Controller | null = null;
afterEach(() => {
  controller?.stop();
  controller = null;
});

const kube = (pods: PodInfo[]): SourceState<KubeData> => ({
  data: { pods, deployments: [], context: 'c', cluster: 'k', watch: 'live' },
  error: null,
  updatedAt: 1,
  loading: false,
});
const line = (seq: number): LogLine => ({ seq, ts: seq, namespace: 'production', pod: 'p', container: 'app', text: `line ${seq}`, level: 'info' });
const logs = (n: number): SourceState<LogsData> => ({
  data: { target: null, lines: Array.from({ length: n }, (_, i) => line(i + 1)), capacity: 5000, dropped: 0, stream: 'live' },
  error: null,
  updatedAt: 1,
  loading: false,
});

function setup() {
  const fake = fakeSources();
  let quits = 0;
  controller = createController(emptyConfig(), { mode: 'demo', scenario: 'crashloop', buildSources: fake.build, onQuit: () => quits++ });
  controller.start();
  return { fake, c: controller, quits: () => quits };
}

describe('controller', () => {
  it('follows the first problem pod\'s deployment until the user picks a pod', () => {
    const { fake, c } = setup();
    fake.sink.kube(kube([podInfo('web-1', 'Running', 'web'), podInfo('api-1', 'CrashLoopBackOff', 'api'), podInfo('api-2', 'Running', 'api')]));
    expect(fake.targets.at(-1)).toEqual({ kind: 'deployment', namespace: 'production', name: 'api' });
    // the crashing pod recovers for a moment: the stream is not flipped elsewhere
    fake.sink.kube(kube([podInfo('web-1', 'Running', 'web'), podInfo('api-1', 'Running', 'api'), podInfo('api-2', 'Running', 'api')]));
    expect(fake.targets).toHaveLength(1);
    // Pods are sorted problems first: row 1 is web-1 once api-1 crashes again; moving selects a pod to follow
    fake.sink.kube(kube([podInfo('web-1', 'Running', 'web'), podInfo('api-1', 'CrashLoopBackOff', 'api'), podInfo('api-2', 'Running', 'api')]));
    c.store.dispatch({ type: 'select-next' });
    expect(c.store.getState().ui.selection.pods).toBe(1);
    expect(fake.targets.at(-1)).toEqual({ kind: 'pod', namespace: 'production', name: 'api-2' });
    // later cluster changes no longer move the stream
    fake.sink.kube(kube([podInfo('db-0', 'Error', 'db'), podInfo('api-2', 'Running', 'api')]));
    expect(fake.targets.at(-1)).toEqual({ kind: 'pod', namespace: 'production', name: 'api-2' });
    // follow-selected widens to the selected pod's deployment
    c.store.dispatch({ type: 'logs-follow-selected' });
    expect(fake.targets.at(-1)).toEqual({ kind: 'deployment', namespace: 'production', name: 'api' });
    expect(c.store.getState().ui.flash).toBe('following deployment production/api');
  });

  it('does not retarget logs when moving in another pane', () => {
    const { fake, c } = setup();
    fake.sink.kube(kube([podInfo('a-1', 'Running', 'a'), podInfo('b-1', 'Running', 'b')]));
    const before = fake.targets.length;
    c.store.dispatch({ type: 'focus', pane: 'logs' });
    c.store.dispatch({ type: 'select-next' });
    expect(fake.targets).toHaveLength(before);
  });

  it('freezes the shown lines while paused but keeps the newest buffer for when it resumes', () => {
    const { fake, c } = setup();
    fake.sink.logs(logs(3));
    c.store.dispatch({ type: 'logs-pause-toggle' });
    fake.sink.logs({ ...logs(10), data: { ...logs(10).data!, stream: 'reconnecting' } });
    expect(c.store.getState().logs.data!.lines).toHaveLength(3);
    expect(c.store.getState().logs.data!.stream).toBe('reconnecting');
    c.store.dispatch({ type: 'logs-pause-toggle' });
    expect(c.store.getState().logs.data!.lines).toHaveLength(10);
  });

  it('clears the log buffer on logs-clear and calls onQuit on quit', () => {
    const { fake, c, quits } = setup();
    c.store.dispatch({ type: 'logs-clear' });
    expect(fake.cleared).toBe(1);
    c.store.dispatch({ type: 'quit' });
    expect(quits()).toBe(1);
  });

  it('shows unconfigured backends as "not configured" and waits only for configured ones', async () => {
    const c = createController(emptyConfig(), { mode: 'live', scenario: null, buildSources: (config, sink) => {
      const set = fakeSources().build(config, sink);
      return { ...set, slos: null, latency: null, alerts: null, consensus: null };
    } });
    controller = c;
    const s = c.store.getState();
    // not configured: no data, no error, not loading (shown muted, not as a failure)
    for (const src of [s.slos, s.latency, s.alerts, s.consensus]) expect(src).toEqual({ data: null, error: null, updatedAt: null, loading: false });
    expect(s.meta).toMatchObject({ mode: 'live', context: 'test-ctx' });
    c.start();
    const waiting = c.waitForFirstData(5000);
    expect(await Promise.race([waiting, new Promise((r) => setTimeout(() => r('pending'), 100))])).toBe('pending');
    c.store.update((x) => ({ ...x, kube: kube([]) }));
    expect(await waiting).toBe(true);
  });

  it('gives up waiting for first data after the timeout', async () => {
    const { c } = setup();
    expect(await c.waitForFirstData(50)).toBe(false);
  });

  it('starts and stops every source', () => {
    const { fake, c } = setup();
    c.stop();
    expect(fake.started.sort()).toEqual(['alerts', 'consensus', 'kube', 'latency', 'logs', 'slos']);
    expect(fake.stopped.sort()).toEqual(['alerts', 'consensus', 'kube', 'latency', 'logs', 'slos']);
  });
});
