// pods/{name}/log: what the kubelet serves through the apiserver. Plain text, optional RFC3339Nano
// timestamps, tailLines/sinceTime/sinceSeconds/limitBytes, and follow=true streaming until the client
// goes away or the pod is deleted.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LogEntry, LogStore } from '../contracts.js';
import { parseTime, rfc3339NanoFixed, type PodObj } from './objects.js';
import { KubeError } from './status.js';
import type { ObjectStore } from './store.js';

export interface LogRequestContext {
  store: ObjectStore;
  logs: LogStore;
  now: () => number;
}

function intParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new KubeError(400, `${name}: Invalid value: ${JSON.stringify(raw)}: must be a non-negative integer`);
  return n;
}

function pickContainer(pod: PodObj, url: URL): string {
  const names = pod.spec.containers.map((c) => c.name);
  const asked = url.searchParams.get('container');
  if (asked) {
    if (!names.includes(asked)) throw new KubeError(400, `container ${asked} is not valid for pod ${pod.metadata.name}`);
    return asked;
  }
  if (names.length === 1) return names[0]!;
  throw new KubeError(400, `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`);
}

export function serveLogs(req: IncomingMessage, res: ServerResponse, url: URL, pod: PodObj, ctx: LogRequestContext): void {
  const container = pickContainer(pod, url);
  const cs = pod.status.containerStatuses.find((c) => c.name === container);
  const waiting = cs?.state.waiting?.reason;
  if (cs && waiting && cs.restartCount === 0 && !cs.lastState.terminated) {
    throw new KubeError(400, `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${waiting}`);
  }
  const namespace = pod.metadata.namespace ?? '';
  const tailLines = intParam(url, 'tailLines');
  const sinceSeconds = intParam(url, 'sinceSeconds');
  const limitBytes = intParam(url, 'limitBytes');
  const sinceTimeRaw = url.searchParams.get('sinceTime');
  const sinceTime = parseTime(sinceTimeRaw ?? undefined);
  if (sinceTimeRaw && sinceTime === undefined) throw new KubeError(400, `sinceTime: Invalid value: ${JSON.stringify(sinceTimeRaw)}: not an RFC3339 time`);
  if (sinceTime !== undefined && sinceSeconds !== undefined) throw new KubeError(422, 'at most one of `sinceTime` or `sinceSeconds` may be specified');
  const sinceMs = sinceTime ?? (sinceSeconds !== undefined ? ctx.now() - sinceSeconds * 1000 : undefined);
  const timestamps = url.searchParams.get('timestamps') === 'true';
  const follow = url.searchParams.get('follow') === 'true' || url.searchParams.get('follow') === '1';

  const format = (e: LogEntry): string => `${timestamps ? `${rfc3339NanoFixed(e.tMs)} ` : ''}${e.line}\n`;
  const backlog = ctx.logs
    .query({ namespace, pod: pod.metadata.name, container, ...(sinceMs !== undefined ? { sinceMs } : {}), ...(tailLines !== undefined ? { tailLines } : {}) })
    .filter((e) => sinceMs === undefined || e.tMs >= sinceMs);
  const lines = tailLines !== undefined ? backlog.slice(Math.max(0, backlog.length - tailLines)) : backlog;
  let budget = limitBytes ?? Infinity;
  const clip = (text: string): string => {
    if (budget === Infinity) return text;
    const buf = Buffer.from(text, 'utf8').subarray(0, Math.max(0, budget));
    budget -= buf.length;
    return buf.toString('utf8');
  };

  if (!follow) {
    const body = clip(lines.map(format).join(''));
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }

  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  let finished = false;
  const write = (text: string): void => {
    if (finished) return;
    const out = clip(text);
    if (out) res.write(out);
    if (budget <= 0) finish();
  };
  const stopLogs = ctx.logs.subscribe({ namespace, pod: pod.metadata.name, container }, (e) => write(format(e)));
  const stopStore = ctx.store.subscribe((ev) => {
    if (ev.type === 'DELETED' && ev.kind === 'Pod' && ev.object.metadata.uid === pod.metadata.uid) finish();
  });
  function finish(): void {
    if (finished) return;
    finished = true;
    stopLogs();
    stopStore();
    if (!res.writableEnded) res.end();
  }
  req.on('close', finish);
  res.on('close', finish);
  const backlogText = lines.map(format).join('');
  if (backlogText) write(backlogText);
}
