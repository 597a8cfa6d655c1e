// Everything a view (through a keymap) can ask for. Views send these; src/runtime decides what they do.
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
  | { type: 'logs-clear' };

export type IntentType = Intent['type'];

import type { AppState } from './types.js';

/** What views get: read the state, subscribe to changes, send intents. Implemented in src/runtime. */
export interface StateStore {
  getState(): AppState;
  subscribe(listener: () => void): () => void;
  dispatch(intent: Intent): void;
}
