import type { KubeData } from '../../src/state/types.js';
import { describe, expect, it } from 'vitest';
import { renderFrameText } from '../../views/frame.js';
import {
  NOW,
  failed,
  hiveConsensus,
  hiveLatency,
  hiveLogLines,
  hiveState,
  loading,
  ok,
  pod,
  unconfigured,
  withUi,
} from './fixtures.js';
import { lineWith, lines } from './helpers.js';
import { frameOnce } from './memo.js';

const BIG = { width: 160, height: 45 };
const incident = frameOnce(hiveState, BIG);

describe('Pods pane', () => {
  it('lists the CrashLoopBackOff pod first, marked with a glyph and the word', () => {
    const frame = incident();
    const header = lines(frame).findIndex((l) => l.includes('NAMESPACE') && l.includes('RESTARTS'));
    const firstRow = lines(frame)[header + 1]!;
    // Cut in the middle: the pod's own suffix stays readable.
    expect(firstRow).toMatch(/hive-mind-coor\S*-qq7tn/);
    expect(firstRow).toContain('✖ CrashLoopBackOff');
    expect(firstRow).toMatch(/\b17\b/);
    expect(lines(frame)[header + 2]).toContain('✖ Error');
  });

  it('counts pods and failing pods in the title', () => {
    const frame = incident();
    expect(lines(frame)[0]).toContain('Pods');
    expect(lines(frame)[0]).toContain('10 pods, 2 failing');
  });

  it('shows the filter in the title line and only matching pods', () => {
    const frame = renderFrameText(withUi({ filter: { ...hiveState().ui.filter, pods: 'postgres' } }), BIG);
    expect(lines(frame)[0]).toContain('/postgres 1/10 pods');
    expect(frame).toContain('postgresql-0');
    expect(frame).not.toContain('claude-tui-6b8c9d7f5');
  });

  it('shows the typing cursor while the filter is edited', () => {
    const frame = renderFrameText(withUi({ filterEditing: true, filter: { ...hiveState().ui.filter, pods: 'rus' } }), BIG);
    expect(lines(frame)[0]).toContain('/rus▏');
    expect(frame).toContain('Enter apply');
  });

  it('renders only a window of rows around the selection for thousands of pods', () => {
    const pods = Array.from({ length: 5000 }, (_, i) => pod({ namespace: 'hive-mind-production', name: `worker-${String(i).padStart(4, '0')}` }));
    const state = withUi(
      { selection: { ...hiveState().ui.selection, pods: 2500 } },
      hiveState({ kube: ok({ pods, deployments: [], context: 'c', cluster: 'c', watch: 'live' }) }),
    );
    const frame = renderFrameText(state, BIG);
    expect(frame).toContain('worker-2500');
    expect(frame).not.toContain('worker-0000');
    expect(frame).toMatch(/\d+-\d+ of 5000/);
  });

  it('keeps the last good pods visible under an error, with the error text', () => {
    const base = hiveState();
    const state = hiveState({ kube: failed(base.kube.data, 'Kubernetes API: connect ECONNREFUSED 127.0.0.1:6443') });
    const frame = renderFrameText(state, BIG);
    expect(frame).toContain('✖ Kubernetes API: connect ECONNREFUSED 127.0.0.1:6443');
    expect(frame).toContain('showing data from 2m ago');
    expect(frame).toContain('✖ CrashLoopBackOff');
  });

  it('says loading while the first fetch runs, and not configured when a source has nothing', () => {
    const load = renderFrameText(hiveState({ kube: loading() }), BIG);
    expect(lineWith(load, '┃')).toBeDefined();
    expect(load).toContain('loading…');
    expect(load).not.toContain('not configured');
    expect(load).not.toContain('NAMESPACE');
    const none = renderFrameText(hiveState({ consensus: unconfigured() }), BIG);
    expect(none).toContain('not configured');
  });

  it('shows the error and no stale table when the first fetch failed', () => {
    const frame = renderFrameText(hiveState({ kube: failed<KubeData>(null, 'no kubeconfig found', null) }), BIG);
    expect(frame).toContain('✖ no kubeconfig found');
    expect(frame).toContain('no data');
    expect(frame).not.toContain('CrashLoopBackOff');
  });

  it('shows "updated Ns ago" from state.now when not watching, and that it watches when it does', () => {
    const state = hiveState();
    state.kube = { ...state.kube, updatedAt: NOW - 7000, data: { ...state.kube.data!, watch: 'reconnecting' } };
    expect(renderFrameText(state, BIG)).toContain('updated 7s ago');
    expect(renderFrameText(hiveState(), BIG)).toContain('● watching (live)');
  });
});

describe('SLOs pane', () => {
  it('shows the four runbook SLOs with formatted values, targets, budget, burn and a status word', () => {
    const frame = incident();
    const avail = lineWith(frame, 'Availability  ') ?? lineWith(frame, 'Availability ')!;
    expect(avail).toContain('99.12%');
    expect(avail).toContain('≥99.9%');
    expect(avail).toContain('-35%');
    expect(avail).toContain('8.8x');
    expect(avail).toContain('✖ critical');
    expect(lineWith(frame, 'Latency P99 ')).toContain('1.42s');
    expect(lineWith(frame, 'Throughput')).toContain('153 rps');
    expect(lineWith(frame, 'Error rate')).toContain('0.05%');
    expect(lineWith(frame, 'Error rate')).toContain('▲ warning');
    expect(lineWith(frame, 'Throughput')).toContain('✔ ok');
  });

  it('says "no data" for an SLO Prometheus has no samples for', () => {
    const state = hiveState();
    state.slos.data![2] = { ...state.slos.data![2]!, value: null, status: 'unknown' };
    expect(lineWith(renderFrameText(state, BIG), 'Throughput')).toContain('no data');
  });
});

describe('Alerts pane', () => {
  it('groups by alertname, critical first, with count, since and the silenced mark', () => {
    const frame = incident();
    const rows = lines(frame).filter((l) => /ServiceDown|HighMemoryUsage|ClaudeTUIHighLatency/.test(l) && l.includes('×'));
    expect(rows[0]).toContain('▲ critical');
    expect(rows[0]).toContain('ServiceDown');
    expect(rows[0]).toContain('12m');
    const silenced = rows.find((l) => l.includes('ClaudeTUIHighLat'));
    expect(silenced).toContain('×2');
    expect(silenced).toContain('[silenced]');
    expect(frame).toContain('2 firing, 1 critical, 2 silenced');
  });
});

describe('Latency pane', () => {
  it('plots P50/P95/P99 with y labels, the 2 s line and a legend judging P99', () => {
    const frame = incident();
    expect(frame).toContain('P99 2.31s');
    expect(frame).toContain('✖ P99 over 2s');
    expect(frame).toMatch(/ 2\.00s [┼┤]/);
    expect(frame).toMatch(/ 0\.00s [┼┤]/);
  });

  it('says P99 is under the line when it is', () => {
    const frame = renderFrameText(hiveState({ latency: ok(hiveLatency(1.1)) }), BIG);
    expect(frame).toContain('✔ P99 under 2s');
  });
});

describe('Consensus pane', () => {
  it('lists members with role, term and commit index, and the quorum', () => {
    const frame = incident();
    const leader = lineWith(frame, 'LEADER')!;
    expect(leader).toContain('1001');
    expect(leader).toContain('918272');
    expect(frame).toContain('✔ quorum ok');
    expect(frame).toContain('term 42 · 3 leader changes seen');
  });

  it('shouts when quorum is lost', () => {
    const frame = renderFrameText(hiveState({ consensus: ok(hiveConsensus(false)) }), BIG);
    expect(frame).toContain('✖ quorum LOST');
    expect(frame).toContain('connection refused');
    expect(frame).not.toContain('LEADER');
  });
});

describe('Logs pane', () => {
  it('shows the follow target, stream state, levels and pod prefixes, newest at the bottom', () => {
    const frame = incident();
    expect(frame).toContain('deployment hive-mind-production/hive-mind-rust');
    expect(frame).toContain('● live');
    const logLines = lines(frame).filter((l) => /\(line \d+\)/.test(l));
    expect(logLines.at(-1)).toContain('(line 30)');
    expect(logLines.find((l) => l.includes('ERROR'))).toContain('ERR');
    expect(logLines[0]).toMatch(/\d\d:\d\d:\d\d \w{3} hive-mind-rust-7d9f8b6c4-\w{5}/);
  });

  it('shows a PAUSED badge and keeps the window on the selected line while paused', () => {
    const lines = hiveLogLines(200);
    const state = withUi(
      // paused with the 200 lines on screen; the stream has gone on to newer ones since
      { logsFrozen: lines, focus: 'logs', selection: { ...hiveState().ui.selection, logs: 2 } },
      hiveState({ logs: ok({ target: null, lines: hiveLogLines(250), capacity: 5000, dropped: 12, stream: 'reconnecting' }) }),
    );
    const frame = renderFrameText(state, BIG);
    expect(frame).toContain('PAUSED');
    expect(frame).toContain('↻ reconnecting');
    expect(frame).toContain('12 dropped');
    expect(frame).toContain('(line 3)');
    expect(frame).not.toContain('(line 200)');
  });
});

describe('Logs pane error hotspots', () => {
  it('names the jobs logging errors, from Loki', () => {
    const frame = frameOnce(hiveState, BIG)();
    expect(frame).toContain('errors 5m: hive-mind-coordinator 37, claude-tui 4');
  });
});
