// The loop every polled backend runs, alone: no server, a fetch the test controls.
import { afterEach, describe, expect, it } from 'vitest';
import { PartialFailure } from '../../src/sources/errors.js';
import { createPoller, type Poller, type PollerOptions } from '../../src/sources/poller.js';
import type { SourceState } from '../../src/state/types.js';
import { eventually } from '../helpers/eventually.js';

interface Data {
  n: number;
}

/** A fetch whose every call waits until the test settles it. */
function controlledFetch() {
  const calls: { signal: AbortSignal; resolve(v: Data): void; reject(e: unknown): void }[] = [];
  const fetch = (signal: AbortSignal) =>
    new Promise<Data>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
    });
  return { calls, fetch };
}

let poller: Poller<Data> | null = null;
afterEach(() => {
  poller?.stop();
  poller = null;
});

function make(fetch: PollerOptions<Data>['fetch'], extra: Partial<PollerOptions<Data>> = {}) {
  const states: SourceState<Data>[] = [];
  let clock = 1000;
  poller = createPoller<Data>({
    name: 'test',
    intervalMs: 10,
    timeoutMs: 2000,
    fetch,
    onState: (s) => states.push(s),
    now: () => clock,
    ...extra,
  });
  return { poller, states, tick: (ms: number) => (clock += ms) };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('poller', () => {
  it('starts as loading, before anything was asked', () => {
    const { poller: p, states } = make(() => Promise.resolve({ n: 1 }));
    expect(p.initialState()).toEqual({ data: null, error: null, updatedAt: null, loading: true });
    expect(states).toEqual([]);
  });

  it('publishes the first answer, then polls again after the interval', async () => {
    let n = 0;
    const { poller: p, states } = make(() => Promise.resolve({ n: ++n }));
    p.start();
    await eventually('three polls', () => states.length >= 3);
    expect(states[0]).toEqual({ data: { n: 1 }, error: null, updatedAt: 1000, loading: false });
    expect(states.slice(0, 3).map((s) => s.data?.n)).toEqual([1, 2, 3]);
  });

  it('stopped during a fetch: aborts its signal and publishes nothing, even when the answer still comes', async () => {
    const { calls, fetch } = controlledFetch();
    const { poller: p, states } = make(fetch);
    p.start();
    await eventually('a fetch in flight', () => calls.length === 1);
    p.stop();
    expect(calls[0]!.signal.aborted).toBe(true);
    // a fetch that ignores its signal answers anyway: a torn-down source must stay silent
    calls[0]!.resolve({ n: 1 });
    await settle();
    expect(states).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('stopped during a fetch that then fails: publishes no error either', async () => {
    const { calls, fetch } = controlledFetch();
    const { poller: p, states } = make(fetch);
    p.start();
    await eventually('a fetch in flight', () => calls.length === 1);
    p.stop();
    calls[0]!.reject(new Error('aborted'));
    await settle();
    expect(states).toEqual([]);
  });

  it('a partial failure shows what could be used together with what failed', async () => {
    const { poller: p, states } = make(() => Promise.reject(new PartialFailure<Data>({ n: 7 }, 'one of two queries failed')));
    await p.pollOnce();
    expect(states).toEqual([{ data: { n: 7 }, error: 'test: one of two queries failed', updatedAt: 1000, loading: false }]);
  });

  it('a fetch that ignores its signal still ends at the timeout, and the signal is aborted then', async () => {
    const { calls, fetch } = controlledFetch();
    const { poller: p, states } = make(fetch, { timeoutMs: 200 });
    const started = Date.now();
    await p.pollOnce();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(states).toEqual([{ data: null, error: 'test: timed out after 0.2s', updatedAt: null, loading: false }]);
  });

  it('an error keeps the last good data (and when it was fetched) on screen; the next success clears it', async () => {
    const answers: (Data | Error)[] = [{ n: 1 }, new Error('connect ECONNREFUSED 127.0.0.1:9090'), { n: 3 }];
    const { poller: p, states, tick } = make(async () => {
      const a = answers.shift()!;
      if (a instanceof Error) throw a;
      return a;
    });
    await p.pollOnce();
    tick(5000);
    await p.pollOnce();
    expect(states[1]).toEqual({ data: { n: 1 }, error: 'test: connect ECONNREFUSED 127.0.0.1:9090', updatedAt: 1000, loading: false });
    tick(5000);
    await p.pollOnce();
    expect(states[2]).toEqual({ data: { n: 3 }, error: null, updatedAt: 11_000, loading: false });
  });

  it('runs one request at a time: a poll asked for while one is in flight is that same poll', async () => {
    const { calls, fetch } = controlledFetch();
    const { poller: p, states } = make(fetch);
    const a = p.pollOnce();
    const b = p.pollOnce();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve({ n: 1 });
    await Promise.all([a, b]);
    expect(states).toHaveLength(1);
  });
});
