// Turns whatever a backend call threw into one short, safe line for the pane's status ("prometheus: HTTP 503
// Service Unavailable: ...", "prometheus: connect ECONNREFUSED 127.0.0.1:9090"), never a stack trace.
import { isAxiosError } from 'axios';
import { ZodError } from 'zod';
import { sanitizeLine } from '../text/sanitize.js';

/** Thrown when a backend answered but only part of what was asked could be used. */
export class PartialFailure<T> extends Error {
  constructor(
    readonly data: T,
    message: string,
  ) {
    super(message);
  }
}

/** The request was cut off by our own timeout. */
export class TimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${formatSeconds(timeoutMs)}`);
  }
}

const formatSeconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`);

/** Pull a human message out of an error body: Prometheus {error}, Kubernetes Status {message}, or short text. */
function bodyMessage(data: unknown): string | null {
  if (typeof data === 'string') {
    const text = data.trim().split('\n')[0] ?? '';
    return text && !text.startsWith('<') ? text : null;
  }
  if (data && typeof data === 'object') {
    const obj = data as Record<string, unknown>;
    const parts = [obj.errorType, obj.error ?? obj.message].filter((v): v is string => typeof v === 'string' && v !== '');
    if (parts.length > 0) return parts.join(': ');
  }
  return null;
}

function networkMessage(err: { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown }): string {
  // Node 20 tries every address of "localhost" and throws an AggregateError whose own message is empty.
  if (Array.isArray(err.errors) && err.errors.length > 0) return networkMessage(err.errors[0] as typeof err);
  const message = typeof err.message === 'string' ? err.message : '';
  if (message) return message;
  if (err.cause && typeof err.cause === 'object') return networkMessage(err.cause as typeof err);
  return typeof err.code === 'string' ? err.code : 'request failed';
}

export function describeError(err: unknown): string {
  if (err instanceof TimeoutError) return err.message;
  if (isAxiosError(err)) {
    if (err.response) {
      const { status, statusText } = err.response;
      const detail = bodyMessage(err.response.data);
      return `HTTP ${status}${statusText ? ` ${statusText}` : ''}${detail ? `: ${detail}` : ''}`;
    }
    if (err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT') return 'timed out';
    return networkMessage(err as unknown as Parameters<typeof networkMessage>[0]);
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const path = issue?.path.length ? issue.path.join('.') : 'body';
    return `unexpected response: ${path}: ${issue?.message ?? 'invalid'}`;
  }
  if (err && typeof err === 'object') {
    const e = err as { statusCode?: unknown; code?: unknown; body?: unknown; message?: unknown };
    // @kubernetes/client-node ApiException / Watch errors carry the HTTP status
    const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.code === 'number' ? e.code : null;
    if (status !== null) {
      let detail = bodyMessage(e.body);
      if (!detail && typeof e.body === 'string') {
        try {
          detail = bodyMessage(JSON.parse(e.body));
        } catch {
          detail = null;
        }
      }
      return `HTTP ${status}${detail ? `: ${detail}` : ''}`;
    }
    return networkMessage(e);
  }
  return String(err);
}

/** "<source>: <problem>", sanitised and kept to one short line. */
export function errorLine(source: string, err: unknown): string {
  return sanitizeLine(`${source}: ${describeError(err)}`, 240);
}
