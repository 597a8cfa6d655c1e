// The logs source's public face; its parts live in src/sources/logs/ (target resolver, one follower per
// container, line splitter, replay filter), composed in logs/logs-source.ts.
export { createLogsSource, type LogsSource, type LogsSourceOptions } from './logs/logs-source.js';
