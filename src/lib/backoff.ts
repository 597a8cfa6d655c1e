// The one reconnect delay of every source: exponential growth up to a ceiling, with jitter, so that
// what lost its connection at the same moment (the pod watch and every log stream of a Deployment when the
// API server restarts) does not come back at the same moment too.
//
// Equal jitter, not full jitter: each delay is half the current step plus a random part of the other half.
// Full jitter spreads retries a little wider but can draw a delay near zero, and a server that closes every
// connection at once would then see retries as fast as we can make them; equal jitter keeps a floor of half
// the step, so backing off always means waiting.

export interface BackoffOptions {
  /** the first step; each call to next() doubles it */
  baseMs: number;
  /** the step never grows past this */
  maxMs: number;
  /** uniform in [0, 1): Math.random by default, a fixed sequence in tests */
  random?: () => number;
}

export interface Backoff {
  /** the delay before the next attempt; the one after it is drawn from a doubled step */
  next(): number;
  /** a connection worked: the next failure starts again from the first step */
  reset(): void;
}

export function createBackoff(opts: BackoffOptions): Backoff {
  if (!(opts.baseMs > 0) || !(opts.maxMs >= opts.baseMs)) {
    throw new RangeError(`backoff needs 0 < baseMs <= maxMs, got ${opts.baseMs} and ${opts.maxMs}`);
  }
  const random = opts.random ?? Math.random;
  let step = opts.baseMs;
  return {
    next() {
      const half = step / 2;
      // clamp: a random() that returns 1 (or more) must not push a delay past the step
      const delay = Math.round(half + half * Math.min(Math.max(random(), 0), 1));
      step = Math.min(step * 2, opts.maxMs);
      return delay;
    },
    reset() {
      step = opts.baseMs;
    },
  };
}
