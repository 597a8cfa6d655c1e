// What the confirmation modal, the Actions view and the greyed action hints show, rendered as text at the
// sizes people use (80x24 included), from realistic plans.
import { describe, expect, it } from 'vitest';
import type { ActionPlan, ActionRequest, JournalEntry } from '../../src/state/actions.js';
import type { AppState, ModalState } from '../../src/state/types.js';
import { modalPlanned, openModal, stepModal } from '../../src/runtime/modal.js';
import { renderFrameText } from '../../views/frame.js';
import { hivePods, hiveState, withUi } from './fixtures.js';
import { lineWith, lines, widest } from './helpers.js';

const POD = 'hive-mind-coordinator-5c6d7f8-qq7tn';
const deleteReq: ActionRequest = { action: 'pod-delete', target: { kind: 'pod', namespace: 'hive-mind-production', name: POD }, params: {} };
const undoReq: ActionRequest = { action: 'rollout-undo', target: { kind: 'deployment', namespace: 'hive-mind-production', name: 'hive-mind-coordinator' }, params: {} };
const scaleReq: ActionRequest = { action: 'scale', target: { kind: 'deployment', namespace: 'staging', name: 'web' }, params: { replicas: 3 } };
const silenceReq: ActionRequest = {
  action: 'silence-create',
  target: { kind: 'alert', alertname: 'ServiceDown', labels: { namespace: 'hive-mind-production', deployment: 'hive-mind-coordinator' } },
  params: { durationMs: 3_600_000 },
};

function plan(request: ActionRequest, over: Partial<ActionPlan> = {}): ActionPlan {
  return {
    request,
    context: 'hive-demo',
    cluster: 'hive-demo-cluster',
    namespace: 'hive-mind-production',
    title: `Delete pod hive-mind-production/${POD}`,
    changes: ['delete pod, grace period 30s', 'its ReplicaSet creates a replacement'],
    diff: [],
    preview: [],
    dryRun: { kind: 'server', ok: true, message: '' },
    risk: 'destructive',
    production: true,
    confirmText: POD,
    permission: { allowed: true, reason: '' },
    ...over,
  };
}

function modalFor(request: ActionRequest, over: Partial<ActionPlan> = {}, label = `pod hive-mind-production/${POD}`, current: number | null = null): ModalState {
  return modalPlanned(openModal(1, { request, label, currentReplicas: current }), { allowed: true, reason: '' }, plan(request, over), null);
}

const withModal = (modal: ModalState, base: AppState = hiveState()): AppState => withUi({ modal }, base);
const SMALL = { width: 80, height: 24 };
const BIG = { width: 120, height: 40 };
const WALL = { width: 200, height: 60 };

/** The modal's rows as text (inside its border), joined with spaces so wrapped lines read as one. */
function modalText(frame: string): string {
  const rows = lines(frame);
  const top = rows.findIndex((l) => /┏━ \S/.test(l) && l.indexOf('┏━') > 0);
  const left = rows[top]!.indexOf('┏━');
  const out: string[] = [];
  for (const row of rows.slice(top + 1)) {
    const chars = [...row];
    if (chars[left] !== '┃') break;
    out.push(chars.slice(left + 2).join('').replace(/\s*┃.*$/, '').trim());
  }
  return out.join(' ');
}

function expectFits(frame: string, size: { width: number; height: number }) {
  expect(widest(frame)).toBeLessThanOrEqual(size.width);
  expect(lines(frame)).toHaveLength(size.height - 1);
}

describe('confirmation modal', () => {
  it.each([SMALL, BIG])('names context, cluster, namespace, object, change and dry run, with Cancel first (%o)', (size) => {
    const frame = renderFrameText(withModal(modalFor(deleteReq)), size);
    expectFits(frame, size);
    expect(frame).toContain(`Delete pod hive-mind-production/${POD}`);
    expect(modalText(frame)).toContain('context hive-demo · cluster hive-demo-cluster · namespace hive-mind-production');
    expect(frame).toContain(`object pod hive-mind-production/${POD}`);
    expect(frame).toContain('⚠ production');
    expect(frame).toContain('delete pod, grace period 30s');
    expect(frame).toContain('✔ server dry run: ok');
    expect(frame).toContain(`type ${POD} to confirm`);
    const buttons = lineWith(frame, '[ Cancel ]')!;
    expect(buttons.indexOf('[ Cancel ]')).toBeLessThan(buttons.indexOf('[ Confirm ]'));
    expect(buttons).toContain('type the name above first');
    // destructive: y is not offered in the hint line
    expect(frame).not.toMatch(/y confirm/);
  });

  it('is drawn over the panes, centred, with the panes still visible around it', () => {
    const frame = renderFrameText(withModal(modalFor(deleteReq)), BIG);
    const top = lines(frame).findIndex((l) => l.includes('┏━ Delete pod'));
    expect(top).toBeGreaterThan(0);
    const left = lines(frame)[top]!.indexOf('┏━ Delete pod');
    expect(left).toBeGreaterThan(5);
    expect(frame).toMatch(/Logs/);
  });

  it('offers y for a low-risk action and shows scale as current -> new', () => {
    const m = modalFor(scaleReq, { risk: 'low', production: false, confirmText: null, title: 'Scale deployment staging/web', changes: ['replicas 3 -> 3'], namespace: 'staging' }, 'deployment staging/web', 3);
    const typed = stepModal(stepModal(stepModal(m, { type: 'modal-focus-next' }).modal, { type: 'modal-backspace' }).modal, { type: 'modal-input', text: '6' }).modal!;
    const frame = renderFrameText(withModal(typed), SMALL);
    expectFits(frame, SMALL);
    expect(frame).toMatch(/replicas\s+\[6▏\s*\]\s+current 3 -> new 6/);
    // while the number field has focus, y and n are typed text: the hint must not offer them
    expect(frame).not.toMatch(/y confirm/);
    expect(frame).toMatch(/Esc cancel/);
    const onButton = renderFrameText(withModal(stepModal(typed, { type: 'modal-focus-next' }).modal!), SMALL);
    expect(onButton).toMatch(/y confirm/);
    expect(onButton).toMatch(/Esc\/n cancel/);
  });

  it('shows rollout undo as a before -> after diff', () => {
    const m = modalFor(undoReq, {
      title: 'Undo rollout of deployment hive-mind-production/hive-mind-coordinator',
      changes: ['revision 3 -> 2'],
      diff: [{ label: 'container coordinator image', before: 'ghcr.io/hive/coordinator:2.4.0-bad', after: 'ghcr.io/hive/coordinator:2.3.1' }],
      confirmText: 'hive-mind-coordinator',
    }, 'deployment hive-mind-production/hive-mind-coordinator');
    const frame = renderFrameText(withModal(m), SMALL);
    expectFits(frame, SMALL);
    expect(frame).toContain('revision 3 -> 2');
    expect(frame).toContain('- ghcr.io/hive/coordinator:2.4.0-bad');
    expect(frame).toContain('+ ghcr.io/hive/coordinator:2.3.1');
  });

  it('lists the firing alerts a silence would match, shortened to fit 80x24 with the buttons kept', () => {
    const preview = Array.from({ length: 30 }, (_, i) => `ServiceDown {namespace=hive-mind-production, pod=hive-mind-coordinator-${i}}`);
    const m = modalFor(silenceReq, { title: 'Silence ServiceDown for 1h', risk: 'low', confirmText: null, dryRun: null, preview, changes: ['matchers alertname="ServiceDown", namespace="hive-mind-production"'] }, 'alert ServiceDown');
    const frame = renderFrameText(withModal(m), SMALL);
    expectFits(frame, SMALL);
    expect(frame).toContain('Would silence 30 firing alerts');
    expect(frame).toContain('hive-mind-coordinator-0}');
    expect(frame).toMatch(/… \d+ more lines/);
    expect(frame).toMatch(/comment\s+\[\s*\]\s+\(required\)/);
    expect(frame).toMatch(/duration\s+\[1h\s*\]/);
    expect(lineWith(frame, '[ Confirm ]')).toContain('a comment is required');
    expect(frame).toContain('[ Cancel ]');
  });

  it('shows a failed dry run with the API message verbatim', () => {
    const msg = 'admission webhook "policy.hive.io" denied the request: replicas above 10 need approval';
    const m = modalFor(scaleReq, { risk: 'low', confirmText: null, dryRun: { kind: 'server', ok: false, message: msg } }, 'deployment staging/web', 3);
    const frame = renderFrameText(withModal(m), BIG);
    expect(modalText(frame)).toContain(`✖ server dry run: ${msg}`);
    expect(lineWith(frame, '[ Confirm ]')).toContain('the server dry run failed');
  });

  it('shows a leader transfer\'s pre-check in place of a server dry run', () => {
    const req: ActionRequest = { action: 'leader-transfer', target: { kind: 'member', id: '1002', name: 'hive-mind-rust-2' }, params: {} };
    const m = modalFor(req, {
      title: 'Transfer leadership to hive-mind-rust-2',
      namespace: null,
      production: false,
      confirmText: null,
      changes: ['leader hive-mind-rust-1 -> hive-mind-rust-2 (request sent to the current leader)'],
      dryRun: { kind: 'pre-check', ok: true, message: 'pre-check: ok (leader known, quorum healthy, target healthy)' },
    }, 'member hive-mind-rust-2 (1002)');
    const frame = renderFrameText(withModal(m), SMALL);
    expectFits(frame, SMALL);
    expect(modalText(frame)).toContain('✔ pre-check: ok (leader known, quorum healthy, target healthy)');
    expect(frame).not.toContain('server dry run');
    expect(frame).toContain('namespace —');
  });

  it('shows a spinner while planning, and only Close with the reason when denied', () => {
    const planning = openModal(1, { request: deleteReq, label: `pod hive-mind-production/${POD}`, currentReplicas: null });
    const p = renderFrameText(withModal(planning), SMALL);
    expect(p).toContain('checking permission and running the server dry run');
    expect(p).not.toContain('[ Confirm ]');
    const denied = modalPlanned(planning, { allowed: false, reason: 'RBAC: User "oncall" cannot delete resource "pods"' }, plan(deleteReq), null);
    const d = renderFrameText(withModal(denied), SMALL);
    expect(d).toContain('✖ not permitted: RBAC: User "oncall" cannot delete resource "pods"');
    expect(d).toContain('[ Close ]');
    expect(d).not.toContain('[ Confirm ]');
  });

  it('shows the result: success with its details, or the API error verbatim', () => {
    const ok: ModalState = { ...modalFor(deleteReq), phase: 'done', result: { ok: true, message: 'leadership moved to hive-mind-rust-2', details: ['pre-check: quorum healthy (3/3)', 'post-check: leader is hive-mind-rust-2'] } };
    const f = renderFrameText(withModal(ok), SMALL);
    expect(f).toContain('✔ leadership moved to hive-mind-rust-2');
    expect(f).toContain('post-check: leader is hive-mind-rust-2');
    expect(f).toContain('press any key to close');
    const err: ModalState = { ...ok, result: { ok: false, message: 'pods "x" is forbidden: User cannot delete', details: [] } };
    expect(renderFrameText(withModal(err), SMALL)).toContain('✖ pods "x" is forbidden: User cannot delete');
  });

  it('never lets hostile text from the plan reach the terminal', () => {
    const m = modalFor(deleteReq, { changes: ['evil \u001b[2J\u001b]0;pwned\u0007 change'] });
    const frame = renderFrameText(withModal(m), BIG);
    expect(frame).not.toContain('\u001b');
    expect(frame).toContain('evil');
  });
});

describe('greyed action hints', () => {
  const deploymentPods = () => hivePods().map((p) => (p.owner && p.ownerKind === 'ReplicaSet' ? { ...p, ownerKind: 'Deployment' } : p));
  const base = () => {
    const s = hiveState();
    return { ...s, kube: { ...s.kube, data: { ...s.kube.data!, pods: deploymentPods() } } };
  };

  it('lists the focused pane\'s action keys', () => {
    const frame = renderFrameText(base(), SMALL);
    expect(frame).toContain('^D delete · r restart · u undo · s scale');
  });

  it('greys a refused action with the RBAC reason, keeping the others', () => {
    const s = base();
    const state: AppState = {
      ...s,
      actions: { ...s.actions, permissions: { 'rollout-undo:hive-mind-production/hive-mind-coordinator': { allowed: false, reason: 'cannot patch deployments' } } },
    };
    const frame = renderFrameText(state, WALL);
    expect(frame).toContain('^D delete · r restart · u undo✖ · s scale');
    expect(frame).toContain('✖ undo: cannot patch deployments');
  });

  it('greys every action in a read-only session', () => {
    const s = base();
    const frame = renderFrameText({ ...s, actions: { ...s.actions, readOnly: true } }, SMALL);
    expect(frame).toContain('^D delete✖ · r restart✖ · u undo✖ · s scale✖  ✖ read-only session');
  });

  it('explains why rollouts do not apply to a pod without a Deployment', () => {
    // the fixture's postgresql-0 belongs to a StatefulSet
    const s = base();
    const pods = s.kube.data!.pods.filter((p) => p.name === 'postgresql-0');
    const state = { ...s, kube: { ...s.kube, data: { ...s.kube.data!, pods } } };
    expect(renderFrameText(state, WALL)).toContain('^D delete · r restart✖ · u undo✖ · s scale✖  ✖ StatefulSet postgresql is not a Deployment');
    // at 80 columns the reason is cut, never the keys
    expect(renderFrameText(state, SMALL)).toMatch(/\^D delete · r restart✖ · u undo✖ · s scale✖ {2}✖ StatefulSet postgresql .*…/);
  });

  it('shows silence keys in Alerts and the leader key in Consensus', () => {
    expect(renderFrameText(withUi({ focus: 'alerts' }, base()), WALL)).toMatch(/x silence · X expire silence✖ {2}✖ expire silence: \S+ is not silenced/);
    expect(renderFrameText(withUi({ focus: 'consensus', selection: { ...base().ui.selection, consensus: 2 } }, base()), WALL)).toContain('L transfer leader');
  });
});

describe('Actions view', () => {
  const entry = (i: number, over: Partial<JournalEntry>): JournalEntry => ({
    time: new Date(Date.UTC(2025, 10, 22, 14, 20 + i, 0)).toISOString(),
    user: 'oncall',
    context: 'hive-demo',
    namespace: 'hive-mind-production',
    action: 'pod-delete',
    target: POD,
    parameters: {},
    dryRun: 'ok',
    decision: 'confirmed',
    result: 'success',
    error: null,
    ...over,
  });

  it('lists this session\'s attempts newest first with decision and result', () => {
    const journal = [
      entry(0, { action: 'scale', target: 'claude-tui', decision: 'cancelled', result: null }),
      entry(1, { action: 'rollout-undo', target: 'hive-mind-coordinator', result: 'error', error: 'deployments.apps "hive-mind-coordinator" not found' }),
      entry(2, {}),
    ];
    const s = hiveState();
    const frame = renderFrameText(withUi({ actionsViewOpen: true }, { ...s, actions: { ...s.actions, journal } }), WALL);
    expectFits(frame, WALL);
    expect(frame).toContain('3 attempts this session');
    const rows = lines(frame).filter((l) => /\d\d:\d\d:\d\d/.test(l));
    expect(rows.map((r) => r.match(/pod-delete|rollout-undo|scale/)?.[0])).toEqual(['pod-delete', 'rollout-undo', 'scale']);
    expect(rows[0]).toContain('14:22:00');
    expect(rows[1]).toContain('✖ deployments.apps "hive-mind-coordinator" not found');
    expect(rows[2]).toMatch(/cancelled\s+nothing changed/);
  });

  it('says when there is nothing yet, at 80x24', () => {
    const frame = renderFrameText(withUi({ actionsViewOpen: true }), SMALL);
    expectFits(frame, SMALL);
    expect(frame).toContain('no actions yet this session');
  });
});
