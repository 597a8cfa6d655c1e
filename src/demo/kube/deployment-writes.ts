// Writes to deployments (PATCH, PUT, the scale subresource): validate like the apiserver, bump
// metadata.generation on spec changes, honour dryRun, then let the controller roll out at once.
import type { Controller } from './controller.js';
import { defaultTemplate } from './builders.js';
import { stableStringify, type DeploymentObj } from './objects.js';
import { applyPatch } from './patch.js';
import { KubeError, invalid, notFound } from './status.js';
import type { KubeObject, ObjectStore } from './store.js';

export interface WriteContext {
  store: ObjectStore;
  controller: Controller;
  now: () => number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function getDeployment(store: ObjectStore, namespace: string, name: string): DeploymentObj {
  const dep = store.get('Deployment', namespace, name) as DeploymentObj | undefined;
  if (!dep) throw notFound('deployments', name, 'apps');
  return dep;
}

/** The checks a real apiserver makes that a console action could trip over. */
export function validateDeployment(before: DeploymentObj, after: unknown): DeploymentObj {
  const name = before.metadata.name;
  const bad = (field: string, message: string): KubeError => invalid('Deployment', name, field, message, 'apps');
  if (!isRecord(after) || !isRecord(after.metadata) || !isRecord(after.spec)) throw new KubeError(400, 'the body must be a Deployment object');
  const meta = after.metadata;
  if (meta.name !== undefined && meta.name !== name) throw bad('metadata.name', `Invalid value: ${JSON.stringify(meta.name)}: field is immutable`);
  if (meta.namespace !== undefined && meta.namespace !== before.metadata.namespace) throw bad('metadata.namespace', 'field is immutable');
  const spec = after.spec;
  if (!Number.isInteger(spec.replicas) || (spec.replicas as number) < 0) throw bad('spec.replicas', `Invalid value: ${JSON.stringify(spec.replicas)}: must be greater than or equal to 0`);
  if (stableStringify(spec.selector) !== stableStringify(before.spec.selector)) throw bad('spec.selector', `Invalid value: ${JSON.stringify(spec.selector)}: field is immutable`);
  const template = spec.template;
  if (!isRecord(template) || !isRecord(template.spec) || !Array.isArray(template.spec.containers) || template.spec.containers.length === 0) {
    throw bad('spec.template.spec.containers', 'Required value');
  }
  const names = new Set<string>();
  template.spec.containers.forEach((c: unknown, i: number) => {
    if (!isRecord(c) || typeof c.name !== 'string' || c.name === '') throw bad(`spec.template.spec.containers[${i}].name`, 'Required value');
    if (names.has(c.name)) throw bad(`spec.template.spec.containers[${i}].name`, `Duplicate value: ${JSON.stringify(c.name)}`);
    names.add(c.name);
    if (typeof c.image !== 'string' || c.image.trim() === '') throw bad(`spec.template.spec.containers[${i}].image`, 'Required value');
  });
  const labels = isRecord(template.metadata) && isRecord(template.metadata.labels) ? template.metadata.labels : {};
  for (const [k, v] of Object.entries(before.spec.selector.matchLabels ?? {})) {
    if (labels[k] !== v) throw bad('spec.template.metadata.labels', `Invalid value: ${JSON.stringify(labels)}: \`selector\` does not match template \`labels\``);
  }
  const result = structuredClone(after) as DeploymentObj;
  // fields only the server owns
  result.metadata = {
    ...result.metadata,
    name,
    namespace: before.metadata.namespace,
    uid: before.metadata.uid,
    creationTimestamp: before.metadata.creationTimestamp,
    ...(before.metadata.resourceVersion ? { resourceVersion: before.metadata.resourceVersion } : {}),
  };
  result.status = before.status;
  result.kind = 'Deployment';
  result.apiVersion = 'apps/v1';
  result.spec.template = defaultTemplate(result.spec.template);
  if (stableStringify(result.spec) !== stableStringify(before.spec)) result.metadata.generation = (before.metadata.generation ?? 1) + 1;
  else result.metadata.generation = before.metadata.generation ?? 1;
  return result;
}

function commit(ctx: WriteContext, dep: DeploymentObj, dryRun: boolean): DeploymentObj {
  if (dryRun) return dep;
  ctx.store.put(dep);
  const ns = dep.metadata.namespace ?? '';
  ctx.controller.syncRollout(ns, dep.metadata.name, ctx.now());
  return getDeployment(ctx.store, ns, dep.metadata.name);
}

export function patchDeployment(ctx: WriteContext, namespace: string, name: string, contentType: string | undefined, body: string, dryRun: boolean): DeploymentObj {
  const before = getDeployment(ctx.store, namespace, name);
  const after = validateDeployment(before, applyPatch(before, contentType, body));
  return commit(ctx, after, dryRun);
}

export function replaceDeployment(ctx: WriteContext, namespace: string, name: string, body: unknown, dryRun: boolean): DeploymentObj {
  const before = getDeployment(ctx.store, namespace, name);
  const rv = isRecord(body) && isRecord(body.metadata) ? body.metadata.resourceVersion : undefined;
  if (rv !== undefined && rv !== before.metadata.resourceVersion) {
    throw new KubeError(409, `Operation cannot be fulfilled on deployments.apps "${name}": the object has been modified; please apply your changes to the latest version and try again`, { name, group: 'apps', kind: 'deployments' });
  }
  return commit(ctx, validateDeployment(before, body), dryRun);
}

export function scaleOf(dep: DeploymentObj): KubeObject {
  const s = dep.status as { replicas?: number };
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: dep.metadata.name,
      namespace: dep.metadata.namespace,
      uid: dep.metadata.uid,
      ...(dep.metadata.resourceVersion ? { resourceVersion: dep.metadata.resourceVersion } : {}),
      creationTimestamp: dep.metadata.creationTimestamp,
    },
    spec: { replicas: dep.spec.replicas },
    status: {
      replicas: s.replicas ?? 0,
      selector: Object.entries(dep.spec.selector.matchLabels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
    },
  };
}

export function getScale(ctx: WriteContext, namespace: string, name: string): KubeObject {
  return scaleOf(getDeployment(ctx.store, namespace, name));
}

/** PUT (body is a Scale) or PATCH (body patches the current Scale) of deployments/{name}/scale. */
export function writeScale(
  ctx: WriteContext,
  namespace: string,
  name: string,
  change: { kind: 'put'; body: unknown } | { kind: 'patch'; contentType: string | undefined; body: string },
  dryRun: boolean,
): KubeObject {
  const before = getDeployment(ctx.store, namespace, name);
  const current = scaleOf(before);
  const next = change.kind === 'put' ? change.body : applyPatch(current, change.contentType, change.body);
  if (change.kind === 'put' && isRecord(next) && isRecord(next.metadata)) {
    const rv = next.metadata.resourceVersion;
    if (rv !== undefined && rv !== '' && rv !== before.metadata.resourceVersion) {
      throw new KubeError(409, `Operation cannot be fulfilled on deployments.apps "${name}": the object has been modified; please apply your changes to the latest version and try again`, { name, group: 'apps', kind: 'deployments' });
    }
  }
  const replicas = isRecord(next) && isRecord(next.spec) ? next.spec.replicas : undefined;
  if (!Number.isInteger(replicas) || (replicas as number) < 0) {
    throw invalid('Scale', name, 'spec.replicas', `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`, 'autoscaling');
  }
  const dep = structuredClone(before);
  dep.spec.replicas = replicas as number;
  const changed = dep.spec.replicas !== before.spec.replicas;
  if (changed) dep.metadata.generation = (before.metadata.generation ?? 1) + 1;
  return scaleOf(commit(ctx, dep, dryRun));
}
