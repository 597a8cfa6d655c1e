// What each action acts on, named the same way in the modal's title and the journal's target column.
import { sanitizeLine } from '../text/sanitize.js';
import type { ActionKind, ActionRequest, ActionTarget } from '../state/actions.js';

export const TARGET_KIND: Record<ActionKind, ActionTarget['kind']> = {
  'pod-delete': 'pod',
  'rollout-restart': 'deployment',
  'rollout-undo': 'deployment',
  scale: 'deployment',
  'silence-create': 'alert',
  'silence-expire': 'silence',
  'leader-transfer': 'member',
};

export const isKubeAction = (action: ActionKind): boolean => TARGET_KIND[action] === 'pod' || TARGET_KIND[action] === 'deployment';

/** null when the target fits the action, else why not */
export function targetMismatch(action: ActionKind, target: ActionTarget): string | null {
  const want = TARGET_KIND[action];
  return target.kind === want ? null : `${action} acts on a ${want}, not on a ${target.kind}`;
}

const s = (text: string): string => sanitizeLine(text, 256);

/** "pod production/claude-tui-x2kq9", "alert HighErrorRate", "member hive-mind-rust-1 (id 1234)" */
export function targetLabel(target: ActionTarget): string {
  switch (target.kind) {
    case 'pod':
    case 'deployment':
      return `${target.kind} ${s(target.namespace)}/${s(target.name)}`;
    case 'alert':
      return `alert ${s(target.alertname)}`;
    case 'silence':
      return `silence ${s(target.id)}`;
    case 'member':
      return `member ${s(target.name)} (id ${s(target.id)})`;
  }
}

export function targetNamespace(target: ActionTarget): string | null {
  if (target.kind === 'pod' || target.kind === 'deployment') return target.namespace;
  if (target.kind === 'alert') return target.labels.namespace ?? null;
  return null;
}

/** the name a person types to confirm a destructive action in production */
export function objectName(target: ActionTarget): string {
  switch (target.kind) {
    case 'pod':
    case 'deployment':
    case 'member':
      return target.name;
    case 'alert':
      return target.alertname;
    case 'silence':
      return target.id;
  }
}

const VERB: Record<ActionKind, string> = {
  'pod-delete': 'Delete',
  'rollout-restart': 'Restart',
  'rollout-undo': 'Roll back',
  scale: 'Scale',
  'silence-create': 'Silence',
  'silence-expire': 'Expire',
  'leader-transfer': 'Transfer leadership to',
};

/** e.g. "Delete pod production/claude-tui-7d4f-x2kq9" */
export function titleOf(req: ActionRequest): string {
  if (req.target.kind === 'member') return `${VERB[req.action]} ${s(req.target.name)}`;
  return `${VERB[req.action]} ${targetLabel(req.target)}`;
}
