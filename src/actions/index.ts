// The remediation actions: createExecutor is what the runtime uses; the types are the modal's contract.
export { createExecutor, READ_ONLY_REASON, type ExecutorDeps } from './executor.js';
export { createJournal, type Journal } from './journal.js';
export * from '../state/actions.js';
