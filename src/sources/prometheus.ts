// Prometheus HTTP API client (GET /api/v1/query and /api/v1/query_range), validating the envelope
// documented at https://prometheus.io/docs/prometheus/latest/querying/api/ .
import { isAxiosError } from 'axios';
import { z } from 'zod';
import { getJson, joinUrl } from './http.js';

// Sample values are strings so that "NaN", "+Inf" and "-Inf" survive JSON.
const sampleValue = z.tuple([z.number(), z.string()]);
const metric = z.record(z.string(), z.string());

const vectorData = z.object({
  resultType: z.literal('vector'),
  result: z.array(z.object({ metric, value: sampleValue })),
});
const scalarData = z.object({ resultType: z.literal('scalar'), result: sampleValue });
const matrixData = z.object({
  resultType: z.literal('matrix'),
  result: z.array(z.object({ metric, values: z.array(sampleValue) })),
});
const stringData = z.object({ resultType: z.literal('string'), result: sampleValue });
const queryData = z.discriminatedUnion('resultType', [vectorData, scalarData, matrixData, stringData]);

const envelope = z.object({
  status: z.enum(['success', 'error']),
  data: z.unknown().optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
  warnings: z.array(z.string()).optional(),
});

export class PrometheusError extends Error {}

export function parseSampleValue(text: string): number {
  switch (text) {
    case '+Inf':
    case 'Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
    case 'NaN':
      return NaN;
    default: {
      const n = Number(text);
      return text.trim() === '' ? NaN : n;
    }
  }
}

export interface Series {
  metric: Record<string, string>;
  /** [unix seconds, value] with NaN/±Inf parsed */
  points: [number, number][];
}

export interface PrometheusClient {
  /** Instant query: one series per vector element (a scalar becomes one series without labels). */
  query(expr: string, signal: AbortSignal, time?: number): Promise<Series[]>;
  queryRange(expr: string, range: { start: number; end: number; step: number }, signal: AbortSignal): Promise<Series[]>;
}

function unwrap(body: unknown): z.infer<typeof queryData> {
  const env = envelope.parse(body);
  if (env.status === 'error') throw new PrometheusError(`${env.errorType ?? 'error'}: ${env.error ?? 'query failed'}`);
  return queryData.parse(env.data);
}

function toSeries(data: z.infer<typeof queryData>): Series[] {
  switch (data.resultType) {
    case 'vector':
      return data.result.map((r) => ({ metric: r.metric, points: [[r.value[0], parseSampleValue(r.value[1])]] }));
    case 'scalar':
    case 'string':
      return [{ metric: {}, points: [[data.result[0], parseSampleValue(data.result[1])]] }];
    case 'matrix':
      return data.result.map((r) => ({ metric: r.metric, points: r.values.map(([t, v]) => [t, parseSampleValue(v)]) }));
  }
}

/** Prometheus answers 400/422/503 with the same envelope; surface its errorType/error rather than just the code. */
async function call(url: string, params: Record<string, string | number>, signal: AbortSignal, timeoutMs: number) {
  try {
    return unwrap(await getJson(url, { signal, timeoutMs, params }));
  } catch (err) {
    if (isAxiosError(err) && err.response) {
      const parsed = envelope.safeParse(err.response.data);
      if (parsed.success && parsed.data.status === 'error') {
        throw new PrometheusError(
          `HTTP ${err.response.status} ${parsed.data.errorType ?? 'error'}: ${parsed.data.error ?? 'query failed'}`,
        );
      }
    }
    throw err;
  }
}

export function createPrometheusClient(baseUrl: string, timeoutMs: number): PrometheusClient {
  return {
    async query(expr, signal, time) {
      const params: Record<string, string | number> = { query: expr };
      if (time !== undefined) params.time = time;
      return toSeries(await call(joinUrl(baseUrl, '/api/v1/query'), params, signal, timeoutMs));
    },
    async queryRange(expr, range, signal) {
      const params = { query: expr, start: range.start, end: range.end, step: range.step };
      return toSeries(await call(joinUrl(baseUrl, '/api/v1/query_range'), params, signal, timeoutMs));
    },
  };
}

/** The single value of an aggregated instant query, or null when there is no sample or it is not a number. */
export function firstValue(series: Series[]): number | null {
  const value = series[0]?.points[0]?.[1];
  return value === undefined || Number.isNaN(value) ? null : value;
}
