import { useSyncExternalStore } from 'react';
import type { AppState } from '../../src/state/types.js';
import type { StateStore } from '../../src/state/intents.js';

/** The store's current state; re-renders on every change the store announces. */
export function useStoreState(store: StateStore): AppState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
