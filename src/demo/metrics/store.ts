// In-memory time-series store: one pair of number arrays per series (timestamps in ms, values), trimmed to
// a retention window so a long-running simulator stays small.
import { labelsKey, METRIC_NAME, type Labels } from './labels.js';
import { matchesAll, type Matcher } from './matchers.js';

export interface Series {
  readonly labels: Labels;
  readonly key: string;
  /** sample timestamps (ms), ascending; entries before `start` are expired */
  t: number[];
  v: number[];
  start: number;
  /** timestamp of the latest sample lower than the one before it (a counter reset), -Infinity if none */
  lastDropT: number;
}

export interface SeriesStore {
  /** Get or create the series for these labels (which include __name__). */
  series(labels: Labels): Series;
  append(series: Series, tMs: number, value: number): void;
  select(matchers: readonly Matcher[]): Series[];
  all(): Iterable<Series>;
  /**
   * Forget series whose every sample is older than the retention (e.g. pods long gone), except those
   * `keep` claims (series someone still holds and appends to). Returns how many went.
   */
  prune(nowMs: number, keep?: (s: Series) => boolean): number;
}

const DEFAULT_RETENTION_MS = 2 * 60 * 60 * 1000;

export function createSeriesStore(retentionMs = DEFAULT_RETENTION_MS): SeriesStore {
  const byKey = new Map<string, Series>();
  const byName = new Map<string, Series[]>();

  const trim = (s: Series, nowMs: number): void => {
    const cutoff = nowMs - retentionMs;
    while (s.start < s.t.length && s.t[s.start]! < cutoff) s.start++;
    // Compact in bulk rather than shifting on every append.
    if (s.start > 512 && s.start * 2 > s.t.length) {
      s.t = s.t.slice(s.start);
      s.v = s.v.slice(s.start);
      s.start = 0;
    }
  };

  return {
    series(labels) {
      const key = labelsKey(labels);
      let s = byKey.get(key);
      if (!s) {
        s = { labels: { ...labels }, key, t: [], v: [], start: 0, lastDropT: -Infinity };
        byKey.set(key, s);
        const name = labels[METRIC_NAME] ?? '';
        const list = byName.get(name);
        if (list) list.push(s);
        else byName.set(name, [s]);
      }
      return s;
    },
    append(s, tMs, value) {
      const last = s.t.length - 1;
      if (last >= s.start) {
        const lastT = s.t[last]!;
        // Like Prometheus: out-of-order samples are rejected, a repeated timestamp replaces the value.
        if (tMs < lastT) return;
        if (tMs === lastT) {
          s.v[last] = value;
          if (last > s.start && value < s.v[last - 1]!) s.lastDropT = tMs;
          return;
        }
      }
      if (last >= s.start && value < s.v[last]!) s.lastDropT = tMs;
      s.t.push(tMs);
      s.v.push(value);
      trim(s, tMs);
    },
    select(matchers) {
      const nameEq = matchers.find((m) => m.name === METRIC_NAME && m.type === '=');
      const candidates = nameEq ? (byName.get(nameEq.value) ?? []) : byKey.values();
      const out: Series[] = [];
      for (const s of candidates) if (s.t.length > s.start && matchesAll(matchers, s.labels)) out.push(s);
      return out;
    },
    all() {
      return byKey.values();
    },
    prune(nowMs, keep) {
      let removed = 0;
      for (const [key, s] of byKey) {
        trim(s, nowMs);
        if (s.t.length > s.start || keep?.(s)) continue;
        byKey.delete(key);
        const name = s.labels[METRIC_NAME] ?? '';
        const list = byName.get(name)?.filter((x) => x !== s) ?? [];
        if (list.length > 0) byName.set(name, list);
        else byName.delete(name);
        removed++;
      }
      return removed;
    },
  };
}

/** Index of the first sample with timestamp > tMs (binary search over the live part). */
export function upperBound(s: Series, tMs: number): number {
  let lo = s.start;
  let hi = s.t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s.t[mid]! <= tMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
