// Cancelling a planned action changes nothing in the cluster, although planning it ran a server dry run of
// the very write: the console's controller, the real executor and the in-process simulator, with the
// objects read back through the Kubernetes API (client-node, the client the console uses) before and after.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor, type ActionKind, type JournalEntry } from '../../src/actions/index.js';
import { startDemo, type Demo } from '../../src/app/demo.js';
import { createController, type Controller } from '../../src/runtime/controller.js';
import type { ModalState } from '../../src/state/types.js';
import { eventually, eventuallyValue } from '../helpers/eventually.js';

let demo: Demo;
let controller: Controller;
let dir: string;
let journalPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hive-oncall-cancel-'));
  journalPath = join(dir, 'audit.jsonl');
  demo = await startDemo({ scenario: 'bad-deploy', seed: 3, rbac: 'admin' });
  const executor = createExecutor(demo.config, { journalPath });
  controller = createController(demo.config, { mode: 'demo', scenario: 'bad-deploy', version: 'test', executor });
  controller.start();
  expect(await controller.waitForFirstData(15000)).toBe(true);
});

afterAll(async () => {
  controller?.stop();
  await demo?.sim.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What a write by undo, scale, restart or delete would change: the Deployment's spec and the set of pods. */
async function clusterObjects() {
  const kc = new KubeConfig();
  kc.loadFromFile(demo.sim.kubeconfigPath);
  const d = await kc.makeApiClient(AppsV1Api).readNamespacedDeployment({ name: 'claude-tui', namespace: 'production' });
  const pods = await kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'production' });
  return {
    generation: d.metadata?.generation,
    revision: d.metadata?.annotations?.['deployment.kubernetes.io/revision'],
    // rollout restart writes this annotation into the template
    template: JSON.stringify(d.spec?.template),
    replicas: d.spec?.replicas,
    pods: pods.items
      .filter((p) => !p.metadata?.deletionTimestamp)
      .map((p) => `${p.metadata?.name} ${p.metadata?.uid}`)
      .sort(),
  };
}

const modal = (): ModalState | null => controller.store.getState().ui.modal;

function journalOnDisk(): JournalEntry[] {
  return readFileSync(journalPath, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as JournalEntry);
}

/** Open the action on the selection, wait for its plan (dry run included), then cancel as Esc would. */
async function openAndCancel(action: ActionKind, journalled: number): Promise<ModalState> {
  controller.store.dispatch({ type: 'action-open', action });
  const planned = await eventuallyValue(`the ${action} plan`, modal, (m) => m !== null && m.phase !== 'planning', { timeoutMs: 10000 });
  expect(planned).toMatchObject({ action, phase: 'ready' });
  expect(planned!.plan!.dryRun).toMatchObject({ ok: true });
  controller.store.dispatch({ type: 'modal-cancel' });
  expect(modal()).toBeNull();
  await eventually(`the cancelled ${action} in the journal`, () => controller.store.getState().actions.journal.length === journalled);
  return planned!;
}

describe('cancelling an action', () => {
  it('leaves the Deployment and its pods as they were after undo, scale, restart and delete are planned and cancelled', async () => {
    const before = await clusterObjects();

    const actions: ActionKind[] = ['rollout-undo', 'scale', 'rollout-restart', 'pod-delete'];
    const targets: string[] = [];
    for (const [i, action] of actions.entries()) {
      const { request } = await openAndCancel(action, i + 1);
      targets.push(request.target.kind === 'pod' || request.target.kind === 'deployment' ? `${request.target.kind} ${request.target.name}` : '');
    }
    // the selection (the bad rollout's crash-looping pod, listed first) is what the snapshot above covers
    expect(targets.slice(0, 3)).toEqual(['deployment claude-tui', 'deployment claude-tui', 'deployment claude-tui']);
    expect(targets[3]).toMatch(/^pod claude-tui-/);

    expect(await clusterObjects()).toEqual(before);
    const expected = actions.map((action) => [action, 'cancelled', null]);
    expect(controller.store.getState().actions.journal.map((e) => [e.action, e.decision, e.result])).toEqual(expected);
    expect(journalOnDisk().map((e) => [e.action, e.decision, e.result])).toEqual(expected);
  });
});
