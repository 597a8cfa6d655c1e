// Resume without repeats. A stream that broke is re-opened with sinceTime = the second of the last line
// taken (the API server takes whole seconds), so the server sends that whole second again. Lines older than
// the last timestamp taken are all repeats; at exactly that timestamp, as many lines of each text as were
// taken there are repeats (two identical lines in the same nanosecond are two lines, not one).
import type { KubeletLine } from '../log-timestamp.js';

export interface ReplayFilter {
  /** true when the line is new (and is now counted as taken); false when it is the replay of a taken one */
  take(line: KubeletLine): boolean;
  /** a new connection starts: what was taken at the last timestamp will come again */
  resume(): void;
  /** the kubelet timestamp of the newest line taken, for sinceTime; null before any */
  lastStamp(): string | null;
}

export function createReplayFilter(): ReplayFilter {
  // newest timestamp taken, and how many lines of each text were taken at exactly that timestamp
  let lastNanos: bigint | null = null;
  let lastStamp: string | null = null;
  let atLast = new Map<string, number>();
  // the resume point of the current connection, and what of it is still to come again
  let replayNanos: bigint | null = null;
  let replay = new Map<string, number>();

  const isReplay = (line: KubeletLine): boolean => {
    if (line.nanos === null || replayNanos === null) return false;
    if (line.nanos < replayNanos) return true;
    if (line.nanos > replayNanos) return false;
    const n = replay.get(line.text) ?? 0;
    if (n === 0) return false;
    replay.set(line.text, n - 1);
    return true;
  };

  return {
    take(line) {
      if (isReplay(line)) return false;
      if (line.nanos !== null) {
        if (lastNanos === null || line.nanos > lastNanos) {
          lastNanos = line.nanos;
          lastStamp = line.stamp;
          atLast = new Map();
        }
        atLast.set(line.text, (atLast.get(line.text) ?? 0) + 1);
      }
      return true;
    },
    resume() {
      replayNanos = lastNanos;
      replay = new Map(atLast);
    },
    lastStamp: () => lastStamp,
  };
}
