// Aggregation operators (sum, avg, count, topk, ...) over groups chosen with by/without.
import { labelsKey, METRIC_NAME, omit, pick, type Labels } from '../labels.js';
import type { AggregateOp } from './ast.js';
import { quantile } from './range-functions.js';
import type { Sample } from './values.js';

export function aggregate(op: AggregateOp, samples: Sample[], grouping: string[], without: boolean, param: number | undefined): Sample[] {
  const groups = new Map<string, { labels: Labels; members: Sample[] }>();
  for (const s of samples) {
    const labels = without ? omit(s.labels, [...grouping, METRIC_NAME]) : pick(s.labels, grouping);
    const key = labelsKey(labels);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { labels, members: [] }));
    g.members.push(s);
  }
  const out: Sample[] = [];
  for (const { labels, members } of groups.values()) {
    if (op === 'topk' || op === 'bottomk') {
      const k = Math.floor(param ?? 0);
      if (k < 1) continue;
      // NaN sorts last either way, as in Prometheus
      const sorted = [...members].sort((a, b) => {
        if (Number.isNaN(a.v)) return 1;
        if (Number.isNaN(b.v)) return -1;
        return op === 'topk' ? b.v - a.v : a.v - b.v;
      });
      out.push(...sorted.slice(0, k).map((s) => ({ labels: s.labels, v: s.v })));
      continue;
    }
    out.push({ labels, v: reduce(op, members.map((s) => s.v), param) });
  }
  return out;
}

function reduce(op: AggregateOp, values: number[], param: number | undefined): number {
  const n = values.length;
  switch (op) {
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'avg':
      return values.reduce((a, b) => a + b, 0) / n;
    case 'count':
      return n;
    case 'group':
      return 1;
    case 'min':
      return values.reduce((a, b) => (b < a || Number.isNaN(a) ? b : a));
    case 'max':
      return values.reduce((a, b) => (b > a || Number.isNaN(a) ? b : a));
    case 'stddev':
    case 'stdvar': {
      const mean = values.reduce((a, b) => a + b, 0) / n;
      const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
      return op === 'stddev' ? Math.sqrt(variance) : variance;
    }
    case 'quantile':
      return quantile(param ?? NaN, values);
    default:
      return NaN;
  }
}
