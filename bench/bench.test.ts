// The parts of the bench that decide a number or a PASS without a running program: a wrong percentile or a
// frame predicate that fires on half a screen would print a confident, wrong table.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { row, table } from './lib/row.js';
import { completeFrame, focused } from './lib/screen.js';
import { configWithPrometheus } from './lib/sim.js';
import { median, percentile, slope } from './lib/stats.js';

const FRAME = [
  '┏━ Pods ━ 9 pods ━━━━━━┓┌─ SLOs ─ all ok ─────┐',
  '┃⠋ loading…            ┃│updated 0s ago       │',
  '┃                      ┃└─────────────────────┘',
  '┃                      ┃┌─ Consensus ─────────┐',
  '┗━━━━━━━━━━━━━━━━━━━━━━┛└─────────────────────┘',
  '┌─ Alerts ─────────────┐┌─ Latency ───────────┐',
  '└──────────────────────┘└─────────────────────┘',
  '┌─ Logs ─ no target ─────────────────────────┐',
  '└────────────────────────────────────────────┘',
  ' DEMO  ctx hive-demo · focus Pods    ? help  q quit',
  '',
];

describe('bench statistics', () => {
  it('takes nearest-rank percentiles: p99 of 100 samples is the 99th smallest, one bad press shows', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1).reverse();
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 50)).toBe(50);
    expect(median([5, 1, 3])).toBe(3);
    expect(percentile([], 50)).toBeNull();
  });

  it('fits a least-squares slope and refuses one through too few points', () => {
    expect(slope([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }, { x: 3, y: 7 }])).toBeCloseTo(2);
    expect(slope([{ x: 0, y: 1 }, { x: 1, y: 3 }])).toBeNull();
  });
});

describe('reading the screen', () => {
  it('sees a complete frame only with every pane border and the status bar, which is drawn last', () => {
    expect(completeFrame(FRAME)).toBe(true);
    expect(completeFrame(FRAME.slice(0, -2).concat(['', '']))).toBe(false);
    expect(completeFrame(FRAME.map((l) => l.replace('Latency', 'Lat')))).toBe(false);
    expect(completeFrame(FRAME.map((l) => l.replace('┌─ Logs', '   Logs')))).toBe(false);
    // the bottom border of the last pane not drawn yet
    expect(completeFrame(FRAME.filter((_, i) => i !== 8))).toBe(false);
  });

  it('knows which pane has the focus from its heavy border', () => {
    expect(focused('Pods')(FRAME)).toBe(true);
    expect(focused('SLOs')(FRAME)).toBe(false);
    const slos = FRAME.map((l) => l.replace('┏━ Pods', '┌─ Pods').replace('┌─ SLOs', '┏━ SLOs'));
    expect(focused('SLOs')(slos)).toBe(true);
  });
});

describe('rows and the table', () => {
  it('fails a row that could not be measured and prints it as a dash', () => {
    const r = [row('a', null, 'ms', '< 1', () => true), row('b', 0.5, 'ms', '< 1', (v) => v < 1, 2)];
    expect(r.map((x) => x.pass)).toEqual([false, true]);
    const lines = table(r).split('\n');
    expect(lines[2]).toMatch(/^a\s+—\s+ms\s+< 1\s+—\s+FAIL$/);
    expect(lines[3]).toMatch(/^b\s+0\.5\s+ms\s+< 1\s+2\s+PASS$/);
  });
});

describe('the hanging backend config', () => {
  it('points Prometheus at the hanging server and keeps every other backend', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-test-'));
    const src = join(dir, 'hive-oncall.yaml');
    writeFileSync(src, 'prometheus:\n  url: http://127.0.0.1:4000/prometheus\nloki:\n  url: http://127.0.0.1:4000/loki\n');
    const out = configWithPrometheus(src, 'http://127.0.0.1:5999', join(dir, 'hanging.yaml'));
    expect(parse(readFileSync(out, 'utf8'))).toEqual({ prometheus: { url: 'http://127.0.0.1:5999/prometheus' }, loki: { url: 'http://127.0.0.1:4000/loki' } });
  });
});
