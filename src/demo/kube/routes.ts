// URL routing for the Kubernetes API: /api/v1/... and /apis/{group}/{version}/..., cluster-wide and per
// namespace, objects and subresources; errors always come back as metav1.Status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LogStore } from '../contracts.js';
import { HttpError, readBody, sendJson, sendText, type Handler } from '../http.js';
import { forbidden, serveAccessReview, type AccessAttributes, type AccessPolicy } from './access.js';
import type { Controller } from './controller.js';
import { getScale, patchDeployment, replaceDeployment, writeScale, type WriteContext } from './deployment-writes.js';
import { serveDiscovery } from './discovery.js';
import { serveLogs } from './logs.js';
import { decodeAccessReview } from './protobuf.js';
import type { PodObj } from './objects.js';
import { findResource, type ResourceDef } from './resources.js';
import { selectorFilter } from './selectors.js';
import { KubeError, notFound, sendStatus } from './status.js';
import type { KubeObject, ObjectStore } from './store.js';
import { toTable, wantsTable } from './tables.js';
import { serveWatch } from './watch.js';

export interface ApiContext {
  store: ObjectStore;
  controller: Controller;
  logs: LogStore;
  now: () => number;
  policy: () => AccessPolicy;
  user: string;
}

interface Target {
  def: ResourceDef;
  namespace?: string;
  name?: string;
  sub?: string;
}

const NOT_FOUND = (): KubeError => new KubeError(404, 'the server could not find the requested resource', {});

export function isKubePath(path: string): boolean {
  return /^\/(api|apis|version|openapi)(\/|$)/.test(path) || /^\/(healthz|livez|readyz)$/.test(path);
}

function parseTarget(path: string): { group: string; version: string; segments: string[] } | undefined {
  let m = /^\/api\/(v1)(\/.*)?$/.exec(path);
  const group = m ? '' : undefined;
  if (!m) m = /^\/apis\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
  if (!m) return undefined;
  const [g, v, rest] = group === '' ? ['', m[1]!, m[2] ?? ''] : [m[1]!, m[2]!, m[3] ?? ''];
  try {
    return { group: g, version: v, segments: rest.split('/').filter((s) => s !== '').map(decodeURIComponent) };
  } catch {
    return undefined;
  }
}

function resolve(group: string, version: string, seg: string[]): Target {
  let namespace: string | undefined;
  let rest = seg;
  if (seg[0] === 'namespaces' && seg.length >= 3) {
    namespace = seg[1];
    rest = seg.slice(2);
  }
  if (rest.length === 0 || rest.length > 3) throw NOT_FOUND();
  const def = findResource(group, version, rest[0]!);
  if (!def) throw NOT_FOUND();
  const [, name, sub] = rest;
  if (!def.namespaced && namespace !== undefined) throw NOT_FOUND();
  if (def.namespaced && namespace === undefined && name !== undefined) throw NOT_FOUND();
  return { def, ...(namespace !== undefined ? { namespace } : {}), ...(name !== undefined ? { name } : {}), ...(sub !== undefined ? { sub } : {}) };
}

function isDryRun(url: URL, body?: unknown): boolean {
  const values = url.searchParams.getAll('dryRun');
  const fromBody = (body as { dryRun?: unknown } | undefined)?.dryRun;
  if (Array.isArray(fromBody)) values.push(...fromBody.map(String));
  for (const v of values) if (v !== 'All') throw new KubeError(400, `Invalid dry run value: ${JSON.stringify(v)}: supported values: "All"`);
  return values.length > 0;
}

function isTrue(v: string | null): boolean {
  return v === 'true' || v === '1';
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new KubeError(400, 'the request body is not valid JSON');
  }
}

function verbOf(method: string, t: Target, url: URL): string {
  switch (method) {
    case 'GET':
      if (isTrue(url.searchParams.get('watch'))) return 'watch';
      return t.name === undefined ? 'list' : 'get';
    case 'PATCH':
      return 'patch';
    case 'PUT':
      return 'update';
    case 'DELETE':
      return 'delete';
    case 'POST':
      return 'create';
    default:
      return method.toLowerCase();
  }
}

async function readRaw(req: IncomingMessage, limit = 1 << 20): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new KubeError(413, 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const methodNotAllowed = (): KubeError => new KubeError(405, 'the server does not allow this method on the requested resource');

export function createKubeApi(ctx: ApiContext): Handler {
  const writes: WriteContext = { store: ctx.store, controller: ctx.controller, now: ctx.now };

  const render = (req: IncomingMessage, url: URL, kind: string) => (obj: KubeObject) =>
    wantsTable(req) ? toTable(kind, [obj], ctx.now(), url.searchParams.get('includeObject')) : obj;

  function getObject(t: Target): KubeObject {
    const obj = ctx.store.get(t.def.kind, t.namespace, t.name ?? '');
    if (!obj) throw notFound(t.def.resource, t.name ?? '', t.def.group);
    return obj;
  }

  async function handleResource(req: IncomingMessage, res: ServerResponse, url: URL, t: Target): Promise<void> {
    const method = req.method ?? 'GET';
    const { def } = t;
    const attrs: AccessAttributes = {
      verb: verbOf(method, t, url),
      group: def.group,
      resource: def.resource,
      ...(t.sub ? { subresource: t.sub } : {}),
      ...(t.namespace !== undefined ? { namespace: t.namespace } : {}),
      ...(t.name !== undefined ? { name: t.name } : {}),
    };
    if (!ctx.policy()(attrs).allowed) throw forbidden(attrs, ctx.user);

    if (method === 'GET') {
      if (t.sub === 'log' && def.kind === 'Pod') return serveLogs(req, res, url, getObject(t) as PodObj, ctx);
      if (t.sub === 'scale' && def.kind === 'Deployment') return sendJson(res, 200, getScale(writes, t.namespace ?? '', t.name ?? ''));
      if (t.sub !== undefined && !(t.sub === 'status' && def.kind === 'Deployment')) throw NOT_FOUND();
      const filter = selectorFilter(url);
      if (attrs.verb === 'watch') {
        if (t.name !== undefined) getObject(t);
        const byName = t.name;
        return serveWatch(req, res, url, {
          store: ctx.store,
          kind: def.kind,
          ...(t.namespace !== undefined ? { namespace: t.namespace } : {}),
          filter: byName === undefined ? filter : (o) => o.metadata.name === byName && filter(o),
          render: render(req, url, def.kind),
        });
      }
      if (t.name !== undefined) {
        const obj = getObject(t);
        return sendJson(res, 200, wantsTable(req) ? toTable(def.kind, [obj], ctx.now(), url.searchParams.get('includeObject')) : obj);
      }
      const rv = ctx.store.resourceVersion;
      const items = ctx.store.list(def.kind, t.namespace).filter(filter);
      if (wantsTable(req)) return sendJson(res, 200, toTable(def.kind, items, ctx.now(), url.searchParams.get('includeObject'), rv));
      return sendJson(res, 200, {
        kind: `${def.kind}List`,
        apiVersion: def.group ? `${def.group}/${def.version}` : def.version,
        metadata: { resourceVersion: rv },
        items,
      });
    }

    if (t.name === undefined) throw methodNotAllowed();
    const ns = t.namespace ?? '';
    const name = t.name;
    const text = await readBody(req);

    if (def.kind === 'Deployment' && (method === 'PATCH' || method === 'PUT')) {
      const dryRun = isDryRun(url);
      if (t.sub === 'scale') {
        const change = method === 'PUT' ? { kind: 'put' as const, body: parseJson(text) } : { kind: 'patch' as const, contentType: req.headers['content-type'], body: text };
        return sendJson(res, 200, writeScale(writes, ns, name, change, dryRun));
      }
      if (t.sub !== undefined) throw methodNotAllowed();
      const dep = method === 'PUT' ? replaceDeployment(writes, ns, name, parseJson(text), dryRun) : patchDeployment(writes, ns, name, req.headers['content-type'], text, dryRun);
      return sendJson(res, 200, dep);
    }

    if (method === 'DELETE' && t.sub === undefined && (def.kind === 'Pod' || def.kind === 'Deployment')) {
      const body = parseJson(text) as { gracePeriodSeconds?: unknown } | null;
      const dryRun = isDryRun(url, body ?? undefined);
      const graceParam = url.searchParams.get('gracePeriodSeconds');
      const graceRaw = graceParam !== null ? Number(graceParam) : body?.gracePeriodSeconds;
      if (graceRaw !== undefined && graceRaw !== null && (typeof graceRaw !== 'number' || !Number.isFinite(graceRaw))) {
        throw new KubeError(400, `gracePeriodSeconds: Invalid value: ${JSON.stringify(graceRaw)}`);
      }
      const grace = typeof graceRaw === 'number' ? graceRaw : undefined;
      if (def.kind === 'Pod') {
        const pod = ctx.controller.deletePod(ns, name, grace, ctx.now(), dryRun);
        if (!pod) throw notFound('pods', name);
        return sendJson(res, 200, pod);
      }
      const gone = ctx.controller.deleteDeployment(ns, name, ctx.now(), dryRun);
      if (!gone) throw notFound('deployments', name, 'apps');
      return sendJson(res, 200, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: { name, group: 'apps', kind: 'deployments', uid: gone.metadata.uid },
      });
    }
    throw methodNotAllowed();
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    if (method === 'GET' && serveDiscovery(path, res)) return;
    if (/^\/(healthz|livez|readyz)$/.test(path)) return sendText(res, 200, 'ok');
    const target = parseTarget(path);
    if (!target) throw NOT_FOUND();
    const { group, version, segments } = target;
    if (group === 'authorization.k8s.io' && version === 'v1' && segments.join('/') === 'selfsubjectaccessreviews') {
      if (method !== 'POST') throw methodNotAllowed();
      const body = await readRaw(req);
      const isProto = (req.headers['content-type'] ?? '').startsWith('application/vnd.kubernetes.protobuf');
      return serveAccessReview(res, isProto ? decodeAccessReview(body) : parseJson(body.toString('utf8')), ctx.policy());
    }
    await handleResource(req, res, url, resolve(group, version, segments));
  }

  return async (req, res, path, url) => {
    if (!isKubePath(path)) return false;
    try {
      await route(req, res, path, url);
    } catch (err) {
      if (res.headersSent) {
        res.end();
        return true;
      }
      if (err instanceof KubeError) sendStatus(res, err);
      else if (err instanceof HttpError) sendStatus(res, new KubeError(err.status, err.message));
      else sendStatus(res, new KubeError(500, `internal error: ${err instanceof Error ? err.message : String(err)}`));
    }
    return true;
  };
}
