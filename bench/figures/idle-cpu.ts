// Figure 6: CPU the dashboard alone uses while nobody touches it, as % of one core: utime + stime from
// /proc/PID/stat over a window, divided by the window's wall time.
import { performance } from 'node:perf_hooks';
import { cpuSeconds } from '../lib/proc.js';
import { row, type Row } from '../lib/row.js';
import { round } from '../lib/stats.js';

export interface CpuMark {
  cpu: number;
  at: number;
}

export function cpuMark(pid: number): CpuMark | null {
  const cpu = cpuSeconds(pid);
  return cpu === null ? null : { cpu, at: performance.now() };
}

export function idleCpuRow(start: CpuMark | null, end: CpuMark | null): Row {
  const pct = start && end && end.at > start.at ? (100 * (end.cpu - start.cpu) * 1000) / (end.at - start.at) : null;
  return row('idle CPU, dashboard alone (calm)', round(pct), '% core', '< 3', (v) => v < 3);
}
