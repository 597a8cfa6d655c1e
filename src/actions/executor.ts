// The one place actions run, composed of its parts: the backends, the permission check (read-only, RBAC,
// backend configured), the planner (drafts with their dry runs), the runner (confirmation, one execution
// per plan) and the audit journal line for every attempt.
import type { HiveConfig } from '../config/config.js';
import { createBackends, type BackendDeps } from './backends.js';
import { createJournal } from './journal.js';
import { journalEntry } from './journal-entry.js';
import { createPermissionCheck } from './permission-check.js';
import { createPlanner } from './planner.js';
import { prepareDraft } from './prepare.js';
import { productionMatcher } from './production.js';
import { createRunner } from './runner.js';
import type { ActionExecutor } from '../state/actions.js';

export interface ExecutorDeps extends BackendDeps {
  now?: () => number;
  /** default: config.audit.path */
  journalPath?: string;
}

export function createExecutor(config: HiveConfig, deps: ExecutorDeps = {}): ActionExecutor {
  const now = deps.now ?? Date.now;
  const journal = createJournal(deps.journalPath ?? config.audit.path);
  const backends = createBackends(config, deps);
  const permission = createPermissionCheck({ readOnly: config.readOnly, backends, now });
  const planner = createPlanner({
    permission,
    backends,
    prepare: (request, opts) => prepareDraft(backends, request, opts),
    production: productionMatcher(config.production.pattern),
    now,
  });
  const runner = createRunner({
    readOnly: config.readOnly,
    permission,
    planner,
    record: (plan, decision, result) => journal.append(journalEntry(plan, decision, result, { user: config.user, time: now() })),
  });
  return {
    permission,
    plan: planner.plan,
    execute: runner.execute,
    cancel: runner.cancel,
    entries: () => journal.entries(),
  };
}
