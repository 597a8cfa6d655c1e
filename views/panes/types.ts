import type { AppState } from '../../src/state/types.js';

/** What every pane gets from the layout. */
export interface PaneViewProps {
  state: AppState;
  width: number;
  height: number;
  focused: boolean;
  /** wide terminal (>= 200x60): extra columns and detail */
  rich: boolean;
}
