// Who is logging errors right now, from Loki: the runbook's `{job="claude-tui"} |= "ERROR"` asked of every
// job at once. The Logs pane follows one workload live; this tells the on-call which one to follow.
// Loki HTTP API: GET /loki/api/v1/query_range, streams result (https://grafana.com/docs/loki/latest/reference/loki-http-api/).
import { z } from 'zod';
import type { LogErrorSummary, SourceState } from '../state/types.js';
import { sanitizeLine } from '../text/sanitize.js';
import { getJson, joinUrl } from './http.js';
import { detectLevel } from './log-level.js';
import { createPoller, type Poller } from './poller.js';

const streams = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('streams'),
    result: z.array(z.object({ stream: z.record(z.string(), z.string()), values: z.array(z.tuple([z.string(), z.string()])) })),
  }),
});

export interface LokiErrorSpec {
  /** LogQL selecting candidate error lines; each line's level is then checked, so a loose filter is fine */
  query: string;
  windowSeconds: number;
  limit: number;
}

export const DEFAULT_LOKI_ERRORS: LokiErrorSpec = {
  query: '{job=~".+"} |~ "(?i)(error|fatal|panic)"',
  windowSeconds: 300,
  limit: 2000,
};

export async function fetchErrorSummary(baseUrl: string, spec: LokiErrorSpec, signal: AbortSignal, timeoutMs: number, nowMs: number): Promise<LogErrorSummary> {
  const endNs = BigInt(nowMs) * 1_000_000n;
  const startNs = endNs - BigInt(spec.windowSeconds) * 1_000_000_000n;
  const body = await getJson(joinUrl(baseUrl, '/loki/api/v1/query_range'), {
    signal,
    timeoutMs,
    params: { query: spec.query, start: startNs.toString(), end: endNs.toString(), limit: spec.limit, direction: 'backward' },
  });
  const parsed = streams.parse(body);
  const byJob = new Map<string, { job: string; count: number; lastLine: string; lastNs: bigint }>();
  let lines = 0;
  let total = 0;
  for (const s of parsed.data.result) {
    const job = sanitizeLine(s.stream.job ?? s.stream.app ?? s.stream.container ?? 'unknown', 80);
    for (const [ns, line] of s.values) {
      lines++;
      if (detectLevel(line) !== 'error') continue;
      total++;
      const entry = byJob.get(job) ?? { job, count: 0, lastLine: '', lastNs: -1n };
      entry.count++;
      const at = BigInt(ns);
      if (at > entry.lastNs) Object.assign(entry, { lastNs: at, lastLine: sanitizeLine(line, 400) });
      byJob.set(job, entry);
    }
  }
  return {
    windowSeconds: spec.windowSeconds,
    total,
    byJob: [...byJob.values()].sort((a, b) => b.count - a.count || a.job.localeCompare(b.job)).map(({ job, count, lastLine }) => ({ job, count, lastLine })),
    truncated: lines >= spec.limit,
  };
}

export function createLokiErrorSource(
  baseUrl: string,
  spec: LokiErrorSpec,
  timing: { intervalMs: number; timeoutMs: number },
  onState: (s: SourceState<LogErrorSummary>) => void,
  now: () => number = Date.now,
): Poller<LogErrorSummary> {
  return createPoller({
    name: 'loki',
    ...timing,
    fetch: (signal) => fetchErrorSummary(baseUrl, spec, signal, timing.timeoutMs, now()),
    onState,
    now,
  });
}
