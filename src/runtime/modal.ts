// The confirmation modal as a pure state machine: what each modal intent does to ModalState, and which
// side effect (journal a cancel, submit) the controller must then run. Keeping it pure is what lets the
// safety rules (Cancel focused first, Enter alone never confirms, one submit per confirmation) be tested
// without a terminal or an executor.
import { DEFAULT_SILENCE_MS, silenceDurationOk, type ActionParams, type ActionPlan, type DryRunVerdict, type Permission } from '../state/actions.js';
import type { Intent } from '../state/intents.js';
import type { ModalField, ModalFieldName, ModalFocus, ModalState, UiState } from '../state/types.js';
import { formatDuration, parseDuration } from '../lib/duration.js';
import { stripControl } from '../text/control.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { ResolvedAction } from './action-targets.js';

export const MAX_REPLICAS = 1000;

/**
 * Whether printable keys go to the modal as text rather than to bindings: an input field has focus, or
 * the result is shown (any key closes it). The key matcher reads this through matchContextOf(ui).
 */
export function modalTextFocus(ui: Pick<UiState, 'modal'>): boolean {
  const m = ui.modal;
  if (!m) return false;
  if (m.phase === 'done') return true;
  return m.phase === 'ready' && isField(m.focus);
}

/** The overlay flags the key matcher needs (src/input: matchContextOf(ui, overlayFlags(ui))). */
export function overlayFlags(ui: Pick<UiState, 'modal' | 'actionsViewOpen'>): { modalOpen: boolean; modalTextFocus: boolean; actionsOpen: boolean } {
  return { modalOpen: ui.modal !== null, modalTextFocus: modalTextFocus(ui), actionsOpen: ui.actionsViewOpen };
}

export const isField = (f: ModalFocus): f is ModalFieldName => f !== 'cancel' && f !== 'confirm';

/** A silence's duration as typed in the modal: the one duration grammar, in the range the executor accepts. */
export function silenceDuration(text: string): number | null {
  const ms = parseDuration(text);
  return ms !== null && silenceDurationOk(ms) ? ms : null;
}

function initialFields(r: ResolvedAction): ModalField[] {
  switch (r.request.action) {
    case 'scale':
      return [{ name: 'replicas', value: r.currentReplicas === null ? '' : String(r.currentReplicas) }];
    case 'silence-create':
      return [
        { name: 'comment', value: '' },
        { name: 'duration', value: formatDuration(r.request.params.durationMs ?? DEFAULT_SILENCE_MS) },
      ];
    default:
      return [];
  }
}

/** A modal waiting for the executor's permission check and plan. */
export function openModal(id: number, r: ResolvedAction): ModalState {
  return {
    id,
    action: r.request.action,
    request: r.request,
    targetLabel: r.label,
    phase: 'planning',
    plan: null,
    permission: null,
    fields: initialFields(r),
    focus: 'cancel',
    currentReplicas: r.currentReplicas,
    note: null,
    result: null,
  };
}

/** The executor answered: show the plan, the refusal, or why no plan could be made. */
export function modalPlanned(m: ModalState, permission: Permission, plan: ActionPlan | null, failure: string | null): ModalState {
  const refused = !permission.allowed ? permission : plan && !plan.permission.allowed ? plan.permission : null;
  if (refused) return { ...m, phase: 'denied', plan, permission: refused, focus: 'cancel' };
  if (!plan) {
    return { ...m, phase: 'done', permission, result: { ok: false, message: `could not prepare the action: ${failure ?? 'no plan'}`, details: [] } };
  }
  const fields = plan.confirmText !== null && !m.fields.some((f) => f.name === 'confirmText') ? [...m.fields, { name: 'confirmText' as const, value: '' }] : m.fields;
  return { ...m, phase: 'ready', plan, permission, fields, focus: 'cancel' };
}

/**
 * A re-plan (new parameters, new dry run) came back: the modal shows the fresh plan, and says why not when
 * the same rules Confirm follows now refuse it. Returns whether the submit may go on.
 */
export function modalReplanned(m: ModalState, plan: ActionPlan): { modal: ModalState; proceed: boolean } {
  const fresh: ModalState = { ...m, phase: 'ready', plan };
  const blocker = confirmBlocker(fresh);
  if (blocker) return { modal: { ...fresh, note: `${confirmBlockerText(blocker)}; nothing was submitted` }, proceed: false };
  return { modal: { ...m, phase: 'running', plan }, proceed: true };
}

export const fieldValue = (m: ModalState, name: ModalFieldName): string | null => m.fields.find((f) => f.name === name)?.value ?? null;

/** The parameters the fields ask for, on top of what the modal was opened with. */
export function paramsOf(m: ModalState): ActionParams {
  const params: ActionParams = { ...m.request.params };
  const replicas = fieldValue(m, 'replicas');
  if (replicas !== null && /^\d+$/.test(replicas)) params.replicas = Number(replicas);
  const comment = fieldValue(m, 'comment');
  if (comment !== null) params.comment = comment.trim();
  const duration = fieldValue(m, 'duration');
  if (duration !== null) {
    const ms = silenceDuration(duration);
    if (ms !== null) params.durationMs = ms;
  }
  return params;
}

const PARAM_KEYS = ['replicas', 'gracePeriodSeconds', 'durationMs', 'comment'] as const;
/** Parameters that change what the plan (and its dry run) says. Matchers come from the target. */
export function sameParams(a: ActionParams, b: ActionParams): boolean {
  return PARAM_KEYS.every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/** Why Confirm cannot be pressed now, typed: the view words it, the flow re-checks a re-plan with it. */
export type ConfirmBlocker =
  | { kind: 'not-ready' }
  | { kind: 'denied'; reason: string }
  | { kind: 'bad-replicas'; max: number }
  | { kind: 'comment-required' }
  | { kind: 'bad-duration' }
  | { kind: 'type-name'; name: string }
  | { kind: 'dry-run-failed'; check: DryRunVerdict['kind'] };

/** Why Confirm cannot be pressed now, or null when it can. The view dims Confirm and shows it. */
export function confirmBlocker(m: ModalState): ConfirmBlocker | null {
  if (m.phase !== 'ready' || !m.plan) return m.phase === 'denied' ? { kind: 'denied', reason: m.permission?.reason || 'not permitted' } : { kind: 'not-ready' };
  if (!m.plan.permission.allowed) return { kind: 'denied', reason: m.plan.permission.reason || 'not permitted' };
  const replicas = fieldValue(m, 'replicas');
  if (replicas !== null && (!/^\d+$/.test(replicas) || Number(replicas) > MAX_REPLICAS)) return { kind: 'bad-replicas', max: MAX_REPLICAS };
  const comment = fieldValue(m, 'comment');
  if (comment !== null && comment.trim() === '') return { kind: 'comment-required' };
  const duration = fieldValue(m, 'duration');
  if (duration !== null && silenceDuration(duration) === null) return { kind: 'bad-duration' };
  const typed = fieldValue(m, 'confirmText');
  if (m.plan.confirmText !== null && typed !== m.plan.confirmText) return { kind: 'type-name', name: m.plan.confirmText };
  // A failed dry run is only final for the parameters it was run with: new ones get a new dry run.
  const dry = m.plan.dryRun;
  if (dry && !dry.ok && sameParams(paramsOf(m), m.plan.request.params)) return { kind: 'dry-run-failed', check: dry.kind };
  return null;
}

/** The blocker in words: "a comment is required", "type claude-tui to confirm". */
export function confirmBlockerText(b: ConfirmBlocker): string {
  switch (b.kind) {
    case 'not-ready':
      return 'not ready';
    case 'denied':
      return b.reason;
    case 'bad-replicas':
      return `replicas must be a whole number from 0 to ${b.max}`;
    case 'comment-required':
      return 'a comment is required';
    case 'bad-duration':
      return 'duration must be 1m to 365d, like 30m, 1h or 2h30m';
    case 'type-name':
      return `type ${b.name} to confirm`;
    case 'dry-run-failed':
      return b.check === 'server' ? 'the server dry run failed' : b.check === 'pre-check' ? 'the pre-check failed' : 'no dry run was sent';
  }
}

/** `y` confirms only low-risk actions that need nothing typed. */
export const quickConfirmAllowed = (plan: ActionPlan): boolean => plan.risk === 'low' && plan.confirmText === null;

export type ModalEffect =
  /** journal the cancelled plan (nothing changes) */
  | { kind: 'cancel'; plan: ActionPlan }
  /** run the plan once; when `replan`, make (and dry-run) a new plan with `params` first */
  | { kind: 'submit'; plan: ActionPlan; params: ActionParams; typed: string; replan: boolean };

export interface ModalStep {
  modal: ModalState | null;
  effect: ModalEffect | null;
}

const MODAL_INTENTS = new Set<Intent['type']>([
  'modal-cancel',
  'modal-confirm',
  'modal-activate',
  'modal-focus-next',
  'modal-focus-prev',
  'modal-input',
  'modal-backspace',
]);
export const isModalIntent = (i: Intent): boolean => MODAL_INTENTS.has(i.type);

const stay = (modal: ModalState): ModalStep => ({ modal, effect: null });
const closeWith = (plan: ActionPlan | null): ModalStep => ({ modal: null, effect: plan ? { kind: 'cancel', plan } : null });

function focusOrder(m: ModalState): ModalFocus[] {
  // Cancel first: Tab from the initial focus goes into the first field, and Confirm comes last.
  return ['cancel', ...m.fields.map((f) => f.name), 'confirm'];
}

function moveFocus(m: ModalState, by: number): ModalState {
  const order = focusOrder(m);
  const i = Math.max(0, order.indexOf(m.focus));
  return { ...m, focus: order[(i + by + order.length) % order.length]!, note: null };
}

const ACCEPT: Record<ModalFieldName, { keep: (ch: string) => boolean; max: number }> = {
  replicas: { keep: (ch) => /\d/.test(ch), max: 5 },
  duration: { keep: (ch) => /[0-9ywdhms]/i.test(ch), max: 12 },
  comment: { keep: () => true, max: 200 },
  confirmText: { keep: () => true, max: 253 },
};

function editField(m: ModalState, edit: (value: string, name: ModalFieldName) => string): ModalState {
  const name = m.focus;
  if (!isField(name)) return m;
  return { ...m, note: null, fields: m.fields.map((f) => (f.name === name ? { ...f, value: edit(f.value, name) } : f)) };
}

function submit(m: ModalState): ModalStep {
  const blocker = confirmBlocker(m);
  if (blocker || !m.plan) return stay({ ...m, note: blocker ? confirmBlockerText(blocker) : 'not ready' });
  const params = paramsOf(m);
  const replan = !sameParams(params, m.plan.request.params);
  return {
    modal: { ...m, phase: replan ? 'replanning' : 'running', note: null },
    effect: { kind: 'submit', plan: m.plan, params, typed: fieldValue(m, 'confirmText') ?? '', replan },
  };
}

/** One modal intent applied to the open modal (null: no modal). Non-modal intents change nothing here. */
export function stepModal(m: ModalState | null, intent: Intent): ModalStep {
  if (!m || !isModalIntent(intent)) return { modal: m, effect: null };
  switch (m.phase) {
    case 'done':
      return { modal: null, effect: null };
    case 'planning':
      // the plan may still arrive: the controller journals it as cancelled then
      return intent.type === 'modal-cancel' ? { modal: null, effect: null } : stay(m);
    case 'denied':
      if (intent.type === 'modal-cancel' || intent.type === 'modal-activate') return closeWith(m.plan);
      if (intent.type === 'modal-confirm') return stay({ ...m, note: `not permitted: ${m.permission?.reason ?? ''}` });
      return stay(m);
    case 'replanning':
      return intent.type === 'modal-cancel' ? closeWith(m.plan) : stay(m);
    case 'running':
      // submitted once; repeated keys must not submit again, and a sent request cannot be called back
      return stay(m);
    case 'ready':
      break;
  }
  const plan = m.plan!;
  switch (intent.type) {
    case 'modal-cancel':
      return closeWith(plan);
    case 'modal-focus-next':
      return stay(moveFocus(m, 1));
    case 'modal-focus-prev':
      return stay(moveFocus(m, -1));
    case 'modal-input': {
      const text = stripControl(intent.text);
      return stay(
        editField(m, (value, name) => {
          const rule = ACCEPT[name];
          const kept = [...(name === 'comment' || name === 'confirmText' ? sanitizeLine(text, rule.max) : text)].filter(rule.keep).join('');
          return [...(value + kept)].slice(0, rule.max).join('');
        }),
      );
    }
    case 'modal-backspace':
      return stay(editField(m, (value) => [...value].slice(0, -1).join('')));
    case 'modal-activate':
      if (m.focus === 'cancel') return closeWith(plan);
      if (m.focus === 'confirm') return submit(m);
      // Enter in a field moves on, it never submits
      return stay(moveFocus(m, 1));
    case 'modal-confirm':
      if (!quickConfirmAllowed(plan)) {
        const how = plan.confirmText !== null ? `type ${plan.confirmText}, then press Confirm` : 'Tab to Confirm and press Enter';
        return stay({ ...m, note: `y confirms only low-risk actions: ${how}` });
      }
      return submit(m);
    default:
      return stay(m);
  }
}
