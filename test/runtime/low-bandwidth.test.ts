import { describe, expect, it } from 'vitest';
import { emptyAppState, reduceIntent } from '../../src/runtime/reduce.js';
import { fillFrozenLogs, frameIntervalMs, IDLE_AFTER_MS, setLowBandwidth } from '../../src/runtime/low-bandwidth.js';
import { linesSincePause } from '../../src/runtime/selectors.js';
import type { AppState, LogLine } from '../../src/state/types.js';

const line = (seq: number): LogLine => ({ seq, ts: seq, namespace: 'ns', pod: 'p', container: 'c', text: `line ${seq}`, level: 'info' });

function withLines(seqs: number[]): AppState {
  const base = emptyAppState({ mode: 'demo', context: '', namespace: null, scenario: null, startedAt: 0, version: '0' }, 0);
  return { ...base, logs: { data: { target: null, lines: seqs.map(line), capacity: 100, dropped: 0, stream: 'live' }, error: null, updatedAt: 1, loading: false } };
}

describe('low-bandwidth mode', () => {
  it('freezes the Logs pane and counts what the stream brings until it is turned off', () => {
    const on = reduceIntent(withLines([1, 2, 3]), { type: 'low-bandwidth-toggle' });
    expect(on.ui.lowBandwidth).toBe(true);
    expect(on.ui.logsFrozen?.map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(on.ui.flash?.text).toContain('low-bandwidth on');
    const later = { ...on, logs: withLines([2, 3, 4, 5, 6]).logs };
    expect(linesSincePause(later)).toBe(3);
    const off = reduceIntent(later, { type: 'low-bandwidth-toggle' });
    expect(off.ui.lowBandwidth).toBe(false);
    expect(off.ui.logsFrozen).toBeNull();
    expect(linesSincePause(off)).toBe(0);
  });

  it('paces background frames: 10 a second at the keyboard, one a second when idle, on a wall or on a thin link', () => {
    const s = withLines([]);
    expect(frameIntervalMs(s, 0)).toBe(100);
    expect(frameIntervalMs(s, IDLE_AFTER_MS + 1)).toBe(1000);
    expect(frameIntervalMs(reduceIntent(s, { type: 'low-bandwidth-toggle' }), 0)).toBe(1000);
    expect(frameIntervalMs({ ...s, meta: { ...s.meta, wall: { rotateMs: 0, staleAfterMs: 60_000 } } }, 0)).toBe(1000);
  });

  it('started before any line came, shows the first lines and holds back the rest', () => {
    const start = setLowBandwidth(withLines([]), true, false);
    expect(start.ui.logsFrozen).toEqual([]);
    const first = fillFrozenLogs({ ...start, logs: withLines([1, 2]).logs });
    expect(first.ui.logsFrozen?.map((l) => l.seq)).toEqual([1, 2]);
    const more = fillFrozenLogs({ ...first, logs: withLines([1, 2, 3]).logs });
    expect(more.ui.logsFrozen?.map((l) => l.seq)).toEqual([1, 2]);
    expect(linesSincePause(more)).toBe(1);
  });
});
