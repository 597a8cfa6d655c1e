// The audit journal's line for one decision on a plan: who, where, what, with which parameters, what the
// dry run said, and how it ended.
import { targetLabel } from './target.js';
import { dryRunLine, type ActionPlan, type ActionResult, type JournalEntry } from '../state/actions.js';

/** result: null for a cancelled plan (nothing ran) */
export function journalEntry(plan: ActionPlan, decision: JournalEntry['decision'], result: ActionResult | null, who: { user: string; time: number }): JournalEntry {
  const dry = plan.dryRun;
  return {
    time: new Date(who.time).toISOString(),
    user: who.user,
    context: plan.context,
    namespace: plan.namespace,
    action: plan.request.action,
    target: targetLabel(plan.request.target),
    // a copy: the record must not change when someone edits the plan's params afterwards
    parameters: { ...plan.request.params },
    dryRun: dry ? (dry.ok ? dryRunLine(dry) : `failed: ${dryRunLine(dry)}`) : null,
    decision,
    result: result === null ? null : result.ok ? 'success' : 'error',
    error: result === null || result.ok ? null : result.message,
  };
}
