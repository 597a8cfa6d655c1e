// Argument and return types of the supported functions, so the parser can reject `rate(foo)` with
// Prometheus' message before anything runs.
import type { ValueType } from './ast.js';

export interface FunctionSignature {
  args: ValueType[];
  /** how many trailing args may be left out */
  optional?: number;
  returns: ValueType;
}

const vecToVec: FunctionSignature = { args: ['vector'], returns: 'vector' };
const rangeToVec: FunctionSignature = { args: ['matrix'], returns: 'vector' };

export const FUNCTIONS: Record<string, FunctionSignature> = {
  rate: rangeToVec,
  irate: rangeToVec,
  increase: rangeToVec,
  delta: rangeToVec,
  idelta: rangeToVec,
  deriv: rangeToVec,
  resets: rangeToVec,
  changes: rangeToVec,
  avg_over_time: rangeToVec,
  min_over_time: rangeToVec,
  max_over_time: rangeToVec,
  sum_over_time: rangeToVec,
  count_over_time: rangeToVec,
  last_over_time: rangeToVec,
  stddev_over_time: rangeToVec,
  absent_over_time: rangeToVec,
  quantile_over_time: { args: ['scalar', 'matrix'], returns: 'vector' },
  histogram_quantile: { args: ['scalar', 'vector'], returns: 'vector' },
  abs: vecToVec,
  ceil: vecToVec,
  floor: vecToVec,
  exp: vecToVec,
  ln: vecToVec,
  log2: vecToVec,
  log10: vecToVec,
  sqrt: vecToVec,
  sgn: vecToVec,
  absent: vecToVec,
  sort: vecToVec,
  sort_desc: vecToVec,
  timestamp: vecToVec,
  round: { args: ['vector', 'scalar'], optional: 1, returns: 'vector' },
  clamp: { args: ['vector', 'scalar', 'scalar'], returns: 'vector' },
  clamp_min: { args: ['vector', 'scalar'], returns: 'vector' },
  clamp_max: { args: ['vector', 'scalar'], returns: 'vector' },
  label_replace: { args: ['vector', 'string', 'string', 'string', 'string'], returns: 'vector' },
  time: { args: [], returns: 'scalar' },
  scalar: { args: ['vector'], returns: 'scalar' },
  vector: { args: ['scalar'], returns: 'vector' },
};

/** Functions whose output keeps the metric name (everything else drops it, as in Prometheus). */
export const KEEPS_NAME: ReadonlySet<string> = new Set(['sort', 'sort_desc', 'last_over_time', 'label_replace']);
