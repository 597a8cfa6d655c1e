// Where each pane goes for a terminal size. Pure, so every size can be tested without rendering.
import { PANES, type PaneId } from '../src/state/types.js';

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

/**
 * Layout for the area above the status bar (`height` = terminal rows - 2: one for the status bar,
 * one kept free because a frame as tall as the terminal makes Ink clear the screen on every render).
 */
export function computeLayout(columns: number, rows: number, focus: PaneId): Layout {
  const width = Math.max(1, columns);
  const height = Math.max(1, rows - 2);
  if (columns >= GRID_MIN.width && rows >= GRID_MIN.height) {
    const rich = columns >= RICH_MIN.width && rows >= RICH_MIN.height;
    // Pods and Logs get the most room. SLOs and Consensus are short fixed tables, so they share the
    // right-hand column; Alerts sits under Pods where its long alert names fit.
    // 53 columns is what the SLO table needs to show every column with full names.
    const right = Math.max(53, Math.round(width * 0.43));
    const left = width - right;
    const top = Math.round(height * 0.42);
    const middle = Math.round(height * (rich ? 0.24 : 0.26));
    const bottom = height - top - middle;
    const slos = Math.min(top - 4, 8 + (rich ? 1 : 0));
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
