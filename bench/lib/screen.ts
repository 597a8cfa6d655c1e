// What a complete frame looks like at 120x40, read the way a person reads the screen. Ink writes the status
// bar last, so a screen showing it under every pane's borders is a whole frame, not a half-drawn one.

const PANES = ['Pods', 'SLOs', 'Alerts', 'Latency', 'Consensus', 'Logs'];
const STATUS = /\bq quit\b/;

/** The status bar sits on the last-but-one row (the frame stays one row short) or, full-height, the last. */
const hasStatusBar = (lines: string[]) => lines.slice(-2).some((l) => STATUS.test(l));

/** Every pane's top border with its title (focused ┏━, others ┌─) and as many bottom corners as panes. */
function hasAllBorders(lines: string[]): boolean {
  const text = lines.join('\n');
  if (!PANES.every((p) => new RegExp(`[┌┏][─━] ${p}\\b`).test(text))) return false;
  const bottoms = (text.match(/[└┗]/g) ?? []).length;
  return bottoms >= PANES.length;
}

export const completeFrame = (lines: string[]) => hasStatusBar(lines) && hasAllBorders(lines);

/** Only `pane` has the focused (heavy) border, and the frame is whole. */
export const focused = (pane: string) => (lines: string[]) => {
  const heavy = [...lines.join('\n').matchAll(/┏━ (\w+)/g)].map((m) => m[1]);
  return heavy.length === 1 && heavy[0] === pane && hasStatusBar(lines);
};
