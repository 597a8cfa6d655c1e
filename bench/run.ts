// `npm run bench [-- --quick]`: measures the shipped bin against the targets of issue 8 and prints a table;
// bench/results.json gets the same rows. Exit 0 whatever the rows say; 1 only when the bench cannot run.
//
// Order matters on a 2-core machine. The soak needs 10 minutes (quick: 1), more than the other figures
// together, so its dashboard (idle, calm) runs from the start while the other figures run one after another
// in the foreground: that idle dashboard should cost them < 3% of a core (its own target), and a note says
// what it really took. Idle CPU is read over the soak's last window, after everything else has finished
// (in the full run; the quick run's soak is too short for that).
import { existsSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Bench } from './lib/context.js';
import { reason } from './lib/context.js';
import { RESULTS, shippedBin } from './lib/paths.js';
import { killAll, sleep } from './lib/proc.js';
import { table, type Row } from './lib/row.js';
import { configWithPrometheus, hangingServer, startSimulator, tempDir, type Simulator } from './lib/sim.js';
import { firstFrame } from './figures/first-frame.js';
import { keyLatency } from './figures/key-latency.js';
import { outputRate } from './figures/output-rate.js';
import { snapshot } from './figures/snapshot.js';
import { cpuMark, type CpuMark } from './figures/idle-cpu.js';
import { soak, soakPlan, startSoakDashboard } from './figures/soak.js';

const USAGE = 'usage: npm run bench [-- --quick]';

function parse(argv: string[]): { quick: boolean } {
  const unknown = argv.filter((a) => a !== '--quick');
  if (unknown.length) throw new Error(`unknown argument ${unknown.join(' ')}; ${USAGE}`);
  return { quick: argv.includes('--quick') };
}

/** Seconds each figure took, printed with the notes: where the time budget went. */
const spent: string[] = [];

/** A figure that throws fails its own row and lets the others run. */
async function guarded(b: Bench, name: string, f: () => Promise<Row[]>): Promise<Row[]> {
  const t0 = performance.now();
  try {
    return await f();
  } catch (err) {
    b.note(`${name}: ${reason(err)}`);
    return [{ name, value: null, unit: '', target: '', baseline: null, pass: false }];
  } finally {
    spent.push(`${name} ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
}

async function hangingLatency(b: Bench, sim: Simulator | null, dir: string): Promise<Row[]> {
  if (!sim) throw new Error('no simulator');
  const server = await hangingServer();
  try {
    const config = configWithPrometheus(sim.configPath, server.url, `${dir}/hanging.yaml`);
    return await keyLatency(b, 'one backend hanging', ['--config', config]);
  } finally {
    await server.close();
  }
}

/** What the soak's idle dashboard and its simulator took from the timing figures running beside them. */
function noteBackground(b: Bench, start: (CpuMark | null)[], pids: (number | undefined)[]) {
  const pct = start.map((m, i) => {
    const end = pids[i] ? cpuMark(pids[i]!) : null;
    return m && end ? ((100 * (end.cpu - m.cpu) * 1000) / (end.at - m.at)).toFixed(1) : '? (stopped first)';
  });
  b.note(`timing figures ran beside the soak: its dashboard used ${pct[0]}% and its simulator ${pct[1]}% of a core meanwhile`);
}

async function measure(b: Bench, dir: string, benchStart: number): Promise<Row[]> {
  const plan = soakPlan(b.quick);
  let sim: Simulator | null = null;
  let dash: Awaited<ReturnType<typeof startSoakDashboard>> | null = null;
  try {
    try {
      sim = await startSimulator(b.bin, dir);
      dash = await startSoakDashboard(b.bin, sim.configPath, dir);
      // its first seconds load every pane: let that pass before the timing figures start beside it
      await sleep(3000);
    } catch (err) {
      b.note(`soak set-up: ${reason(err)}`);
    }
    const d = dash;
    // the soak's dashboard stops as soon as its samples are in, not to load the figures still running
    const soaking = d
      ? guarded(b, 'soak', () => soak(b, d, plan, benchStart)).finally(() => d.term.stop())
      : Promise.resolve<Row[]>([{ name: 'soak', value: null, unit: '', target: '', baseline: null, pass: false }]);
    const rows: Row[] = [];
    const background = [d?.term.pid, sim?.pid].map((pid) => (pid ? cpuMark(pid) : null));
    rows.push(...(await guarded(b, 'first frame', () => firstFrame(b))));
    rows.push(...(await guarded(b, 'snapshot', () => snapshot(b))));
    rows.push(...(await guarded(b, 'key latency (idle)', () => keyLatency(b, 'idle', ['demo', '--scenario', 'calm']))));
    rows.push(...(await guarded(b, 'key latency (one backend hanging)', () => hangingLatency(b, sim, dir))));
    noteBackground(b, background, [d?.term.pid, sim?.pid]);
    rows.push(...(await guarded(b, 'bytes/s', () => outputRate(b))));
    rows.push(...(await soaking));
    return rows;
  } finally {
    await dash?.term.stop();
    await sim?.stop();
  }
}

async function main(): Promise<number> {
  let quick: boolean;
  let bin: string;
  try {
    quick = parse(process.argv.slice(2)).quick;
    bin = shippedBin();
    if (!existsSync(bin)) throw new Error(`the bin ${bin} does not exist: run \`npm run -s build\` first`);
  } catch (err) {
    process.stderr.write(`bench: ${reason(err)}\n`);
    return 1;
  }
  const notes: string[] = [];
  const b: Bench = { bin, quick, note: (n) => notes.push(n) };
  const t0 = performance.now();
  const benchStart = Date.now();
  process.stdout.write(`bench: ${bin}${quick ? ' (quick)' : ''}, started ${new Date().toISOString()}\n`);
  const dir = tempDir('hive-bench-');
  removeOnSignal = dir.remove;
  let rows: Row[];
  try {
    rows = await measure(b, dir.path, benchStart);
  } finally {
    killAll();
    dir.remove();
  }
  b.note(`time per figure: ${spent.join(', ')}`);
  writeFileSync(RESULTS, JSON.stringify(rows, null, 2) + '\n');
  const failed = rows.filter((r) => !r.pass);
  process.stdout.write(`\n${table(rows)}\n\n`);
  if (notes.length) process.stdout.write(`notes:\n${notes.map((n) => `  - ${n}`).join('\n')}\n\n`);
  process.stdout.write(failed.length ? `${failed.length} of ${rows.length} rows FAIL: ${failed.map((r) => r.name).join('; ')}\n` : `all ${rows.length} rows pass\n`);
  process.stdout.write(`wrote ${RESULTS} in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  return 0;
}

let removeOnSignal = () => {};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    killAll();
    removeOnSignal();
    process.exit(1);
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    killAll();
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
