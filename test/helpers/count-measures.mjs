// Preloaded into the shipped bin (node --import) by test/e2e/production-react.test.ts: counts every
// performance.measure() call and, when the process exits, writes the count, the entries Node still holds
// and the heap in use to $HIVE_MEASURE_OUT. React's development build calls measure() on every render.
import { writeFileSync } from 'node:fs';

const out = process.env.HIVE_MEASURE_OUT;
let calls = 0;
const measure = performance.measure.bind(performance);
performance.measure = (...args) => {
  calls += 1;
  return measure(...args);
};
process.on('exit', () => {
  if (!out) return;
  const entries = performance.getEntriesByType('measure').length;
  writeFileSync(out, JSON.stringify({ calls, entries, heapUsed: process.memoryUsage().heapUsed, nodeEnv: process.env.NODE_ENV }));
});
