// Pure helpers that turn latency Points into what asciichart draws inside a given box.
import asciichart from 'asciichart';
import type { Point } from '../../src/state/types.js';

/** At most `n` values, keeping the whole time range: each bucket keeps its max so spikes survive. */
export function downsample(values: number[], n: number): number[] {
  if (n <= 0) return [];
  if (values.length <= n) return values;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const from = Math.floor((i * values.length) / n);
    const to = Math.max(from + 1, Math.floor(((i + 1) * values.length) / n));
    out.push(Math.max(...values.slice(from, to)));
  }
  return out;
}

export const finiteValues = (points: Point[]): number[] => points.map((p) => p[1]).filter((v) => Number.isFinite(v) && v >= 0);

export const lastValue = (points: Point[]): number | null => {
  const v = finiteValues(points);
  return v.length ? v[v.length - 1]! : null;
};

/** Chart max chosen so the threshold falls exactly on a row of a `rows`-row chart starting at 0. */
export function chartMax(dataMax: number, threshold: number, rows: number): number {
  const top = Math.max(dataMax, threshold) * 1.05;
  if (!(threshold > 0) || rows < 1) return top > 0 ? top : 1;
  const k = Math.floor((threshold * rows) / top);
  return k >= 1 ? (threshold * rows) / k : top;
}

const LABEL_WIDTH = 6;
const formatLabel = (x: number): string => {
  const s = x >= 10 ? `${x.toFixed(0)}s` : `${x.toFixed(2)}s`;
  return s.padStart(LABEL_WIDTH);
};

export interface ChartInput {
  series: { values: number[]; colour?: string }[];
  threshold: number;
  thresholdColour?: string;
  width: number;
  /** lines available for the plot */
  height: number;
}

/** The plot as lines, each at most `width` cells, or [] when there is nothing to plot or no room. */
export function plotLatency({ series, threshold, thresholdColour, width, height }: ChartInput): string[] {
  const plotWidth = width - LABEL_WIDTH - 2;
  const withData = series.filter((s) => s.values.length > 0);
  if (plotWidth < 4 || height < 2 || withData.length === 0) return [];
  // Same length for every series (asciichart has no gaps), right edge = now.
  const common = Math.min(...withData.map((s) => s.values.length));
  const n = Math.min(plotWidth, common);
  const aligned = withData.map((s) => downsample(s.values.slice(-common), n));
  const colours = withData.map((s) => s.colour);
  if (threshold > 0) {
    aligned.push(new Array<number>(n).fill(threshold));
    colours.push(thresholdColour);
  }
  const rows = height - 1;
  const dataMax = Math.max(0, ...aligned.flat().filter(Number.isFinite));
  const cfg = { height: rows, min: 0, max: chartMax(dataMax, threshold, rows), format: formatLabel, colors: colours };
  return asciichart.plot(aligned, cfg).split('\n');
}
