// Which panes the wall shows when: pane sets take turns every `rotateMs`, counted from a fixed start (the
// session's), so the schedule is a pure function of the state's clock and every frame agrees on it.
import { formatDuration } from '../../src/lib/duration.js';
import { PANE_TITLES, type PaneId } from '../../src/state/types.js';
import type { Rect } from '../layout.js';

/** Some panes side by side, or 'grid': the dashboard's full grid. */
export type PaneSet = readonly PaneId[] | 'grid';

/** What moves together: the workloads and what they fire; the service's numbers; the logs. */
export const DEFAULT_PANE_SETS: readonly PaneSet[] = [['pods', 'alerts'], ['slos', 'latency', 'consensus'], ['logs']];

export interface RotationSlot {
  /** 0-based index of the set on screen */
  index: number;
  count: number;
  set: PaneSet;
  /** ms until the next set; null when nothing rotates */
  nextInMs: number | null;
}

/** The set on screen at time `t` (ms), rotating every `rotateMs` from `startedAt`; no rotation when rotateMs <= 0. */
export function rotationAt(t: number, rotateMs: number, sets: readonly PaneSet[], startedAt = 0): RotationSlot {
  if (sets.length === 0) return { index: 0, count: 1, set: 'grid', nextInMs: null };
  if (!(rotateMs > 0) || sets.length === 1) return { index: 0, count: sets.length, set: sets[0]!, nextInMs: null };
  // a clock set back (or a start in the future) shows the first set rather than a negative index
  const elapsed = Math.max(0, t - startedAt);
  const turn = Math.floor(elapsed / rotateMs);
  const index = turn % sets.length;
  return { index, count: sets.length, set: sets[index]!, nextInMs: rotateMs - (elapsed - turn * rotateMs) };
}

/** "2/3 · next in 12s"; empty when nothing rotates. */
export function rotationLabel(slot: RotationSlot, ascii = false): string {
  if (slot.nextInMs === null) return '';
  const next = formatDuration(Math.max(1, Math.ceil(slot.nextInMs / 1000)) * 1000);
  return `${slot.index + 1}/${slot.count}${ascii ? ' - ' : ' · '}next in ${next}`;
}

/** "Pods + Alerts", or "all panes" for the grid. */
export const setTitle = (set: PaneSet): string => (set === 'grid' ? 'all panes' : set.map((p) => PANE_TITLES[p]).join(' + '));

/** Below this a pane's table loses columns: narrower sets stack their panes instead. */
export const MIN_PANE_WIDTH = 50;

/** Where each pane of a set goes in a width x height area: side by side when wide enough, else stacked. */
export function paneRects(ids: readonly PaneId[], width: number, height: number): (Rect & { pane: PaneId })[] {
  const n = ids.length;
  if (n === 0) return [];
  const across = Math.floor(width / n) >= MIN_PANE_WIDTH;
  const total = across ? width : height;
  const base = Math.floor(total / n);
  let offset = 0;
  return ids.map((pane, i) => {
    // the first panes take the remainder, one cell each
    const size = base + (i < total % n ? 1 : 0);
    const rect = across ? { x: offset, y: 0, width: size, height } : { x: 0, y: offset, width, height: size };
    offset += size;
    return { pane, ...rect };
  });
}
