// What every source is to the runtime: something to start and stop that says, before its first answer,
// what its pane shows. A backend the config leaves out and a kubeconfig that cannot be loaded are sources
// too, so the runtime never decides again which backends exist.
import type { SourceState } from '../state/types.js';

export interface Source<T = unknown> {
  start(): void;
  stop(): void;
  /** the state its pane shows before the first answer: loading, or "not configured", or why it cannot run */
  initialState(): SourceState<T>;
}

/**
 * A backend the config leaves out is a choice, shown muted as "not configured" (no data, no error, not
 * loading), never as a red failure on every refresh; it is never retried.
 */
export function unconfiguredSource<T>(): Source<T> {
  return { start() {}, stop() {}, initialState: () => ({ data: null, error: null, updatedAt: null, loading: false }) };
}

/** A backend that cannot even start (e.g. no kubeconfig): its pane shows why, and nothing is retried. */
export function failedSource<T>(error: string): Source<T> {
  return { start() {}, stop() {}, initialState: () => ({ data: null, error, updatedAt: null, loading: false }) };
}
