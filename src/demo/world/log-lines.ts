// What each service's logs look like, in the format it really writes: Rust tracing (with the ANSI colours a
// misconfigured container leaves in), JSON, logfmt and PostgreSQL's own. The mix of formats is deliberate:
// the dashboard must detect levels and neutralise escape bytes in all of them.
import type { Rng } from '../contracts.js';
import type { ServiceSpec } from './topology.js';

export type Level = 'debug' | 'info' | 'warn' | 'error';

const TRACING_LEVEL: Record<Level, string> = {
  debug: '\u001b[34mDEBUG\u001b[0m',
  info: '\u001b[32m INFO\u001b[0m',
  warn: '\u001b[33m WARN\u001b[0m',
  error: '\u001b[31mERROR\u001b[0m',
};
const PG_LEVEL: Record<Level, string> = { debug: 'DEBUG', info: 'LOG', warn: 'WARNING', error: 'ERROR' };

function logfmtValue(v: string | number): string {
  const s = String(v);
  return /[\s"=]/.test(s) ? JSON.stringify(s) : s;
}

export function formatLine(
  format: ServiceSpec['logFormat'],
  tMs: number,
  level: Level,
  target: string,
  msg: string,
  fields: Record<string, string | number> = {},
): string {
  const iso = new Date(tMs).toISOString();
  switch (format) {
    case 'tracing': {
      const kv = Object.entries(fields).map(([k, v]) => `${k}=${v}`).join(' ');
      return `${iso} ${TRACING_LEVEL[level]} ${target}: ${msg}${kv ? ` ${kv}` : ''}`;
    }
    case 'json':
      return JSON.stringify({ ts: iso, level, logger: target, msg, ...fields });
    case 'logfmt': {
      const kv = Object.entries(fields).map(([k, v]) => `${k}=${logfmtValue(v)}`).join(' ');
      return `ts=${iso} level=${level} caller=${target} msg=${logfmtValue(msg)}${kv ? ` ${kv}` : ''}`;
    }
    case 'postgres': {
      const stamp = iso.replace('T', ' ').replace('Z', ' UTC');
      return `${stamp} [${fields.pid ?? 1}] ${msg.startsWith('FATAL') ? '' : `${PG_LEVEL[level]}:  `}${msg}`;
    }
  }
}

const PATHS: Record<string, string[]> = {
  'hive-mind-rust': ['/v1/trades', '/v1/orders', '/v1/positions', '/v1/consensus/propose'],
  'claude-tui': ['/api/sessions', '/api/chat', '/api/agents', '/api/health'],
  'hive-mind-coordinator': ['/tasks', '/tasks/dispatch', '/workers', '/swarm/status'],
};

/** The random part of an ordinary request line: which endpoint was called. */
export function requestPath(service: ServiceSpec, rng: Rng): string {
  return rng.pick(PATHS[service.deployment] ?? ['/']);
}

/** An ordinary request line for a healthy (or degraded) service. */
export function renderRequestLine(service: ServiceSpec, path: string, tMs: number, status: number, latencyMs: number): string {
  const method = path.includes('dispatch') || path.includes('propose') || path.includes('orders') ? 'POST' : 'GET';
  const level: Level = status >= 500 ? 'error' : latencyMs > 2000 ? 'warn' : 'info';
  const msg =
    status >= 500 ? (status === 503 ? 'upstream timeout' : 'request failed') : latencyMs > 2000 ? 'slow request' : 'request completed';
  switch (service.logFormat) {
    case 'tracing':
      return formatLine('tracing', tMs, level, 'hive_mind::api', msg, { method, path, status, latency_ms: Math.round(latencyMs) });
    case 'json':
      return formatLine('json', tMs, level, 'http', msg, { method, path, status, duration_ms: Math.round(latencyMs) });
    case 'logfmt':
      return formatLine('logfmt', tMs, level, 'server.go:214', msg, { method, path, status, duration: `${Math.round(latencyMs)}ms` });
    case 'postgres':
      return formatLine('postgres', tMs, 'info', '', 'checkpoint complete: wrote 112 buffers (0.7%)', { pid: 57 });
  }
}
