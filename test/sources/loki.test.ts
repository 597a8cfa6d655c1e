// The Loki error summary against the simulator's Loki API (same wire protocol as Loki's query_range).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogStore } from '../../src/demo/logs/index.js';
import { DEFAULT_LOKI_ERRORS, fetchErrorSummary } from '../../src/sources/loki.js';
import { serve, type Served } from '../demo/alerts/harness.js';

const NOW = Date.UTC(2026, 10, 22, 20, 0, 0);
const store = createLogStore({ now: () => NOW });
let loki: Served;

function log(job: string, pod: string, secondsAgo: number, line: string) {
  store.append({ tMs: NOW - secondsAgo * 1000, namespace: 'production', pod, container: job, labels: { app: job, job, namespace: 'production', pod, container: job }, line });
}

beforeAll(async () => {
  for (let i = 0; i < 12; i++) log('claude-tui', 'claude-tui-a', 10 + i, `{"level":"error","msg":"upstream timeout \u001b]52;c;ZWNobyBwd25lZA==\u0007"}`);
  for (let i = 0; i < 3; i++) log('hive-mind-coordinator', 'coord-a', 20 + i, 'level=error msg="panic: invalid config"');
  // mentions "error" but is not an error line: must not count
  log('hive-mind-rust', 'rust-a', 5, '2026-11-22T19:59:55Z  INFO hive_mind::api: request completed errors=0');
  // an error, but older than the 5 minute window
  log('postgresql', 'pg-a', 900, '2026-11-22 19:45:00.000 UTC [1] FATAL:  could not open file');
  loki = await serve((req, res, path, url) => store.lokiApi(req, res, path, url));
});
afterAll(() => loki.close());

describe('Loki error summary', () => {
  it('counts error lines per job in the window, worst first, sanitised', async () => {
    const summary = await fetchErrorSummary(loki.url, DEFAULT_LOKI_ERRORS, AbortSignal.timeout(4000), 4000, NOW);
    expect(summary.byJob.map((j) => [j.job, j.count])).toEqual([
      ['claude-tui', 12],
      ['hive-mind-coordinator', 3],
    ]);
    expect(summary.total).toBe(15);
    expect(summary.truncated).toBe(false);
    expect(summary.byJob[0]!.lastLine).not.toMatch(/\u001b|\u0007/);
  });

  it('says its counts are lower bounds when Loki hit the line limit', async () => {
    const summary = await fetchErrorSummary(loki.url, { ...DEFAULT_LOKI_ERRORS, limit: 5 }, AbortSignal.timeout(4000), 4000, NOW);
    expect(summary.truncated).toBe(true);
  });

  it('surfaces a bad query as an error instead of an empty summary', async () => {
    await expect(fetchErrorSummary(loki.url, { ...DEFAULT_LOKI_ERRORS, query: '{job=' }, AbortSignal.timeout(4000), 4000, NOW)).rejects.toThrow();
  });
});
