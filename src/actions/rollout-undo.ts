// `kubectl rollout undo`: find the ReplicaSet of the previous revision (deployment.kubernetes.io/revision)
// and put its pod template back on the deployment; the controller then re-uses that ReplicaSet.
import { sanitizeLine } from '../text/sanitize.js';
import { apiMessage } from './api-error.js';
import { fail, ok, type Draft, type PrepareOptions } from './draft.js';
import type { KubeApi } from './kube-api.js';
import { deploymentPath, JSON_PATCH, serverDryRun } from './kube-dry-run.js';
import type { ActionPlan, ActionRequest } from '../state/actions.js';

export const REVISION = 'deployment.kubernetes.io/revision';
const TEMPLATE_HASH = 'pod-template-hash';

interface Container {
  name?: string;
  image?: string;
  args?: string[];
  command?: string[];
}
interface Template {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { containers?: Container[] };
}
interface Owned {
  metadata?: { name?: string; uid?: string; annotations?: Record<string, string>; labels?: Record<string, string>; ownerReferences?: { kind?: string; name?: string; uid?: string }[] };
  spec?: { template?: Template; selector?: { matchLabels?: Record<string, string> }; replicas?: number };
}

const revisionOf = (o: Owned): number | null => {
  const raw = o.metadata?.annotations?.[REVISION];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
};

/** JSON with sorted keys, so that two templates compare by content */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The ReplicaSet's template as the deployment's: without the hash label the ReplicaSet controller added. */
export function templateOf(rs: Owned): Template {
  const t = structuredClone(rs.spec?.template ?? {});
  if (t.metadata?.labels) {
    const { [TEMPLATE_HASH]: _hash, ...rest } = t.metadata.labels;
    t.metadata.labels = rest;
  }
  return t;
}

const argsText = (c: Container | undefined): string => (c ? [...(c.command ?? []), ...(c.args ?? [])].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ') : '');

/** Images and args per container, before and after. */
export function templateDiff(before: Template, after: Template): ActionPlan['diff'] {
  const b = before.spec?.containers ?? [];
  const a = after.spec?.containers ?? [];
  const names = [...new Set([...b, ...a].map((c) => c.name ?? ''))];
  const out: ActionPlan['diff'] = [];
  for (const name of names) {
    const cb = b.find((c) => c.name === name);
    const ca = a.find((c) => c.name === name);
    out.push({ label: `${name} image`, before: cb?.image ?? '(none)', after: ca?.image ?? '(none)' });
    const argsBefore = argsText(cb);
    const argsAfter = argsText(ca);
    if (argsBefore !== '' || argsAfter !== '') out.push({ label: `${name} args`, before: argsBefore, after: argsAfter });
  }
  return out.map((d) => ({ label: sanitizeLine(d.label, 256), before: sanitizeLine(d.before, 1024), after: sanitizeLine(d.after, 1024) }));
}

export async function prepareUndo(api: KubeApi, req: ActionRequest, ns: string, name: string, opts: PrepareOptions): Promise<Draft> {
  const dep = (await api.get(deploymentPath(ns, name))) as Owned;
  const selector = Object.entries(dep.spec?.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const list = (await api.get(`/apis/apps/v1/namespaces/${encodeURIComponent(ns)}/replicasets`, selector ? { labelSelector: selector } : undefined)) as { items?: Owned[] };
  const uid = dep.metadata?.uid;
  const owned = (list.items ?? []).filter((rs) =>
    (rs.metadata?.ownerReferences ?? []).some((o) => (uid && o.uid ? o.uid === uid : o.kind === 'Deployment' && o.name === name)),
  );
  const revisions = owned.map(revisionOf).filter((r): r is number => r !== null);
  const current = revisionOf(dep) ?? (revisions.length ? Math.max(...revisions) : 0);
  const previous = owned
    .filter((rs) => (revisionOf(rs) ?? 0) < current)
    .sort((x, y) => (revisionOf(y) ?? 0) - (revisionOf(x) ?? 0))[0];

  const base = { context: api.context, cluster: api.cluster, preview: [], risk: 'destructive' as const, params: { ...req.params } };
  const blocked = (why: string, diff: ActionPlan['diff'] = []): Draft => ({
    ...base,
    changes: [],
    diff,
    dryRun: { kind: 'pre-check', ok: false, message: why },
    validate: () => why,
    apply: async () => fail(why),
  });
  if ((dep.spec as { paused?: boolean } | undefined)?.paused) {
    // kubectl refuses too: a paused deployment would take the template but roll nothing back
    return blocked(`deployment ${ns}/${name} is paused: resume it before rolling back`);
  }
  if (!previous) return blocked(`deployment ${ns}/${name} has no previous revision to roll back to (current revision ${current || 'unknown'})`);

  const prevRevision = revisionOf(previous)!;
  const template = templateOf(previous);
  const currentTemplate = dep.spec?.template ?? {};
  const diff = templateDiff(currentTemplate, template);
  if (canonical(template) === canonical(currentTemplate)) {
    return blocked(`skipped rollback: the current template already matches revision ${prevRevision}`, diff);
  }
  const patch = [{ op: 'replace', path: '/spec/template', value: template }];
  const dryRun = await serverDryRun(opts.dryRun, () => api.write('PATCH', deploymentPath(ns, name), patch, { contentType: JSON_PATCH, dryRun: true }));
  const rsName = sanitizeLine(previous.metadata?.name ?? '?', 253);
  return {
    ...base,
    changes: [`revision ${current} -> ${prevRevision}`, `pod template of ReplicaSet ${rsName} back on deployment ${ns}/${name}`],
    diff,
    dryRun,
    validate: () => null,
    async apply() {
      try {
        const after = (await api.write('PATCH', deploymentPath(ns, name), patch, { contentType: JSON_PATCH })) as Owned;
        const now = revisionOf(after);
        return ok(`deployment ${ns}/${name} rolled back to the template of revision ${prevRevision}${now ? ` (now revision ${now})` : ''}`);
      } catch (err) {
        return fail(apiMessage(err));
      }
    },
  };
}
