import { useInput, type Key } from 'ink';
import { useCallback, useRef } from 'react';
import type { Keymap } from '../../keymaps/types.js';
import type { StateStore } from '../../src/state/intents.js';
import { matchBinding, matchContextOf } from '../../src/input/match.js';
import { normaliseKey } from '../../src/input/normalise.js';

/** Keys to intents: the only input handler of the app. */
export function useKeymap(store: StateStore, keymap: Keymap, isActive: boolean): void {
  // Read the latest state at key time, not render time, so two fast keys see each other's effect.
  const storeRef = useRef(store);
  storeRef.current = store;
  const handler = useCallback(
    (input: string, key: Key) => {
      const s = storeRef.current;
      const intent = matchBinding(keymap, normaliseKey(input, key), matchContextOf(s.getState().ui));
      if (intent) s.dispatch(intent);
    },
    [keymap],
  );
  useInput(handler, { isActive });
}
