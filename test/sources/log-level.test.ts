// Level colouring depends on reading the level the way each service writes it.
import { describe, expect, it } from 'vitest';
import { detectLevel } from '../../src/sources/log-level.js';

describe('detectLevel', () => {
  it.each([
    ['{"ts":"2026-11-22T20:00:00Z","level":"error","msg":"upstream timeout"}', 'error'],
    ['{"level":30,"msg":"pino info"}', 'info'],
    ['ts=2026-11-22T20:00:00Z level=warn caller=server.go:214 msg="slow request"', 'warn'],
    ['2026-11-22T20:00:00.000Z  INFO hive_mind::api: request completed status=200', 'info'],
    ['E1122 20:00:00.000000       1 controller.go:114] sync failed', 'error'],
    ['2026-11-22 20:00:00.123 UTC [57] LOG:  checkpoint complete: wrote 112 buffers', 'info'],
    ['2026-11-22 20:00:00.123 UTC [1] FATAL:  could not open file "global/pg_control"', 'error'],
    ['2026-11-22 20:00:00.123 UTC [1] WARNING:  there is no transaction in progress', 'warn'],
    ['just some text with no level at all', 'unknown'],
  ])('%s -> %s', (line, level) => {
    expect(detectLevel(line)).toBe(level);
  });
});
