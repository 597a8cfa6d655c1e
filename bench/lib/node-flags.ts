// The node options the shipped bin's shebang asks for (`#!/usr/bin/env -S node FLAGS`). The bench and the
// pty tests start the bin with process.execPath, not through the shebang, so they read the flags from it:
// what they measure runs with what a user's `hive-oncall` runs with.
import { closeSync, openSync, readSync } from 'node:fs';

export function shebangNodeArgs(bin: string): string[] {
  const buf = Buffer.alloc(200);
  const fd = openSync(bin, 'r');
  try {
    readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  const first = buf.toString('utf8').split('\n')[0] ?? '';
  const m = /^#!\S*env(?: -S)? node(.*)$/.exec(first);
  return m ? m[1]!.trim().split(/\s+/).filter(Boolean) : [];
}
