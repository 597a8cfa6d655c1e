// One watch request through client-node's Watch, and the one answer to "how did it end?": the API server's
// history no longer reaches our resourceVersion (410 Gone, as an ERROR event or as the HTTP status), the
// server closed it (normally at timeoutSeconds), it failed, or it went quiet past the server's own timeout
// (a dead connection that never said so). Whatever happens, onEnd is called once, and nothing after it.
import { Watch, type KubeConfig } from '@kubernetes/client-node';

export type WatchEnd = { kind: 'gone' } | { kind: 'closed' } | { kind: 'failed'; error: unknown };

export interface WatchConnectionOptions {
  kc: KubeConfig;
  path: string;
  resourceVersion: string | null;
  /** the server ends the watch after this */
  timeoutSeconds: number;
  /** silence for this long means the connection is dead; by default 30 s past the server's own timeout */
  stallAfterMs?: number;
  /** every event but ERROR (ADDED, MODIFIED, DELETED, BOOKMARK) */
  onEvent(type: string, object: WatchObject): void;
  onEnd(end: WatchEnd): void;
}

export interface WatchObject {
  metadata?: { resourceVersion?: string };
  /** on an ERROR event, the Status */
  code?: number;
  message?: string;
}

export interface WatchConnection {
  /** the server accepted the watch (200) and it has not ended yet */
  open(): boolean;
  /** stop it; onEnd is not called for a watch closed this way */
  close(): void;
}

/** grace past the server's own timeout before a silent connection counts as dead */
const WATCHDOG_GRACE_S = 30;

export async function openWatch(opts: WatchConnectionOptions): Promise<WatchConnection> {
  let ended = false;
  let abort: AbortController | null = null;
  let watchdog: NodeJS.Timeout | null = null;
  const quietFor = opts.stallAfterMs ?? (opts.timeoutSeconds + WATCHDOG_GRACE_S) * 1000;

  const finish = (end: WatchEnd | null) => {
    if (ended) return;
    ended = true;
    if (watchdog) clearTimeout(watchdog);
    abort?.abort();
    if (end) opts.onEnd(end);
  };
  const arm = () => {
    if (watchdog) clearTimeout(watchdog);
    watchdog = setTimeout(() => finish({ kind: 'failed', error: new Error('watch stalled') }), quietFor);
  };

  const params = { resourceVersion: opts.resourceVersion ?? undefined, allowWatchBookmarks: true, timeoutSeconds: opts.timeoutSeconds };
  abort = await new Watch(opts.kc).watch(
    opts.path,
    params,
    (type, obj: WatchObject) => {
      if (ended) return;
      arm();
      if (type !== 'ERROR') return opts.onEvent(type, obj);
      finish(obj.code === 410 ? { kind: 'gone' } : { kind: 'failed', error: new Error(obj.message ?? 'watch error') });
    },
    (err: unknown) => {
      const status = (err as { statusCode?: number } | null)?.statusCode;
      finish(status === 410 ? { kind: 'gone' } : err ? { kind: 'failed', error: err } : { kind: 'closed' });
    },
  );
  // done() may already have run: a non-200 answer ends the watch before watch() returns
  if (ended) abort.abort();
  else arm();
  return {
    open: () => !ended,
    close: () => finish(null),
  };
}
