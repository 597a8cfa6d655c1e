// The whole screen: six panes (a grid on big terminals, the focused pane plus one-line summaries on
// small ones), the help overlay or the Actions view, the confirmation modal over them, and the status bar. Exactly rows-1 lines tall: a frame as tall as
// the terminal makes Ink clear the whole screen on every render.
import { Box } from 'ink';
import { memo, useMemo, type ReactElement } from 'react';
import type { StateStore } from '../src/state/intents.js';
import { PANES, PANE_TITLES, type AppState, type PaneId } from '../src/state/types.js';
import type { Keymap } from '../keymaps/types.js';
import { DEFAULT_KEYMAP } from '../keymaps/default.js';
import { ThemeContext, useTheme } from './theme/ThemeContext.js';
import { MotionContext } from './theme/DisplayContext.js';
import { colorEnabled, createTheme, type Theme } from './theme/theme.js';
import { toneColour } from './theme/glyphs.js';
import { useStoreState } from './hooks/useStoreState.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { useKeymap } from './hooks/useKeymap.js';
import { computeLayout, paneNeeds, type Rect } from './layout.js';
import { paneSummary } from './summaries.js';
import { HelpOverlay } from './HelpOverlay.js';
import { ActionsView } from './ActionsView.js';
import { ConfirmModal } from './modal/ConfirmModal.js';
import { StatusBar } from './StatusBar.js';
import { PaneRow, WallScreen } from './wall/WallScreen.js';
import { Line } from './components/Line.js';
import { clip, fit } from '../src/text/index.js';
import type { PaneViewProps } from './panes/types.js';
import { PodsPane } from './panes/PodsPane.js';
import { SlosPane } from './panes/SlosPane.js';
import { AlertsPane } from './panes/AlertsPane.js';
import { LatencyPane } from './panes/LatencyPane.js';
import { ConsensusPane } from './panes/ConsensusPane.js';
import { LogsPane } from './panes/LogsPane.js';

const PANE_VIEWS: Record<PaneId, (p: PaneViewProps) => ReactElement> = {
  pods: PodsPane,
  slos: SlosPane,
  alerts: AlertsPane,
  latency: LatencyPane,
  consensus: ConsensusPane,
  logs: LogsPane,
};

interface PaneAtProps {
  pane: PaneId;
  state: AppState;
  rect: Rect;
  rich: boolean;
  keymap: Keymap;
}

function PaneAtView({ pane, state, rect, rich, keymap }: PaneAtProps) {
  const View = PANE_VIEWS[pane];
  // nobody steers a wall screen: no pane is picked out as focused
  const focused = !state.meta.wall && state.ui.focus === pane;
  return <View state={state} width={rect.width} height={rect.height} focused={focused} rich={rich} keymap={keymap} />;
}

/** The part of the UI state one pane draws from: its own selection and filter, whether it has focus. */
function paneUi(state: AppState, pane: PaneId): unknown[] {
  const ui = state.ui;
  const focused = ui.focus === pane;
  return [focused, ui.selection[pane], ui.filter[pane], focused && ui.filterEditing, pane === 'logs' ? ui.logsFrozen : null, ui.lowBandwidth];
}

/**
 * A pane skips a render when nothing it draws from changed. Only the Logs pane reads the log stream (which
 * changes several times a second), and a key press changes the UI state of one or two panes; every part of
 * the state is replaced, never mutated, so identity says whether it changed.
 */
function samePaneInput(a: PaneAtProps, b: PaneAtProps): boolean {
  if (a.pane !== b.pane || a.rich !== b.rich || a.keymap !== b.keymap) return false;
  if (a.rect.width !== b.rect.width || a.rect.height !== b.rect.height) return false;
  if (a.state === b.state) return true;
  const keys = Object.keys(a.state) as (keyof AppState)[];
  if (!keys.every((key) => key === 'ui' || (key === 'logs' && a.pane !== 'logs') || a.state[key] === b.state[key])) return false;
  const ua = paneUi(a.state, a.pane);
  const ub = paneUi(b.state, b.pane);
  return ua.every((v, i) => v === ub[i]);
}

const PaneAt = memo(PaneAtView, samePaneInput);

/** --wall: the headline band over the grid, or over pane sets taking turns. */
function Wall({ state, width, height, keymap }: { state: AppState; width: number; height: number; keymap: Keymap }) {
  const wall = state.meta.wall!;
  return (
    <WallScreen
      state={state}
      width={width}
      height={height}
      staleAfterMs={wall.staleAfterMs}
      rotateMs={wall.rotateMs}
      renderPanes={(ids, w, h) => (
        <PaneRow
          ids={ids}
          width={w}
          height={h}
          renderPane={(pane, rect) => <PaneAt pane={pane} state={state} rect={rect} rich={rect.width >= 100} keymap={keymap} />}
        />
      )}
      renderGrid={(w, h) => <Screen state={state} width={w} height={h} keymap={keymap} />}
    />
  );
}

function SummaryLine({ state, pane, width }: { state: AppState; pane: PaneId; width: number }) {
  const theme = useTheme();
  const s = paneSummary(state, pane);
  const label = fit(` ${PANES.indexOf(pane) + 1} ${PANE_TITLES[pane]}`, 13);
  return (
    <Line
      segments={[
        { text: label, bold: true, color: theme.accent },
        { text: clip(s.text, Math.max(0, width - 13)), color: toneColour(theme, s.tone) },
      ]}
    />
  );
}

function Screen({ state, width, height, keymap }: { state: AppState; width: number; height: number; keymap: Keymap }) {
  const layout = computeLayout(width, height + 2, state.ui.focus, paneNeeds(state));
  if (layout.kind === 'grid') {
    const p = layout.panes;
    const at = (pane: PaneId) => <PaneAt pane={pane} state={state} rect={p[pane]} rich={layout.rich} keymap={keymap} />;
    return (
      <Box flexDirection="column" width={width} height={height} overflow="hidden">
        <Box flexDirection="row" height={p.pods.height}>
          {at('pods')}
          <Box flexDirection="column" width={p.slos.width}>
            {at('slos')}
            {at('consensus')}
          </Box>
        </Box>
        <Box flexDirection="row" height={p.alerts.height}>
          {at('alerts')}
          {at('latency')}
        </Box>
        {at('logs')}
      </Box>
    );
  }
  const focusIndex = PANES.indexOf(state.ui.focus);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {PANES.map((pane, i) =>
        i === focusIndex ? (
          <PaneAt key={pane} pane={pane} state={state} rect={layout.focused} rich={false} keymap={keymap} />
        ) : (
          <SummaryLine key={pane} state={state} pane={pane} width={width} />
        ),
      )}
    </Box>
  );
}

export interface AppProps {
  store: StateStore;
  keymap?: Keymap;
  /** false to render without reading the keyboard (snapshots, tests) */
  interactive?: boolean;
  /** overrides NO_COLOR detection */
  theme?: Theme;
}

export function App({ store, keymap = DEFAULT_KEYMAP, interactive = true, theme }: AppProps) {
  const state = useStoreState(store);
  const { columns, rows } = useTerminalSize();
  useKeymap(store, keymap, interactive);
  const activeTheme = useMemo(() => theme ?? createTheme(colorEnabled()), [theme]);
  const width = Math.max(1, columns);
  const mainHeight = Math.max(1, rows - 2);
  return (
    <ThemeContext.Provider value={activeTheme}>
      <MotionContext.Provider value={!state.ui.lowBandwidth}>
      <Box flexDirection="column" width={width} height={mainHeight + 1} overflow="hidden">
        <Box width={width} height={mainHeight} overflow="hidden">
          {state.ui.helpOpen ? (
            <HelpOverlay keymap={keymap} width={width} height={mainHeight} page={state.ui.helpPage} />
          ) : state.ui.actionsViewOpen ? (
            <ActionsView state={state} keymap={keymap} width={width} height={mainHeight} />
          ) : state.meta.wall ? (
            <Wall state={state} width={width} height={mainHeight} keymap={keymap} />
          ) : (
            <Screen state={state} width={width} height={mainHeight} keymap={keymap} />
          )}
          {state.ui.modal && <ConfirmModal modal={state.ui.modal} state={state} keymap={keymap} width={width} height={mainHeight} />}
        </Box>
        <StatusBar state={state} keymap={keymap} width={width} />
      </Box>
      </MotionContext.Provider>
    </ThemeContext.Provider>
  );
}
