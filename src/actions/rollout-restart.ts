// `kubectl rollout restart`: a new restartedAt annotation on the pod template makes the deployment
// controller roll every pod, respecting the deployment's surge and unavailability limits.
import { apiMessage } from './api-error.js';
import { fail, ok, type Draft, type PrepareOptions } from './draft.js';
import type { KubeApi } from './kube-api.js';
import { deploymentPath, serverDryRun, STRATEGIC_MERGE } from './kube-dry-run.js';
import type { ActionRequest } from '../state/actions.js';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

interface DeploymentLike {
  spec?: { replicas?: number; paused?: boolean };
}

/** RFC 3339 in UTC without fractions, as kubectl writes it */
export const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const patchAt = (ms: number) => ({ spec: { template: { metadata: { annotations: { [RESTARTED_AT]: rfc3339(ms) } } } } });

export async function prepareRestart(api: KubeApi, req: ActionRequest, ns: string, name: string, opts: PrepareOptions): Promise<Draft> {
  const dep = (await api.get(deploymentPath(ns, name))) as DeploymentLike;
  const replicas = dep.spec?.replicas ?? 1;
  const base = { context: api.context, cluster: api.cluster, diff: [], preview: [], risk: 'low' as const, params: { ...req.params } };
  if (dep.spec?.paused) {
    // kubectl refuses too: a paused deployment would take the annotation but roll nothing
    const why = `deployment ${ns}/${name} is paused: resume it before restarting`;
    return { ...base, changes: [], dryRun: { kind: 'pre-check', ok: false, message: why }, validate: () => why, apply: async () => fail(why) };
  }
  const dryRun = await serverDryRun(opts.dryRun, () => api.write('PATCH', deploymentPath(ns, name), patchAt(opts.now()), { contentType: STRATEGIC_MERGE, dryRun: true }));
  return {
    ...base,
    changes: [
      `rolling restart of deployment ${ns}/${name} (${replicas} replica${replicas === 1 ? '' : 's'})`,
      `pod template annotation ${RESTARTED_AT} = the time of confirmation`,
    ],
    dryRun,
    validate: () => null,
    async apply() {
      const at = opts.now();
      try {
        await api.write('PATCH', deploymentPath(ns, name), patchAt(at), { contentType: STRATEGIC_MERGE });
        return ok(`deployment ${ns}/${name} restarted (${RESTARTED_AT}=${rfc3339(at)})`);
      } catch (err) {
        return fail(apiMessage(err));
      }
    },
  };
}
