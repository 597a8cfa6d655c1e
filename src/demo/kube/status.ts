// metav1.Status errors, the way the apiserver reports failures (clients read reason/code/message).
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http.js';

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  500: 'InternalError',
};

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: { reason?: string; message: string; field?: string }[];
}

export class KubeError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly details?: StatusDetails,
    readonly reason: string = REASONS[code] ?? 'Unknown',
  ) {
    super(message);
  }
}

export function statusObject(code: number, reason: string, message: string, details?: StatusDetails): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

export function sendStatus(res: ServerResponse, err: KubeError): void {
  sendJson(res, err.code, statusObject(err.code, err.reason, err.message, err.details));
}

export function notFound(resource: string, name: string, group = ''): KubeError {
  const what = group ? `${resource}.${group}` : resource;
  return new KubeError(404, `${what} "${name}" not found`, { name, ...(group ? { group } : {}), kind: resource });
}

export function invalid(kind: string, name: string, field: string, message: string, group = ''): KubeError {
  return new KubeError(422, `${kind}${group ? `.${group}` : ''} "${name}" is invalid: ${field}: ${message}`, {
    name,
    ...(group ? { group } : {}),
    kind,
    causes: [{ reason: 'FieldValueInvalid', message, field }],
  });
}
