import { afterEach, describe, expect, it } from 'vitest';
import { visibleLogLines } from '../../src/runtime/selectors.js';
import { eventually } from '../helpers/eventually.js';
import { createController, type Controller } from '../../src/runtime/controller.js';
import type { KubeData, LogLine, LogsData, PodInfo, SourceState } from '../../src/state/types.js';
import { unconfiguredSource } from '../../src/sources/source.js';
import { FLASH_MS } from '../../src/runtime/flash.js';
import { controllerBase, emptyConfig, fakeSources, podInfo } from './fixtures.js';

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

function setup(clock?: { t: number }) {
  const fake = fakeSources();
  let quits = 0;
  controller = createController(emptyConfig(), {
    ...controllerBase,
    mode: 'demo',
    scenario: 'crashloop',
    buildSources: fake.build,
    onQuit: () => quits++,
    ...(clock ? { now: () => clock.t, tickMs: 5 } : {}),
  });
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
    expect(c.store.getState().ui.flash?.text).toBe('following deployment production/api');
  });

  it('does not retarget logs when moving in another pane', () => {
    const { fake, c } = setup();
    fake.sink.kube(kube([podInfo('a-1', 'Running', 'a'), podInfo('b-1', 'Running', 'b')]));
    const before = fake.targets.length;
    c.store.dispatch({ type: 'focus', pane: 'logs' });
    c.store.dispatch({ type: 'select-next' });
    expect(fake.targets).toHaveLength(before);
  });

  it('freezes the shown lines while paused; the stream goes on and shows again on resume', () => {
    const { fake, c } = setup();
    fake.sink.logs(logs(3));
    c.store.dispatch({ type: 'logs-pause-toggle' });
    fake.sink.logs({ ...logs(10), data: { ...logs(10).data!, stream: 'reconnecting' } });
    expect(visibleLogLines(c.store.getState())).toHaveLength(3);
    // stream health still comes through while paused
    expect(c.store.getState().logs.data!.stream).toBe('reconnecting');
    c.store.dispatch({ type: 'logs-pause-toggle' });
    expect(visibleLogLines(c.store.getState())).toHaveLength(10);
  });

  it('clearing while paused empties the source and the paused pane, and stays paused', () => {
    const { fake, c } = setup();
    fake.sink.logs(logs(5));
    c.store.dispatch({ type: 'logs-pause-toggle' });
    c.store.dispatch({ type: 'logs-clear' });
    expect(fake.cleared).toBe(1);
    expect(visibleLogLines(c.store.getState())).toEqual([]);
    expect(c.store.getState().ui.logsFrozen).toEqual([]);
    expect(c.store.getState().ui.flash?.text).toBe('logs cleared');
    // new lines arrive in the source but the paused pane stays empty until resumed
    fake.sink.logs(logs(2));
    expect(visibleLogLines(c.store.getState())).toEqual([]);
    c.store.dispatch({ type: 'logs-pause-toggle' });
    expect(visibleLogLines(c.store.getState())).toHaveLength(2);
  });

  it('calls onQuit on quit', () => {
    const { c, quits } = setup();
    c.store.dispatch({ type: 'quit' });
    expect(quits()).toBe(1);
  });

  it('takes a flash away once its time is up, on the clock tick', async () => {
    const clock = { t: 1_000_000 };
    const { c } = setup(clock);
    c.store.dispatch({ type: 'logs-pause-toggle' });
    expect(c.store.getState().ui.flash).toEqual({ text: 'logs paused', expiresAt: 1_000_000 + FLASH_MS });
    clock.t += FLASH_MS - 1;
    await eventually('a tick at the new time', () => c.store.getState().now === clock.t);
    expect(c.store.getState().ui.flash?.text).toBe('logs paused');
    clock.t += 1;
    await eventually('the flash to go', () => c.store.getState().ui.flash === null);
  });

  it('shows the version it was given, and unconfigured backends as "not configured"; waits only for configured ones', async () => {
    const c = createController(emptyConfig(), {
      ...controllerBase,
      mode: 'live',
      scenario: null,
      buildSources: (config, sink) => {
        const set = fakeSources().build(config, sink);
        const none = unconfiguredSource<never>();
        return { ...set, sources: { ...set.sources, slos: none, latency: none, alerts: none, consensus: none, logErrors: none } };
      },
    });
    controller = c;
    const s = c.store.getState();
    // not configured: no data, no error, not loading (shown muted, not as a failure)
    for (const src of [s.slos, s.latency, s.alerts, s.consensus, s.logErrors]) expect(src).toEqual({ data: null, error: null, updatedAt: null, loading: false });
    expect(s.meta).toMatchObject({ mode: 'live', context: 'test-ctx', version: '9.9.9-test' });
    c.start();
    const waiting = c.waitForFirstData(5000);
    expect(await Promise.race([waiting, new Promise((r) => setTimeout(() => r('pending'), 100))])).toBe('pending');
    c.store.update((x) => ({ ...x, kube: kube([]), logs: logs(0) }));
    expect(await waiting).toBe(true);
  });

  it('gives up waiting for first data after the timeout', async () => {
    const { c } = setup();
    expect(await c.waitForFirstData(50)).toBe(false);
  });

  it('starts and stops every source', () => {
    const { fake, c } = setup();
    c.stop();
    expect(fake.started.sort()).toEqual(['alerts', 'consensus', 'kube', 'latency', 'logErrors', 'logs', 'slos']);
    expect(fake.stopped.sort()).toEqual(['alerts', 'consensus', 'kube', 'latency', 'logErrors', 'logs', 'slos']);
  });
});
