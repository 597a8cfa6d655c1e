// Alertmanager API v2 as 0.25 serves it: the same paths, query parameters, JSON shapes and error bodies
// (go-swagger's {code, message} for schema errors, a bare JSON string for the handlers' own refusals).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, readJson, sendJson, sendText, type Handler } from '../http.js';
import type { AlertmanagerCore, StoredAlert } from './alertmanager.js';
import { INHIBIT_CONFIG_YAML } from './inhibition.js';
import { LABEL_NAME, matchesAll, parseMatcherText, type LabelMatcher } from './matchers.js';
import { isUuid, SilenceError, toGettableSilence } from './silences.js';

const VERSION = '0.25.0';
const STARTED_AT = new Date().toISOString();

function configYaml(core: AlertmanagerCore): string {
  return `global:
  resolve_timeout: ${Math.round(core.resolveTimeoutMs / 1000)}s
route:
  receiver: ${core.receiver}
  group_by: [alertname]
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h
${INHIBIT_CONFIG_YAML}receivers:
- name: ${core.receiver}
templates: []
`;
}

const iso = (t: number): string => new Date(t).toISOString();

function boolParam(url: URL, name: string): boolean {
  const v = url.searchParams.get(name);
  if (v === null || v === '') return true;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new SilenceError(422, { code: 601, message: `${name} in query must be of type boolean: "${v}"` });
}

function filterParam(url: URL): LabelMatcher[] {
  try {
    return url.searchParams.getAll('filter').map(parseMatcherText);
  } catch (err) {
    throw new SilenceError(400, (err as Error).message);
  }
}

function receiverParam(url: URL): RegExp | null {
  const r = url.searchParams.get('receiver');
  if (r === null) return null;
  try {
    return new RegExp(`^(?:${r})$`);
  } catch (err) {
    throw new SilenceError(400, `failed to parse receiver param: ${(err as Error).message}`);
  }
}

function gettableAlert(core: AlertmanagerCore, a: StoredAlert, firing: readonly StoredAlert[], t: number) {
  return {
    annotations: { ...a.annotations },
    endsAt: iso(a.endsAt),
    fingerprint: a.fingerprint,
    receivers: [{ name: core.receiver }],
    startsAt: iso(a.startsAt),
    status: core.statusOf(a, firing, t),
    updatedAt: iso(a.updatedAt),
    generatorURL: a.generatorURL,
    labels: { ...a.labels },
  };
}
type GettableAlert = ReturnType<typeof gettableAlert>;

/** The alerts GET /alerts and /alerts/groups would list, with the same filters. */
function selectAlerts(core: AlertmanagerCore, url: URL): GettableAlert[] {
  const active = boolParam(url, 'active');
  const silenced = boolParam(url, 'silenced');
  const inhibited = boolParam(url, 'inhibited');
  boolParam(url, 'unprocessed');
  const matchers = filterParam(url);
  const receiver = receiverParam(url);
  const t = core.now();
  const firing = core.firingAt(t);
  const out: GettableAlert[] = [];
  if (receiver && !receiver.test(core.receiver)) return out;
  for (const a of firing) {
    if (!matchesAll(matchers, a.labels)) continue;
    const g = gettableAlert(core, a, firing, t);
    if (!active && g.status.state === 'active') continue;
    if (!silenced && g.status.silencedBy.length > 0) continue;
    if (!inhibited && g.status.inhibitedBy.length > 0) continue;
    out.push(g);
  }
  return out.sort((x, y) => (x.fingerprint < y.fingerprint ? -1 : x.fingerprint > y.fingerprint ? 1 : 0));
}

function groups(core: AlertmanagerCore, url: URL) {
  const byName = new Map<string, GettableAlert[]>();
  for (const a of selectAlerts(core, url)) {
    const name = a.labels.alertname ?? '';
    const list = byName.get(name) ?? [];
    list.push(a);
    byName.set(name, list);
  }
  return [...byName.keys()].sort().map((name) => ({
    alerts: byName.get(name)!,
    labels: name === '' ? {} : { alertname: name },
    receiver: { name: core.receiver },
  }));
}

interface PostableAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: number;
  endsAt: number;
  generatorURL: string;
}

function stringMap(v: unknown): Record<string, string> | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (typeof val !== 'string') return null;
    out[k] = val;
  }
  return out;
}

/** POST /api/v2/alerts: schema errors refuse the whole batch; invalid alerts are skipped and reported. */
function parsePostedAlerts(body: unknown, t: number, resolveTimeoutMs: number): { valid: PostableAlert[]; errors: string[] } {
  if (!Array.isArray(body)) {
    throw new SilenceError(400, { code: 400, message: 'parsing alerts body from "" failed, because json: cannot unmarshal object into Go value of type models.PostableAlerts' });
  }
  const valid: PostableAlert[] = [];
  const errors: string[] = [];
  body.forEach((raw: unknown, i) => {
    const a = (raw ?? {}) as Record<string, unknown>;
    const labels = stringMap(a.labels);
    if (!labels) throw new SilenceError(422, { code: 602, message: `${i}.labels in body is required` });
    const annotations = a.annotations === undefined ? {} : stringMap(a.annotations);
    if (!annotations) throw new SilenceError(422, { code: 601, message: `${i}.annotations in body must be of type object` });
    const time = (field: 'startsAt' | 'endsAt'): number | null => {
      if (a[field] === undefined || a[field] === null || a[field] === '') return null;
      const v = typeof a[field] === 'string' ? Date.parse(a[field] as string) : NaN;
      if (!Number.isFinite(v)) throw new SilenceError(422, { code: 601, message: `${i}.${field} in body must be of type date-time: ${JSON.stringify(a[field])}` });
      return v;
    };
    let startsAt = time('startsAt');
    let endsAt = time('endsAt');
    if (startsAt === null) startsAt = endsAt ?? t;
    if (endsAt === null) endsAt = t + resolveTimeoutMs;
    for (const k of Object.keys(labels)) if (labels[k] === '') delete labels[k];
    const badName = Object.keys(labels).find((k) => !LABEL_NAME.test(k));
    if (Object.keys(labels).length === 0) errors.push('at least one label pair required');
    else if (badName !== undefined) errors.push(`invalid name "${badName}"`);
    else if (endsAt < startsAt) errors.push('start time must be before end time');
    else valid.push({ labels, annotations, startsAt, endsAt, generatorURL: typeof a.generatorURL === 'string' ? a.generatorURL : '' });
  });
  return { valid, errors };
}

function status(core: AlertmanagerCore) {
  return {
    cluster: { peers: [], status: 'disabled' },
    config: { original: configYaml(core) },
    uptime: STARTED_AT,
    versionInfo: {
      branch: 'HEAD',
      buildDate: '20221222-14:51:36',
      buildUser: 'root@hive-oncall-sim',
      goVersion: 'go1.19.4',
      revision: 'hive-oncall-sim',
      version: VERSION,
    },
  };
}

function reply(res: ServerResponse, status: number, body: unknown): true {
  sendJson(res, status, body);
  return true;
}

function methodNotAllowed(res: ServerResponse, method: string, allowed: string[]): true {
  sendJson(res, 405, { code: 405, message: `method ${method} is not allowed, but [${allowed.join(',')}] are` }, { Allow: allowed.join(', ') });
  return true;
}

async function route(core: AlertmanagerCore, req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<boolean> {
  const method = req.method ?? 'GET';
  const t = core.now();

  if (path === '/-/healthy' || path === '/-/ready') {
    if (method !== 'GET' && method !== 'HEAD') return false;
    sendText(res, 200, 'OK');
    return true;
  }
  if (!path.startsWith('/api/v2/')) return false;
  const sub = path.slice('/api/v2'.length);

  if (sub === '/alerts') {
    if (method === 'GET') return reply(res, 200, selectAlerts(core, url));
    if (method === 'POST') {
      const { valid, errors } = parsePostedAlerts(await readJson(req), t, core.resolveTimeoutMs);
      core.put(valid, t);
      if (errors.length > 0) return reply(res, 400, errors.join('; '));
      sendText(res, 200, '');
      return true;
    }
    return methodNotAllowed(res, method, ['GET', 'POST']);
  }
  if (sub === '/alerts/groups') {
    if (method !== 'GET') return methodNotAllowed(res, method, ['GET']);
    return reply(res, 200, groups(core, url));
  }
  if (sub === '/silences') {
    if (method === 'GET') {
      const matchers = filterParam(url);
      const order = { active: 0, pending: 1, expired: 2 } as const;
      const list = core.silences
        .list()
        .filter((s) => matchers.every((m) => s.matchers.some((sm) => sm.name === m.name && sm.value === m.value && sameType(sm, m.type))))
        .map((s) => toGettableSilence(s, t))
        .sort((a, b) => {
          const sa = a.status.state;
          const sb = b.status.state;
          if (sa !== sb) return order[sa] - order[sb];
          if (sa === 'pending') return a.startsAt.localeCompare(b.startsAt);
          return sa === 'active' ? a.endsAt.localeCompare(b.endsAt) : b.endsAt.localeCompare(a.endsAt);
        });
      return reply(res, 200, list);
    }
    if (method === 'POST') {
      const id = core.silences.upsert(await readJson(req), t);
      return reply(res, 200, { silenceID: id });
    }
    return methodNotAllowed(res, method, ['GET', 'POST']);
  }
  const one = /^\/silence\/([^/]+)$/.exec(sub);
  if (one) {
    const id = decodeURIComponent(one[1]!);
    if (method !== 'GET' && method !== 'DELETE') return methodNotAllowed(res, method, ['DELETE', 'GET']);
    if (!isUuid(id)) throw new SilenceError(422, { code: 601, message: `silenceID in path must be of type uuid: "${id}"` });
    const s = core.silences.get(id);
    if (!s) {
      res.writeHead(404, { 'Content-Length': '0' });
      res.end();
      return true;
    }
    if (method === 'GET') return reply(res, 200, toGettableSilence(s, t));
    core.silences.expire(id, t);
    sendText(res, 200, '');
    return true;
  }
  if (sub === '/status') {
    if (method !== 'GET') return methodNotAllowed(res, method, ['GET']);
    return reply(res, 200, status(core));
  }
  if (sub === '/receivers') {
    if (method !== 'GET') return methodNotAllowed(res, method, ['GET']);
    return reply(res, 200, [{ name: core.receiver }]);
  }
  sendJson(res, 404, { code: 404, message: `path ${path} was not found` });
  return true;
}

function sameType(m: { isRegex: boolean; isEqual: boolean }, type: LabelMatcher['type']): boolean {
  const t = m.isRegex ? (m.isEqual ? '=~' : '!~') : m.isEqual ? '=' : '!=';
  return t === type;
}

export function createAlertmanagerApi(core: AlertmanagerCore): Handler {
  return async (req, res, path, url) => {
    try {
      return await route(core, req, res, path, url);
    } catch (err) {
      if (err instanceof SilenceError) {
        sendJson(res, err.status, err.body);
        return true;
      }
      if (err instanceof HttpError) {
        sendJson(res, err.status, { code: err.status, message: err.message });
        return true;
      }
      throw err;
    }
  };
}
