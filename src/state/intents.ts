// Everything a view (through a keymap) can ask for. Views send these; src/runtime decides what they do.
import type { ActionKind } from './actions.js';
import type { PaneId } from './types.js';

export type Intent =
  | { type: 'quit' }
  | { type: 'focus-next' }
  | { type: 'focus-prev' }
  | { type: 'focus'; pane: PaneId }
  | { type: 'select-next' }
  | { type: 'select-prev' }
  | { type: 'select-first' }
  | { type: 'select-last' }
  | { type: 'page-down' }
  | { type: 'page-up' }
  | { type: 'filter-start' }
  | { type: 'filter-input'; text: string }
  | { type: 'filter-backspace' }
  | { type: 'filter-commit' }
  | { type: 'filter-cancel' }
  | { type: 'help-toggle' }
  | { type: 'help-close' }
  | { type: 'logs-pause-toggle' }
  | { type: 'logs-follow-selected' }
  | { type: 'logs-clear' }
  // Remediation (issue 3): open the confirmation modal for an action on the focused pane's selection.
  | { type: 'action-open'; action: ActionKind }
  /** Esc or n: close the modal, change nothing */
  | { type: 'modal-cancel' }
  /** y: confirm a low-risk action (destructive production actions need the typed name instead) */
  | { type: 'modal-confirm' }
  /** Enter: press the focused button; focus starts on Cancel, so Enter alone never confirms */
  | { type: 'modal-activate' }
  | { type: 'modal-focus-next' }
  | { type: 'modal-focus-prev' }
  /** text typed into the modal's focused field (replicas, comment, duration, the object's name) */
  | { type: 'modal-input'; text: string }
  | { type: 'modal-backspace' }
  /** show/hide this session's audit journal (the Actions view) */
  | { type: 'actions-view-toggle' }
  /** low-bandwidth mode on or off, live */
  | { type: 'low-bandwidth-toggle' };

export type IntentType = Intent['type'];

import type { AppState } from './types.js';

/** What views get: read the state, subscribe to changes, send intents. Implemented in src/runtime. */
export interface StateStore {
  getState(): AppState;
  subscribe(listener: () => void): () => void;
  dispatch(intent: Intent): void;
}
