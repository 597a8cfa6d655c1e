// The remediation actions' contract: what the executor (src/actions) offers the runtime, and what the
// confirmation modal shows. It lives with the state because views render it; a view only ever sees
// ActionPlan/ActionResult and never imports src/actions.

export const ACTION_KINDS = [
  'pod-delete',
  'rollout-restart',
  'rollout-undo',
  'scale',
  'silence-create',
  'silence-expire',
  'leader-transfer',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export type ActionTarget =
  | { kind: 'pod'; namespace: string; name: string }
  | { kind: 'deployment'; namespace: string; name: string }
  /** silence-create: the alert whose labels become the silence's matchers */
  | { kind: 'alert'; alertname: string; labels: Record<string, string> }
  | { kind: 'silence'; id: string }
  /** leader-transfer: the member to become leader */
  | { kind: 'member'; id: string; name: string };

export interface SilenceMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual: boolean;
}

export interface ActionParams {
  /** scale */
  replicas?: number;
  /** pod-delete; default: the pod's terminationGracePeriodSeconds */
  gracePeriodSeconds?: number;
  /** silence-create: default 1h */
  durationMs?: number;
  /** silence-create: required */
  comment?: string;
  /** silence-create: default = the alert's labels as equality matchers */
  matchers?: SilenceMatcher[];
}

/** How long a silence may be: the modal's Confirm and the executor's pre-check keep to the same range. */
export const SILENCE_DURATION_MS = { min: 60_000, max: 365 * 86_400_000 } as const;

/** Silences default to an hour, as amtool does. */
export const DEFAULT_SILENCE_MS = 3_600_000;

export const silenceDurationOk = (ms: number): boolean =>
  Number.isFinite(ms) && ms >= SILENCE_DURATION_MS.min && ms <= SILENCE_DURATION_MS.max;

export interface ActionRequest {
  action: ActionKind;
  target: ActionTarget;
  params: ActionParams;
}

/** Whether the user may run an action: RBAC (SelfSubjectAccessReview), read-only mode, a missing backend. */
export interface Permission {
  allowed: boolean;
  /** why not, in words a person can act on; '' when allowed */
  reason: string;
}

/**
 * The verdict of the check made before asking for confirmation, typed so nobody reads it from its words:
 * - server: the API server ran the write with dryRun=All (admission, validation; nothing persisted);
 *   message is the API's error verbatim when it failed, '' when it passed;
 * - pre-check: our own checks where the backend has no dry run (etcd health, a paused Deployment, a bad
 *   duration); message says what was checked or what failed;
 * - not-sent: no dry run was sent because the user may not make the write; message is the refusal.
 */
export type DryRunVerdict =
  | { kind: 'server'; ok: boolean; message: string }
  | { kind: 'pre-check'; ok: boolean; message: string }
  | { kind: 'not-sent'; ok: false; message: string };

/** The verdict in one line, for the modal and the journal: "server dry run: ok", "dry run not sent: forbidden…". */
export function dryRunLine(v: DryRunVerdict): string {
  switch (v.kind) {
    case 'server':
      return `server dry run: ${v.ok ? 'ok' : v.message}`;
    case 'pre-check':
      return v.message || `pre-check: ${v.ok ? 'ok' : 'failed'}`;
    case 'not-sent':
      return `dry run not sent: ${v.message}`;
  }
}

/** Everything the confirmation modal shows before anything changes. */
export interface ActionPlan {
  request: ActionRequest;
  /** kubeconfig context and cluster, or the backend's URL for Alertmanager/etcd */
  context: string;
  cluster: string;
  namespace: string | null;
  /** e.g. "Delete pod production/claude-tui-7d4f-x2kq9" */
  title: string;
  /** the exact change, one line each: "replicas 3 -> 6", "revision 3 -> 2", "grace period 30s" */
  changes: string[];
  /** before/after of what will change (rollout-undo: images and args per container) */
  diff: { label: string; before: string; after: string }[];
  /** silence-create: the currently firing alerts the silence would match */
  preview: string[];
  /** what was tried before anything changes; null where nothing could be tried */
  dryRun: DryRunVerdict | null;
  risk: 'low' | 'destructive';
  /** the context or namespace matches the production pattern */
  production: boolean;
  /** text the user must type to confirm (destructive + production), else null */
  confirmText: string | null;
  permission: Permission;
}

export interface ActionResult {
  ok: boolean;
  /** success summary, or the API's error message verbatim */
  message: string;
  /** e.g. leader-transfer's pre-check and post-check lines */
  details: string[];
}

/** One JSON line per attempted action in the audit journal. */
export interface JournalEntry {
  time: string;
  user: string;
  context: string;
  namespace: string | null;
  action: ActionKind;
  target: string;
  parameters: ActionParams;
  dryRun: string | null;
  decision: 'confirmed' | 'cancelled' | 'refused';
  result: 'success' | 'error' | null;
  error: string | null;
}

export interface ActionExecutor {
  /** RBAC and read-only check, cached for a short while per (action, namespace, name). */
  permission(action: ActionKind, target: ActionTarget): Promise<Permission>;
  /** Build the plan (reads current state, runs the dry run). Never changes anything. */
  plan(request: ActionRequest): Promise<ActionPlan>;
  /** Run a confirmed plan once; refuses (and journals) when read-only, not permitted or the typed text is wrong. */
  execute(plan: ActionPlan, typed: string): Promise<ActionResult>;
  /** Journal a cancelled plan: nothing changes. */
  cancel(plan: ActionPlan): Promise<void>;
  /** This session's journal entries, oldest first. */
  entries(): JournalEntry[];
}
