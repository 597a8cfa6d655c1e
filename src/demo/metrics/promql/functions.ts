// Implementations of the supported PromQL functions.
import { labelsKey, METRIC_NAME, withoutName, type Labels } from '../labels.js';
import type { Expr } from './ast.js';
import { PromqlExecError } from './errors.js';
import { bucketQuantile, type Bucket } from './histogram.js';
import { extrapolatedRate, instantDelta, overTime, quantile, slope } from './range-functions.js';
import { KEEPS_NAME } from './signatures.js';
import type { RangeView, Sample, Value } from './values.js';
import type { EvalContext } from './evaluator.js';

type CallExpr = Extract<Expr, { kind: 'call' }>;
type Evaluate = (e: Expr, ctx: EvalContext) => Value;

const MATH: Record<string, (x: number) => number> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  exp: Math.exp,
  ln: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  sqrt: Math.sqrt,
  sgn: Math.sign,
};

export function callFunction(call: CallExpr, ctx: EvalContext, evaluate: Evaluate): Value {
  const name = call.func;
  const arg = (i: number): Value => evaluate(call.args[i]!, ctx);
  const scalarArg = (i: number): number => {
    const v = arg(i);
    if (v.type !== 'scalar') throw new PromqlExecError(`expected scalar argument ${i + 1} to ${name}`);
    return v.v;
  };
  const vectorArg = (i: number): Sample[] => {
    const v = arg(i);
    if (v.type !== 'vector') throw new PromqlExecError(`expected instant vector argument ${i + 1} to ${name}`);
    return v.samples;
  };
  const rangeArg = (i: number): { views: RangeView[]; start: number; end: number } => {
    const e = call.args[i]!;
    const v = arg(i);
    if (v.type !== 'matrix' || e.kind !== 'matrix') throw new PromqlExecError(`expected range vector argument ${i + 1} to ${name}`);
    const end = ctx.t - e.selector.offsetMs;
    return { views: v.series, start: end - e.rangeMs, end };
  };
  const label = (labels: Labels): Labels => (KEEPS_NAME.has(name) ? labels : withoutName(labels));
  const vec = (samples: Sample[]): Value => ({ type: 'vector', samples });
  const mapVector = (f: (x: number) => number): Value => vec(vectorArg(0).map((s) => ({ labels: label(s.labels), v: f(s.v) })));
  const overRange = (argIndex: number, f: (w: RangeView, start: number, end: number) => number | undefined): Value => {
    const { views, start, end } = rangeArg(argIndex);
    const out: Sample[] = [];
    for (const w of views) {
      const v = f(w, start, end);
      if (v !== undefined) out.push({ labels: label(w.labels), v });
    }
    return vec(out);
  };

  const math = MATH[name];
  if (math) return mapVector(math);

  switch (name) {
    case 'rate':
    case 'increase':
    case 'delta':
      return overRange(0, (w, s, e) => extrapolatedRate(w, s, e, name !== 'delta', name === 'rate'));
    case 'irate':
    case 'idelta':
      return overRange(0, (w) => instantDelta(w, name === 'irate'));
    case 'deriv':
      return overRange(0, (w) => slope(w));
    case 'avg_over_time':
    case 'min_over_time':
    case 'max_over_time':
    case 'sum_over_time':
    case 'count_over_time':
    case 'last_over_time':
    case 'stddev_over_time':
    case 'resets':
    case 'changes':
      return overRange(0, (w) => overTime(w, name));
    case 'quantile_over_time': {
      const q = scalarArg(0);
      return overRange(1, (w) => quantile(q, w.v.slice(w.from, w.to)));
    }
    case 'histogram_quantile':
      return vec(histogramQuantile(scalarArg(0), vectorArg(1)));
    case 'round': {
      const to = call.args.length > 1 ? scalarArg(1) : 1;
      const inverse = 1 / to;
      return mapVector((x) => Math.floor(x * inverse + 0.5) / inverse);
    }
    case 'clamp': {
      const lo = scalarArg(1);
      const hi = scalarArg(2);
      if (hi < lo) return vec([]);
      return mapVector((x) => Math.max(lo, Math.min(hi, x)));
    }
    case 'clamp_min': {
      const lo = scalarArg(1);
      return mapVector((x) => Math.max(lo, x));
    }
    case 'clamp_max': {
      const hi = scalarArg(1);
      return mapVector((x) => Math.min(hi, x));
    }
    case 'time':
      return { type: 'scalar', v: ctx.t / 1000 };
    case 'scalar': {
      const samples = vectorArg(0);
      return { type: 'scalar', v: samples.length === 1 ? samples[0]!.v : NaN };
    }
    case 'vector':
      return vec([{ labels: {}, v: scalarArg(0) }]);
    case 'timestamp':
      return vec(vectorArg(0).map((s) => ({ labels: withoutName(s.labels), v: (s.ts ?? ctx.t) / 1000 })));
    case 'sort':
    case 'sort_desc': {
      const dir = name === 'sort' ? 1 : -1;
      return vec([...vectorArg(0)].sort((a, b) => dir * (a.v - b.v)));
    }
    case 'absent':
      return vec(vectorArg(0).length > 0 ? [] : [{ labels: absentLabels(call.args[0]!), v: 1 }]);
    case 'absent_over_time':
      return vec(rangeArg(0).views.length > 0 ? [] : [{ labels: absentLabels(call.args[0]!), v: 1 }]);
    case 'label_replace':
      return vec(labelReplace(vectorArg(0), call.args.slice(1).map((a) => (a.kind === 'string' ? a.value : ''))));
    default:
      throw new PromqlExecError(`function "${name}" is not supported`);
  }
}

function histogramQuantile(q: number, samples: Sample[]): Sample[] {
  const groups = new Map<string, { labels: Labels; buckets: Bucket[] }>();
  for (const s of samples) {
    const le = s.labels.le;
    if (le === undefined) continue;
    const upperBound = le === '+Inf' ? Infinity : Number(le);
    if (Number.isNaN(upperBound) || le.trim() === '') continue;
    const { le: _le, [METRIC_NAME]: _name, ...rest } = s.labels;
    const key = labelsKey(rest);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { labels: rest, buckets: [] }));
    g.buckets.push({ upperBound, count: s.v });
  }
  return [...groups.values()].map((g) => ({ labels: g.labels, v: bucketQuantile(q, g.buckets) }));
}

/** absent(foo{job="x"}) answers {job="x"}: the equality matchers of the selector, as Prometheus does. */
function absentLabels(e: Expr): Labels {
  const sel = e.kind === 'vector' ? e : e.kind === 'matrix' ? e.selector : undefined;
  const out: Labels = {};
  if (!sel) return out;
  const counts = new Map<string, number>();
  for (const m of sel.matchers) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  for (const m of sel.matchers) {
    if (m.name !== METRIC_NAME && m.type === '=' && counts.get(m.name) === 1) out[m.name] = m.value;
  }
  return out;
}

function labelReplace(samples: Sample[], [dst = '', replacement = '', src = '', regex = '']: string[]): Sample[] {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${regex})$`);
  } catch {
    throw new PromqlExecError(`invalid regular expression in label_replace(): ${regex}`);
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(dst)) throw new PromqlExecError(`invalid destination label name in label_replace(): ${dst}`);
  // Go's ${1} / $name templates, in JS replace() syntax
  const template = replacement.replace(/\$\{(\w+)\}|\$([A-Za-z_]\w*)/g, (_m, braced: string | undefined, bare: string | undefined) => {
    const ref = braced ?? bare ?? '';
    return /^\d+$/.test(ref) ? `$${ref}` : `$<${ref}>`;
  });
  return samples.map((s) => {
    const value = s.labels[src] ?? '';
    if (!re.test(value)) return s;
    const result = value.replace(re, template);
    const labels = { ...s.labels };
    if (result === '') delete labels[dst];
    else labels[dst] = result;
    return { labels, v: s.v };
  });
}

