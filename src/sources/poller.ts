// The loop every polled backend runs: one request at a time, cut off at its timeout, errors turned into a
// line while the last good data stays on screen. A slow backend only delays itself.
import { initialSourceState, type SourceState } from '../state/types.js';
import { errorLine, PartialFailure, TimeoutError } from './errors.js';
import type { Source } from './source.js';

export interface PollerOptions<T> {
  /** prefix of error lines, e.g. "prometheus" */
  name: string;
  intervalMs: number;
  timeoutMs: number;
  fetch(signal: AbortSignal): Promise<T>;
  onState(state: SourceState<T>): void;
  now?: () => number;
}

export interface Poller<T = unknown> extends Source<T> {
  /** Run one poll now (no-op while one is in flight); resolves when it has settled. */
  pollOnce(): Promise<void>;
}

export function createPoller<T>(opts: PollerOptions<T>): Poller<T> {
  const now = opts.now ?? Date.now;
  let state: SourceState<T> = initialSourceState<T>();
  let inFlight: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  // after stop() nothing is published: a late answer must not resurrect a torn-down source
  let stopped = false;
  let current: AbortController | null = null;

  const publish = (next: SourceState<T>) => {
    state = next;
    opts.onState(state);
  };

  const attempt = async (): Promise<void> => {
    const controller = new AbortController();
    current = controller;
    let timeout: NodeJS.Timeout | undefined;
    // The race makes the timeout hold even for a fetch that ignores its signal.
    const deadline = new Promise<never>((_, reject) => {
      timeout = setTimeout(() => {
        reject(new TimeoutError(opts.timeoutMs));
        controller.abort();
      }, opts.timeoutMs);
    });
    try {
      const data = await Promise.race([opts.fetch(controller.signal), deadline]);
      if (stopped) return;
      publish({ data, error: null, updatedAt: now(), loading: false });
    } catch (err) {
      if (stopped) return;
      if (err instanceof PartialFailure) {
        publish({ data: err.data as T, error: errorLine(opts.name, err.message), updatedAt: now(), loading: false });
      } else {
        publish({ ...state, error: errorLine(opts.name, err), loading: false });
      }
    } finally {
      clearTimeout(timeout);
      if (current === controller) current = null;
    }
  };

  const pollOnce = (): Promise<void> => {
    if (!inFlight) {
      inFlight = attempt().finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  };

  const loop = () => {
    if (!running) return;
    void pollOnce().then(() => {
      if (running) timer = setTimeout(loop, opts.intervalMs);
    });
  };

  return {
    start() {
      if (running) return;
      running = true;
      stopped = false;
      loop();
    },
    stop() {
      running = false;
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      current?.abort();
    },
    pollOnce,
    // loading until the first answer: a polled backend has nothing to say before it was asked
    initialState: () => initialSourceState<T>(),
  };
}
