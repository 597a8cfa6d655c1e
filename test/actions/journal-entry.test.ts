// The journal line built from a plan and a decision, field by field, as an auditor reads it.
import { describe, expect, it } from 'vitest';
import { journalEntry } from '../../src/actions/journal-entry.js';
import type { ActionPlan, DryRunVerdict } from '../../src/state/actions.js';

function plan(dryRun: DryRunVerdict | null): ActionPlan {
  return {
    request: { action: 'scale', target: { kind: 'deployment', namespace: 'production', name: 'api' }, params: { replicas: 2 } },
    context: 'prod-eu',
    cluster: 'eu-1',
    namespace: 'production',
    title: 'Scale deployment production/api',
    changes: ['replicas 3 -> 2'],
    diff: [],
    preview: [],
    dryRun,
    risk: 'destructive',
    production: true,
    confirmText: 'api',
    permission: { allowed: true, reason: '' },
  };
}

const who = { user: 'alice', time: Date.UTC(2024, 4, 1, 12, 0, 0) };

describe('journal entry', () => {
  it('records who, where, what and how a confirmed run ended', () => {
    expect(journalEntry(plan({ kind: 'server', ok: true, message: '' }), 'confirmed', { ok: true, message: 'scaled', details: [] }, who)).toEqual({
      time: '2024-05-01T12:00:00.000Z',
      user: 'alice',
      context: 'prod-eu',
      namespace: 'production',
      action: 'scale',
      target: 'deployment production/api',
      parameters: { replicas: 2 },
      dryRun: 'server dry run: ok',
      decision: 'confirmed',
      result: 'success',
      error: null,
    });
  });

  it('marks a failed dry run and keeps the error verbatim', () => {
    const e = journalEntry(plan({ kind: 'not-sent', ok: false, message: 'forbidden: cannot patch' }), 'refused', { ok: false, message: 'forbidden: cannot patch', details: [] }, who);
    expect(e).toMatchObject({ dryRun: 'failed: dry run not sent: forbidden: cannot patch', decision: 'refused', result: 'error', error: 'forbidden: cannot patch' });
    expect(journalEntry(plan({ kind: 'pre-check', ok: false, message: 'pre-check failed: no leader is known' }), 'refused', null, who).dryRun).toBe(
      'failed: pre-check failed: no leader is known',
    );
  });

  it('a cancelled plan has no result, and a plan without a dry run says null', () => {
    expect(journalEntry(plan(null), 'cancelled', null, who)).toMatchObject({ dryRun: null, decision: 'cancelled', result: null, error: null });
  });

  it('does not change when the plan is edited afterwards', () => {
    const p = plan(null);
    const e = journalEntry(p, 'cancelled', null, who);
    p.request.params.replicas = 9;
    expect(e.parameters).toEqual({ replicas: 2 });
  });
});
