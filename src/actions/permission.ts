// "May I?" before an action is offered: Kubernetes answers with a SelfSubjectAccessReview for the exact
// verb, resource and object the action will write, so a greyed-out action can say why.
import type { KubeApi } from './kube-api.js';
import { apiMessage } from './api-error.js';
import type { ActionKind, ActionTarget, Permission } from '../state/actions.js';

export interface ResourceAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace: string;
  name: string;
}

/** The request each Kubernetes action makes, as RBAC sees it. */
export function accessFor(action: ActionKind, target: ActionTarget): ResourceAttributes | null {
  if (target.kind !== 'pod' && target.kind !== 'deployment') return null;
  const at = { namespace: target.namespace, name: target.name };
  switch (action) {
    case 'pod-delete':
      return { verb: 'delete', group: '', resource: 'pods', ...at };
    case 'rollout-restart':
    case 'rollout-undo':
      return { verb: 'patch', group: 'apps', resource: 'deployments', ...at };
    case 'scale':
      return { verb: 'patch', group: 'apps', resource: 'deployments', subresource: 'scale', ...at };
    default:
      return null;
  }
}

export const ALLOWED: Permission = { allowed: true, reason: '' };

/** cacheable: the server decided (a failed check is asked again next time) */
export async function reviewAccess(api: KubeApi, attrs: ResourceAttributes): Promise<{ permission: Permission; cacheable: boolean }> {
  const body = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: { resourceAttributes: { ...attrs } },
  };
  let res: { status?: { allowed?: boolean; reason?: string; evaluationError?: string } };
  try {
    res = (await api.write('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', body)) as typeof res;
  } catch (err) {
    return { permission: { allowed: false, reason: `cannot check permissions: ${apiMessage(err)}` }, cacheable: false };
  }
  if (res?.status?.allowed === true) return { permission: ALLOWED, cacheable: true };
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const why = res?.status?.reason || res?.status?.evaluationError;
  return {
    permission: { allowed: false, reason: `forbidden: cannot ${attrs.verb} ${resource} in ${attrs.namespace}${why ? ` (${why})` : ''}` },
    cacheable: true,
  };
}
