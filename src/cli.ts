#!/usr/bin/env node
import { main } from './cli/main.js';

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
