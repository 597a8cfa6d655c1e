// Authorization: one policy answers both SelfSubjectAccessReviews (what the console asks before offering an
// action) and the requests themselves (403 Forbidden), so "can I?" and "did it work?" never disagree.
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http.js';
import { KubeError } from './status.js';

export interface AccessAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}
export interface AccessDecision {
  allowed: boolean;
  reason?: string;
}
export type AccessPolicy = (attrs: AccessAttributes) => AccessDecision;

export const allowAll: AccessPolicy = () => ({ allowed: true });

export function forbidden(attrs: AccessAttributes, user: string): KubeError {
  const what = `${attrs.resource}${attrs.group ? `.${attrs.group}` : ''}`;
  const subject = attrs.name ? `${what} "${attrs.name}"` : what;
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const scope = attrs.namespace ? ` in the namespace "${attrs.namespace}"` : ' at the cluster scope';
  return new KubeError(403, `${subject} is forbidden: User "${user}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.group}"${scope}`, {
    ...(attrs.name ? { name: attrs.name } : {}),
    ...(attrs.group ? { group: attrs.group } : {}),
    kind: attrs.resource,
  });
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews */
export function serveAccessReview(res: ServerResponse, body: unknown, policy: AccessPolicy): void {
  const spec = (body as { spec?: { resourceAttributes?: Record<string, unknown>; nonResourceAttributes?: Record<string, unknown> } } | null)?.spec;
  if (!spec || (!spec.resourceAttributes && !spec.nonResourceAttributes)) {
    throw new KubeError(422, 'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified', {
      group: 'authorization.k8s.io',
      kind: 'SelfSubjectAccessReview',
    });
  }
  const ra = spec.resourceAttributes ?? {};
  const attrs: AccessAttributes = {
    verb: str(ra.verb) ?? str(spec.nonResourceAttributes?.verb) ?? '',
    group: str(ra.group) ?? '',
    resource: str(ra.resource) ?? '',
    ...(str(ra.subresource) ? { subresource: str(ra.subresource) } : {}),
    ...(str(ra.namespace) ? { namespace: str(ra.namespace) } : {}),
    ...(str(ra.name) ? { name: str(ra.name) } : {}),
  };
  const decision = spec.nonResourceAttributes ? { allowed: true } : policy(attrs);
  sendJson(res, 201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status: { allowed: decision.allowed, ...(decision.allowed ? {} : { denied: true }), ...(decision.reason ? { reason: decision.reason } : {}) },
  });
}
