// Delete a pod like `kubectl delete pod`: the kubelet gets the grace period to stop it, and its ReplicaSet
// (if any) creates a replacement.
import { sanitizeLine } from '../text/sanitize.js';
import { apiMessage } from './api-error.js';
import { fail, ok, type Draft, type PrepareOptions } from './draft.js';
import type { KubeApi } from './kube-api.js';
import { podPath, serverDryRun } from './kube-dry-run.js';
import type { ActionRequest } from '../state/actions.js';

interface PodLike {
  metadata?: { deletionTimestamp?: string; ownerReferences?: { kind?: string; name?: string }[] };
  spec?: { terminationGracePeriodSeconds?: number; nodeName?: string };
  status?: { phase?: string };
}

const DEFAULT_GRACE_SECONDS = 30;

export function validGrace(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 86_400;
}

export async function preparePodDelete(api: KubeApi, req: ActionRequest, ns: string, name: string, opts: PrepareOptions): Promise<Draft> {
  const pod = (await api.get(podPath(ns, name))) as PodLike;
  const own = pod.spec?.terminationGracePeriodSeconds;
  const grace = req.params.gracePeriodSeconds ?? (validGrace(own) ? own : DEFAULT_GRACE_SECONDS);
  const owner = pod.metadata?.ownerReferences?.[0];
  const changes = [`delete pod ${ns}/${name}`, `grace period ${grace}s`];
  if (owner?.kind && owner.name) changes.push(`owned by ${sanitizeLine(owner.kind, 64)} ${sanitizeLine(owner.name, 253)}: a replacement pod will be created`);
  else changes.push('no owner: the pod will not come back');
  if (pod.metadata?.deletionTimestamp) changes.push(`already terminating (since deletion at ${sanitizeLine(pod.metadata.deletionTimestamp, 64)})`);
  const body = (g: number) => ({ apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: g, propagationPolicy: 'Background' });
  const graceError = validGrace(grace) ? null : 'grace period must be a whole number of seconds from 0 to 86400';
  const dryRun = graceError ? ({ kind: 'pre-check', ok: false, message: graceError } as const) : await serverDryRun(opts.dryRun, () => api.write('DELETE', podPath(ns, name), body(grace), { dryRun: true }));
  return {
    context: api.context,
    cluster: api.cluster,
    changes,
    diff: [],
    preview: [],
    dryRun,
    risk: 'destructive',
    params: { ...req.params, gracePeriodSeconds: grace },
    validate: (r) => (r.params.gracePeriodSeconds === undefined || validGrace(r.params.gracePeriodSeconds) ? null : 'grace period must be a whole number of seconds from 0 to 86400'),
    async apply(r) {
      const g = r.params.gracePeriodSeconds ?? grace;
      try {
        await api.write('DELETE', podPath(ns, name), body(g));
        return ok(`pod ${ns}/${name} deleted (grace period ${g}s)`);
      } catch (err) {
        return fail(apiMessage(err));
      }
    },
  };
}
