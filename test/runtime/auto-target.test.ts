// Which logs the Logs pane follows before the user picks (where the incident shows), and after.
import { describe, expect, it } from 'vitest';
import { autoTarget, followForData, followForIntent } from '../../src/runtime/log-follow.js';
import { reduceIntent } from '../../src/runtime/reduce.js';
import { selectedPod } from '../../src/runtime/selectors.js';
import { hiveState, pod } from '../views/fixtures.js';

const healthy = [
  pod({ namespace: 'database', name: 'postgresql-0', owner: 'postgresql', ownerKind: 'Deployment', labels: { app: 'postgresql' } }),
  pod({ namespace: 'production', name: 'claude-tui-abc-1', owner: 'claude-tui', ownerKind: 'Deployment', labels: { app: 'claude-tui' } }),
];

describe('autoTarget', () => {
  it('follows the first failing pod’s deployment, even when Loki names another workload', () => {
    const pods = [
      ...healthy,
      pod({ namespace: 'production', name: 'hive-mind-coordinator-7d4f-x2kq9', status: 'CrashLoopBackOff', phase: 'Running', ready: 0, owner: 'hive-mind-coordinator', ownerKind: 'Deployment' }),
    ];
    expect(autoTarget(pods, null, 'claude-tui')).toEqual({ kind: 'deployment', namespace: 'production', name: 'hive-mind-coordinator' });
  });

  it('follows a failing pod that has no Deployment by its own name', () => {
    const pods = [...healthy, pod({ namespace: 'database', name: 'etcd-2', status: 'Error', phase: 'Failed', ready: 0, owner: 'etcd', ownerKind: 'StatefulSet' })];
    expect(autoTarget(pods, null, null)).toEqual({ kind: 'pod', namespace: 'database', name: 'etcd-2' });
  });

  it('keeps a target that still has a failing pod, though another fails first in the list', () => {
    const pods = [
      pod({ namespace: 'a', name: 'a-1', status: 'Error', phase: 'Failed', ready: 0, owner: 'a', ownerKind: 'Deployment' }),
      pod({ namespace: 'b', name: 'b-1', status: 'CrashLoopBackOff', phase: 'Running', ready: 0, owner: 'b', ownerKind: 'Deployment' }),
    ];
    const current = { kind: 'deployment' as const, namespace: 'b', name: 'b' };
    expect(autoTarget(pods, current, null)).toBe(current);
  });

  it('with nothing failing, follows the workload Loki says logs the most errors', () => {
    expect(autoTarget(healthy, null, 'claude-tui')).toEqual({ kind: 'deployment', namespace: 'production', name: 'claude-tui' });
  });

  it('without Loki, falls back to the first pod', () => {
    expect(autoTarget(healthy, null, null)).toEqual({ kind: 'deployment', namespace: 'database', name: 'postgresql' });
  });
});

describe('following', () => {
  it('the data decides only while the user has not chosen, and says nothing when nothing changes', () => {
    const state = hiveState();
    const t = followForData(state, false, null);
    // the crash-looping coordinator pod (the fixture gives it no Deployment kind, so it is followed by name)
    expect(t).toEqual({ kind: 'pod', namespace: 'hive-mind-production', name: 'hive-mind-coordinator-5c6d7f8-qq7tn' });
    expect(followForData(state, false, t!)).toBeUndefined();
    expect(followForData(state, true, null)).toBeUndefined();
  });

  it('a move in the Pods pane follows the pod under the cursor; a move elsewhere means nothing', () => {
    const state = hiveState();
    const moved = reduceIntent(state, { type: 'select-next' });
    const row1 = selectedPod(moved)!;
    expect(row1.name).not.toBe(selectedPod(state)!.name);
    expect(followForIntent(moved, { type: 'select-next' })).toEqual({ userChose: true, flash: null, target: { kind: 'pod', namespace: row1.namespace, name: row1.name } });
    const inAlerts = reduceIntent({ ...state, ui: { ...state.ui, focus: 'alerts' } }, { type: 'select-next' });
    expect(followForIntent(inAlerts, { type: 'select-next' })).toBeNull();
    expect(followForIntent(state, { type: 'help-toggle' })).toBeNull();
  });

  it('f follows the selected pod\'s Deployment, and with no pod gives the choice back to the data', () => {
    const state = hiveState();
    const f = followForIntent(state, { type: 'logs-follow-selected' })!;
    expect(f.userChose).toBe(true);
    expect(f.flash).toBe(`following ${f.target!.kind} ${f.target!.namespace}/${f.target!.name}`);
    const empty = { ...state, kube: { ...state.kube, data: { ...state.kube.data!, pods: [] } } };
    expect(followForIntent(empty, { type: 'logs-follow-selected' })).toEqual({ target: null, userChose: false, flash: 'following the first problem pod' });
  });
});
