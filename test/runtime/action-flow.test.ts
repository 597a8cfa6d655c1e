// The runtime flow behind the action keys: selection -> target, permission + plan, confirm or cancel,
// journal; driven through the controller exactly as key presses arrive, against an honest fake executor.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionKind } from '../../src/state/actions.js';
import { createController, type Controller } from '../../src/runtime/controller.js';
import type { Intent } from '../../src/state/intents.js';
import type { AlertsData, DeploymentInfo, KubeData, PodInfo, SourceState } from '../../src/state/types.js';
import { controllerBase, emptyConfig, fakeSources, podInfo } from './fixtures.js';
import { fakeExecutor, type FakeExecutorOptions } from './fake-executor.js';
import { eventually } from '../helpers/eventually.js';

let controller: Controller | null = null;
afterEach(() => {
  controller?.stop();
  controller = null;
});

const src = <T>(data: T): SourceState<T> => ({ data, error: null, updatedAt: 1, loading: false });
const deployment = (name: string, replicas: number): DeploymentInfo => ({
  namespace: 'production',
  name,
  replicas,
  readyReplicas: replicas,
  updatedReplicas: replicas,
  availableReplicas: replicas,
  revision: 2,
  images: [],
});
const kube = (pods: PodInfo[], deployments: DeploymentInfo[] = []): SourceState<KubeData> =>
  src({ pods, deployments, context: 'hive-demo', cluster: 'hive-demo', watch: 'live' });

function setup(opts: FakeExecutorOptions & { readOnly?: boolean } = {}) {
  const fake = fakeSources();
  const executor = fakeExecutor(opts);
  controller = createController(emptyConfig(), {
    ...controllerBase,
    mode: 'demo',
    scenario: 'bad-deploy',
    buildSources: fake.build,
    executor,
    readOnly: opts.readOnly,
    permissionDebounceMs: 0,
  });
  controller.start();
  // sorted problems first: api-1 (crashing, Deployment api) is row 0, db-0 (StatefulSet) row 1
  fake.sink.kube(
    kube(
      [podInfo('api-1', 'CrashLoopBackOff', 'api'), podInfo('db-0', 'Running', 'db', { ownerKind: 'StatefulSet' })],
      [deployment('api', 3)],
    ),
  );
  const c = controller;
  const send = (...intents: Intent[]) => intents.forEach((i) => c.store.dispatch(i));
  const modal = () => c.store.getState().ui.modal;
  return { fake, executor, c, send, modal };
}

/** Lets the executor's promises settle. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

const open = (action: ActionKind): Intent => ({ type: 'action-open', action });
const ENTER: Intent = { type: 'modal-activate' };
const TAB: Intent = { type: 'modal-focus-next' };
const Y: Intent = { type: 'modal-confirm' };

describe('action flow', () => {
  it('opens the modal in planning, then shows the plan for the selected pod', async () => {
    const { executor, send, modal } = setup({ gatePlans: true });
    send(open('pod-delete'));
    expect(modal()).toMatchObject({ phase: 'planning', targetLabel: 'pod production/api-1' });
    executor.release();
    await settle();
    expect(modal()).toMatchObject({ phase: 'ready', focus: 'cancel' });
    expect(modal()!.plan?.confirmText).toBe('api-1');
  });

  it('acts on the pod\'s owning Deployment for restart, and explains when the owner is not one', async () => {
    const { executor, send, c, modal } = setup();
    send(open('rollout-restart'));
    await settle();
    expect(executor.plans.at(-1)?.target).toEqual({ kind: 'deployment', namespace: 'production', name: 'api' });
    send({ type: 'modal-cancel' });
    send({ type: 'select-next' }, open('rollout-restart'));
    expect(modal()).toBeNull();
    expect(c.store.getState().ui.flash?.text).toBe('restart: StatefulSet db is not a Deployment');
  });

  it('refuses every action key in a read-only session, with the reason, and opens nothing', () => {
    const { executor, send, c, modal } = setup({ readOnly: true });
    send(open('pod-delete'));
    expect(modal()).toBeNull();
    expect(c.store.getState().ui.flash?.text).toBe('read-only session: pod-delete is disabled');
    expect(executor.plans).toHaveLength(0);
  });

  it('says so when the action does not belong to the focused pane', () => {
    const { send, c, modal } = setup();
    send(open('silence-create'));
    expect(modal()).toBeNull();
    expect(c.store.getState().ui.flash?.text).toBe('silence: select an alert in the Alerts pane first');
  });

  it('Enter on the initial focus cancels: journaled as cancelled, nothing written', async () => {
    const { executor, send, c, modal } = setup();
    send(open('pod-delete'));
    await settle();
    send(ENTER);
    await settle();
    expect(modal()).toBeNull();
    expect(executor.writes).toHaveLength(0);
    expect(c.store.getState().actions.journal.map((e) => e.decision)).toEqual(['cancelled']);
  });

  it('journals a cancel made while the plan was still coming', async () => {
    const { executor, send, c } = setup({ gatePlans: true });
    send(open('pod-delete'), { type: 'modal-cancel' });
    executor.release();
    await settle();
    expect(executor.writes).toHaveLength(0);
    expect(c.store.getState().actions.journal.map((e) => e.decision)).toEqual(['cancelled']);
  });

  it('destructive in production: y is refused, the typed name confirms, and repeated keys submit once', async () => {
    const { executor, send, c, modal } = setup();
    send(open('pod-delete'));
    await settle();
    send(Y);
    await settle();
    expect(executor.writes).toHaveLength(0);
    expect(modal()?.note).toMatch(/type api-1/);
    send(TAB, { type: 'modal-input', text: 'api-1' }, TAB, ENTER, ENTER, Y);
    await settle();
    expect(executor.writes).toEqual([{ request: expect.objectContaining({ action: 'pod-delete' }), typed: 'api-1' }]);
    expect(modal()).toMatchObject({ phase: 'done', result: { ok: true } });
    expect(c.store.getState().actions.journal.map((e) => e.decision)).toEqual(['confirmed']);
    send(ENTER);
    expect(modal()).toBeNull();
  });

  it('shows the API error verbatim when the action fails', async () => {
    const { send, modal } = setup({ executeFails: { scale: 'deployments.apps "api" is forbidden: exceeded quota' } });
    send(open('scale'));
    await settle();
    send(Y);
    await settle();
    expect(modal()?.result).toEqual({ ok: false, message: 'deployments.apps "api" is forbidden: exceeded quota', details: [] });
  });

  it('scale: a new number is dry-run again before it is applied', async () => {
    const { executor, send, modal } = setup();
    send(open('scale'));
    await settle();
    expect(executor.plans[0]?.params).toEqual({ replicas: 3 });
    expect(modal()!.fields).toEqual([{ name: 'replicas', value: '3' }]);
    send(TAB, { type: 'modal-backspace' }, { type: 'modal-input', text: '5' }, TAB, ENTER);
    await settle();
    expect(executor.plans.map((p) => p.params.replicas)).toEqual([3, 5]);
    expect(executor.writes.map((w) => w.request.params.replicas)).toEqual([5]);
  });

  it('scale: a failing re-plan dry run stops before anything is written', async () => {
    const { executor, send, modal } = setup({ dryRunFails: { scale: 'spec.replicas: Invalid value: 5000' } });
    send(open('scale'));
    await settle();
    send(TAB, { type: 'modal-input', text: '0' }, TAB, ENTER);
    await settle();
    expect(executor.writes).toHaveLength(0);
    expect(modal()).toMatchObject({ phase: 'ready', note: 'the server dry run failed; nothing was submitted' });
  });

  it('RBAC-denied: the modal shows the reason with only Close, and closing writes nothing', async () => {
    const { executor, send, modal, c } = setup({ deny: { 'pod-delete': 'RBAC: user cannot delete pods in production' } });
    send(open('pod-delete'));
    await settle();
    expect(modal()).toMatchObject({ phase: 'denied', permission: { allowed: false, reason: 'RBAC: user cannot delete pods in production' } });
    send(Y, ENTER);
    await settle();
    expect(modal()).toBeNull();
    expect(executor.writes).toHaveLength(0);
    expect(c.store.getState().actions.journal).toHaveLength(1);
  });

  it('RBAC already known (the hint is greyed): the key still opens the modal, which re-checks and shows the refusal', async () => {
    const { executor, send, modal, c } = setup({ deny: { 'pod-delete': 'RBAC: user cannot delete pods in production' } });
    await eventually('the greyed hint', () => c.store.getState().actions.permissions['pod-delete:production/api-1']?.allowed === false);
    const checks = executor.permissionChecks.length;
    send(open('pod-delete'));
    expect(modal()).toMatchObject({ phase: 'planning' });
    await settle();
    expect(modal()).toMatchObject({ phase: 'denied', permission: { allowed: false, reason: 'RBAC: user cannot delete pods in production' } });
    expect(executor.permissionChecks.length).toBeGreaterThan(checks);
    send({ type: 'modal-cancel' });
    expect(executor.writes).toHaveLength(0);
  });

  it('keeps panes still while a modal is open', async () => {
    const { send, c } = setup();
    send(open('pod-delete'));
    await settle();
    send({ type: 'select-next' }, { type: 'focus', pane: 'logs' });
    expect(c.store.getState().ui.focus).toBe('pods');
    expect(c.store.getState().ui.selection.pods).toBe(0);
  });

  it('silence: targets the selected alert group\'s labels; expire targets its silence', async () => {
    const { fake, executor, send, c } = setup();
    const alerts: AlertsData = {
      groups: [
        {
          alertname: 'ServiceDown',
          severity: 'critical',
          alerts: [
            {
              fingerprint: 'f1',
              alertname: 'ServiceDown',
              severity: 'critical',
              state: 'active',
              silencedBy: [],
              inhibitedBy: [],
              startsAt: 0,
              labels: { alertname: 'ServiceDown', namespace: 'production' },
              summary: '',
              description: '',
            },
          ],
        },
      ],
      silences: [],
    };
    fake.sink.alerts(src(alerts));
    send({ type: 'focus', pane: 'alerts' }, open('silence-expire'));
    expect(c.store.getState().ui.flash?.text).toBe('expire silence: ServiceDown is not silenced');
    send(open('silence-create'));
    await settle();
    expect(executor.plans.at(-1)).toEqual({
      action: 'silence-create',
      target: { kind: 'alert', alertname: 'ServiceDown', labels: { alertname: 'ServiceDown', namespace: 'production' } },
      params: { durationMs: 3_600_000 },
    });
  });

  it('looks up permissions for the selection so the pane can grey refused keys', async () => {
    const { send, c } = setup({ deny: { 'rollout-undo': 'RBAC: cannot patch deployments' } });
    send({ type: 'select-first' });
    await vi.waitFor(() => expect(c.store.getState().actions.permissions['rollout-undo:production/api']).toEqual({ allowed: false, reason: 'RBAC: cannot patch deployments' }));
    expect(c.store.getState().actions.permissions['pod-delete:production/api-1']).toEqual({ allowed: true, reason: '' });
  });

  it('toggles the Actions view, and Escape (help-close) closes it', () => {
    const { send, c } = setup();
    send({ type: 'actions-view-toggle' });
    expect(c.store.getState().ui.actionsViewOpen).toBe(true);
    send({ type: 'help-close' });
    expect(c.store.getState().ui.actionsViewOpen).toBe(false);
  });

  it('without an executor, action keys say actions are unavailable', () => {
    const fake = fakeSources();
    controller = createController(emptyConfig(), { ...controllerBase, mode: 'live', scenario: null, buildSources: fake.build });
    fake.sink.kube(kube([podInfo('api-1', 'Running', 'api')]));
    controller.store.dispatch(open('pod-delete'));
    expect(controller.store.getState().ui.modal).toBeNull();
    expect(controller.store.getState().ui.flash?.text).toMatch(/actions are not available/);
  });
});

