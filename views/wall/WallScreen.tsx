// The wall screen (--wall): the headline band on top, readable across a room, and below it the dashboard's
// grid or pane sets that take turns. It renders no pane itself: the caller passes how to draw panes, so
// this file knows nothing of the pane views' wiring. Exactly `height` rows.
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { headlineOf } from '../../src/runtime/headline.js';
import { PANES, type AppState, type PaneId } from '../../src/state/types.js';
import { Line } from '../components/Line.js';
import { useTheme } from '../theme/ThemeContext.js';
import type { Rect } from '../layout.js';
import { HeadlineBand } from './HeadlineBand.js';
import { bandHeight } from './headlineLines.js';
import { DEFAULT_PANE_SETS, paneRects, rotationAt, rotationLabel, setTitle, type PaneSet } from './rotation.js';
import { cellWidth } from '../../src/text/index.js';
import { clipText } from './segments.js';

export interface WallScreenProps {
  state: AppState;
  width: number;
  height: number;
  ascii?: boolean;
  /** data older than this turns the headline STALE */
  staleAfterMs: number;
  /** ms each pane set stays on screen; 0 shows the first set (by default the grid) for good */
  rotateMs: number;
  /** default: the grid when rotateMs is 0, else DEFAULT_PANE_SETS */
  paneSets?: readonly PaneSet[];
  /** draws these panes in a width x height area (see PaneRow for a ready layout) */
  renderPanes: (paneIds: readonly PaneId[], width: number, height: number) => ReactNode;
  /** draws the dashboard's full grid; without it a 'grid' set is all six panes through renderPanes */
  renderGrid?: (width: number, height: number) => ReactNode;
}

function RotationLine({ set, label, width, ascii }: { set: PaneSet; label: string; width: number; ascii: boolean }) {
  const theme = useTheme();
  const right = clipText(label, Math.max(0, width - 2), ascii);
  const left = clipText(` ${setTitle(set)}`, Math.max(0, width - cellWidth(right) - 2), ascii);
  const pad = ' '.repeat(Math.max(1, width - cellWidth(left) - cellWidth(right)));
  return <Line segments={[{ text: left, bold: true, color: theme.accent }, { text: pad }, { text: right, color: theme.muted }]} />;
}

export function WallScreen(props: WallScreenProps) {
  const { state, width, height, ascii = false, staleAfterMs, rotateMs, renderPanes, renderGrid } = props;
  const sets = props.paneSets ?? (rotateMs > 0 ? DEFAULT_PANE_SETS : ['grid' as const]);
  const slot = rotationAt(state.now, rotateMs, sets, state.meta.startedAt);
  const label = rotationLabel(slot, ascii);
  const band = Math.min(height, bandHeight(width, height));
  const strip = label && height - band > 1 ? 1 : 0;
  const area = Math.max(0, height - band - strip);
  const headline = headlineOf(state, state.now, staleAfterMs);
  const panes =
    slot.set === 'grid' ? (renderGrid ? renderGrid(width, area) : renderPanes(PANES, width, area)) : renderPanes(slot.set, width, area);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <HeadlineBand headline={headline} width={width} height={band} ascii={ascii} />
      {strip > 0 && <RotationLine set={slot.set} label={label} width={width} ascii={ascii} />}
      {area > 0 && (
        <Box width={width} height={area} overflow="hidden">
          {panes}
        </Box>
      )}
    </Box>
  );
}

export interface PaneRowProps {
  ids: readonly PaneId[];
  width: number;
  height: number;
  /** draws one pane in its rect (e.g. App's PaneAt) */
  renderPane: (pane: PaneId, rect: Rect) => ReactNode;
}

/** Panes of a set side by side (stacked when too narrow), for WallScreen's renderPanes. */
export function PaneRow({ ids, width, height, renderPane }: PaneRowProps) {
  const rects = paneRects(ids, width, height);
  const across = rects.length > 1 && rects[1]!.x > 0;
  return (
    <Box flexDirection={across ? 'row' : 'column'} width={width} height={height} overflow="hidden">
      {rects.map((r) => (
        <Box key={r.pane} width={r.width} height={r.height} overflow="hidden">
          {renderPane(r.pane, r)}
        </Box>
      ))}
    </Box>
  );
}
