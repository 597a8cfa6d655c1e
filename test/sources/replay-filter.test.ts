// Resume without repeats, alone: the filter sees a stream, a resume, and what the server sends again.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLineSplitter } from '../../src/sources/logs/line-splitter.js';
import { createReplayFilter } from '../../src/sources/logs/replay-filter.js';
import { splitTimestamp } from '../../src/sources/log-timestamp.js';

const BASE_SECOND = 1_714_557_600n; // 2024-05-01T10:00:00Z

/** A kubelet line at `nanos` past BASE_SECOND: "2024-05-01T10:00:01.000000500Z text". */
function kubelet(nanos: bigint, text: string): string {
  const total = BASE_SECOND * 1_000_000_000n + nanos;
  const seconds = total / 1_000_000_000n;
  const fraction = String(total % 1_000_000_000n).padStart(9, '0');
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19)}.${fraction}Z ${text}`;
}

/** What the API server answers to sinceTime: every line from the start of that second on. */
function serverSince(all: string[], lastStamp: string | null): string[] {
  if (lastStamp === null) return all;
  const since = Math.floor(Date.parse(lastStamp) / 1000) * 1000;
  return all.filter((l) => Date.parse(l.slice(0, 30)) >= since);
}

function taker() {
  const filter = createReplayFilter();
  const taken: string[] = [];
  const take = (raw: string) => {
    const line = splitTimestamp(raw);
    if (filter.take(line)) taken.push(line.text);
  };
  return { filter, taken, take };
}

describe('replay filter', () => {
  it('after a resume, drops the replayed second: older lines, and as many identical lines at the last timestamp as were taken', () => {
    const { filter, taken, take } = taker();
    const all = [
      kubelet(100_000_000n, 'one'),
      kubelet(1_100_000_000n, 'two'),
      kubelet(1_100_000_000n, 'two'),
      kubelet(1_300_000_000n, 'three'),
      kubelet(1_300_000_000n, 'three'),
    ];
    // the stream broke after one of the two "three"s
    for (const l of all.slice(0, 4)) take(l);
    expect(filter.lastStamp()).toBe('2024-05-01T10:00:01.300000000Z');
    filter.resume();
    for (const l of serverSince(all, filter.lastStamp())) take(l);
    expect(taken).toEqual(['one', 'two', 'two', 'three', 'three']);
  });

  it('takes a line at the last timestamp with a different text', () => {
    const { filter, taken, take } = taker();
    take(kubelet(5n, 'a'));
    filter.resume();
    take(kubelet(5n, 'a'));
    take(kubelet(5n, 'b'));
    expect(taken).toEqual(['a', 'b']);
  });

  it('takes every line without a timestamp, and they do not move the resume point', () => {
    const { filter, taken, take } = taker();
    take(kubelet(5n, 'a'));
    take('no stamp here');
    filter.resume();
    take('no stamp here');
    expect(taken).toEqual(['a', 'no stamp here', 'no stamp here']);
    expect(filter.lastStamp()).toBe(kubelet(5n, '').slice(0, -1));
  });

  it('before any resume, takes everything (a first connect repeats nothing)', () => {
    const { taken, take } = taker();
    for (const t of ['x', 'x', 'x']) take(kubelet(1n, t));
    expect(taken).toEqual(['x', 'x', 'x']);
  });

  it('has no resume point before it took a timestamped line', () => {
    expect(createReplayFilter().lastStamp()).toBeNull();
  });

  // The stream is cut at any byte (mid-line too), any number of times; each resume asks from the second of the
  // last line taken, and the server sends that whole second again. What is shown is the stream, exactly once.
  it('a stream resumed at any points never repeats and never loses a line', () => {
    const gap = fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 999n }), fc.bigInt({ min: 100_000_000n, max: 1_500_000_000n }));
    const entry = fc.record({ gap, text: fc.constantFrom('a', 'b', 'c') });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 30 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }), (entries, cutsAt) => {
        let nanos = 0n;
        const all = entries.map((e) => kubelet((nanos += e.gap), e.text));
        const filter = createReplayFilter();
        const taken: string[] = [];
        const take = (raw: string) => {
          if (raw === '') return;
          const line = splitTimestamp(raw);
          if (filter.take(line)) taken.push(line.text);
        };
        for (const cut of [...cutsAt, null]) {
          filter.resume();
          const bytes = Buffer.from(serverSince(all, filter.lastStamp()).map((l) => `${l}\n`).join(''));
          const splitter = createLineSplitter();
          // a broken connection: whatever arrived before the cut, and no end (its unfinished line is lost)
          const upTo = cut === null ? bytes.length : Math.floor(cut * bytes.length);
          for (const l of splitter.push(bytes.subarray(0, upTo))) take(l);
          if (cut === null) for (const l of splitter.end()) take(l);
        }
        expect(taken).toEqual(entries.map((e) => e.text));
      }),
      { numRuns: 300 },
    );
  });
});
