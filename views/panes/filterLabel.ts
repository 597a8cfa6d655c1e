import type { AppState, PaneId } from '../../src/state/types.js';

/** "/text" for an applied filter, "/text▏" while typing it in the focused pane, else ''. */
export function filterLabel(state: AppState, pane: PaneId): string {
  const text = state.ui.filter[pane] ?? '';
  const editing = state.ui.filterEditing && state.ui.focus === pane;
  if (!text && !editing) return '';
  return `/${text}${editing ? '▏' : ''}`;
}
