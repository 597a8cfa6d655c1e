// Figure 3: key press written to the pty -> first byte of the frame that shows it, at 120x40. The keys
// alternate focus between Pods (1) and SLOs (2), so every press must change the screen; the next press
// waits for the previous answer and then a random 50-150 ms, like a person stepping through panes.
import type { Bench } from '../lib/context.js';
import { reason } from '../lib/context.js';
import { sleep } from '../lib/proc.js';
import { startPty, type Terminal } from '../lib/pty.js';
import { row, type Row } from '../lib/row.js';
import { completeFrame, focused } from '../lib/screen.js';
import { percentile, round } from '../lib/stats.js';

/** A press not answered within this long counts as this long: a lost key must not shrink p99. */
const ANSWER_MS = 3000;
const KEYS = [
  { key: '2', pane: 'SLOs' },
  { key: '1', pane: 'Pods' },
];

export interface Latencies {
  samples: number[];
  unanswered: number;
  /** presses unanswered for 1 s between the first frame and the program taking keys */
  lostAtStart: number;
  /** first frame -> the first press the program answered */
  readyAfterMs: number;
}

/** Keys typed right after the first frame can vanish while the program starts reading the terminal: press
 * SLOs' key (idempotent, so a late answer does no harm) until it is answered. Not part of the figure. */
async function untilKeysAnswered(t: Terminal, frameAt: number): Promise<{ lost: number; afterMs: number }> {
  for (let lost = 0; lost < 30; lost++) {
    const at = t.press('2');
    try {
      await t.waitFor(focused('SLOs'), 1000, at);
      return { lost, afterMs: at - frameAt };
    } catch (err) {
      if (t.exitCode() !== null) throw err;
    }
  }
  throw new Error('no key answered within 30 s of the first frame');
}

/** Presses `n` keys into the dashboard started with `args` once it shows a whole frame and has settled. */
export async function measureKeys(bin: string, args: string[], n: number, settleMs: number): Promise<Latencies> {
  const t = startPty(bin, args, { cols: 120, rows: 40 });
  try {
    const frame = await t.waitFor(completeFrame, 30000);
    const ready = await untilKeysAnswered(t, frame.at);
    await sleep(settleMs);
    const samples: number[] = [];
    let unanswered = 0;
    // SLOs has the focus now: start with Pods
    for (let i = 1; i <= n; i++) {
      const { key, pane } = KEYS[i % KEYS.length]!;
      const at = t.press(key);
      try {
        const seen = await t.waitFor(focused(pane), ANSWER_MS, at);
        samples.push(seen.writeStart - at);
      } catch (err) {
        if (t.exitCode() !== null) throw err;
        unanswered += 1;
        samples.push(ANSWER_MS);
      }
      await sleep(50 + Math.random() * 100);
    }
    return { samples, unanswered, lostAtStart: ready.lost, readyAfterMs: ready.afterMs };
  } finally {
    await t.stop();
  }
}

export async function keyLatency(b: Bench, condition: string, args: string[]): Promise<Row[]> {
  const n = b.quick ? 60 : 100;
  let p50: number | null = null;
  let p99: number | null = null;
  try {
    const r = await measureKeys(b.bin, args, n, b.quick ? 1000 : 3000);
    p50 = round(percentile(r.samples, 50));
    p99 = round(percentile(r.samples, 99));
    const lost = r.lostAtStart ? `; ${r.lostAtStart} key(s) pressed after the first frame got no answer within 1 s (lost or late); the first answered was pressed ${r.readyAfterMs.toFixed(0)} ms after it` : '';
    b.note(`key latency ${condition}: ${n} presses, max ${Math.max(...r.samples).toFixed(1)} ms${r.unanswered ? `, ${r.unanswered} unanswered within ${ANSWER_MS} ms` : ''}${lost}`);
  } catch (err) {
    b.note(`key latency ${condition}: ${reason(err)}`);
  }
  return [
    row(`key latency p50 (${condition})`, p50, 'ms', '< 30 (p99 target)', (v) => v < 30),
    row(`key latency p99 (${condition})`, p99, 'ms', '< 30', (v) => v < 30),
  ];
}
