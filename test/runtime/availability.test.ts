// The one answer to "may this action run here, and if not, why": what the hints grey and the flow refuses.
import { describe, expect, it } from 'vitest';
import { permissionKey } from '../../src/runtime/action-targets.js';
import { availability, blockerMessage, blockerReason, type Availability, type Blocker } from '../../src/runtime/availability.js';
import type { AppState } from '../../src/state/types.js';
import { hiveState, ok, pod, withUi } from '../views/fixtures.js';

const podsOf = (state: AppState, pods: ReturnType<typeof pod>[]): AppState => ({ ...state, kube: ok({ ...state.kube.data!, pods }) });
const deployed = pod({ namespace: 'production', name: 'api-7d4f-x2kq9', owner: 'api', ownerKind: 'Deployment' });
const stateful = pod({ namespace: 'database', name: 'db-0', owner: 'db', ownerKind: 'StatefulSet' });

describe('availability', () => {
  it('resolves a pod action to the pod, and a rollout to its Deployment', () => {
    const s = podsOf(hiveState(), [deployed]);
    expect(availability(s, 'pod-delete')).toMatchObject({ ok: true, resolved: { request: { target: { kind: 'pod', name: 'api-7d4f-x2kq9' } } } });
    expect(availability(s, 'rollout-restart')).toMatchObject({ ok: true, resolved: { request: { target: { kind: 'deployment', name: 'api' } } } });
  });

  it('puts a read-only session before everything else', () => {
    const s = { ...podsOf(hiveState(), []), actions: { ...hiveState().actions, readOnly: true } };
    expect(availability(s, 'pod-delete')).toEqual({ ok: false, blocker: { kind: 'read-only' } });
    expect(blockerReason({ kind: 'read-only' })).toBe('read-only session');
    expect(blockerMessage('pod-delete', { kind: 'read-only' })).toBe('read-only session: pod-delete is disabled');
  });

  it('names what does not fit: no Deployment, nothing selected, the wrong pane, already the leader, not silenced', () => {
    const s = podsOf(hiveState(), [stateful]);
    const restart = availability(s, 'rollout-restart');
    expect(restart).toEqual({ ok: false, blocker: { kind: 'no-deployment', pod: 'db-0', owner: 'db', ownerKind: 'StatefulSet' } });
    expect(blockerMessage('rollout-restart', blockerOf(restart))).toBe('restart: StatefulSet db is not a Deployment');
    expect(blockerReason({ kind: 'no-deployment', pod: 'x', owner: null, ownerKind: null })).toBe('pod x has no Deployment');
    expect(availability(podsOf(hiveState(), []), 'scale')).toEqual({ ok: false, blocker: { kind: 'nothing-selected', noun: 'pod' } });
    const wrong = availability(hiveState(), 'silence-create');
    expect(wrong).toEqual({ ok: false, blocker: { kind: 'wrong-pane', pane: 'alerts' } });
    expect(blockerMessage('silence-create', blockerOf(wrong))).toBe('silence: select an alert in the Alerts pane first');
    const leader = withUi({ focus: 'consensus', selection: { ...hiveState().ui.selection, consensus: leaderRow() } });
    expect(availability(leader, 'leader-transfer')).toMatchObject({ ok: false, blocker: { kind: 'already-leader' } });
    const alerts = withUi({ focus: 'alerts' });
    expect(availability(alerts, 'silence-expire')).toMatchObject({ ok: false, blocker: { kind: 'not-silenced' } });
  });

  it('greys what the server refused, with its words, and only for that object', () => {
    const s = podsOf(hiveState(), [deployed]);
    const refused = { ...s, actions: { ...s.actions, permissions: { [permissionKey('pod-delete', { kind: 'pod', namespace: 'production', name: 'api-7d4f-x2kq9' })]: { allowed: false, reason: 'RBAC: role "oncall" may not delete pods' } } } };
    expect(availability(refused, 'pod-delete')).toMatchObject({
      ok: false,
      blocker: { kind: 'forbidden', reason: 'RBAC: role "oncall" may not delete pods' },
      // still resolved: the modal can ask again and show the server's answer
      resolved: { request: { target: { kind: 'pod', name: 'api-7d4f-x2kq9' } } },
    });
    expect(availability(refused, 'rollout-restart').ok).toBe(true);
  });

  it('says when the session cannot run actions at all', () => {
    expect(availability(podsOf(hiveState(), [deployed]), 'pod-delete', { executor: false })).toEqual({ ok: false, blocker: { kind: 'no-executor' } });
  });
});

function blockerOf(a: Availability): Blocker {
  if (a.ok) throw new Error('expected a blocker');
  return a.blocker;
}

function leaderRow(): number {
  return hiveState().consensus.data!.members.findIndex((m) => m.isLeader);
}
