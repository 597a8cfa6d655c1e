// Values an expression evaluates to at one instant.
import type { Labels } from '../labels.js';

export interface Sample {
  labels: Labels;
  v: number;
  /** timestamp (ms) of the stored sample an instant selector picked; for timestamp() */
  ts?: number;
}

/** A window of one stored series: samples [from, to) of the series' arrays, not copied. */
export interface RangeView {
  labels: Labels;
  t: number[];
  v: number[];
  from: number;
  to: number;
  /** when the series last dropped in value; lets rate() skip the reset scan for plain counters */
  lastDropT?: number;
}

export type Value =
  | { type: 'scalar'; v: number }
  | { type: 'string'; s: string }
  | { type: 'vector'; samples: Sample[] }
  | { type: 'matrix'; series: RangeView[] };
