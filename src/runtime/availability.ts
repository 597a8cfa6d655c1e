// The one answer to "may this action run on this selection, and if not, why": read-only, a selection the
// action cannot act on, a refusal the server already gave. The pane hints grey with it, the action flow
// refuses with it, and the reason is a typed value: nobody reads a decision back out of its words.
import type { ActionKind } from '../state/actions.js';
import type { AppState, PaneId } from '../state/types.js';
import { PANE_TITLES } from '../state/types.js';
import { ACTION_LABELS, permissionKey, resolveAction, type ResolvedAction, type TargetProblem } from './action-targets.js';

export type Blocker =
  /** --read-only or config readOnly: no action runs this session */
  | { kind: 'read-only' }
  /** the session has no executor (snapshot, tests) */
  | { kind: 'no-executor' }
  /** the selection does not fit the action: wrong pane, nothing selected, no Deployment, ... */
  | TargetProblem
  /** the permission check (RBAC, a missing backend) said no; `reason` is its words, to be shown */
  | { kind: 'forbidden'; reason: string };

export type Availability =
  | { ok: true; resolved: ResolvedAction }
  /** `resolved` is there when only the server's answer stands in the way: the modal can still explain it */
  | { ok: false; blocker: Blocker; resolved?: ResolvedAction };

export interface AvailabilityContext {
  /** whether this session can run actions at all (default true: the hints do not know) */
  executor?: boolean;
}

/**
 * Whether `action` may run on the focused pane's selection. Checks in the order a person needs them: the
 * session first (read-only), then the selection, then what the server has said about it.
 */
export function availability(state: AppState, action: ActionKind, ctx: AvailabilityContext = {}): Availability {
  if (state.actions.readOnly) return blocked({ kind: 'read-only' });
  if (ctx.executor === false) return blocked({ kind: 'no-executor' });
  const r = resolveAction(state, action);
  if (!r.ok) return blocked(r.blocker);
  const known = state.actions.permissions[permissionKey(action, r.value.request.target)];
  if (known && !known.allowed) return { ok: false, blocker: { kind: 'forbidden', reason: known.reason || 'not permitted' }, resolved: r.value };
  return { ok: true, resolved: r.value };
}

const blocked = (blocker: Blocker): Availability => ({ ok: false, blocker });

const NOUN_ARTICLE = { pod: 'a pod', alert: 'an alert', member: 'a member' } as const;
const PANE_NOUN: Partial<Record<PaneId, keyof typeof NOUN_ARTICLE>> = { pods: 'pod', alerts: 'alert', consensus: 'member' };

/** The reason in a few words, for the greyed key hint ("read-only session", "StatefulSet db is not a Deployment"). */
export function blockerReason(b: Blocker): string {
  switch (b.kind) {
    case 'read-only':
      return 'read-only session';
    case 'no-executor':
      return 'actions are not available in this session';
    case 'wrong-pane': {
      const noun = PANE_NOUN[b.pane];
      return `select ${noun ? NOUN_ARTICLE[noun] : 'a row'} in the ${PANE_TITLES[b.pane]} pane first`;
    }
    case 'nothing-selected':
      return `no ${b.noun} selected`;
    case 'no-deployment':
      return b.owner ? `${b.ownerKind ?? 'owner'} ${b.owner} is not a Deployment` : `pod ${b.pod} has no Deployment`;
    case 'not-silenced':
      return `${b.alertname} is not silenced`;
    case 'already-leader':
      return `${b.member} is already the leader; select another member`;
    case 'forbidden':
      return b.reason;
  }
}

/** The whole sentence for the status line when the key is pressed anyway ("restart: pod x has no Deployment"). */
export function blockerMessage(action: ActionKind, b: Blocker): string {
  if (b.kind === 'read-only') return `read-only session: ${action} is disabled`;
  if (b.kind === 'no-executor') return `${action}: ${blockerReason(b)}`;
  return `${ACTION_LABELS[action]}: ${blockerReason(b)}`;
}
