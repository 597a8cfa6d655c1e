import { useInput, type Key } from 'ink';
import { useCallback, useRef } from 'react';
import type { Keymap } from '../../keymaps/types.js';
import type { StateStore } from '../../src/state/intents.js';
import type { AppState } from '../../src/state/types.js';
import { dispatchInput } from '../../src/input/dispatch.js';
import { matchContextOf } from '../../src/input/match.js';
import { overlayFlags } from '../../src/runtime/modal.js';

/** The matcher's view of the state: the confirmation modal and the Actions view decide which keys are live. */
const contextOf = (state: AppState) => matchContextOf(state.ui, overlayFlags(state.ui));

/** Keys to intents: the only input handler of the app. */
export function useKeymap(store: StateStore, keymap: Keymap, isActive: boolean): void {
  // Read the latest state at key time, not render time, so two fast keys see each other's effect.
  const storeRef = useRef(store);
  storeRef.current = store;
  const handler = useCallback((input: string, key: Key) => dispatchInput(keymap, input, key, storeRef.current, contextOf), [keymap]);
  useInput(handler, { isActive });
}
