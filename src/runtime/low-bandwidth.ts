// Low-bandwidth mode, for an SSH link that is struggling: the state side of it. The Logs pane freezes
// (it would redraw on every line) and counts what arrives until the user asks; the controller slows the
// store's background updates and the views drop animation. Turning it off resumes the logs.
import type { AppState } from '../state/types.js';
import { showFlash } from './flash.js';

/** Background updates reach the screen at most this often in low-bandwidth mode (normal: 100 ms). */
export const LOW_BANDWIDTH_FRAME_MS = 1000;
export const NORMAL_FRAME_MS = 100;

export const frameIntervalMs = (state: AppState): number => (state.ui.lowBandwidth ? LOW_BANDWIDTH_FRAME_MS : NORMAL_FRAME_MS);

export function setLowBandwidth(state: AppState, on: boolean, flash = true): AppState {
  if (state.ui.lowBandwidth === on) return state;
  const ui = state.ui;
  const logsFrozen = on ? (ui.logsFrozen ?? state.logs.data?.lines ?? []) : null;
  const next: AppState = { ...state, ui: { ...ui, lowBandwidth: on, logsFrozen, terminalBehind: on ? false : ui.terminalBehind } };
  if (!flash) return next;
  return showFlash(next, on ? 'low-bandwidth on: 1 frame/s, logs paused (p shows them)' : 'low-bandwidth off');
}
