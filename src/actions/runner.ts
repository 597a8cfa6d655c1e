// Carrying out a confirmed plan, once: the checks are made again here and not only in the UI (read-only,
// permission, the typed name, the dry run, the params as confirmed), every refusal and every run leaves a
// journal line, and a repeated confirm gets the first run's result instead of a second write.
import { sanitizeLine } from '../text/sanitize.js';
import { apiMessage } from './api-error.js';
import { cleanResult } from './clean.js';
import { fail } from './draft.js';
import { READ_ONLY_REASON, type PermissionCheck } from './permission-check.js';
import type { Planner } from './planner.js';
import type { ActionPlan, ActionResult, JournalEntry } from '../state/actions.js';

/** Journal one decision; returns why the line could not be written, or null. */
export type RecordDecision = (plan: ActionPlan, decision: JournalEntry['decision'], result: ActionResult | null) => string | null;

export interface RunnerDeps {
  readOnly: boolean;
  permission: PermissionCheck;
  planner: Planner;
  record: RecordDecision;
}

export interface Runner {
  execute(plan: ActionPlan, typed: string): Promise<ActionResult>;
  cancel(plan: ActionPlan): Promise<void>;
}

/** A result that could not be journaled says so: the user must know the audit trail has a gap. */
export const withJournalError = (result: ActionResult, journalError: string | null): ActionResult =>
  journalError ? { ...result, message: `${result.message} (audit journal not written: ${sanitizeLine(journalError, 512)})` } : result;

export function createRunner(deps: RunnerDeps): Runner {
  /** the one run of each plan: a repeated confirm gets the same result instead of a second write */
  const runs = new WeakMap<ActionPlan, Promise<ActionResult>>();
  const cancelled = new WeakSet<ActionPlan>();

  const refuse = (p: ActionPlan, message: string): ActionResult => {
    const result = cleanResult(fail(message));
    return withJournalError(result, deps.record(p, 'refused', result));
  };

  async function run(given: ActionPlan, typed: string): Promise<ActionResult> {
    // checked here and not only in the UI: a read-only session never writes
    if (deps.readOnly) return refuse(given, `${READ_ONLY_REASON}: nothing was changed`);
    // a plan this executor did not make (or a copy of one) is planned afresh: its checks are ours, not the caller's
    let p = given;
    let draft = deps.planner.draftOf(given);
    if (!draft) {
      p = await deps.planner.plan(given.request);
      draft = deps.planner.draftOf(p)!;
    }
    const permission = await deps.permission(p.request.action, p.request.target);
    if (!permission.allowed) return refuse(p, permission.reason);
    if (p.confirmText !== null && typed !== p.confirmText) {
      return refuse(p, `not confirmed: type "${p.confirmText}" exactly to ${p.risk === 'destructive' ? 'run this destructive action' : 'confirm'}`);
    }
    if (p.dryRun && !p.dryRun.ok) return refuse(p, `not run: ${p.dryRun.message}`);
    const invalid = draft.validate(p.request);
    if (invalid) return refuse(p, invalid);
    let result: ActionResult;
    try {
      result = cleanResult(await draft.apply(p.request));
    } catch (err) {
      result = cleanResult(fail(apiMessage(err)));
    }
    return withJournalError(result, deps.record(p, 'confirmed', result));
  }

  return {
    execute(p, typed) {
      const existing = runs.get(p);
      if (existing) return existing;
      const running = run(p, typed);
      runs.set(p, running);
      return running;
    },
    async cancel(p) {
      // Esc on the result of an executed plan closes the modal; it is not a second decision
      if (runs.has(p) || cancelled.has(p)) return;
      cancelled.add(p);
      deps.record(p, 'cancelled', null);
    },
  };
}
