// The real sources against the in-process simulator: every pane gets data through the real protocols.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../../src/app/demo.js';
import { createController, type Controller } from '../../src/runtime/controller.js';
import { eventually } from '../helpers/eventually.js';

let demo: Demo;
let controller: Controller;

beforeAll(async () => {
  demo = await startDemo({ scenario: 'crashloop', seed: 3, rbac: 'admin' });
  controller = createController(demo.config, { mode: 'demo', scenario: 'crashloop', version: 'test' });
  controller.start();
  expect(await controller.waitForFirstData(15000)).toBe(true);
});

afterAll(async () => {
  controller?.stop();
  await demo?.sim.stop();
});

describe('sources against the simulator', () => {
  it('watches pods and resolves their Deployments', () => {
    const s = controller.store.getState();
    expect(s.kube.error).toBeNull();
    const pods = s.kube.data!.pods;
    expect(s.kube.data!.watch).toBe('live');
    expect(pods.find((p) => p.name.startsWith('claude-tui-'))).toMatchObject({ owner: 'claude-tui', ownerKind: 'Deployment' });
    expect(pods.some((p) => p.status === 'CrashLoopBackOff' || p.status === 'Error')).toBe(true);
    expect(s.kube.data!.deployments.map((d) => d.name)).toContain('claude-tui');
  });

  it('reads SLOs, latency, alerts and consensus', () => {
    const s = controller.store.getState();
    expect(s.slos.error).toBeNull();
    expect(s.slos.data!.map((x) => x.id)).toEqual(['availability', 'latency', 'throughput', 'errors']);
    expect(s.slos.data!.find((x) => x.id === 'throughput')!.value).toBeGreaterThan(0);
    expect(s.latency.data!.p99.length).toBeGreaterThan(0);
    expect(s.alerts.error).toBeNull();
    expect(s.consensus.data!.members).toHaveLength(3);
    expect(s.consensus.data!.leaderId).not.toBeNull();
    expect(s.consensus.data!.hasQuorum).toBe(true);
  });

  it('follows the crash-looping deployment in Logs', async () => {
    const s = controller.store.getState();
    expect(s.logs.data!.target).toMatchObject({ kind: 'deployment', name: 'hive-mind-coordinator' });
    await eventually('log lines of the followed deployment', () => (controller.store.getState().logs.data?.lines.length ?? 0) > 0);
    expect(controller.store.getState().logs.data!.lines.every((l) => l.pod.startsWith('hive-mind-coordinator-'))).toBe(true);
  });
});
