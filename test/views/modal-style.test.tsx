// How the modal marks focus and a disabled Confirm without relying on colour (NO_COLOR-safe SGR only).
import { describe, expect, it } from 'vitest';
import type { ActionPlan, ActionRequest } from '../../src/state/actions.js';
import { modalPlanned, openModal, stepModal } from '../../src/runtime/modal.js';
import type { ModalState } from '../../src/state/types.js';
import { renderFrameRaw } from '../../views/frame.js';
import { withUi } from './fixtures.js';

const request: ActionRequest = { action: 'silence-create', target: { kind: 'alert', alertname: 'ServiceDown', labels: {} }, params: { durationMs: 3_600_000 } };
const plan: ActionPlan = {
  request,
  context: 'http://127.0.0.1:9093',
  cluster: 'alertmanager',
  namespace: null,
  title: 'Silence ServiceDown',
  changes: ['matchers alertname="ServiceDown"'],
  diff: [],
  preview: ['ServiceDown'],
  dryRun: null,
  risk: 'low',
  production: false,
  confirmText: null,
  permission: { allowed: true, reason: '' },
};
const ready = (): ModalState => modalPlanned(openModal(1, { request, label: 'alert ServiceDown', currentReplicas: null }), { allowed: true, reason: '' }, plan, null);

/** The SGR codes in force where `text` starts on its line. */
function styleAt(raw: string, text: string): string {
  const row = raw.split('\n').find((l) => l.includes(text))!;
  const before = row.slice(0, row.indexOf(text));
  return (before.match(/\u001b\[[0-9;]*m/g) ?? []).slice(-3).join('');
}

describe('modal styling', () => {
  it('shows Cancel focused (inverse) and Confirm dim until the comment is typed', () => {
    const raw = renderFrameRaw(withUi({ modal: ready() }), { width: 100, height: 30 }, { color: false });
    expect(styleAt(raw, '[ Cancel ]')).toContain('\u001b[7m');
    expect(styleAt(raw, '[ Confirm ]')).toContain('\u001b[2m');
  });

  it('un-dims Confirm once the required comment is there', () => {
    let m: ModalState | null = ready();
    for (const i of [{ type: 'modal-focus-next' }, { type: 'modal-input', text: 'rollback running' }] as const) m = stepModal(m, i).modal;
    const raw = renderFrameRaw(withUi({ modal: m }), { width: 100, height: 30 }, { color: false });
    expect(styleAt(raw, '[ Confirm ]')).not.toContain('\u001b[2m');
  });
});
