// The remediation actions against real servers: a silence created and expired in real Alertmanager, and a
// leadership transfer in a real 3-member etcd cluster — through the same executor the console uses.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor } from '../../src/actions/index.js';
import type { HiveConfig } from '../../src/config/config.js';
import { loadConfig } from '../../src/config/load.js';
import type { SimulatorHandle } from '../../src/demo/contracts.js';
import { startSimulator } from '../../src/demo/simulator.js';
import { eventually } from '../helpers/eventually.js';
import { startAlertmanager, startEtcdCluster, REAL_WAIT, type EtcdCluster, type Proc } from './servers.js';

let sim: SimulatorHandle;
let am: Proc;
let etcd: EtcdCluster;
let config: HiveConfig;
const journalPath = join(mkdtempSync(join(tmpdir(), 'hive-real-actions-')), 'audit.jsonl');

beforeAll(async () => {
  [sim, am, etcd] = await Promise.all([startSimulator({ scenario: 'calm', seed: 2 }), startAlertmanager(), startEtcdCluster(3)]);
  const base = loadConfig(sim.configPath);
  // The simulator's config with Alertmanager and etcd swapped for real ones.
  config = {
    ...base,
    alertmanager: { ...base.alertmanager, url: am.url },
    consensus: { ...base.consensus, mode: 'etcd', endpoints: etcd.endpoints },
    user: 'oncall-test',
  };
});
afterAll(async () => {
  await etcd?.stop();
  await am?.stop();
  await sim?.stop();
});

interface AmAlert {
  labels: Record<string, string>;
  status: { state: string; silencedBy: string[] };
}
const alerts = async (): Promise<AmAlert[]> => (await (await fetch(`${am.url}/api/v2/alerts`)).json()) as AmAlert[];

describe('actions against real servers', () => {
  it('silences a real alert (previewed first) and expires the silence', async () => {
    // What Prometheus would send: one alert to silence, one that must stay loud.
    const post = await fetch(`${am.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([
        { labels: { alertname: 'HighErrorRate', job: 'claude-tui', namespace: 'production', severity: 'critical' }, annotations: { summary: 'errors' } },
        { labels: { alertname: 'HighErrorRate', job: 'hive-mind-coordinator', namespace: 'production', severity: 'critical' } },
      ]),
    });
    expect(post.ok).toBe(true);
    await eventually('alerts in Alertmanager', async () => (await alerts()).length === 2, REAL_WAIT);

    const ex = createExecutor(config, { journalPath });
    const plan = await ex.plan({
      action: 'silence-create',
      target: { kind: 'alert', alertname: 'HighErrorRate', labels: { alertname: 'HighErrorRate', job: 'claude-tui', namespace: 'production', severity: 'critical' } },
      params: { comment: 'rolling back claude-tui' },
    });
    expect(plan.preview).toHaveLength(1);
    expect(plan.preview[0]).toMatch(/claude-tui/);
    const result = await ex.execute(plan, '');
    expect(result.ok).toBe(true);

    const silenced = await eventually('the alert suppressed', async () => {
      const a = (await alerts()).find((x) => x.labels.job === 'claude-tui');
      return a?.status.state === 'suppressed' ? a : null;
    }, REAL_WAIT);
    expect((await alerts()).find((x) => x.labels.job === 'hive-mind-coordinator')!.status.state).toBe('active');
    const silenceId = silenced.status.silencedBy[0]!;
    const silence = (await (await fetch(`${am.url}/api/v2/silence/${silenceId}`)).json()) as { createdBy: string; comment: string; endsAt: string; startsAt: string };
    expect(silence.createdBy).toBe('oncall-test');
    expect(silence.comment).toBe('rolling back claude-tui');
    // default duration: one hour
    expect(Date.parse(silence.endsAt) - Date.parse(silence.startsAt)).toBeGreaterThan(59 * 60 * 1000);

    const expire = await ex.plan({ action: 'silence-expire', target: { kind: 'silence', id: silenceId }, params: {} });
    expect((await ex.execute(expire, '')).ok).toBe(true);
    await eventually('the alert active again', async () => (await alerts()).find((x) => x.labels.job === 'claude-tui')?.status.state === 'active', REAL_WAIT);
    expect(ex.entries().map((e) => [e.action, e.decision, e.result])).toEqual([
      ['silence-create', 'confirmed', 'success'],
      ['silence-expire', 'confirmed', 'success'],
    ]);
  });

  it('transfers etcd leadership to a chosen follower and reports the new leader', async () => {
    const status = async (ep: string) => (await (await fetch(`${ep}/v3/maintenance/status`, { method: 'POST', body: '{}' })).json()) as { leader: string; header: { member_id: string } };
    const members = (await (await fetch(`${etcd.endpoints[0]}/v3/cluster/member/list`, { method: 'POST', body: '{}' })).json()) as { members: { ID: string; name: string }[] };
    const leaderId = (await status(etcd.endpoints[0]!)).leader;
    const target = members.members.find((m) => m.ID !== leaderId)!;

    const ex = createExecutor(config, { journalPath });
    const plan = await ex.plan({ action: 'leader-transfer', target: { kind: 'member', id: target.ID, name: target.name }, params: {} });
    expect(plan.dryRun?.ok).toBe(true);
    const result = await ex.execute(plan, plan.confirmText ?? '');
    expect(result.ok).toBe(true);
    expect(result.details.join('\n')).toMatch(new RegExp(`post-check: ${target.name}.* is the leader`));
    const after = await eventually('the new leader', async () => {
      const s = await status(etcd.endpoints[0]!);
      return s.leader === target.ID ? s : null;
    }, REAL_WAIT);
    expect(after.leader).toBe(target.ID);
  });
});
