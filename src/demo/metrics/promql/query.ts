// Instant and range queries: parse once, evaluate at each instant, shape the result like the HTTP API.
import { sortedLabels, labelsKey, type Labels } from '../labels.js';
import { formatValue, toUnixSeconds } from '../format.js';
import type { SeriesStore } from '../store.js';
import { assertUniqueLabels, evaluate } from './evaluator.js';
import { PromqlExecError } from './errors.js';
import { parse, typeOf } from './parser.js';

type Point = [number, string];

export type QueryData =
  | { resultType: 'vector'; result: { metric: Labels; value: Point }[] }
  | { resultType: 'matrix'; result: { metric: Labels; values: Point[] }[] }
  | { resultType: 'scalar'; result: Point }
  | { resultType: 'string'; result: Point };

/** Thrown for requests Prometheus rejects as bad_data that are not parse errors. */
export class BadQueryError extends Error {}

export function instantQuery(store: SeriesStore, query: string, tMs: number): QueryData {
  const expr = parse(query);
  const value = evaluate(expr, { store, t: tMs });
  const ts = toUnixSeconds(tMs);
  switch (value.type) {
    case 'scalar':
      return { resultType: 'scalar', result: [ts, formatValue(value.v)] };
    case 'string':
      return { resultType: 'string', result: [ts, value.s] };
    case 'vector':
      assertUniqueLabels(value.samples);
      return {
        resultType: 'vector',
        result: value.samples.map((s) => ({ metric: sortedLabels(s.labels), value: [ts, formatValue(s.v)] as Point })),
      };
    case 'matrix':
      return {
        resultType: 'matrix',
        result: value.series
          .map((w) => {
            const values: Point[] = [];
            for (let i = w.from; i < w.to; i++) values.push([toUnixSeconds(w.t[i]!), formatValue(w.v[i]!)]);
            return { metric: sortedLabels(w.labels), values };
          })
          .sort(byMetric),
      };
  }
}

export function rangeQuery(store: SeriesStore, query: string, startMs: number, endMs: number, stepMs: number): QueryData {
  const expr = parse(query);
  const type = typeOf(expr);
  if (type !== 'scalar' && type !== 'vector') {
    const name = type === 'matrix' ? 'range vector' : 'string';
    throw new BadQueryError(`invalid expression type "${name}" for range query, must be Scalar or instant Vector`);
  }
  const series = new Map<string, { metric: Labels; values: Point[] }>();
  for (let t = startMs; t <= endMs; t += stepMs) {
    const value = evaluate(expr, { store, t });
    const ts = toUnixSeconds(t);
    const samples = value.type === 'scalar' ? [{ labels: {}, v: value.v }] : value.type === 'vector' ? value.samples : undefined;
    if (!samples) throw new PromqlExecError(`unexpected ${value.type} result in range query`);
    assertUniqueLabels(samples);
    for (const s of samples) {
      const key = labelsKey(s.labels);
      let row = series.get(key);
      if (!row) series.set(key, (row = { metric: sortedLabels(s.labels), values: [] }));
      row.values.push([ts, formatValue(s.v)]);
    }
  }
  return { resultType: 'matrix', result: [...series.values()].sort(byMetric) };
}

function byMetric(a: { metric: Labels }, b: { metric: Labels }): number {
  const ka = labelsKey(a.metric);
  const kb = labelsKey(b.metric);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
