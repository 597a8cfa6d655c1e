// The one ring buffer: the newest `capacity` items in order, a count of what was pushed out, and clear.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../../src/lib/ring-buffer.js';

const filled = (capacity: number, n: number) => {
  const r = new RingBuffer<number>(capacity);
  for (let i = 0; i < n; i++) r.push(i);
  return r;
};

describe('RingBuffer', () => {
  it('holds what fits, oldest first, and drops nothing until it is full', () => {
    const r = filled(5, 3);
    expect(r.toArray()).toEqual([0, 1, 2]);
    expect(r.length).toBe(3);
    expect(r.dropped).toBe(0);
    expect(r.at(0)).toBe(0);
    expect(r.newest()).toBe(2);
  });

  it('keeps the newest `capacity` items once full, counting each one pushed out', () => {
    const r = filled(5, 12);
    expect(r.toArray()).toEqual([7, 8, 9, 10, 11]);
    expect(r.length).toBe(5);
    expect(r.dropped).toBe(7);
    expect(r.at(0)).toBe(7);
    expect(r.at(4)).toBe(11);
    expect(r.newest()).toBe(11);
  });

  it('behaves like "the last `capacity` items of everything pushed", for any capacity and count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer(), { maxLength: 100 }), (capacity, items) => {
        const r = new RingBuffer<number>(capacity);
        for (const x of items) r.push(x);
        const expected = items.slice(Math.max(0, items.length - capacity));
        expect(r.toArray()).toEqual(expected);
        expect(r.length).toBe(expected.length);
        expect(r.dropped).toBe(items.length - expected.length);
        expect(r.newest()).toBe(expected.at(-1));
      }),
    );
  });

  it('clear empties it and restarts the dropped count; it fills again from empty', () => {
    const r = filled(3, 10);
    r.clear();
    expect(r.toArray()).toEqual([]);
    expect(r.length).toBe(0);
    expect(r.dropped).toBe(0);
    expect(r.newest()).toBeUndefined();
    r.push(42);
    r.push(43);
    expect(r.toArray()).toEqual([42, 43]);
    expect(r.capacity).toBe(3);
  });

  it('refuses a capacity that cannot hold anything', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(2.5)).toThrow(RangeError);
    expect(() => new RingBuffer(-1)).toThrow(RangeError);
  });
});
