// Low-bandwidth mode, for an SSH link that is struggling: the state side of it. The Logs pane freezes
// (it would redraw on every line) and counts what arrives until the user asks; the controller slows the
// store's background updates and the views drop animation. Turning it off resumes the logs. The pace of
// background frames in normal mode lives here too (frameIntervalMs).
import type { AppState } from '../state/types.js';
import { showFlash } from './flash.js';

/** Background updates reach the screen at most this often in low-bandwidth mode. */
export const LOW_BANDWIDTH_FRAME_MS = 1000;
/** ...and in normal mode while someone is at the keyboard: 10 frames a second */
export const ACTIVE_FRAME_MS = 100;
/**
 * ...and once nobody has pressed a key for IDLE_AFTER_MS: a screen nobody touches (a wall, a tmux window
 * left open) gets its log lines, polls and clock in one frame a second instead of one frame each, which
 * is most of what an idle console costs in CPU. A key brings the fast pace back at once.
 */
export const IDLE_FRAME_MS = 1000;
export const IDLE_AFTER_MS = 10_000;

export function frameIntervalMs(state: AppState, sinceKeyMs = 0): number {
  if (state.ui.lowBandwidth || state.meta.wall) return LOW_BANDWIDTH_FRAME_MS;
  return sinceKeyMs < IDLE_AFTER_MS ? ACTIVE_FRAME_MS : IDLE_FRAME_MS;
}

export function setLowBandwidth(state: AppState, on: boolean, flash = true): AppState {
  if (state.ui.lowBandwidth === on) return state;
  const ui = state.ui;
  const logsFrozen = on ? (ui.logsFrozen ?? state.logs.data?.lines ?? []) : null;
  const next: AppState = { ...state, ui: { ...ui, lowBandwidth: on, logsFrozen, terminalBehind: on ? false : ui.terminalBehind } };
  if (!flash) return next;
  return showFlash(next, on ? 'low-bandwidth on: 1 frame/s, logs paused (p shows them)' : 'low-bandwidth off');
}

/**
 * In low-bandwidth mode the Logs pane starts frozen before any line has come: its first lines fill it
 * (a screenful to read), and only what follows waits for `p`.
 */
export function fillFrozenLogs(state: AppState): AppState {
  const lines = state.logs.data?.lines;
  if (!state.ui.lowBandwidth || state.ui.logsFrozen?.length !== 0 || !lines?.length) return state;
  return { ...state, ui: { ...state.ui, logsFrozen: lines } };
}
