// Which logs the Logs pane follows before the user picks: where the incident shows.
import { describe, expect, it } from 'vitest';
import { autoTarget } from '../../src/runtime/controller.js';
import { isPodProblem } from '../../src/runtime/selectors.js';
import { hivePods, pod } from '../views/fixtures.js';

const healthy = [
  pod({ namespace: 'database', name: 'postgresql-0', owner: 'postgresql', ownerKind: 'Deployment', labels: { app: 'postgresql' } }),
  pod({ namespace: 'production', name: 'claude-tui-abc-1', owner: 'claude-tui', ownerKind: 'Deployment', labels: { app: 'claude-tui' } }),
];

describe('autoTarget', () => {
  it('follows the first failing pod’s deployment', () => {
    const pods = hivePods();
    const t = autoTarget(pods, null, 'claude-tui');
    const failing = pods.find(isPodProblem)!;
    expect(t).toEqual({ kind: failing.ownerKind === 'Deployment' ? 'deployment' : 'pod', namespace: failing.namespace, name: failing.ownerKind === 'Deployment' ? failing.owner : failing.name });
    expect(t?.name).not.toBe('claude-tui');
  });

  it('with nothing failing, follows the workload Loki says logs the most errors', () => {
    expect(autoTarget(healthy, null, 'claude-tui')).toEqual({ kind: 'deployment', namespace: 'production', name: 'claude-tui' });
  });

  it('without Loki, falls back to the first pod', () => {
    expect(autoTarget(healthy, null, null)).toEqual({ kind: 'deployment', namespace: 'database', name: 'postgresql' });
  });
});
