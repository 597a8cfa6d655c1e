// The message an action's result shows when an API refuses: the server's own words, verbatim (Kubernetes
// Status.message, Alertmanager's error text, etcd's message), made safe for the terminal.
import { isAxiosError } from 'axios';
import { describeError } from '../sources/errors.js';
import { sanitizeLine } from '../text/sanitize.js';

function bodyText(data: unknown): string | null {
  // Alertmanager's handlers answer with a bare JSON string, which axios has already decoded
  if (typeof data === 'string') {
    const text = data.trim();
    return text !== '' && !text.startsWith('<') ? text : null;
  }
  if (data && typeof data === 'object') {
    const obj = data as Record<string, unknown>;
    for (const key of ['message', 'error']) {
      const v = obj[key];
      if (typeof v === 'string' && v.trim() !== '') return v.trim();
    }
  }
  return null;
}

export function apiMessage(err: unknown): string {
  if (isAxiosError(err) && err.response) {
    const text = bodyText(err.response.data);
    const { status, statusText } = err.response;
    return sanitizeLine(text ?? `HTTP ${status}${statusText ? ` ${statusText}` : ''}`, 1000);
  }
  return sanitizeLine(describeError(err), 1000);
}

/** The HTTP status of a failed call, when the server answered. */
export const httpStatus = (err: unknown): number | null => (isAxiosError(err) && err.response ? err.response.status : null);
