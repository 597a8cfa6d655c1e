// Pure UI-state reduction of intents. Side effects (quit, log retargeting, clearing the source's buffer)
// are the controller's; the modal's intents are the action flow's (./action-flow.ts).
import type { Intent } from '../state/intents.js';
import { initialSourceState, PANES, type AppMeta, type AppState, type PaneId, type UiState } from '../state/types.js';
import { rowCount } from './selectors.js';
import { stripControl } from '../text/control.js';
import { showFlash } from './flash.js';
import { setLowBandwidth } from './low-bandwidth.js';

/** Rows moved by page-up/page-down. */
export const PAGE_ROWS = 10;
/** Panes whose rows the `/` filter narrows. */
export const FILTERABLE: readonly PaneId[] = ['pods', 'alerts', 'logs'];

export function initialUi(): UiState {
  const perPane = <T>(v: T) => Object.fromEntries(PANES.map((p) => [p, v])) as Record<PaneId, T>;
  return {
    focus: 'pods',
    selection: perPane(0),
    filter: perPane(''),
    filterEditing: false,
    helpOpen: false,
    helpPage: 0,
    logsFrozen: null,
    flash: null,
    modal: null,
    actionsViewOpen: false,
    lowBandwidth: false,
    terminalBehind: false,
  };
}

/** Every source loading, nothing selected: the state before the first answer arrives. */
export function emptyAppState(meta: AppMeta, now: number): AppState {
  return {
    meta,
    kube: initialSourceState(),
    slos: initialSourceState(),
    latency: initialSourceState(),
    alerts: initialSourceState(),
    consensus: initialSourceState(),
    logs: initialSourceState(),
    logErrors: initialSourceState(),
    ui: initialUi(),
    actions: { readOnly: false, permissions: {}, journal: [] },
    now,
  };
}

const clamp = (n: number, rows: number) => (rows <= 0 ? 0 : Math.min(Math.max(n, 0), rows - 1));

function withUi(state: AppState, ui: Partial<UiState>): AppState {
  return { ...state, ui: { ...state.ui, ...ui } };
}

function move(state: AppState, to: (current: number, rows: number) => number): AppState {
  const pane = state.ui.focus;
  const rows = rowCount(state, pane);
  const current = clamp(state.ui.selection[pane], rows);
  const next = clamp(to(current, rows), rows);
  if (next === state.ui.selection[pane]) return state;
  return withUi(state, { selection: { ...state.ui.selection, [pane]: next } });
}

function focus(state: AppState, pane: PaneId): AppState {
  if (state.ui.focus === pane && !state.ui.filterEditing) return state;
  return withUi(state, { focus: pane, filterEditing: false });
}

function setFilter(state: AppState, text: string): AppState {
  const pane = state.ui.focus;
  return withUi(state, {
    filter: { ...state.ui.filter, [pane]: text },
    // the rows under the cursor changed meaning: start from the top of the filtered list
    selection: { ...state.ui.selection, [pane]: 0 },
  });
}

/** An open modal owns the keyboard: nothing underneath moves (quit still quits). */
export const keyboardTaken = (state: AppState, intent: Intent): boolean => state.ui.modal !== null && intent.type !== 'quit';

export function reduceIntent(state: AppState, intent: Intent): AppState {
  const ui = state.ui;
  // While help is open, the movement keys page through it instead of moving the hidden pane's selection.
  if (ui.helpOpen) {
    const step = ({ 'select-next': 1, 'page-down': 1, 'select-prev': -1, 'page-up': -1 } as Record<string, number>)[intent.type];
    if (step !== undefined) return withUi(state, { helpPage: ui.helpPage + step });
  }
  if (keyboardTaken(state, intent)) return state;
  switch (intent.type) {
    case 'focus-next':
      return focus(state, PANES[(PANES.indexOf(ui.focus) + 1) % PANES.length]!);
    case 'focus-prev':
      return focus(state, PANES[(PANES.indexOf(ui.focus) - 1 + PANES.length) % PANES.length]!);
    case 'focus':
      return PANES.includes(intent.pane) ? focus(state, intent.pane) : state;
    case 'select-next':
      return move(state, (c) => c + 1);
    case 'select-prev':
      return move(state, (c) => c - 1);
    case 'select-first':
      return move(state, () => 0);
    case 'select-last':
      return move(state, (_, rows) => rows - 1);
    case 'page-down':
      return move(state, (c) => c + PAGE_ROWS);
    case 'page-up':
      return move(state, (c) => c - PAGE_ROWS);
    case 'filter-start':
      if (!FILTERABLE.includes(ui.focus)) return showFlash(state, `no filter in ${ui.focus}`);
      return withUi(state, { filterEditing: true });
    case 'filter-input': {
      if (!ui.filterEditing) return state;
      // typed text only: a pasted escape sequence or newline has no business in a filter
      const text = stripControl(intent.text);
      return text ? setFilter(state, (ui.filter[ui.focus] + text).slice(0, 200)) : state;
    }
    case 'filter-backspace':
      if (!ui.filterEditing) return state;
      return setFilter(state, [...ui.filter[ui.focus]].slice(0, -1).join(''));
    case 'filter-commit':
      return ui.filterEditing ? withUi(state, { filterEditing: false }) : state;
    case 'filter-cancel': {
      const cleared = ui.filter[ui.focus] === '' ? state : setFilter(state, '');
      return withUi(cleared, { filterEditing: false });
    }
    case 'help-toggle':
      return withUi(state, { helpOpen: !ui.helpOpen, helpPage: 0 });
    case 'help-close':
      // Escape closes whichever overlay is up: the help, else the Actions view.
      if (ui.helpOpen) return withUi(state, { helpOpen: false });
      return ui.actionsViewOpen ? withUi(state, { actionsViewOpen: false }) : state;
    case 'actions-view-toggle':
      return withUi(state, { actionsViewOpen: !ui.actionsViewOpen, helpOpen: false });
    case 'logs-pause-toggle':
      // paused: the pane keeps the lines it shows while the stream goes on underneath
      return ui.logsFrozen
        ? showFlash(withUi(state, { logsFrozen: null }), 'logs resumed')
        : showFlash(withUi(state, { logsFrozen: state.logs.data?.lines ?? [] }), 'logs paused');
    case 'logs-clear':
      // the controller empties the source's buffer; a paused pane empties too
      return showFlash(ui.logsFrozen ? withUi(state, { logsFrozen: [] }) : state, 'logs cleared');
    case 'low-bandwidth-toggle':
      return setLowBandwidth(state, !ui.lowBandwidth);
    case 'quit':
    case 'logs-follow-selected':
      return state;
    // action-open is the controller's: it talks to the executor.
    default:
      return state;
  }
}
