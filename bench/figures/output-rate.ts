// Figure 4: bytes the program writes per second at 120x40 on `demo --scenario calm`, steady state (start-up
// and back-fill skipped), in normal mode, in low-bandwidth mode and, as the baseline, with Ink's standard
// full redraw (HIVE_ONCALL_RENDER=ink-standard) measured in the same run.
import type { Bench } from '../lib/context.js';
import { lastWords, reason } from '../lib/context.js';
import { sleep } from '../lib/proc.js';
import { startPty } from '../lib/pty.js';
import { row, type Row } from '../lib/row.js';
import { round } from '../lib/stats.js';

interface Mode {
  label: string;
  args: string[];
  env?: Record<string, string>;
}

const NORMAL: Mode = { label: 'normal', args: [] };
const LOW_BW: Mode = { label: 'low-bandwidth', args: ['--low-bandwidth'] };
const INK_STANDARD: Mode = { label: 'ink-standard', args: [], env: { HIVE_ONCALL_RENDER: 'ink-standard' } };

/** B/s over `windowMs` after `skipMs`; throws if the program exits first (e.g. an unknown flag). */
async function rate(b: Bench, mode: Mode, skipMs: number, windowMs: number): Promise<number> {
  const t = startPty(b.bin, ['demo', '--scenario', 'calm', ...mode.args], { cols: 120, rows: 40, env: mode.env });
  try {
    await sleep(skipMs);
    const before = t.bytes();
    await sleep(windowMs);
    if (t.exitCode() !== null) throw new Error(`exited with ${t.exitCode()}\n${t.lines().join('\n')}`);
    return ((t.bytes() - before) * 1000) / windowMs;
  } finally {
    await t.stop();
  }
}

async function tryRate(b: Bench, mode: Mode, skipMs: number, windowMs: number): Promise<number | null> {
  try {
    return round(await rate(b, mode, skipMs, windowMs), 0);
  } catch (err) {
    b.note(`bytes/s ${mode.label}: ${reason(err)} ${lastWords(err)}`);
    return null;
  }
}

export async function outputRate(b: Bench): Promise<Row[]> {
  const skipMs = 10000;
  const windowMs = b.quick ? 20000 : 60000;
  const modes = [NORMAL, LOW_BW, INK_STANDARD];
  // Quick mode runs the three at once to stay within its time budget; the full run measures each alone.
  const measured: (number | null)[] = [];
  if (b.quick) measured.push(...(await Promise.all(modes.map((m) => tryRate(b, m, skipMs, windowMs)))));
  else for (const m of modes) measured.push(await tryRate(b, m, skipMs, windowMs));
  const [normal = null, low = null, ink = null] = measured;
  const ratio = normal !== null && ink !== null && normal > 0 ? round(ink / normal) : null;
  return [
    row('bytes/s normal (calm demo)', normal, 'B/s', '<= 1100, >= 20x under baseline', (v) => v <= 1100 && ratio !== null && ratio >= 20, ink),
    row('bytes/s reduction vs Ink standard', ratio, 'x', '>= 20', (v) => v >= 20),
    row('bytes/s low-bandwidth (calm demo)', low, 'B/s', '<= 300', (v) => v <= 300, ink),
  ];
}
