// Where each pane goes for a terminal size. Pure, so every size can be tested without rendering.
import { PANES, type AppState, type PaneId } from '../src/state/types.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Layout =
  | { kind: 'grid'; rich: boolean; panes: Record<PaneId, Rect> }
  | { kind: 'compact'; focused: Rect; summaries: { pane: PaneId; y: number }[] };

export const GRID_MIN = { width: 120, height: 40 };
export const RICH_MIN = { width: 200, height: 60 };

/** Rows each pane's content would fill, border included (see paneNeeds); absent: no opinion. */
export type PaneNeeds = Partial<Record<PaneId, number>>;

/**
 * Rows the content of the list panes fills, from the whole lists (not the filtered ones: typing a
 * filter must not move the panes). Pods: borders, status, header, the rows, the action hints.
 */
export function paneNeeds(state: AppState): PaneNeeds {
  const needs: PaneNeeds = {};
  if (state.kube.data) needs.pods = state.kube.data.pods.length + 5;
  if (state.alerts.data) needs.alerts = state.alerts.data.groups.length + 4;
  if (state.consensus.data) needs.consensus = state.consensus.data.members.length + 6;
  return needs;
}

/** The chart is unreadable in fewer rows than this. */
const LATENCY_MIN_ROWS = 10;
/** Needs are rounded up to this many rows, so one pod more or less does not move every pane. */
const NEED_STEP = 4;

const roundUp = (n: number) => Math.ceil(n / NEED_STEP) * NEED_STEP;
const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/**
 * Heights of the top and middle bands: at most their usual share, less when their panes' content is
 * shorter, so that a big screen gives the rows nobody needs to the Logs pane instead of empty boxes.
 */
function bandHeights(height: number, rich: boolean, slos: (top: number) => number, needs: PaneNeeds) {
  const top = Math.round(height * 0.42);
  const middle = Math.round(height * (rich ? 0.24 : 0.26));
  const topNeed = Math.max(needs.pods ?? top, needs.consensus === undefined ? top : slos(top) + needs.consensus);
  const middleNeed = Math.max(needs.alerts ?? middle, LATENCY_MIN_ROWS);
  return { top: clamp(roundUp(topNeed), Math.min(top, 12), top), middle: clamp(roundUp(middleNeed), Math.min(middle, 8), middle) };
}

/**
 * Layout for the area above the status bar (`height` = terminal rows - 2: one for the status bar,
 * one kept free because a frame as tall as the terminal makes Ink clear the screen on every render).
 */
export function computeLayout(columns: number, rows: number, focus: PaneId, needs: PaneNeeds = {}): Layout {
  const width = Math.max(1, columns);
  const height = Math.max(1, rows - 2);
  if (columns >= GRID_MIN.width && rows >= GRID_MIN.height) {
    const rich = columns >= RICH_MIN.width && rows >= RICH_MIN.height;
    // Pods and Logs get the most room. SLOs and Consensus are short fixed tables, so they share the
    // right-hand column; Alerts sits under Pods where its long alert names fit.
    // 53 columns is what the SLO table needs to show every column with full names.
    const right = Math.max(53, Math.round(width * 0.43));
    const left = width - right;
    const slosFor = (top: number) => Math.min(top - 4, 8 + (rich ? 1 : 0));
    const { top, middle } = bandHeights(height, rich, slosFor, needs);
    const bottom = height - top - middle;
    const slos = slosFor(top);
    return {
      kind: 'grid',
      rich,
      panes: {
        pods: { x: 0, y: 0, width: left, height: top },
        slos: { x: left, y: 0, width: right, height: slos },
        consensus: { x: left, y: slos, width: right, height: top - slos },
        alerts: { x: 0, y: top, width: left, height: middle },
        latency: { x: left, y: top, width: right, height: middle },
        logs: { x: 0, y: top + middle, width, height: bottom },
      },
    };
  }
  // Compact: the focused pane large, one summary line for each other pane, in pane order.
  const others = PANES.filter((p) => p !== focus);
  const focusIndex = PANES.indexOf(focus);
  const summaries = others.map((pane) => {
    const i = PANES.indexOf(pane);
    return { pane, y: i < focusIndex ? i : i - 1 };
  });
  const before = focusIndex;
  const focusedHeight = Math.max(1, height - others.length);
  return {
    kind: 'compact',
    focused: { x: 0, y: before, width, height: focusedHeight },
    summaries: summaries.map((s) => (s.y >= before ? { ...s, y: s.y + focusedHeight } : s)),
  };
}
