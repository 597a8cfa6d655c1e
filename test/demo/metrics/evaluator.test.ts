import { describe, expect, it } from 'vitest';
import { createSeriesStore, type SeriesStore } from '../../../src/demo/metrics/store.js';
import { instantQuery, rangeQuery, type QueryData } from '../../../src/demo/metrics/promql/query.js';
import { PromqlExecError } from '../../../src/demo/metrics/promql/errors.js';

const S = 1000;

function storeWith(series: [Record<string, string>, [number, number][]][]): SeriesStore {
  const store = createSeriesStore();
  for (const [labels, samples] of series) {
    const s = store.series(labels);
    for (const [tSec, v] of samples) store.append(s, tSec * S, v);
  }
  return store;
}

const num = (s: string): number => (s === '+Inf' ? Infinity : s === '-Inf' ? -Infinity : Number(s));

/** vector result as {labels-as-text: number} */
function vec(data: QueryData): Record<string, number> {
  if (data.resultType !== 'vector') throw new Error(`expected vector, got ${data.resultType}`);
  return Object.fromEntries(data.result.map((r) => [JSON.stringify(r.metric), num(r.value[1])]));
}

function scalar(data: QueryData): number {
  if (data.resultType !== 'scalar') throw new Error(`expected scalar, got ${data.resultType}`);
  return num(data.result[1]);
}

/** counter rising 1/s, sampled every 10 s from t=10 to t=60 */
const linear: [number, number][] = [10, 20, 30, 40, 50, 60].map((t) => [t, t]);

describe('PromQL evaluation', () => {
  it('rate() and increase() over a window, extrapolated like Prometheus', () => {
    const store = storeWith([[{ __name__: 'c', job: 'a' }, linear]]);
    // 50 seen over 50 s, stretched by 10 s to the window start: 60 over 60 s
    expect(vec(instantQuery(store, 'rate(c[1m])', 60 * S))).toEqual({ '{"job":"a"}': 1 });
    expect(vec(instantQuery(store, 'increase(c[1m])', 60 * S))).toEqual({ '{"job":"a"}': 60 });
    // 30 s window (30, 60]: samples 40..60, 20 over 20 s, extrapolated by 10 s to 30
    expect(vec(instantQuery(store, 'increase(c[30s])', 60 * S))).toEqual({ '{"job":"a"}': 30 });
    expect(vec(instantQuery(store, 'irate(c[1m])', 60 * S))).toEqual({ '{"job":"a"}': 1 });
  });

  it('rate() counts through a counter reset', () => {
    const store = storeWith([
      [
        { __name__: 'c', job: 'a' },
        [
          [10, 100],
          [20, 110],
          [30, 120],
          [40, 5],
          [50, 15],
          [60, 25],
        ],
      ],
    ]);
    // 25 - 100 + 120 = 45 over 50 s, stretched to 60 s: 54
    expect(vec(instantQuery(store, 'increase(c[1m])', 60 * S))['{"job":"a"}']).toBeCloseTo(54, 9);
    expect(vec(instantQuery(store, 'rate(c[1m])', 60 * S))['{"job":"a"}']).toBeCloseTo(0.9, 9);
  });

  it('a window longer than the history uses the samples that exist', () => {
    const store = storeWith([[{ __name__: 'c' }, linear.map(([t, v]) => [t, 1000 + v])]]);
    // 50 over 50 s, extrapolated by half an interval at the start (history begins long after t-30d)
    // and by 0 at the end: 55 over 30 days
    const rate = vec(instantQuery(store, 'rate(c[30d])', 60 * S))['{}']!;
    expect(rate).toBeCloseTo(55 / (30 * 86400), 12);
    expect(vec(instantQuery(store, 'increase(c[30d])', 60 * S))['{}']).toBeCloseTo(55, 9);
  });

  it('histogram_quantile interpolates inside the bucket holding the rank', () => {
    const buckets: [string, number][] = [
      ['0.1', 10],
      ['0.5', 50],
      ['1', 90],
      ['+Inf', 100],
    ];
    const store = storeWith(buckets.map(([le, v]) => [{ __name__: 'h_bucket', job: 'a', le }, [[60, v]]]));
    const q = (phi: number) => vec(instantQuery(store, `histogram_quantile(${phi}, h_bucket)`, 60 * S))['{"job":"a"}'];
    expect(q(0.5)).toBeCloseTo(0.5, 12);
    expect(q(0.25)).toBeCloseTo(0.25, 12);
    expect(q(0.05)).toBeCloseTo(0.05, 12);
    expect(q(0.9)).toBeCloseTo(1, 12);
    // rank in the +Inf bucket: the highest finite bound
    expect(q(0.95)).toBe(1);
    expect(q(2)).toBe(Infinity);
  });

  it('histogram_quantile without a +Inf bucket is NaN', () => {
    const store = storeWith([[{ __name__: 'h_bucket', le: '1' }, [[60, 5]]]]);
    expect(instantQuery(store, 'histogram_quantile(0.5, h_bucket)', 60 * S)).toEqual({
      resultType: 'vector',
      result: [{ metric: {}, value: [60, 'NaN'] }],
    });
  });

  it('divides vectors one-to-one on identical labels, dropping the metric name', () => {
    const store = storeWith([
      [{ __name__: 'errors', job: 'a' }, [[60, 6]]],
      [{ __name__: 'errors', job: 'b' }, [[60, 1]]],
      [{ __name__: 'total', job: 'a' }, [[60, 3]]],
      [{ __name__: 'total', job: 'c' }, [[60, 3]]],
    ]);
    expect(vec(instantQuery(store, 'errors / total', 60 * S))).toEqual({ '{"job":"a"}': 2 });
    expect(vec(instantQuery(store, 'errors / ignoring(job) group_left sum(total)', 60 * S))).toEqual({ '{"job":"a"}': 1, '{"job":"b"}': 1 / 6 });
  });

  it('scalar arithmetic like 1 - x, with scalars on either side', () => {
    const store = storeWith([[{ __name__: 'x', job: 'a' }, [[60, 0.25]]]]);
    expect(vec(instantQuery(store, '1 - x', 60 * S))).toEqual({ '{"job":"a"}': 0.75 });
    expect(vec(instantQuery(store, 'x * 4 + 1', 60 * S))).toEqual({ '{"job":"a"}': 2 });
    expect(vec(instantQuery(store, '-x', 60 * S))).toEqual({ '{"job":"a"}': -0.25 });
    expect(scalar(instantQuery(store, '1 - 2 * 3', 60 * S))).toBe(-5);
    expect(scalar(instantQuery(store, '2 ^ 3 ^ 2', 60 * S))).toBe(512);
    expect(scalar(instantQuery(store, '1 - scalar(x)', 60 * S))).toBe(0.75);
    expect(scalar(instantQuery(store, 'time()', 60 * S))).toBe(60);
    expect(scalar(instantQuery(store, '0 / 0', 60 * S))).toBeNaN();
  });

  it('comparisons filter (keeping names) unless bool turns them into 0/1', () => {
    const store = storeWith([
      [{ __name__: 'up', job: 'a' }, [[60, 1]]],
      [{ __name__: 'up', job: 'b' }, [[60, 0]]],
    ]);
    expect(vec(instantQuery(store, 'up == 0', 60 * S))).toEqual({ '{"__name__":"up","job":"b"}': 0 });
    expect(vec(instantQuery(store, 'up > bool 0', 60 * S))).toEqual({ '{"job":"a"}': 1, '{"job":"b"}': 0 });
    expect(vec(instantQuery(store, '0.5 < up', 60 * S))).toEqual({ '{"__name__":"up","job":"a"}': 1 });
    expect(vec(instantQuery(store, 'up{job="a"} or up', 60 * S))).toEqual({ '{"__name__":"up","job":"a"}': 1, '{"__name__":"up","job":"b"}': 0 });
    expect(vec(instantQuery(store, 'up and up == 1', 60 * S))).toEqual({ '{"__name__":"up","job":"a"}': 1 });
  });

  it('aggregates by and without, in prefix and suffix position', () => {
    const store = storeWith([
      [{ __name__: 'm', job: 'a', pod: '1' }, [[60, 1]]],
      [{ __name__: 'm', job: 'a', pod: '2' }, [[60, 3]]],
      [{ __name__: 'm', job: 'b', pod: '3' }, [[60, 10]]],
    ]);
    const t = 60 * S;
    expect(vec(instantQuery(store, 'sum(m)', t))).toEqual({ '{}': 14 });
    expect(vec(instantQuery(store, 'sum by (job) (m)', t))).toEqual({ '{"job":"a"}': 4, '{"job":"b"}': 10 });
    expect(vec(instantQuery(store, 'avg(m) by (job)', t))).toEqual({ '{"job":"a"}': 2, '{"job":"b"}': 10 });
    expect(vec(instantQuery(store, 'max without (pod) (m)', t))).toEqual({ '{"job":"a"}': 3, '{"job":"b"}': 10 });
    expect(vec(instantQuery(store, 'min(m)', t))).toEqual({ '{}': 1 });
    expect(vec(instantQuery(store, 'count by (job) (m)', t))).toEqual({ '{"job":"a"}': 2, '{"job":"b"}': 1 });
    expect(vec(instantQuery(store, 'topk(1, m)', t))).toEqual({ '{"__name__":"m","job":"b","pod":"3"}': 10 });
  });

  it('matchers are fully anchored regexes', () => {
    const store = storeWith(
      ['200', '201', '404', '500', '503', '5000'].map((status) => [{ __name__: 'r', status }, [[60, 1]]]),
    );
    const count = (sel: string) => vec(instantQuery(store, `count(r{${sel}})`, 60 * S))['{}'] ?? 0;
    expect(count('status=~"5.."')).toBe(2);
    expect(count('status=~"[23].."')).toBe(2);
    expect(count('status!~"5.."')).toBe(4);
    expect(count('status!="404"')).toBe(5);
    expect(count('status=~"0"')).toBe(0);
  });

  it('instant selectors see the latest sample within 5 minutes, no older', () => {
    const store = storeWith([[{ __name__: 'g' }, [[0, 7]]]]);
    expect(vec(instantQuery(store, 'g', 299 * S))).toEqual({ '{"__name__":"g"}': 7 });
    expect(vec(instantQuery(store, 'g', 301 * S))).toEqual({});
    expect(vec(instantQuery(store, 'g offset 1m', 60 * S))).toEqual({ '{"__name__":"g"}': 7 });
  });

  it('over_time functions, clamp_min, abs and vector()', () => {
    const store = storeWith([
      [
        { __name__: 'g' },
        [
          [10, -2],
          [20, 4],
          [30, 1],
        ],
      ],
    ]);
    const t = 30 * S;
    expect(vec(instantQuery(store, 'avg_over_time(g[1m])', t))).toEqual({ '{}': 1 });
    expect(vec(instantQuery(store, 'max_over_time(g[1m])', t))).toEqual({ '{}': 4 });
    expect(vec(instantQuery(store, 'max_over_time(g[15s])', t))).toEqual({ '{}': 4 });
    expect(vec(instantQuery(store, 'clamp_min(g offset 20s, 0)', t))).toEqual({ '{}': 0 });
    expect(vec(instantQuery(store, 'abs(g offset 20s)', t))).toEqual({ '{}': 2 });
    expect(vec(instantQuery(store, 'vector(3) * 2', t))).toEqual({ '{}': 6 });
  });

  it('refuses ambiguous matches the way Prometheus does', () => {
    const store = storeWith([
      [{ __name__: 'a', job: 'x', pod: '1' }, [[60, 1]]],
      [{ __name__: 'a', job: 'x', pod: '2' }, [[60, 1]]],
      [{ __name__: 'b', job: 'x' }, [[60, 1]]],
    ]);
    expect(() => instantQuery(store, 'a / on(job) a', 60 * S)).toThrow(PromqlExecError);
    expect(() => instantQuery(store, 'a / on(job) b', 60 * S)).toThrow(/many-to-one matching must be explicit/);
    expect(vec(instantQuery(store, 'a / on(job) group_left b', 60 * S))).toEqual({ '{"job":"x","pod":"1"}': 1, '{"job":"x","pod":"2"}': 1 });
  });

  it('a range query evaluates at every step', () => {
    const store = storeWith([[{ __name__: 'c', job: 'a' }, Array.from({ length: 13 }, (_, i) => [i * 10, i * 20] as [number, number])]]);
    const data = rangeQuery(store, 'rate(c[30s])', 60 * S, 120 * S, 30 * S);
    expect(data.resultType).toBe('matrix');
    if (data.resultType !== 'matrix') return;
    expect(data.result).toEqual([
      {
        metric: { job: 'a' },
        values: [
          [60, '2'],
          [90, '2'],
          [120, '2'],
        ],
      },
    ]);
  });
});
