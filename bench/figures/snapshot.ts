// Figure 2: `hive-oncall snapshot --demo` cold start, spawn to exit, stdout piped (not a terminal), median of 5.
import { shebangNodeArgs } from '../lib/node-flags.js';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Bench } from '../lib/context.js';
import { ROOT } from '../lib/paths.js';
import { childEnv, track, untrack } from '../lib/proc.js';
import { row, type Row } from '../lib/row.js';
import { median, round } from '../lib/stats.js';

const RUNS = 5;
const TIMEOUT_MS = 30000;

/** Wall time of one run, or an error saying how it failed (a snapshot that fails is not fast). */
function once(bin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...shebangNodeArgs(bin), bin, 'snapshot', '--demo'], { cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid!;
    track(pid, () => child.kill('SIGKILL'));
    let out = 0;
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.length));
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (code, signal) => {
      const ms = performance.now() - t0;
      clearTimeout(timer);
      untrack(pid);
      if (code === 0 && out > 0) resolve(ms);
      else reject(new Error(`snapshot exited ${code ?? signal} after ${ms.toFixed(0)} ms with ${out} bytes: ${err.trim().split('\n')[0] ?? ''}`));
    });
  });
}

export async function snapshot(b: Bench): Promise<Row[]> {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    try {
      runs.push(await once(b.bin));
    } catch (err) {
      b.note(`snapshot: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  b.note(`snapshot runs (ms): ${runs.map((x) => x.toFixed(0)).join(' ')}`);
  const value = runs.length === RUNS ? round(median(runs), 0) : null;
  return [row('snapshot --demo cold start (median of 5)', value, 'ms', '< 1500', (v) => v < 1500)];
}
