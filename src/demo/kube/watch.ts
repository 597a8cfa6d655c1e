// Watches: newline-delimited JSON events over a chunked response, resumable from a resourceVersion
// (410 Expired in-stream once the history is gone), filtered by namespace and selectors the way the
// apiserver filters them (an object leaving the selector is reported as DELETED).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { statusObject } from './status.js';
import type { KubeObject, ObjectStore, StoreEvent, WatchEventType } from './store.js';

export interface WatchOptions {
  store: ObjectStore;
  kind: string;
  namespace?: string;
  filter: (obj: KubeObject) => boolean;
  /** wrap each object for the wire (e.g. as a Table for kubectl get -w) */
  render: (obj: KubeObject) => unknown;
  /** server-side cap when the client gives no timeoutSeconds */
  defaultTimeoutSeconds?: number;
}

export function serveWatch(req: IncomingMessage, res: ServerResponse, url: URL, opts: WatchOptions): void {
  const { store, kind } = opts;
  const inScope = (obj: KubeObject): boolean =>
    obj.kind === kind && (opts.namespace === undefined || obj.metadata.namespace === opts.namespace) && opts.filter(obj);

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();

  const send = (type: WatchEventType | 'ERROR' | 'BOOKMARK', object: unknown): void => {
    if (!res.writableEnded && !res.destroyed) res.write(`${JSON.stringify({ type, object })}\n`);
  };
  const translate = (ev: StoreEvent): void => {
    if (ev.kind !== kind) return;
    const now = inScope(ev.object);
    if (ev.type === 'MODIFIED') {
      const before = ev.previous ? inScope(ev.previous) : now;
      if (now && before) send('MODIFIED', opts.render(ev.object));
      else if (now) send('ADDED', opts.render(ev.object));
      else if (before) send('DELETED', opts.render(ev.object));
    } else if (now) send(ev.type, opts.render(ev.object));
  };

  const rvParam = url.searchParams.get('resourceVersion');
  if (!rvParam || rvParam === '0') {
    for (const obj of store.list(kind, opts.namespace)) if (inScope(obj)) send('ADDED', opts.render(obj));
  } else {
    const rv = Number(rvParam);
    const replay = Number.isInteger(rv) && rv >= 0 ? store.since(rv) : 'expired';
    if (replay === 'expired') {
      const message = Number.isInteger(rv) ? `too old resource version: ${rv} (${store.resourceVersion})` : `invalid resource version: ${rvParam}`;
      send('ERROR', statusObject(410, 'Expired', message));
      res.end();
      return;
    }
    for (const ev of replay) translate(ev);
  }

  const unsubscribe = store.subscribe(translate);
  const timeoutParam = Number(url.searchParams.get('timeoutSeconds'));
  const timeoutSeconds = Number.isFinite(timeoutParam) && timeoutParam > 0 ? timeoutParam : (opts.defaultTimeoutSeconds ?? 1800);
  const timer = setTimeout(() => finish(), timeoutSeconds * 1000);
  timer.unref();
  let finished = false;
  function finish(): void {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    unsubscribe();
    if (!res.writableEnded) res.end();
  }
  req.on('close', finish);
  res.on('close', finish);
}
