// Follows pod logs like stern: one pod, or every pod of a Deployment in one stream. The parts: the target
// resolver says which containers the target stands for, one follower per container streams it, and this
// module keeps what they took in one bounded ring buffer and publishes it, throttled.
import type { KubeConfig } from '@kubernetes/client-node';
import { createBackoff } from '../../lib/backoff.js';
import { RingBuffer } from '../../lib/ring-buffer.js';
import type { LogLine, LogsData, LogTarget, SourceState } from '../../state/types.js';
import { sanitizeLine } from '../../text/sanitize.js';
import type { KubeHttp } from '../kube-client.js';
import { detectLevel } from '../log-level.js';
import type { KubeletLine } from '../log-timestamp.js';
import type { Source } from '../source.js';
import { throttledEmit } from '../throttled-emit.js';
import { createFollower, type Follower } from './follower.js';
import type { ContainerRef } from './log-connection.js';
import { streamHealth } from './stream-health.js';
import { createTargetResolver, type TargetResolver } from './target-resolver.js';

export interface LogsSourceOptions {
  kc: KubeConfig;
  http: KubeHttp;
  capacity: number;
  /** lines of history asked for on a stream's first connect */
  tailLines: number;
  timeoutMs: number;
  onState(state: SourceState<LogsData>): void;
  now?: () => number;
  /** first reconnect delay of a stream; grows (jittered) up to maxBackoffMs */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** how often a Deployment target is re-resolved to pick up new pods (a rollout) */
  resolveIntervalMs?: number;
  /** for the backoff's jitter; Math.random by default */
  random?: () => number;
}

export interface LogsSource extends Source<LogsData> {
  setTarget(target: LogTarget | null): void;
  getTarget(): LogTarget | null;
  clear(): void;
}

/** The pane's state: the target's lines, and the worst news of its resolve and its streams. */
function logsState(
  t: Pick<TargetResolver, 'target' | 'resolving' | 'error'>,
  followers: Follower[],
  ring: RingBuffer<LogLine>,
  updatedAt: number | null,
): SourceState<LogsData> {
  const target = t.target();
  const stream = streamHealth({ hasTarget: target !== null, resolving: t.resolving(), failed: t.error() !== null }, followers.map((f) => f.state()));
  const followerError = followers.find((f) => f.error() && f.state() !== 'live')?.error() ?? null;
  return {
    data: { target, lines: ring.toArray(), capacity: ring.capacity, dropped: ring.dropped, stream },
    error: t.error() ?? followerError,
    updatedAt,
    loading: target !== null && updatedAt === null && stream === 'connecting',
  };
}

const EMIT_THROTTLE_MS = 100;
const RETARGET_SETTLE_MS = 150;
const key = (r: ContainerRef) => `${r.namespace}/${r.pod}/${r.container}`;

export function createLogsSource(opts: LogsSourceOptions): LogsSource {
  const now = opts.now ?? Date.now;
  const ring = new RingBuffer<LogLine>(opts.capacity);
  const followers = new Map<string, Follower>();
  let seq = 0;
  let updatedAt: number | null = null;

  const snapshot = () => logsState(resolver, [...followers.values()], ring, updatedAt);
  const emit = throttledEmit(EMIT_THROTTLE_MS, () => opts.onState(snapshot()));

  const push = (ref: ContainerRef, line: KubeletLine) => {
    const text = sanitizeLine(line.text);
    ring.push({ seq: ++seq, ts: line.ms ?? now(), namespace: ref.namespace, pod: ref.pod, container: ref.container, text, level: detectLevel(text) });
    updatedAt = now();
    emit.soon();
  };

  const follow = (ref: ContainerRef) => {
    if (followers.has(key(ref))) return;
    const f = createFollower({
      kc: opts.kc,
      http: opts.http,
      ref,
      tailLines: opts.tailLines,
      timeoutMs: opts.timeoutMs,
      backoff: createBackoff({ baseMs: opts.backoffMs ?? 1000, maxMs: opts.maxBackoffMs ?? 30_000, random: opts.random }),
      onLine: (line) => push(ref, line),
      onChange: (urgent) => (urgent ? emit.now() : emit.soon()),
    });
    followers.set(key(ref), f);
    f.start();
  };

  const unfollow = (k: string) => {
    followers.get(k)?.stop();
    followers.delete(k);
  };
  const unfollowAll = () => {
    for (const k of [...followers.keys()]) unfollow(k);
  };

  const resolver = createTargetResolver({
    http: opts.http,
    timeoutMs: opts.timeoutMs,
    resolveIntervalMs: opts.resolveIntervalMs ?? 5000,
    settleMs: RETARGET_SETTLE_MS,
    onResolved(containers) {
      const wanted = new Set(containers.map(key));
      for (const ref of containers) follow(ref);
      // a pod that left the Deployment (rollout, scale-down) keeps its lines but is no longer followed
      for (const [k, f] of [...followers]) if (!wanted.has(k) && f.state() === 'ended') unfollow(k);
    },
    onSettled: () => emit.now(),
  });

  return {
    setTarget(next) {
      if (!resolver.set(next)) return;
      unfollowAll();
      emit.now();
    },
    getTarget: () => resolver.target(),
    clear() {
      ring.clear();
      emit.now();
    },
    start() {
      resolver.start();
      emit.now();
    },
    stop() {
      resolver.stop();
      unfollowAll();
      emit.cancel();
    },
    // before anything happened: no target, no lines ("idle"); the same as snapshot() says then
    initialState: snapshot,
  };
}
