import { describe, expect, it } from 'vitest';
import { renderFrameText } from '../../views/frame.js';
import { PANE_TITLES, PANES } from '../../src/state/types.js';
import { hiveLogLines, hiveState, ok, withUi } from './fixtures.js';
import { lineWith, lines, titleRe, widest } from './helpers.js';

describe('renderFrameText layout', () => {
  it('shows all six panes in a grid at 120x40, one line shorter than the terminal', () => {
    const frame = renderFrameText(hiveState(), { width: 120, height: 40 });
    for (const pane of PANES) expect(frame).toMatch(titleRe(PANE_TITLES[pane]));
    expect(lines(frame)).toHaveLength(39);
    expect(widest(frame)).toBeLessThanOrEqual(120);
    // grid: Pods and SLOs share the first line
    expect(lines(frame)[0]).toMatch(/Pods.*SLOs/);
    // alert names are shown whole
    expect(frame).toContain('ClaudeTUIHighLatency');
    expect(frame).not.toMatch(/\u001b/);
  });

  it('stays readable at 80x24: within 80 columns, 23 lines, every pane title visible', () => {
    const frame = renderFrameText(hiveState(), { width: 80, height: 24 });
    expect(lines(frame).length).toBeLessThanOrEqual(23);
    expect(widest(frame)).toBeLessThanOrEqual(80);
    for (const pane of PANES) expect(frame).toContain(PANE_TITLES[pane]);
    // the focused pane is drawn in full: a pod row with its status
    expect(frame).toContain('✖ CrashLoopBackOff');
    // the others are one-line summaries
    expect(lineWith(frame, 'SLOs')).toContain('critical');
    expect(lineWith(frame, 'Consensus')).toContain('quorum ok');
  });

  it('draws the focused pane large in the compact layout when focus moves', () => {
    const frame = renderFrameText(withUi({ focus: 'logs' }), { width: 80, height: 24 });
    expect(frame).toMatch(titleRe('Logs'));
    expect(frame).toContain('DEBUG raft: heartbeat sent to 2 peers (line 30)');
    // pods of one deployment are told apart by their unique suffix on a narrow pane
    expect(frame).toMatch(/14:29:59 DBG …p4wvn /);
    expect(frame).not.toContain('✖ CrashLoopBackOff');
    expect(lineWith(frame, 'Pods')).toContain('10 pods, 2 failing');
  });

  it('adds detail at 200x60: owner column, container names, more log lines', () => {
    const state = hiveState({ logs: ok({ target: null, lines: hiveLogLines(60), capacity: 5000, dropped: 0, stream: 'live' }) });
    const big = renderFrameText(state, { width: 200, height: 60 });
    const normal = renderFrameText(state, { width: 120, height: 40 });
    expect(big).toContain('OWNER');
    expect(normal).not.toContain('OWNER');
    expect(big).toContain('x2kqp/hive-mind-rust');
    const count = (f: string) => (f.match(/\(line \d+\)/g) ?? []).length;
    expect(count(big)).toBeGreaterThan(count(normal));
  });

  it.each([
    [40, 12],
    [100, 30],
    [119, 45],
    [150, 39],
  ])('never overflows a %ix%i terminal', (width, height) => {
    const frame = renderFrameText(hiveState(), { width, height });
    expect(lines(frame)).toHaveLength(height - 1);
    expect(widest(frame)).toBeLessThanOrEqual(width);
  });

  it('keeps long labels on their own line instead of wrapping into other panes', () => {
    const state = hiveState();
    const long = 'x'.repeat(500);
    state.kube.data!.pods[0]!.name = long;
    state.alerts.data!.groups[0]!.alerts[0]!.summary = `summary ${long}`;
    const frame = renderFrameText(state, { width: 120, height: 40 });
    expect(lines(frame)).toHaveLength(39);
    expect(widest(frame)).toBeLessThanOrEqual(120);
    expect(frame).toContain('xxx…');
  });
});
