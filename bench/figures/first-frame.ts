// Figure 1: spawn -> first complete frame of `hive-oncall demo` at 120x40, median of 5. The baseline is the
// unbundled tsc build, measured in the same run (runs interleaved so drift hits both alike), when the
// shipped bin is something else.
import { existsSync } from 'node:fs';
import type { Bench } from '../lib/context.js';
import { lastWords, reason } from '../lib/context.js';
import { TSC_BIN } from '../lib/paths.js';
import { startPty } from '../lib/pty.js';
import { row, type Row } from '../lib/row.js';
import { completeFrame } from '../lib/screen.js';
import { median, round } from '../lib/stats.js';

const RUNS = 5;
const TIMEOUT_MS = 30000;

async function once(bin: string): Promise<number> {
  const t = startPty(bin, ['demo'], { cols: 120, rows: 40 });
  try {
    const seen = await t.waitFor(completeFrame, TIMEOUT_MS);
    return seen.at - t.spawnedAt;
  } finally {
    await t.stop();
  }
}

export async function firstFrame(b: Bench): Promise<Row[]> {
  const withBaseline = b.bin !== TSC_BIN && existsSync(TSC_BIN);
  const shipped: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    try {
      shipped.push(await once(b.bin));
    } catch (err) {
      b.note(`first frame (shipped bin): ${reason(err)} ${lastWords(err)}`);
    }
    if (!withBaseline) continue;
    try {
      baseline.push(await once(TSC_BIN));
    } catch (err) {
      b.note(`first frame (tsc build): ${reason(err)} ${lastWords(err)}`);
    }
  }
  // a run that never showed a frame leaves a hole: the median of fewer runs would flatter the figure
  const value = shipped.length === RUNS ? round(median(shipped), 0) : null;
  const base = withBaseline && baseline.length === RUNS ? round(median(baseline), 0) : null;
  b.note(`first frame runs (ms): ${shipped.map((x) => x.toFixed(0)).join(' ')}${withBaseline ? `; tsc build: ${baseline.map((x) => x.toFixed(0)).join(' ')}` : ''}`);
  return [row('first frame: demo 120x40 (median of 5)', value, 'ms', '< 1000', (v) => v < 1000, base)];
}
