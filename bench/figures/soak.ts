// Figure 5 (and the window for figure 6): the dashboard alone on a separate `simulate --scenario calm`, at
// 120x40, left alone. RSS from /proc every 5 s and heapUsed from a preloaded probe; after the warm-up, the
// maximum and the least-squares slope, projected over a week. Idle CPU is taken over the soak's last window,
// when the other figures are done (full run) and the program has long settled.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench } from '../lib/context.js';
import { HEAP_PROBE } from '../lib/paths.js';
import { rssMb, sleep } from '../lib/proc.js';
import { startPty, type Terminal } from '../lib/pty.js';
import { row, type Row } from '../lib/row.js';
import { completeFrame } from '../lib/screen.js';
import { round, slope } from '../lib/stats.js';
import { cpuMark, idleCpuRow, type CpuMark } from './idle-cpu.js';

const SAMPLE_MS = 5000;
const HOURS_PER_WEEK = 24 * 7;
const MB = 1024 * 1024;

export interface SoakPlan {
  /** counted from the bench's start, so that the whole full run stays within its 10 minutes */
  durationMs: number;
  warmupMs: number;
  cpuWindowMs: number;
}

export const soakPlan = (quick: boolean): SoakPlan =>
  quick ? { durationMs: 60000, warmupMs: 20000, cpuWindowMs: 20000 } : { durationMs: 595000, warmupMs: 60000, cpuWindowMs: 60000 };

interface Sample {
  /** epoch ms */
  t: number;
  mb: number;
}

/** The dashboard for the soak, started on `configPath`; resolves once it shows a whole frame. */
export async function startSoakDashboard(bin: string, configPath: string, dir: string): Promise<{ term: Terminal; heapFile: string; startedAt: number }> {
  const heapFile = join(dir, 'heap.txt');
  const startedAt = Date.now();
  const term = startPty(bin, ['--config', configPath], {
    cols: 120,
    rows: 40,
    env: { HIVE_BENCH_HEAP_OUT: heapFile },
    nodeArgs: ['--import', pathToFileURL(HEAP_PROBE).href],
  });
  await term.waitFor(completeFrame, 30000);
  return { term, heapFile, startedAt };
}

function heapSamples(file: string): Sample[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ').map(Number))
      .map(([t, bytes]) => ({ t: t!, mb: bytes! / MB }));
  } catch {
    return [];
  }
}

/** MB/hour by least squares over the samples after the warm-up. */
const mbPerHour = (samples: Sample[]) => {
  const s = slope(samples.map((p) => ({ x: p.t / 3_600_000, y: p.mb })));
  return s === null ? null : round(s, 2);
};

/** Samples the dashboard until `benchStart` (epoch ms) + the plan's duration. */
export async function soak(b: Bench, d: { term: Terminal; heapFile: string; startedAt: number }, plan: SoakPlan, benchStart: number): Promise<Row[]> {
  const rss: Sample[] = [];
  let cpuStart: CpuMark | null = null;
  const end = benchStart + plan.durationMs;
  const cpuFrom = end - plan.cpuWindowMs;
  for (let next = d.startedAt + SAMPLE_MS; next <= end; next += SAMPLE_MS) {
    await sleep(Math.max(0, next - Date.now()));
    if (!cpuStart && Date.now() >= cpuFrom) cpuStart = cpuMark(d.term.pid);
    const mb = rssMb(d.term.pid);
    if (mb === null) break;
    rss.push({ t: Date.now(), mb });
  }
  const cpuEnd = cpuMark(d.term.pid);
  if (d.term.exitCode() !== null) b.note(`soak: the dashboard exited (${d.term.exitCode()}) after ${((Date.now() - d.startedAt) / 1000).toFixed(0)} s`);
  const warm = (s: Sample) => s.t >= d.startedAt + plan.warmupMs;
  const rssWarm = rss.filter(warm);
  const heapWarm = heapSamples(d.heapFile).filter(warm);
  const rssMax = rssWarm.length ? round(Math.max(...rssWarm.map((s) => s.mb))) : null;
  const rssSlope = mbPerHour(rssWarm);
  const heapSlope = mbPerHour(heapWarm);
  const week = (s: number | null) => (s === null ? null : round(s * HOURS_PER_WEEK, 0));
  const flat = (v: number) => Math.abs(v * HOURS_PER_WEEK) < 50;
  const span = `dashboard up ${((Date.now() - d.startedAt) / 1000).toFixed(0)} s, ${rssWarm.length} RSS / ${heapWarm.length} heap samples after ${plan.warmupMs / 1000} s warm-up`;
  b.note(`soak: ${span}; heap ${heapWarm.length ? `${heapWarm[0]!.mb.toFixed(1)} -> ${heapWarm.at(-1)!.mb.toFixed(1)} MB` : 'not sampled'}${b.quick ? ' (quick: slopes over under a minute are noise-dominated)' : ''}`);
  return [
    row('soak RSS max after warm-up', rssMax, 'MB', '< 150', (v) => v < 150),
    row('soak RSS slope', rssSlope, 'MB/h', '|x * 168 h| < 50 MB', flat),
    row('soak RSS 7-day projection', week(rssSlope), 'MB', '|x| < 50', (v) => Math.abs(v) < 50),
    row('soak heap slope', heapSlope, 'MB/h', '|x * 168 h| < 50 MB', flat),
    row('soak heap 7-day projection', week(heapSlope), 'MB', '|x| < 50', (v) => Math.abs(v) < 50),
    idleCpuRow(cpuStart, cpuEnd),
  ];
}
