// Follows pod logs like stern: one pod, or every pod of a Deployment in one stream, through client-node's Log
// class. A stream that ends or breaks is resumed from the last timestamp seen, without repeating lines.
import { Log, type KubeConfig } from '@kubernetes/client-node';
import type { Agent as HttpAgent } from 'node:http';
import type { Socket } from 'node:net';
import { Writable } from 'node:stream';
import { sameTarget } from '../state/log-target.js';
import type { LogLine, LogsData, LogTarget, SourceState } from '../state/types.js';
import { sanitizeLine } from '../text/sanitize.js';
import { describeError, errorLine } from './errors.js';
import type { KubeHttp } from './kube-client.js';
import { detectLevel } from './log-level.js';
import { splitTimestamp } from './log-timestamp.js';
import type { Source } from './poller.js';
import { RingBuffer } from '../lib/ring-buffer.js';

type StreamState = 'connecting' | 'live' | 'reconnecting' | 'ended';

export interface LogsSourceOptions {
  kc: KubeConfig;
  http: KubeHttp;
  capacity: number;
  /** lines of history asked for on a stream's first connect */
  tailLines: number;
  timeoutMs: number;
  onState(state: SourceState<LogsData>): void;
  now?: () => number;
  backoffMs?: number;
  maxBackoffMs?: number;
  /** how often a Deployment target is re-resolved to pick up new pods (a rollout) */
  resolveIntervalMs?: number;
}

export interface LogsSource extends Source {
  setTarget(target: LogTarget | null): void;
  getTarget(): LogTarget | null;
  clear(): void;
}

interface RawPodLite {
  metadata?: { name?: string; namespace?: string; deletionTimestamp?: string | null };
  spec?: { containers?: { name?: string }[] };
  status?: { phase?: string };
}

interface Follower {
  namespace: string;
  pod: string;
  container: string;
  state: StreamState;
  abort: AbortController | null;
  retry: NodeJS.Timeout | null;
  backoff: number;
  /** newest timestamp taken, and the lines already taken at exactly that timestamp */
  lastNanos: bigint | null;
  lastStamp: string | null;
  atLast: Map<string, number>;
  /** the resume point of the current connection: what the server will send again */
  replayNanos: bigint | null;
  replay: Map<string, number>;
  /** an incomplete last line of the previous chunk */
  partial: string;
  /** identity of the current connection */
  conn: object | null;
  connects: number;
  error: string | null;
}

const EMIT_THROTTLE_MS = 100;
const RETARGET_SETTLE_MS = 150;
const key = (ns: string, pod: string, container: string) => `${ns}/${pod}/${container}`;

export function createLogsSource(opts: LogsSourceOptions): LogsSource {
  const now = opts.now ?? Date.now;
  const baseBackoff = opts.backoffMs ?? 1000;
  const maxBackoff = opts.maxBackoffMs ?? 30_000;
  const resolveEvery = opts.resolveIntervalMs ?? 5000;
  const ring = new RingBuffer<LogLine>(opts.capacity);
  const followers = new Map<string, Follower>();
  let target: LogTarget | null = null;
  let targetError: string | null = null;
  let resolving = false;
  let resolveTimer: NodeJS.Timeout | null = null;
  let emitTimer: NodeJS.Timeout | null = null;
  let seq = 0;
  let updatedAt: number | null = null;
  let started = false;
  // every retarget bumps this so that late callbacks of the old target are ignored
  let epoch = 0;

  const aggregate = (): LogsData['stream'] => {
    if (!target) return 'idle';
    const states = [...followers.values()].map((f) => f.state);
    if (states.length === 0) return resolving ? 'connecting' : targetError ? 'reconnecting' : 'ended';
    if (states.every((s) => s === 'ended')) return 'ended';
    if (states.some((s) => s === 'reconnecting')) return 'reconnecting';
    if (states.some((s) => s === 'connecting')) return 'connecting';
    return 'live';
  };

  const snapshot = (): SourceState<LogsData> => {
    const followerError = [...followers.values()].find((f) => f.error && f.state !== 'live')?.error ?? null;
    return {
      data: { target, lines: ring.toArray(), capacity: ring.capacity, dropped: ring.dropped, stream: aggregate() },
      error: targetError ?? followerError,
      updatedAt,
      loading: target !== null && updatedAt === null && aggregate() === 'connecting',
    };
  };

  const emitNow = () => {
    if (emitTimer) clearTimeout(emitTimer);
    emitTimer = null;
    opts.onState(snapshot());
  };
  const emitSoon = () => {
    if (!emitTimer) emitTimer = setTimeout(emitNow, EMIT_THROTTLE_MS);
  };

  /** Take one raw line from a stream, unless it is the replay of a line taken before the stream resumed. */
  const take = (f: Follower, raw: string) => {
    if (raw === '') return;
    const parsed = splitTimestamp(raw);
    if (parsed.nanos !== null && f.replayNanos !== null) {
      if (parsed.nanos < f.replayNanos) return;
      if (parsed.nanos === f.replayNanos) {
        const n = f.replay.get(parsed.text) ?? 0;
        if (n > 0) {
          f.replay.set(parsed.text, n - 1);
          return;
        }
      }
    }
    if (parsed.nanos !== null) {
      if (f.lastNanos === null || parsed.nanos > f.lastNanos) {
        f.lastNanos = parsed.nanos;
        f.lastStamp = parsed.stamp;
        f.atLast = new Map();
      }
      f.atLast.set(parsed.text, (f.atLast.get(parsed.text) ?? 0) + 1);
    }
    const text = sanitizeLine(parsed.text);
    ring.push({
      seq: ++seq,
      ts: parsed.ms ?? now(),
      namespace: f.namespace,
      pod: f.pod,
      container: f.container,
      text,
      level: detectLevel(text),
    });
    updatedAt = now();
    emitSoon();
  };

  const sink = (f: Follower, conn: object, onEnd: () => void): Writable =>
    new Writable({
      write(chunk: Buffer | string, _enc, cb) {
        // a superseded connection's late data would be replayed by its successor anyway
        if (f.conn !== conn) return cb();
        const text = f.partial + chunk.toString();
        const lines = text.split('\n');
        f.partial = lines.pop() ?? '';
        if (f.state !== 'live') {
          f.state = 'live';
          f.error = null;
          f.backoff = baseBackoff;
          emitSoon();
        }
        for (const line of lines) take(f, line.replace(/\r$/, ''));
        cb();
      },
      final(cb) {
        if (f.conn === conn && f.partial) take(f, f.partial);
        f.partial = '';
        cb();
        if (f.conn === conn) onEnd();
      },
    });

  /** After a stream ends: resume unless the pod (or container) is gone for good. */
  const afterEnd = async (f: Follower, myEpoch: number, err: unknown) => {
    if (myEpoch !== epoch || f.state === 'ended' || !followers.has(key(f.namespace, f.pod, f.container))) return;
    f.abort = null;
    let phase: string | null = null;
    let gone = false;
    try {
      const pod = (await opts.http.get(
        `/api/v1/namespaces/${encodeURIComponent(f.namespace)}/pods/${encodeURIComponent(f.pod)}`,
        AbortSignal.timeout(opts.timeoutMs),
        opts.timeoutMs,
      )) as RawPodLite;
      phase = pod.status?.phase ?? null;
    } catch (e) {
      gone = (e as { response?: { status?: number } }).response?.status === 404;
    }
    if (myEpoch !== epoch) return;
    if (gone || phase === 'Succeeded' || phase === 'Failed') {
      f.state = 'ended';
      f.error = null;
      emitNow();
      return;
    }
    f.state = 'reconnecting';
    if (err) f.error = errorLine('logs', `${f.pod}: ${describeError(err)}`);
    emitNow();
    const delay = f.backoff;
    f.backoff = Math.min(f.backoff * 2, maxBackoff);
    f.retry = setTimeout(() => void connect(f, myEpoch), delay);
  };

  const connect = async (f: Follower, myEpoch: number) => {
    if (myEpoch !== epoch) return;
    f.retry = null;
    f.partial = '';
    f.replayNanos = f.lastNanos;
    f.replay = new Map(f.atLast);
    let ended = false;
    const conn = {};
    const end = (err: unknown) => {
      if (ended) return;
      ended = true;
      if (f.conn === conn) f.conn = null;
      void afterEnd(f, myEpoch, err);
    };
    f.conn = conn;
    const out = sink(f, conn, () => end(null));
    out.on('error', end);
    const first = f.connects === 0;
    f.connects++;
    // Log pipes the response into `out` but never tells it when the connection breaks (only a clean end
    // reaches it), so watch the socket itself; the short delay lets data already received drain first.
    const log = new Log(
      withSocketClose(opts.kc, () => {
        setTimeout(() => {
          if (!ended && f.conn === conn) {
            f.conn = null;
            end(new Error('log stream closed'));
          }
        }, 50);
      }),
    );
    try {
      f.abort = await log.log(f.namespace, f.pod, f.container, out, {
        follow: true,
        timestamps: true,
        // first connect: recent history; resume: everything from the second of the last line on (sinceTime has
        // one-second precision, so that second comes again and `take` drops what was already shown)
        ...(first || !f.lastStamp ? { tailLines: opts.tailLines } : { sinceTime: toSeconds(f.lastStamp) }),
      });
      if (myEpoch !== epoch) f.abort.abort();
    } catch (err) {
      end(err);
    }
  };

  const follow = (namespace: string, pod: string, container: string, myEpoch: number) => {
    const k = key(namespace, pod, container);
    if (followers.has(k)) return;
    const f: Follower = {
      namespace,
      pod,
      container,
      state: 'connecting',
      abort: null,
      retry: null,
      backoff: baseBackoff,
      lastNanos: null,
      lastStamp: null,
      atLast: new Map(),
      replayNanos: null,
      replay: new Map(),
      partial: '',
      conn: null,
      connects: 0,
      error: null,
    };
    followers.set(k, f);
    void connect(f, myEpoch);
  };

  const unfollow = (k: string) => {
    const f = followers.get(k);
    if (!f) return;
    f.state = 'ended';
    f.abort?.abort();
    if (f.retry) clearTimeout(f.retry);
    followers.delete(k);
  };

  const listTargetPods = async (t: LogTarget, signal: AbortSignal): Promise<RawPodLite[]> => {
    const ns = encodeURIComponent(t.namespace);
    if (t.kind === 'pod') {
      return [(await opts.http.get(`/api/v1/namespaces/${ns}/pods/${encodeURIComponent(t.name)}`, signal, opts.timeoutMs)) as RawPodLite];
    }
    const dep = (await opts.http.get(`/apis/apps/v1/namespaces/${ns}/deployments/${encodeURIComponent(t.name)}`, signal, opts.timeoutMs)) as {
      spec?: { selector?: { matchLabels?: Record<string, string> } };
    };
    const labels = dep.spec?.selector?.matchLabels ?? {};
    const selector = Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    if (!selector) return [];
    const list = (await opts.http.get(`/api/v1/namespaces/${ns}/pods`, signal, opts.timeoutMs, { labelSelector: selector })) as {
      items?: RawPodLite[];
    };
    return list.items ?? [];
  };

  const resolve = async (myEpoch: number) => {
    const t = target;
    if (!t || myEpoch !== epoch) return;
    resolving = true;
    try {
      const pods = await listTargetPods(t, AbortSignal.timeout(opts.timeoutMs));
      if (myEpoch !== epoch) return;
      targetError = null;
      const wanted = new Set<string>();
      for (const p of pods) {
        const name = p.metadata?.name;
        if (!name) continue;
        for (const c of p.spec?.containers ?? []) {
          if (!c.name) continue;
          wanted.add(key(t.namespace, name, c.name));
          follow(t.namespace, name, c.name, myEpoch);
        }
      }
      // a pod that left the Deployment (rollout, scale-down) keeps its lines but is no longer followed
      for (const k of [...followers.keys()]) if (!wanted.has(k) && followers.get(k)?.state === 'ended') unfollow(k);
    } catch (err) {
      if (myEpoch !== epoch) return;
      targetError = errorLine('logs', `${t.kind} ${t.namespace}/${t.name}: ${describeError(err)}`);
    } finally {
      if (myEpoch === epoch) {
        resolving = false;
        emitNow();
        if (started && (t.kind === 'deployment' || targetError)) {
          resolveTimer = setTimeout(() => void resolve(myEpoch), resolveEvery);
        }
      }
    }
  };

  const teardown = () => {
    epoch++;
    for (const k of [...followers.keys()]) unfollow(k);
    if (resolveTimer) clearTimeout(resolveTimer);
    resolveTimer = null;
    resolving = false;
  };

  return {
    setTarget(next) {
      if (sameTarget(next, target)) return;
      teardown();
      target = next ? { ...next } : null;
      targetError = null;
      if (target && started) {
        resolving = true;
        // holding j in the Pods pane retargets many times a second: only the pod the cursor rests on is opened
        const myEpoch = epoch;
        resolveTimer = setTimeout(() => void resolve(myEpoch), RETARGET_SETTLE_MS);
      }
      emitNow();
    },
    getTarget: () => target,
    clear() {
      ring.clear();
      emitNow();
    },
    start() {
      if (started) return;
      started = true;
      if (target) {
        resolving = true;
        void resolve(epoch);
      }
      emitNow();
    },
    stop() {
      started = false;
      teardown();
      if (emitTimer) clearTimeout(emitTimer);
      emitTimer = null;
    },
  };
}

/** The kubeconfig as Log sees it, except that the socket of each request reports its close. */
function withSocketClose(kc: KubeConfig, onClose: () => void): KubeConfig {
  const view = Object.create(kc) as KubeConfig;
  view.applyToFetchOptions = async (o) => {
    const init = await kc.applyToFetchOptions(o);
    const agent = init.agent as (HttpAgent & { createConnection?: CreateConnection }) | undefined;
    const original = agent?.createConnection;
    if (agent && typeof original === 'function') {
      agent.createConnection = ((options: unknown, cb: unknown) => {
        const socket = original.call(agent, options, cb);
        socket?.once('close', onClose);
        return socket;
      }) as CreateConnection;
    }
    return init;
  };
  return view;
}
type CreateConnection = (options: unknown, cb: unknown) => Socket | undefined;

/** The API server takes sinceTime as RFC 3339 without fractions ("2024-05-01T10:00:00Z"). */
function toSeconds(stamp: string): string {
  const ms = Date.parse(stamp);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
