// The status line's short answer to a key ("logs paused", why an action is refused). It carries its own
// expiry, set from the state's clock when it is shown, so expiring it is a pure step of the clock tick.
import type { AppState } from '../state/types.js';

/** How long a flash stays up. */
export const FLASH_MS = 3000;

export function showFlash(state: AppState, text: string): AppState {
  return { ...state, ui: { ...state.ui, flash: { text, expiresAt: state.now + FLASH_MS } } };
}

/** The clock moved to `now`: the state at that time, without a flash that has had its time. */
export function tickTo(state: AppState, now: number): AppState {
  const expired = state.ui.flash !== null && now >= state.ui.flash.expiresAt;
  return { ...state, now, ui: expired ? { ...state.ui, flash: null } : state.ui };
}
