#!/usr/bin/env node
// The shipped bin runs production React, whatever NODE_ENV the user has. React's development reconciler
// records a performance.measure() entry (with a props diff) for every component render and Node keeps
// them all: a wall screen grew by ~100 MB a minute and ran out of heap. React picks its build when it is
// first loaded, so this must be set before anything imports it: hence the dynamic import below.
// (written as an assignment esbuild's define leaves alone: the bundle has production compiled in already)
Object.assign(process.env, { NODE_ENV: 'production' });

const { main } = await import('./cli/main.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // open handles (a half-closed socket, a stray timer) must not keep a finished command alive
    setTimeout(() => process.exit(code), 200).unref();
  },
  (err: unknown) => {
    process.stderr.write(`hive-oncall: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
