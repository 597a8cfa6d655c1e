// The shipped bin renders with production React whatever NODE_ENV the user exported: React's development
// build records a performance.measure() entry for every component render, Node keeps them all, and a wall
// screen left on for an afternoon runs out of memory. Hundreds of renders here must leave no entry behind.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.js';
import { ROOT, runInPty, type Screen } from '../helpers/pty.js';
import { tempDir } from '../helpers/temp.js';

let screen: Screen | null = null;
afterEach(() => {
  screen?.kill();
  screen = null;
});

describe('the shipped bin', () => {
  it('runs production React under NODE_ENV=development: hundreds of renders, no performance entries kept', async () => {
    const out = join(tempDir('hive-measure-'), 'measures.json');
    screen = runInPty(['demo', '--seed', '4'], {
      cols: 120,
      rows: 40,
      env: { NODE_ENV: 'development', HIVE_MEASURE_OUT: out },
      nodeArgs: ['--import', join(ROOT, 'test', 'helpers', 'count-measures.mjs')],
    });
    const s = screen;
    await s.waitFor((t) => t.includes('Consensus') && t.includes('hive-mind-rust'), 30000);
    // every key press is a render of the whole App: up and down the Pods pane, and through the panes
    for (let i = 0; i < 60; i++) {
      s.press(i % 2 ? 'k' : 'j');
      if (i % 10 === 9) s.press('\t');
      await new Promise((r) => setTimeout(r, 25));
    }
    // six Tabs went once round the six panes: the last ones drawn put the focus back on Pods
    await s.waitFor((t) => /focus Pods/.test(t) && t.includes('┏━ Pods'));
    s.press('q');
    expect(await s.exited()).toBe(0);
    await eventually('the measure report', () => existsSync(out));
    const report = JSON.parse(readFileSync(out, 'utf8')) as { calls: number; entries: number; heapUsed: number; nodeEnv: string };
    expect(report).toMatchObject({ calls: 0, entries: 0 });
    expect(report.nodeEnv).toBe('production');
    expect(report.heapUsed).toBeLessThan(200 * 1024 * 1024);
  }, 60000);
});
