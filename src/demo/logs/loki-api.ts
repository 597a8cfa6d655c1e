// The parts of Loki's HTTP API a log viewer uses: query_range over LogQL log queries, label discovery and
// /ready. Errors are plain text with status 400, as Loki writes them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, sendText, type Handler } from '../http.js';
import { LogQLParseError, parseLogQL, type LogQuery } from './logql.js';
import { LokiParamError, nanos, parseDirection, parseLimit, parseLokiTime, parseSince } from './loki-params.js';
import { runPipeline, selectorMatches } from './pipeline.js';
import type { LogStoreWithScan, PodLog, Stream } from './store.js';

const HOUR_MS = 3_600_000;

interface Hit {
  tMs: number;
  seq: number;
  labels: Record<string, string>;
  line: string;
}

/** The first `limit` entries of one pod in query order (newest first when backward). */
function scanPod(log: PodLog, q: LogQuery, startMs: number, endMs: number, limit: number, backward: boolean, seqBase: number): Hit[] {
  if (log.streamsComplete && ![...log.streams.values()].some((s) => selectorMatches(q, s.labels))) return [];
  const selected = new Map<Stream, boolean>();
  const hits: Hit[] = [];
  const n = log.ring.length;
  for (let k = 0; k < n && hits.length < limit; k++) {
    const i = backward ? n - 1 - k : k;
    const entry = log.ring.at(i);
    const stream = log.streamOf.at(i);
    if (entry.tMs < startMs || entry.tMs >= endMs) continue;
    let match = selected.get(stream);
    if (match === undefined) {
      match = selectorMatches(q, stream.labels);
      selected.set(stream, match);
    }
    if (!match) continue;
    const r = runPipeline(q, stream.labels, entry.line);
    if (r) hits.push({ tMs: entry.tMs, seq: seqBase + i, labels: r.labels, line: r.line });
  }
  return hits;
}

function queryRange(store: LogStoreWithScan, url: URL) {
  const p = url.searchParams;
  const q = parseLogQL(p.get('query') ?? '');
  const limit = parseLimit(p.get('limit'));
  const direction = parseDirection(p.get('direction'));
  const endMs = parseLokiTime(p.get('end'), store.now());
  const since = p.get('since');
  const startMs = parseLokiTime(p.get('start'), endMs - (since ? parseSince(since) : HOUR_MS));
  if (endMs <= startMs) throw new LokiParamError('end timestamp must not be before or equal to start time');

  const backward = direction === 'backward';
  let hits: Hit[] = [];
  let podIndex = 0;
  for (const log of store.pods()) hits.push(...scanPod(log, q, startMs, endMs, limit, backward, podIndex++ * 1e6));
  hits.sort((a, b) => (a.tMs - b.tMs || a.seq - b.seq) * (backward ? -1 : 1));
  hits = hits.slice(0, limit);

  const streams = new Map<string, { stream: Record<string, string>; values: [string, string][] }>();
  for (const h of hits) {
    const key = JSON.stringify(Object.keys(h.labels).sort().map((k) => [k, h.labels[k]]));
    let s = streams.get(key);
    if (!s) {
      s = { stream: h.labels, values: [] };
      streams.set(key, s);
    }
    s.values.push([nanos(h.tMs), h.line]);
  }
  return {
    status: 'success',
    data: {
      resultType: 'streams',
      result: [...streams.values()],
      stats: {},
    },
  };
}

function labelNames(store: LogStoreWithScan): string[] {
  const names = new Set<string>();
  for (const log of store.pods()) for (const s of log.streams.values()) for (const k of Object.keys(s.labels)) names.add(k);
  return [...names].sort();
}

function labelValues(store: LogStoreWithScan, name: string): string[] {
  const values = new Set<string>();
  for (const log of store.pods()) {
    for (const s of log.streams.values()) {
      const v = s.labels[name];
      if (v !== undefined) values.add(v);
    }
  }
  return [...values].sort();
}

function route(store: LogStoreWithScan, req: IncomingMessage, res: ServerResponse, path: string, url: URL): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    if (path === '/ready' || path.startsWith('/loki/api/v1/')) {
      sendText(res, 405, 'Method Not Allowed\n');
      return true;
    }
    return false;
  }
  if (path === '/ready') {
    sendText(res, 200, 'ready');
    return true;
  }
  if (path === '/loki/api/v1/query_range') {
    sendJson(res, 200, queryRange(store, url));
    return true;
  }
  if (path === '/loki/api/v1/query') {
    parseLogQL(url.searchParams.get('query') ?? '');
    sendText(res, 400, 'log queries are not supported as an instant query type, please change your query to a range query type');
    return true;
  }
  if (path === '/loki/api/v1/labels') {
    sendJson(res, 200, { status: 'success', data: labelNames(store) });
    return true;
  }
  const values = /^\/loki\/api\/v1\/label\/([^/]+)\/values$/.exec(path);
  if (values) {
    sendJson(res, 200, { status: 'success', data: labelValues(store, decodeURIComponent(values[1]!)) });
    return true;
  }
  return false;
}

export function createLokiApi(store: LogStoreWithScan): Handler {
  return (req, res, path, url) => {
    try {
      return route(store, req, res, path, url);
    } catch (err) {
      if (err instanceof LogQLParseError || err instanceof LokiParamError) {
        sendText(res, 400, err.message);
        return true;
      }
      throw err;
    }
  };
}
