// A prepared action: what the modal shows plus how to carry it out. Each action module turns a request
// into a Draft; the executor adds permission, production and confirmation on top and owns the journal.
import type { ActionParams, ActionPlan, ActionRequest, ActionResult } from '../state/actions.js';

export interface Draft {
  context: string;
  cluster: string;
  changes: string[];
  diff: ActionPlan['diff'];
  preview: string[];
  dryRun: ActionPlan['dryRun'];
  risk: ActionPlan['risk'];
  /** the request's params with the defaults filled in, so the modal shows (and the journal records) them */
  params: ActionParams;
  /** the request as confirmed (the modal may have edited its params): why it cannot run, or null */
  validate(req: ActionRequest): string | null;
  apply(req: ActionRequest): Promise<ActionResult>;
}

export interface PrepareOptions {
  /** false when the user may not run the action: no dry run is sent for a refused write */
  dryRun: boolean;
  now: () => number;
}

export const ok = (message: string, details: string[] = []): ActionResult => ({ ok: true, message, details });
export const fail = (message: string, details: string[] = []): ActionResult => ({ ok: false, message, details });

/** A draft that can only be shown, never run: the target is missing, the backend refused to answer... */
export function blockedDraft(base: { context: string; cluster: string; risk: ActionPlan['risk'] }, params: ActionParams, message: string): Draft {
  return {
    ...base,
    changes: [],
    diff: [],
    preview: [],
    dryRun: { kind: 'pre-check', ok: false, message },
    params,
    validate: () => message,
    apply: async () => fail(message),
  };
}
