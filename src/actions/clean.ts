// Plans and results carry text from the servers (names, images, error messages): made safe for the
// terminal in one place before the modal or the result line shows any of it.
import { sanitizeLine } from '../text/sanitize.js';
import type { ActionPlan, ActionResult } from '../state/actions.js';

const clean = (text: string, max = 1024): string => sanitizeLine(text, max);

export function cleanPlan(plan: ActionPlan): ActionPlan {
  return {
    ...plan,
    context: clean(plan.context, 256),
    cluster: clean(plan.cluster, 256),
    namespace: plan.namespace === null ? null : clean(plan.namespace, 253),
    title: clean(plan.title, 512),
    changes: plan.changes.map((c) => clean(c)),
    diff: plan.diff.map((d) => ({ label: clean(d.label, 256), before: clean(d.before), after: clean(d.after) })),
    preview: plan.preview.map((p) => clean(p)),
    dryRun: plan.dryRun && { ...plan.dryRun, message: clean(plan.dryRun.message) },
    // confirmText is compared with what the user types, character for character: not rewritten
    confirmText: plan.confirmText,
    permission: { allowed: plan.permission.allowed, reason: clean(plan.permission.reason, 512) },
  };
}

export const cleanResult = (r: ActionResult): ActionResult => ({ ok: r.ok, message: clean(r.message), details: r.details.map((d) => clean(d)) });
