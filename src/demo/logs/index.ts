// Pod logs for the simulator: bounded per-pod rings behind the LogStore contract and the Loki HTTP API.
export { createLogStore, type LogStoreOptions, type LogStoreWithScan } from './store.js';
export { parseLogQL, LogQLParseError, type LogQuery as LogQLQuery } from './logql.js';
