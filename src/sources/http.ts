// JSON over HTTP for the polled backends: one place that sets timeouts, cancellation and proxy rules.
import axios, { type AxiosRequestConfig } from 'axios';

export interface RequestOptions {
  signal: AbortSignal;
  timeoutMs: number;
  params?: Record<string, string | number | boolean>;
}

/** base "http://h:9090/prometheus/" + "/api/v1/query" -> "http://h:9090/prometheus/api/v1/query" */
export const joinUrl = (base: string, path: string): string => `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function config(url: string, opts: RequestOptions): AxiosRequestConfig {
  const host = (() => {
    try {
      return new URL(url).hostname;
    } catch {
      return '';
    }
  })();
  return {
    signal: opts.signal,
    timeout: opts.timeoutMs,
    params: opts.params,
    responseType: 'json',
    maxContentLength: 64 * 1024 * 1024,
    // an HTTP(S)_PROXY meant for the outside world must not swallow a port-forward on loopback
    ...(LOOPBACK.has(host) ? { proxy: false as const } : {}),
    headers: { Accept: 'application/json' },
  };
}

export async function getJson(url: string, opts: RequestOptions): Promise<unknown> {
  const res = await axios.get<unknown>(url, config(url, opts));
  return res.data;
}

export async function postJson(url: string, body: unknown, opts: RequestOptions): Promise<unknown> {
  const res = await axios.post<unknown>(url, body, config(url, opts));
  return res.data;
}
