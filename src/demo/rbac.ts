// The simulated cluster's RBAC roles, so a demo can show what an on-call engineer without full rights sees:
// `--rbac viewer` (read only) or `--rbac oncall` (may restart, undo and scale, but not delete pods).
import type { AccessPolicy } from './kube/access.js';

export const RBAC_ROLES = ['admin', 'oncall', 'viewer'] as const;
export type RbacRole = (typeof RBAC_ROLES)[number];

const READ_VERBS = new Set(['get', 'list', 'watch']);

export function rbacPolicy(role: RbacRole): AccessPolicy {
  switch (role) {
    case 'admin':
      return () => ({ allowed: true });
    case 'viewer':
      return (a) =>
        READ_VERBS.has(a.verb) || a.resource === 'selfsubjectaccessreviews'
          ? { allowed: true }
          : { allowed: false, reason: 'RBAC: role "view" grants get, list and watch only' };
    case 'oncall':
      return (a) =>
        a.verb === 'delete' && a.resource === 'pods'
          ? { allowed: false, reason: 'RBAC: role "oncall" may not delete pods (ask the service owner)' }
          : { allowed: true };
  }
}
