// The Prometheus HTTP API (v1) over the simulator's store: the same paths, parameters, envelopes and
// error texts as Prometheus 2.x, so one client works against both.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, readBody, sendJson, sendText, type Handler } from '../http.js';
import { parseTime } from './format.js';
import { sortedLabels, type Labels } from './labels.js';
import { parseDuration } from '../../lib/duration.js';
import { PromqlExecError, PromqlParseError } from './promql/errors.js';
import { parse } from './promql/parser.js';
import { BadQueryError, instantQuery, rangeQuery } from './promql/query.js';
import type { Matcher } from './matchers.js';
import type { SeriesStore } from './store.js';

/** Prometheus' limit on points per series in a range query. */
export const MAX_POINTS = 11_000;

class ApiError extends Error {
  constructor(
    readonly errorType: 'bad_data' | 'execution' | 'not_found',
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const badData = (message: string) => new ApiError('bad_data', 400, message);
const invalidParam = (name: string, message: string) => badData(`invalid parameter "${name}": ${message}`);

interface Params {
  get(name: string): string | undefined;
  all(name: string): string[];
}

async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const merged = new URLSearchParams(url.searchParams);
  const type = String(req.headers['content-type'] ?? '');
  if (req.method === 'POST' && type.startsWith('application/x-www-form-urlencoded')) {
    // Like Go's r.FormValue: body values come first.
    const body = new URLSearchParams(await readBody(req));
    for (const [k, v] of url.searchParams) body.append(k, v);
    return { get: (n) => body.get(n) ?? undefined, all: (n) => body.getAll(n) };
  }
  return { get: (n) => merged.get(n) ?? undefined, all: (n) => merged.getAll(n) };
}

function timeParam(params: Params, name: string, fallbackMs: number | undefined): number {
  const raw = params.get(name);
  if (raw === undefined || raw === '') {
    if (fallbackMs === undefined) throw invalidParam(name, `cannot parse "" to a valid timestamp`);
    return fallbackMs;
  }
  const ms = parseTime(raw);
  // Prometheus words it differently for the instant query's optional time
  const prefix = fallbackMs === undefined ? '' : `Invalid time value for '${name}': `;
  if (ms === undefined) throw invalidParam(name, `${prefix}cannot parse "${raw}" to a valid timestamp`);
  return ms;
}

function stepParam(params: Params): number {
  const raw = params.get('step') ?? '';
  let ms: number | null;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(raw.trim())) ms = Number(raw) * 1000;
  else ms = parseDuration(raw);
  if (ms === null || !Number.isFinite(ms)) throw invalidParam('step', `cannot parse "${raw}" to a valid duration`);
  if (ms <= 0) throw invalidParam('step', 'zero or negative query resolution step widths are not accepted. Try a positive integer');
  return ms;
}

function runQuery<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof PromqlParseError) throw invalidParam('query', err.message);
    if (err instanceof BadQueryError) throw badData(err.message);
    if (err instanceof PromqlExecError) throw new ApiError('execution', 422, err.message);
    throw err;
  }
}

/** match[] selectors for /series and friends: each must be a plain instant vector selector. */
function selectorParams(params: Params): Matcher[][] {
  return params.all('match[]').map((text) => {
    let expr;
    try {
      expr = parse(text);
    } catch (err) {
      throw invalidParam('match[]', (err as Error).message);
    }
    if (expr.kind !== 'vector') throw invalidParam('match[]', 'expected an instant vector selector');
    return expr.matchers;
  });
}

function matchingSeries(store: SeriesStore, selectors: Matcher[][]): Labels[] {
  const seen = new Map<string, Labels>();
  const sets = selectors.length > 0 ? selectors.map((m) => store.select(m)) : [[...store.all()].filter((s) => s.t.length > s.start)];
  for (const list of sets) for (const s of list) seen.set(s.key, s.labels);
  return [...seen.values()];
}

export function createPrometheusApi(store: SeriesStore, now: () => number): Handler {
  const routes: Record<string, (params: Params) => unknown> = {
    '/api/v1/query': (params) => {
      const query = params.get('query') ?? '';
      const t = timeParam(params, 'time', now());
      return runQuery(() => instantQuery(store, query, t));
    },
    '/api/v1/query_range': (params) => {
      const start = timeParam(params, 'start', undefined);
      const end = timeParam(params, 'end', undefined);
      if (end < start) throw invalidParam('end', 'end timestamp must not be before start time');
      const step = stepParam(params);
      if ((end - start) / step > MAX_POINTS) {
        throw badData('exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)');
      }
      const query = params.get('query') ?? '';
      return runQuery(() => rangeQuery(store, query, start, end, step));
    },
    '/api/v1/labels': (params) => {
      const names = new Set<string>();
      for (const labels of matchingSeries(store, selectorParams(params))) for (const n of Object.keys(labels)) names.add(n);
      return [...names].sort();
    },
    '/api/v1/series': (params) => {
      const selectors = selectorParams(params);
      if (selectors.length === 0) throw badData('no match[] parameter provided');
      return matchingSeries(store, selectors).map(sortedLabels);
    },
    '/api/v1/status/buildinfo': () => ({
      version: '2.42.0',
      revision: 'hive-oncall-simulator',
      branch: 'simulator',
      buildUser: 'hive-oncall',
      buildDate: '',
      goVersion: '',
    }),
  };

  const labelValues = (name: string, params: Params): string[] => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw badData(`invalid label name: ${JSON.stringify(name)}`);
    const values = new Set<string>();
    for (const labels of matchingSeries(store, selectorParams(params))) {
      const v = labels[name];
      if (v !== undefined) values.add(v);
    }
    return [...values].sort();
  };

  return async (req: IncomingMessage, res: ServerResponse, path: string, url: URL) => {
    if (path === '/-/healthy' || path === '/-/ready') {
      sendText(res, 200, path === '/-/healthy' ? 'Prometheus Server is Healthy.\n' : 'Prometheus Server is Ready.\n');
      return true;
    }
    const labelMatch = /^\/api\/v1\/label\/([^/]+)\/values$/.exec(path);
    const route = routes[path];
    if (!route && !labelMatch) return false;
    try {
      if (req.method !== 'GET' && req.method !== 'POST') {
        sendJson(res, 405, { status: 'error', errorType: 'bad_data', error: `method ${req.method ?? ''} not allowed` }, { Allow: 'GET, POST' });
        return true;
      }
      const params = await readParams(req, url);
      const data = labelMatch ? labelValues(safeDecode(labelMatch[1]!), params) : route!(params);
      sendJson(res, 200, { status: 'success', data });
    } catch (err) {
      if (err instanceof ApiError) sendJson(res, err.status, { status: 'error', errorType: err.errorType, error: err.message });
      else if (err instanceof HttpError) sendJson(res, err.status, { status: 'error', errorType: 'bad_data', error: err.message });
      else sendJson(res, 500, { status: 'error', errorType: 'internal', error: (err as Error).message ?? String(err) });
    }
    return true;
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
