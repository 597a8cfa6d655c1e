import type { AppState } from '../../src/state/types.js';
import type { Keymap } from '../../keymaps/types.js';

/** What every pane gets from the layout. */
export interface PaneViewProps {
  state: AppState;
  width: number;
  height: number;
  focused: boolean;
  /** wide terminal (>= 200x60): extra columns and detail */
  rich: boolean;
  /** for the focused pane's action key hints; default: the default keymap */
  keymap?: Keymap;
}
