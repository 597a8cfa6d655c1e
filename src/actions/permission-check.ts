// "May this action run on this target?" in the order a person would ask: is the session read-only, does
// the action fit the target, is its backend configured, and (Kubernetes) does RBAC allow the exact write.
// The server's answer is kept for a short while per (action, namespace, name) so that moving the selection
// around does not flood the API server; a check that failed (timeout, no connection) is asked again.
import { sanitizeLine } from '../text/sanitize.js';
import type { Backends } from './backends.js';
import { accessFor, ALLOWED, reviewAccess } from './permission.js';
import { targetMismatch } from './target.js';
import type { ActionKind, ActionTarget, Permission } from '../state/actions.js';

export const READ_ONLY_REASON = 'read-only session (--read-only)';
export const PERMISSION_TTL_MS = 30_000;

export type PermissionCheck = (action: ActionKind, target: ActionTarget) => Promise<Permission>;

export interface PermissionCheckDeps {
  readOnly: boolean;
  backends: Pick<Backends, 'kube' | 'problem'>;
  now: () => number;
  /** how long a server decision is kept (default PERMISSION_TTL_MS) */
  ttlMs?: number;
}

export function createPermissionCheck(deps: PermissionCheckDeps): PermissionCheck {
  const ttlMs = deps.ttlMs ?? PERMISSION_TTL_MS;
  const cache = new Map<string, { at: number; permission: Permission }>();
  return async (action, target) => {
    if (deps.readOnly) return { allowed: false, reason: READ_ONLY_REASON };
    const mismatch = targetMismatch(action, target);
    if (mismatch) return { allowed: false, reason: mismatch };
    const problem = deps.backends.problem(action);
    if (problem) return { allowed: false, reason: problem };
    const attrs = accessFor(action, target);
    // Alertmanager and etcd have no authorization to ask: configured means allowed
    if (!attrs) return ALLOWED;
    const key = `${action}\u0000${attrs.namespace}\u0000${attrs.name}`;
    const hit = cache.get(key);
    if (hit && deps.now() - hit.at < ttlMs) return hit.permission;
    const k = deps.backends.kube();
    if ('error' in k) return { allowed: false, reason: k.error };
    const review = await reviewAccess(k.api, attrs);
    const permission = { allowed: review.permission.allowed, reason: sanitizeLine(review.permission.reason, 512) };
    if (review.cacheable) cache.set(key, { at: deps.now(), permission });
    return permission;
  };
}
