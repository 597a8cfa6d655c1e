// Preloaded into the bin by test/e2e/terminal.test.ts: an uncaught error a few seconds in, as a bug
// deep in a library would throw, to check the terminal is handed back even then.
setTimeout(() => {
  throw new Error('boom from a test preload');
}, Number(process.env.CRASH_AFTER_MS ?? 3000)).unref();
