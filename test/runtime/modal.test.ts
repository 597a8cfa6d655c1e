// The confirmation modal's rules, as the pure state machine the controller and the view share.
import { describe, expect, it } from 'vitest';
import type { ActionPlan, ActionRequest } from '../../src/state/actions.js';
import type { Intent } from '../../src/state/intents.js';
import type { ModalState } from '../../src/state/types.js';
import {
  confirmBlocker,
  confirmBlockerText,
  modalPlanned,
  modalTextFocus,
  openModal,
  silenceDuration,
  stepModal,
  type ModalStep,
} from '../../src/runtime/modal.js';

const deleteReq: ActionRequest = { action: 'pod-delete', target: { kind: 'pod', namespace: 'production', name: 'claude-tui-abc' }, params: {} };
const scaleReq: ActionRequest = { action: 'scale', target: { kind: 'deployment', namespace: 'staging', name: 'web' }, params: { replicas: 3 } };
const silenceReq: ActionRequest = {
  action: 'silence-create',
  target: { kind: 'alert', alertname: 'ServiceDown', labels: { namespace: 'production' } },
  params: { durationMs: 3600_000 },
};

function plan(request: ActionRequest, over: Partial<ActionPlan> = {}): ActionPlan {
  return {
    request,
    context: 'hive-demo',
    cluster: 'hive-demo',
    namespace: 'production',
    title: 'title',
    changes: ['change'],
    diff: [],
    preview: [],
    dryRun: { kind: 'server', ok: true, message: '' },
    risk: 'low',
    production: false,
    confirmText: null,
    permission: { allowed: true, reason: '' },
    ...over,
  };
}

function ready(request: ActionRequest, over: Partial<ActionPlan> = {}, currentReplicas: number | null = null): ModalState {
  const m = openModal(1, { request, label: 'the object', currentReplicas });
  return modalPlanned(m, { allowed: true, reason: '' }, plan(request, over), null);
}

/** Apply intents in order; returns the last step. */
function press(m: ModalState, ...intents: Intent[]): ModalStep {
  let step: ModalStep = { modal: m, effect: null };
  for (const i of intents) {
    const next = stepModal(step.modal, i);
    step = { modal: next.modal, effect: next.effect ?? null };
    if (next.effect) return next;
    if (!next.modal) return next;
  }
  return step;
}

const destructiveProd = () => ready(deleteReq, { risk: 'destructive', production: true, confirmText: 'claude-tui-abc' });
const type = (text: string): Intent => ({ type: 'modal-input', text });
const TAB: Intent = { type: 'modal-focus-next' };
const ENTER: Intent = { type: 'modal-activate' };
const Y: Intent = { type: 'modal-confirm' };
const ESC: Intent = { type: 'modal-cancel' };

describe('confirmation modal', () => {
  it('starts with focus on Cancel, so Enter alone cancels and journals the cancel', () => {
    const m = ready(deleteReq);
    expect(m.phase).toBe('ready');
    expect(m.focus).toBe('cancel');
    const step = stepModal(m, ENTER);
    expect(step.modal).toBeNull();
    expect(step.effect).toEqual({ kind: 'cancel', plan: m.plan });
  });

  it('Esc cancels from anywhere in a ready modal and never submits', () => {
    const m = press(ready(scaleReq, {}, 3), TAB, type('5')).modal!;
    const step = stepModal(m, ESC);
    expect(step.modal).toBeNull();
    expect(step.effect?.kind).toBe('cancel');
  });

  it('y confirms a low-risk action at once', () => {
    const step = stepModal(ready(deleteReq), Y);
    expect(step.modal?.phase).toBe('running');
    expect(step.effect).toMatchObject({ kind: 'submit', replan: false, typed: '' });
  });

  it('refuses y for a destructive production action and says how to confirm', () => {
    const m = destructiveProd();
    const step = stepModal(m, Y);
    expect(step.effect).toBeNull();
    expect(step.modal?.phase).toBe('ready');
    expect(step.modal?.note).toMatch(/type claude-tui-abc/);
  });

  it('requires the object name typed exactly before Confirm works', () => {
    const m = destructiveProd();
    expect(m.fields.map((f) => f.name)).toEqual(['confirmText']);
    // Tab: Cancel -> the name field; Tab -> Confirm
    let s = press(m, TAB, type('claude-tui-ab'), TAB);
    expect(s.modal?.focus).toBe('confirm');
    expect(confirmBlocker(s.modal!)).toEqual({ kind: 'type-name', name: 'claude-tui-abc' });
    s = press(s.modal!, ENTER);
    expect(s.effect).toBeNull();
    expect(s.modal?.phase).toBe('ready');
    s = press(s.modal!, { type: 'modal-focus-prev' }, type('c'), TAB, ENTER);
    expect(s.effect).toMatchObject({ kind: 'submit', typed: 'claude-tui-abc' });
    expect(s.modal?.phase).toBe('running');
  });

  it('types y and n into a focused field instead of confirming or cancelling', () => {
    const m = press(destructiveProd(), TAB).modal!;
    expect(modalTextFocus({ modal: m })).toBe(true);
    expect(modalTextFocus({ modal: destructiveProd() })).toBe(false);
    // the matcher sends text while a field has focus; the field keeps it
    const typed = press(m, type('yn')).modal!;
    expect(typed.fields[0]!.value).toBe('yn');
    expect(typed.phase).toBe('ready');
  });

  it('submits once: repeated confirm keys while running do nothing', () => {
    const first = stepModal(ready(deleteReq), Y);
    expect(first.effect?.kind).toBe('submit');
    for (const i of [Y, ENTER, Y, ESC]) {
      const again = stepModal(first.modal, i);
      expect(again.effect).toBeNull();
      expect(again.modal).toBe(first.modal);
    }
  });

  it('closes on any key once the result is shown', () => {
    const running = stepModal(ready(deleteReq), Y).modal!;
    const done: ModalState = { ...running, phase: 'done', result: { ok: true, message: 'deleted', details: [] } };
    expect(modalTextFocus({ modal: done })).toBe(true);
    expect(stepModal(done, type('q'))).toEqual({ modal: null, effect: null });
    expect(stepModal(done, Y)).toEqual({ modal: null, effect: null });
  });

  it('scale: prefilled with the current replicas, digits only, re-planned when the number changes', () => {
    const m = ready(scaleReq, {}, 3);
    expect(m.fields).toEqual([{ name: 'replicas', value: '3' }]);
    let s = press(m, TAB, { type: 'modal-backspace' }, type('6x'));
    expect(s.modal?.fields[0]?.value).toBe('6');
    s = press(s.modal!, Y);
    expect(s.modal?.phase).toBe('replanning');
    expect(s.effect).toMatchObject({ kind: 'submit', replan: true, params: { replicas: 6 } });
    // unchanged number: no second dry run needed
    expect(stepModal(m, Y).effect).toMatchObject({ replan: false, params: { replicas: 3 } });
  });

  it('scale: an empty number disables Confirm with the reason', () => {
    const s = press(ready(scaleReq, {}, 3), TAB, { type: 'modal-backspace' });
    expect(confirmBlocker(s.modal!)).toEqual({ kind: 'bad-replicas', max: 1000 });
    expect(confirmBlockerText(confirmBlocker(s.modal!)!)).toBe('replicas must be a whole number from 0 to 1000');
    expect(stepModal(s.modal!, Y).effect).toBeNull();
  });

  it('silence: comment required, duration defaults to 1h and parses 2h30m', () => {
    const m = ready(silenceReq);
    expect(m.fields).toEqual([
      { name: 'comment', value: '' },
      { name: 'duration', value: '1h' },
    ]);
    expect(confirmBlocker(m)).toEqual({ kind: 'comment-required' });
    let s = press(m, TAB, type('deploy rollback in progress'), TAB, { type: 'modal-backspace' }, { type: 'modal-backspace' }, type('2h30m'));
    expect(confirmBlocker(s.modal!)).toBeNull();
    s = press(s.modal!, TAB, ENTER);
    expect(s.effect).toMatchObject({ kind: 'submit', replan: true, params: { comment: 'deploy rollback in progress', durationMs: 9_000_000 } });
  });

  it('a failed dry run disables Confirm for the values it was run with', () => {
    const m = ready(scaleReq, { dryRun: { kind: 'server', ok: false, message: 'admission webhook denied the request' } }, 3);
    expect(confirmBlocker(m)).toEqual({ kind: 'dry-run-failed', check: 'server' });
    expect(confirmBlockerText(confirmBlocker(m)!)).toBe('the server dry run failed');
    const changed = press(m, TAB, type('4')).modal!;
    expect(confirmBlocker(changed)).toBeNull();
  });

  it('a denied action shows only Close: Enter and Esc close it and journal, y does nothing', () => {
    const m = modalPlanned(openModal(2, { request: deleteReq, label: 'x', currentReplicas: null }), { allowed: false, reason: 'RBAC: cannot delete pods' }, plan(deleteReq), null);
    expect(m.phase).toBe('denied');
    expect(stepModal(m, Y).effect).toBeNull();
    expect(stepModal(m, Y).modal?.note).toMatch(/RBAC: cannot delete pods/);
    expect(stepModal(m, ENTER)).toMatchObject({ modal: null, effect: { kind: 'cancel' } });
  });

  it('cancelling while the plan is still coming closes at once', () => {
    const m = openModal(3, { request: deleteReq, label: 'x', currentReplicas: null });
    expect(stepModal(m, Y).modal).toBe(m);
    expect(stepModal(m, ESC)).toEqual({ modal: null, effect: null });
  });
});

describe('silence durations', () => {
  it.each([
    ['30m', 1_800_000],
    ['2h30m', 9_000_000],
    ['1w', 604_800_000],
    ['0m', null],
    ['30s', null],
    ['366d', null],
    ['1.5h', null],
  ])('%s -> %s', (text, ms) => {
    expect(silenceDuration(text)).toBe(ms);
  });
});
