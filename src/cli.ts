#!/usr/bin/env -S node --max-semi-space-size=2
// --max-semi-space-size=2 (MB): V8 lets the young generation grow to 32 MB while the console renders ten
// frames a second, and never gives it back; capped, a dashboard on the simulator stays at ~105 MB RSS
// instead of ~160 MB, for the same CPU (measured side by side). V8 reads it only at start, hence the
// shebang (env -S: coreutils >= 8.30, macOS); the tests and the bench read the flags back from this line.
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
