// The one reconnect delay: equal jitter over a doubling step, capped, reset by a working connection.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBackoff } from '../../src/lib/backoff.js';

/** A small seeded generator (mulberry32), so a spread is measured on the same numbers every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const draws = (n: number, next: () => number) => Array.from({ length: n }, next);

describe('backoff', () => {
  it('doubles its step up to the ceiling: the lowest draw is half the step, the highest the whole step', () => {
    const low = createBackoff({ baseMs: 100, maxMs: 1000, random: () => 0 });
    expect(draws(7, low.next)).toEqual([50, 100, 200, 400, 500, 500, 500]);
    const high = createBackoff({ baseMs: 100, maxMs: 1000, random: () => 0.999999 });
    expect(draws(7, high.next)).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });

  it('never waits less than half the step nor more than the step, whatever the random source says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.array(fc.double({ min: -1, max: 2, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (baseMs, factor, randoms) => {
          const maxMs = baseMs * factor;
          let i = 0;
          const b = createBackoff({ baseMs, maxMs, random: () => randoms[i++ % randoms.length]! });
          let step = baseMs;
          for (let n = 0; n < randoms.length; n++) {
            const d = b.next();
            expect(d).toBeGreaterThanOrEqual(Math.floor(step / 2));
            expect(d).toBeLessThanOrEqual(step);
            step = Math.min(step * 2, maxMs);
          }
        },
      ),
    );
  });

  it('spreads clients that failed at the same moment over the upper half of the step', () => {
    const random = seeded(7);
    // a thousand log streams of one Deployment losing the API server at once: their first retries
    const first = draws(1000, () => createBackoff({ baseMs: 1000, maxMs: 30_000, random }).next());
    expect(Math.min(...first)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...first)).toBeLessThanOrEqual(1000);
    // no instant is crowded: each tenth of the range gets roughly a tenth of the retries
    const buckets = new Array<number>(10).fill(0);
    for (const d of first) buckets[Math.min(9, Math.floor((d - 500) / 50))]!++;
    for (const n of buckets) expect(n).toBeGreaterThan(50);
    expect(new Set(first).size).toBeGreaterThan(300);
  });

  it('starts again from the first step after reset', () => {
    const b = createBackoff({ baseMs: 100, maxMs: 10_000, random: () => 0 });
    draws(5, b.next);
    b.reset();
    expect(draws(3, b.next)).toEqual([50, 100, 200]);
  });

  it('uses Math.random when no random source is given', () => {
    const b = createBackoff({ baseMs: 1000, maxMs: 1000 });
    const ds = draws(50, b.next);
    expect(ds.every((d) => d >= 500 && d <= 1000)).toBe(true);
    expect(new Set(ds).size).toBeGreaterThan(1);
  });

  it('rejects a step that cannot grow sensibly', () => {
    expect(() => createBackoff({ baseMs: 0, maxMs: 100 })).toThrow(RangeError);
    expect(() => createBackoff({ baseMs: 200, maxMs: 100 })).toThrow(RangeError);
    expect(() => createBackoff({ baseMs: Number.NaN, maxMs: 100 })).toThrow(RangeError);
  });
});
