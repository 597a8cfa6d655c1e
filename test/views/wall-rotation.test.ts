import { describe, expect, it } from 'vitest';
import { DEFAULT_PANE_SETS, paneRects, rotationAt, rotationLabel, setTitle } from '../../views/wall/rotation.js';

const START = 1_000_000;
const EVERY = 15_000;

describe('rotationAt', () => {
  it('shows each set for rotateMs in turn, from the start, and wraps around', () => {
    const index = (t: number) => rotationAt(START + t, EVERY, DEFAULT_PANE_SETS, START).index;
    expect([0, 14_999, 15_000, 29_999, 30_000, 44_999, 45_000, 60_000].map(index)).toEqual([0, 0, 1, 1, 2, 2, 0, 1]);
    expect(rotationAt(START + 30_000, EVERY, DEFAULT_PANE_SETS, START).set).toEqual(['logs']);
  });

  it('counts down to the next set', () => {
    expect(rotationAt(START, EVERY, DEFAULT_PANE_SETS, START).nextInMs).toBe(15_000);
    expect(rotationAt(START + 3_800, EVERY, DEFAULT_PANE_SETS, START).nextInMs).toBe(11_200);
    expect(rotationAt(START + 14_999, EVERY, DEFAULT_PANE_SETS, START).nextInMs).toBe(1);
  });

  it('shows the first set for good when rotation is off or there is one set', () => {
    for (const slot of [rotationAt(START + 99_000, 0, DEFAULT_PANE_SETS, START), rotationAt(START + 99_000, EVERY, ['grid'], START)]) {
      expect(slot.index).toBe(0);
      expect(slot.nextInMs).toBeNull();
      expect(rotationLabel(slot)).toBe('');
    }
    expect(rotationAt(START, EVERY, [], START).set).toBe('grid');
  });

  it('shows the first set when the clock is before the start', () => {
    expect(rotationAt(START - 20_000, EVERY, DEFAULT_PANE_SETS, START).index).toBe(0);
  });
});

describe('rotationLabel and setTitle', () => {
  it('says which set of how many and when the next comes, rounding up to whole seconds', () => {
    expect(rotationLabel(rotationAt(START + 3_800, EVERY, DEFAULT_PANE_SETS, START))).toBe('1/3 · next in 12s');
    expect(rotationLabel(rotationAt(START + 18_000, EVERY, DEFAULT_PANE_SETS, START), true)).toBe('2/3 - next in 12s');
    expect(rotationLabel(rotationAt(START, 90_000, DEFAULT_PANE_SETS, START))).toBe('1/3 · next in 1m30s');
  });

  it('names the panes of a set', () => {
    expect(setTitle(['slos', 'latency', 'consensus'])).toBe('SLOs + Latency + Consensus');
    expect(setTitle('grid')).toBe('all panes');
  });
});

describe('paneRects', () => {
  it('puts panes side by side when each gets a usable width, covering the area exactly', () => {
    const rects = paneRects(['slos', 'latency', 'consensus'], 200, 40);
    expect(rects.map((r) => [r.pane, r.x, r.width, r.height])).toEqual([
      ['slos', 0, 67, 40],
      ['latency', 67, 67, 40],
      ['consensus', 134, 66, 40],
    ]);
  });

  it('stacks them when side by side would be too narrow', () => {
    const rects = paneRects(['slos', 'latency', 'consensus'], 120, 31);
    expect(rects.map((r) => [r.y, r.width, r.height])).toEqual([
      [0, 120, 11],
      [11, 120, 10],
      [21, 120, 10],
    ]);
  });

  it('gives a single pane the whole area', () => {
    expect(paneRects(['logs'], 80, 20)).toEqual([{ pane: 'logs', x: 0, y: 0, width: 80, height: 20 }]);
  });
});
