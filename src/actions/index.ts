// The remediation actions: createExecutor is what the runtime uses; the types are the modal's contract.
export { createExecutor, type ExecutorDeps } from './executor.js';
export { READ_ONLY_REASON } from './permission-check.js';
export { createJournal, type Journal, type JournalFs } from './journal.js';
export * from '../state/actions.js';
