// The server-side dry run (dryRun=All) every Kubernetes write gets before the modal asks for confirmation:
// the API server runs admission and validation and persists nothing.
import { apiMessage } from './api-error.js';
import type { ActionPlan } from '../state/actions.js';

export async function serverDryRun(enabled: boolean, send: () => Promise<unknown>): Promise<ActionPlan['dryRun']> {
  if (!enabled) return null;
  try {
    await send();
    return { kind: 'server', ok: true, message: '' };
  } catch (err) {
    return { kind: 'server', ok: false, message: apiMessage(err) };
  }
}

export const podPath = (ns: string, name: string): string => `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(name)}`;
export const deploymentPath = (ns: string, name: string): string =>
  `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}/deployments/${encodeURIComponent(name)}`;

export const STRATEGIC_MERGE = 'application/strategic-merge-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';
export const JSON_PATCH = 'application/json-patch+json';
