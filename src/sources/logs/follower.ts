// One container's log stream, followed for as long as the container can still write: connect, split the
// chunks into lines, drop what a resume sends again, and when the stream ends or breaks either resume from
// the last timestamp (after the shared backoff) or, if the pod is gone or finished, end for good.
import type { KubeConfig } from '@kubernetes/client-node';
import { Writable } from 'node:stream';
import type { Backoff } from '../../lib/backoff.js';
import { describeError, errorLine } from '../errors.js';
import type { KubeHttp } from '../kube-client.js';
import { splitTimestamp, type KubeletLine } from '../log-timestamp.js';
import { createLineSplitter } from './line-splitter.js';
import { openLogStream, type ContainerRef } from './log-connection.js';
import { createReplayFilter } from './replay-filter.js';

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'ended';

export interface FollowerOptions {
  kc: KubeConfig;
  http: KubeHttp;
  ref: ContainerRef;
  /** lines of history asked for on the first connect */
  tailLines: number;
  timeoutMs: number;
  backoff: Backoff;
  /** a line not seen before, in stream order */
  onLine(line: KubeletLine): void;
  /** state() or error() changed; `urgent` when the user should see it at once rather than with the next batch */
  onChange(urgent: boolean): void;
}

export interface Follower {
  readonly ref: ContainerRef;
  state(): StreamState;
  /** why the stream is down, as one line; null while it is fine */
  error(): string | null;
  start(): void;
  /** ends it for good: nothing it still receives is reported */
  stop(): void;
}

/** what was read before a socket closed is still on its way through the pipe for a moment: let it arrive */
const CLOSE_DRAIN_MS = 50;

export function createFollower(opts: FollowerOptions): Follower {
  const { ref } = opts;
  const filter = createReplayFilter();
  let state: StreamState = 'connecting';
  let error: string | null = null;
  let stopped = false;
  let abort: AbortController | null = null;
  let retry: NodeJS.Timeout | null = null;
  // identity of the current connection
  let current: object | null = null;

  const take = (raw: string) => {
    if (raw === '') return;
    const line = splitTimestamp(raw);
    if (filter.take(line)) opts.onLine(line);
  };

  /** data flows: the stream is live, and the next break starts the backoff from its first step */
  const live = () => {
    if (state === 'live') return;
    state = 'live';
    error = null;
    opts.backoff.reset();
    opts.onChange(false);
  };

  const afterEnd = async (err: unknown) => {
    if (stopped) return;
    abort = null;
    const finished = await podFinished(opts.http, ref, opts.timeoutMs);
    if (stopped) return;
    state = finished ? 'ended' : 'reconnecting';
    if (finished) error = null;
    else if (err) error = errorLine('logs', `${ref.pod}: ${describeError(err)}`);
    opts.onChange(true);
    if (!finished) retry = setTimeout(() => void connect(), opts.backoff.next());
  };

  const connect = async () => {
    if (stopped) return;
    retry = null;
    filter.resume();
    const conn = {};
    let ended = false;
    const end = (err: unknown) => {
      if (ended) return;
      ended = true;
      if (current === conn) current = null;
      void afterEnd(err);
    };
    current = conn;
    const out = lineSink({ current: () => current === conn, onData: live, onLine: take, onEnd: () => end(null) });
    out.on('error', end);
    const onSocketClose = () =>
      setTimeout(() => {
        if (!ended && current === conn) end(new Error('log stream closed'));
      }, CLOSE_DRAIN_MS);
    try {
      abort = await openLogStream(opts.kc, ref, out, { tailLines: opts.tailLines, since: filter.lastStamp(), onSocketClose });
      if (stopped) abort.abort();
    } catch (err) {
      end(err);
    }
  };

  return {
    ref,
    state: () => state,
    error: () => error,
    start() {
      void connect();
    },
    stop() {
      stopped = true;
      state = 'ended';
      abort?.abort();
      if (retry) clearTimeout(retry);
      retry = null;
    },
  };
}

interface SinkHandlers {
  /** false once the connection was superseded: its late data would be replayed by its successor anyway */
  current(): boolean;
  /** a chunk arrived: the connection works */
  onData(): void;
  onLine(raw: string): void;
  /** the response ended cleanly (a broken one never gets here, see log-connection.ts) */
  onEnd(): void;
}

/** Where Log pipes one connection's response: chunks in, whole lines out. */
function lineSink(h: SinkHandlers): Writable {
  const splitter = createLineSplitter();
  return new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      if (h.current()) {
        h.onData();
        for (const line of splitter.push(chunk)) h.onLine(line);
      }
      cb();
    },
    final(cb) {
      if (h.current()) for (const line of splitter.end()) h.onLine(line);
      cb();
      if (h.current()) h.onEnd();
    },
  });
}

/** After a stream ended: has the pod stopped for good (deleted, Succeeded, Failed)? Anything else resumes. */
export async function podFinished(http: KubeHttp, ref: ContainerRef, timeoutMs: number): Promise<boolean> {
  try {
    const path = `/api/v1/namespaces/${encodeURIComponent(ref.namespace)}/pods/${encodeURIComponent(ref.pod)}`;
    const pod = (await http.get(path, AbortSignal.timeout(timeoutMs), timeoutMs)) as { status?: { phase?: string } };
    const phase = pod.status?.phase;
    return phase === 'Succeeded' || phase === 'Failed';
  } catch (e) {
    return (e as { response?: { status?: number } }).response?.status === 404;
  }
}
