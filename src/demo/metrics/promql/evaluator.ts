// Evaluates a parsed PromQL expression against the store at one instant.
import { labelsKey, withoutName, type Labels } from '../labels.js';
import { upperBound, type SeriesStore } from '../store.js';
import type { Expr, MatrixSelector, VectorSelector } from './ast.js';
import { aggregate } from './aggregate.js';
import { scalarBinop, vectorBinop, vectorScalarBinop } from './binary.js';
import { PromqlExecError } from './errors.js';
import { callFunction } from './functions.js';
import type { RangeView, Sample, Value } from './values.js';

/** How far back an instant selector looks for a series' latest sample (Prometheus' default). */
export const LOOKBACK_MS = 5 * 60 * 1000;

export interface EvalContext {
  store: SeriesStore;
  /** evaluation time, ms */
  t: number;
}

export function evaluate(e: Expr, ctx: EvalContext): Value {
  switch (e.kind) {
    case 'number':
      return { type: 'scalar', v: e.value };
    case 'string':
      return { type: 'string', s: e.value };
    case 'paren':
      return evaluate(e.expr, ctx);
    case 'vector':
      return { type: 'vector', samples: selectInstant(e, ctx) };
    case 'matrix':
      return { type: 'matrix', series: selectRange(e, ctx) };
    case 'unary': {
      const inner = evaluate(e.expr, ctx);
      if (e.op === '+') return inner;
      if (inner.type === 'scalar') return { type: 'scalar', v: -inner.v };
      return { type: 'vector', samples: vectorOf(inner).map((s) => ({ labels: withoutName(s.labels), v: -s.v })) };
    }
    case 'call':
      return callFunction(e, ctx, evaluate);
    case 'aggregate': {
      const param = e.param ? scalarOf(evaluate(e.param, ctx)) : undefined;
      return { type: 'vector', samples: aggregate(e.op, vectorOf(evaluate(e.expr, ctx)), e.grouping, e.without, param) };
    }
    case 'binary': {
      const l = evaluate(e.lhs, ctx);
      const r = evaluate(e.rhs, ctx);
      if (l.type === 'scalar' && r.type === 'scalar') return { type: 'scalar', v: scalarBinop(e.op, l.v, r.v, e.returnBool) };
      if (l.type === 'vector' && r.type === 'vector') return { type: 'vector', samples: vectorBinop(e.op, l.samples, r.samples, e.matching!, e.returnBool) };
      if (l.type === 'vector' && r.type === 'scalar') return { type: 'vector', samples: vectorScalarBinop(e.op, l.samples, r.v, false, e.returnBool) };
      if (l.type === 'scalar' && r.type === 'vector') return { type: 'vector', samples: vectorScalarBinop(e.op, r.samples, l.v, true, e.returnBool) };
      throw new PromqlExecError('binary expression must contain only scalar and instant vector types');
    }
  }
}

function selectInstant(sel: VectorSelector, ctx: EvalContext): Sample[] {
  const at = ctx.t - sel.offsetMs;
  const out: Sample[] = [];
  for (const s of ctx.store.select(sel.matchers)) {
    const i = upperBound(s, at) - 1;
    if (i < s.start) continue;
    const ts = s.t[i]!;
    if (ts <= at - LOOKBACK_MS) continue;
    out.push({ labels: s.labels, v: s.v[i]!, ts });
  }
  return out;
}

/** Samples in (t - range, t]; a window reaching past the oldest sample just sees what exists. */
function selectRange(m: MatrixSelector, ctx: EvalContext): RangeView[] {
  const end = ctx.t - m.selector.offsetMs;
  const start = end - m.rangeMs;
  const out: RangeView[] = [];
  for (const s of ctx.store.select(m.selector.matchers)) {
    const from = upperBound(s, start);
    const to = upperBound(s, end);
    if (to > from) out.push({ labels: s.labels, t: s.t, v: s.v, from, to, lastDropT: s.lastDropT });
  }
  return out;
}

export function vectorOf(v: Value): Sample[] {
  if (v.type !== 'vector') throw new PromqlExecError(`expected instant vector, got ${v.type}`);
  return v.samples;
}

export function scalarOf(v: Value): number {
  if (v.type !== 'scalar') throw new PromqlExecError(`expected scalar, got ${v.type}`);
  return v.v;
}

/** Prometheus refuses results where two series end up with the same labels (e.g. after dropping names). */
export function assertUniqueLabels(samples: { labels: Labels }[]): void {
  const seen = new Set<string>();
  for (const s of samples) {
    const key = labelsKey(s.labels);
    if (seen.has(key)) throw new PromqlExecError('vector cannot contain metrics with the same labelset');
    seen.add(key);
  }
}
