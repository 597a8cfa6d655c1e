// `kubectl scale`: the deployment's scale subresource, so only the replica count can change.
import { apiMessage } from './api-error.js';
import { fail, ok, type Draft, type PrepareOptions } from './draft.js';
import type { KubeApi } from './kube-api.js';
import { deploymentPath, MERGE_PATCH, serverDryRun } from './kube-dry-run.js';
import type { ActionRequest } from '../state/actions.js';

export const MAX_REPLICAS = 1000;

export function replicasProblem(v: unknown): string | null {
  if (v === undefined) return `enter the number of replicas (0 to ${MAX_REPLICAS})`;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_REPLICAS ? null : `replicas must be a whole number from 0 to ${MAX_REPLICAS}`;
}

const scalePath = (ns: string, name: string): string => `${deploymentPath(ns, name)}/scale`;

export async function prepareScale(api: KubeApi, req: ActionRequest, ns: string, name: string, opts: PrepareOptions): Promise<Draft> {
  const scale = (await api.get(scalePath(ns, name))) as { spec?: { replicas?: number } };
  const current = scale.spec?.replicas ?? 0;
  const wanted = req.params.replicas;
  const problem = replicasProblem(wanted);
  const target = problem ? null : (wanted as number);
  const send = (n: number, dryRun: boolean) => api.write('PATCH', scalePath(ns, name), { spec: { replicas: n } }, { contentType: MERGE_PATCH, dryRun });
  // Scaling down terminates running pods, like deleting them: destructive. Scaling up only adds capacity.
  const risk = target !== null && target < current ? 'destructive' : 'low';
  const changes = [`replicas ${current} -> ${target ?? '?'}`];
  if (target === 0) changes.push('every pod of the deployment will be terminated');
  return {
    context: api.context,
    cluster: api.cluster,
    changes,
    diff: [],
    preview: [],
    // before a number is entered there is nothing to try yet; a bad number is refused here already
    dryRun: wanted === undefined ? null : problem ? { kind: 'pre-check', ok: false, message: problem } : await serverDryRun(opts.dryRun, () => send(target!, true)),
    risk,
    params: { ...req.params },
    // the dry run, risk and confirmation were decided for the planned number: another number needs a new plan
    validate: (r) =>
      replicasProblem(r.params.replicas) ??
      (r.params.replicas !== wanted ? `replicas changed to ${String(r.params.replicas)} after the plan for ${String(wanted)}: review the new plan` : null),
    async apply(r) {
      const n = r.params.replicas as number;
      try {
        await send(n, false);
        return ok(`deployment ${ns}/${name} scaled: replicas ${current} -> ${n}`);
      } catch (err) {
        return fail(apiMessage(err));
      }
    },
  };
}
