import { describe, expect, it } from 'vitest';
import { cellWidth, clip, clipMiddle, fit } from '../../src/text/index.js';
import { columnWidths } from '../../views/components/layoutColumns.js';
import { windowStart } from '../../views/components/Table.js';
import { formatSloTarget, formatSloValue } from '../../views/format.js';
import { computeLayout } from '../../views/layout.js';
import { PANES } from '../../src/state/types.js';
import { chartMax, downsample } from '../../views/panes/chart.js';

describe('text fitting', () => {
  it('clips with an ellipsis and pads to an exact width, counting wide characters as two', () => {
    expect(clip('hive-mind-coordinator', 10)).toBe('hive-mind…');
    expect(fit('ab', 5)).toBe('ab   ');
    expect(fit('ab', 5, 'right')).toBe('   ab');
    expect(cellWidth('日本')).toBe(4);
    expect(cellWidth(fit('日本語のログ', 7))).toBe(7);
  });
});

describe('columnWidths', () => {
  it('fills the width exactly with flexible columns', () => {
    const w = columnWidths([{ width: 5 }, { width: 10, flex: 1 }, { width: 4 }], 40);
    expect(w.reduce((a, b) => a + b, 0) + 2).toBe(40);
    expect(w[0]).toBe(5);
  });
  it('drops the highest dropOrder first when too narrow', () => {
    const w = columnWidths([{ width: 10 }, { width: 10, dropOrder: 1 }, { width: 10, dropOrder: 2 }], 21);
    expect(w).toEqual([10, 10, 0]);
  });
});

describe('windowStart', () => {
  it('keeps the selection visible and the window inside the rows', () => {
    expect(windowStart(5, 4, 10)).toBe(0);
    expect(windowStart(100, 0, 10)).toBe(0);
    expect(windowStart(100, 50, 10)).toBe(45);
    expect(windowStart(100, 99, 10)).toBe(90);
  });
});

describe('formats', () => {
  it('formats the runbook SLOs in their units', () => {
    expect(formatSloValue('percent', 0.9995)).toBe('99.95%');
    expect(formatSloValue('seconds', 1.42)).toBe('1.42s');
    expect(formatSloValue('rps', 153.2)).toBe('153 rps');
    expect(formatSloValue('percent', 0.0005)).toBe('0.05%');
    expect(formatSloValue('percent', null)).toBe('—');
    expect(formatSloTarget({ unit: 'percent', target: 0.999, comparator: '>=' })).toBe('≥99.9%');
  });
});

describe('computeLayout', () => {
  it('uses the grid from 120x40 and tiles the area exactly', () => {
    const l = computeLayout(120, 40, 'pods');
    expect(l.kind).toBe('grid');
    if (l.kind !== 'grid') return;
    expect(l.panes.pods.height + l.panes.latency.height + l.panes.logs.height).toBe(38);
    expect(l.panes.slos.height + l.panes.consensus.height).toBe(l.panes.pods.height);
    expect(l.panes.pods.width + l.panes.slos.width).toBe(120);
  });
  it('falls back to the compact layout below 120x40 with a line per other pane', () => {
    const l = computeLayout(119, 60, 'alerts');
    expect(l.kind).toBe('compact');
    if (l.kind !== 'compact') return;
    expect(l.summaries.map((s) => s.pane)).toEqual(PANES.filter((p) => p !== 'alerts'));
    expect(l.focused.height + l.summaries.length).toBe(58);
  });
});

describe('chart helpers', () => {
  it('keeps spikes when downsampling', () => {
    expect(downsample([1, 1, 9, 1, 1, 1], 3)).toEqual([1, 9, 1]);
  });
  it('puts the threshold exactly on a row', () => {
    const max = chartMax(2.31, 2, 6);
    const step = max / 6;
    expect(Number.isInteger(Number((2 / step).toFixed(9)))).toBe(true);
    expect(max).toBeGreaterThanOrEqual(2.31);
  });
});

describe('clipMiddle', () => {
  it('keeps the tail that tells generated names apart', () => {
    const a = clipMiddle('hive-mind-coordinator-7c9f6d7f8-qq7tn', 24);
    const b = clipMiddle('hive-mind-coordinator-7c9f6d7f8-x2k9p', 24);
    expect([...a].length).toBe(24);
    expect(a).not.toBe(b);
    expect(a.endsWith('qq7tn')).toBe(true);
    expect(clipMiddle('short', 24)).toBe('short');
  });
});

describe('computeLayout on a big screen', () => {
  it('gives the rows short lists do not need to the Logs pane, never more than the usual share to the lists', () => {
    const usual = computeLayout(250, 70, 'pods');
    const short = computeLayout(250, 70, 'pods', { pods: 14, alerts: 5, consensus: 9 });
    const long = computeLayout(250, 70, 'pods', { pods: 400, alerts: 60, consensus: 9 });
    if (usual.kind !== 'grid' || short.kind !== 'grid' || long.kind !== 'grid') throw new Error('expected the grid');
    expect(short.panes.pods.height).toBeLessThan(usual.panes.pods.height);
    expect(short.panes.pods.height).toBeGreaterThanOrEqual(14);
    expect(short.panes.logs.height).toBeGreaterThan(usual.panes.logs.height);
    expect(short.panes.latency.height).toBeGreaterThanOrEqual(10);
    expect(long.panes).toEqual(usual.panes);
    // every row is still someone's
    expect(short.panes.pods.height + short.panes.alerts.height + short.panes.logs.height).toBe(usual.panes.pods.height + usual.panes.alerts.height + usual.panes.logs.height);
  });
});
