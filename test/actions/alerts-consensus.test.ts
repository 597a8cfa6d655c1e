// Silence create/expire against the simulated Alertmanager and leader transfer against the simulated etcd
// gateway, checked through their own APIs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionExecutor } from '../../src/actions/index.js';
import { eventually } from '../helpers/eventually.js';
import { simulator, type Sim } from './harness.js';

let s: Sim;
let ex: ActionExecutor;

beforeAll(async () => {
  s = await simulator('bad-deploy', 1);
  ex = s.executor({}, { leaderSettleMs: 3000 });
});
afterAll(async () => {
  await s?.sim.stop();
});

const alerts = (): Promise<any[]> => s.get('/alertmanager/api/v2/alerts');
const silences = (): Promise<any[]> => s.get('/alertmanager/api/v2/silences');

describe('silence', () => {
  it('previews the firing alerts it matches, needs a comment, mutes the alert, and can be expired', async () => {
    const crash = (await alerts()).find((a) => a.labels.alertname === 'PodCrashLooping')!;
    expect(crash.status.state).toBe('active');
    const target = { kind: 'alert' as const, alertname: 'PodCrashLooping', labels: crash.labels };

    const plan = await ex.plan({ action: 'silence-create', target, params: {} });
    expect(plan.request.params.matchers).toEqual(
      ['alertname', 'job', 'namespace', 'pod'].map((name) => ({ name, value: crash.labels[name], isRegex: false, isEqual: true })),
    );
    expect(plan.request.params.durationMs).toBe(3600_000);
    expect(plan).toMatchObject({ risk: 'low', confirmText: null, dryRun: null, context: 'hive-demo', namespace: 'production' });
    expect(plan.preview).toEqual([`PodCrashLooping {job="claude-tui", namespace="production", pod="${crash.labels.pod}"} (warning)`]);
    expect(plan.changes).toContain('comment: (required)');
    expect(plan.changes).toContain('created by alice');
    expect(plan.changes).toContain('duration 1h from the time of confirmation');

    const silencesBefore = (await silences()).length;
    const refused = await ex.execute(plan, '');
    expect(refused).toMatchObject({ ok: false, message: 'a comment is required: say why this alert is silenced' });
    expect((await silences()).length).toBe(silencesBefore);

    const withComment = await ex.plan({ action: 'silence-create', target, params: { comment: 'bad deploy, rolling back' } });
    expect(withComment.changes).toContain('comment: bad deploy, rolling back');
    const r = await ex.execute(withComment, '');
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/^silence [0-9a-f-]{36} created for 1h: mutes 1 firing alert$/);
    const muted = (await alerts()).find((a) => a.fingerprint === crash.fingerprint)!;
    expect(muted.status.state).toBe('suppressed');
    const created = (await silences()).find((x) => muted.status.silencedBy.includes(x.id))!;
    expect(created).toMatchObject({ createdBy: 'alice', comment: 'bad deploy, rolling back', status: { state: 'active' } });

    const expire = await ex.plan({ action: 'silence-expire', target: { kind: 'silence', id: created.id }, params: {} });
    expect(expire.preview).toEqual([`PodCrashLooping {job="claude-tui", namespace="production", pod="${crash.labels.pod}"} (warning)`]);
    expect(expire.changes[0]).toMatch(new RegExp(`^expire silence ${created.id} now`));
    expect(await ex.execute(expire, '')).toMatchObject({ ok: true, message: `silence ${created.id} expired` });
    expect((await alerts()).find((a) => a.fingerprint === crash.fingerprint)!.status.state).toBe('active');

    const twice = await ex.plan({ action: 'silence-expire', target: { kind: 'silence', id: created.id }, params: {} });
    expect(twice.dryRun).toEqual({ kind: 'pre-check', ok: false, message: `silence ${created.id} has already expired` });
  });

  it('passes Alertmanager refusals through verbatim', async () => {
    const plan = await ex.plan({ action: 'silence-expire', target: { kind: 'silence', id: 'not-a-uuid' }, params: {} });
    expect(plan.dryRun).toEqual({ kind: 'pre-check', ok: false, message: 'silenceID in path must be of type uuid: "not-a-uuid"' });
  });

  it('refuses a silence duration out of range before sending anything', async () => {
    const before = (await silences()).length;
    const plan = await ex.plan({ action: 'silence-create', target: { kind: 'alert', alertname: 'PodCrashLooping', labels: { job: 'claude-tui' } }, params: { comment: 'x', durationMs: 1000 } });
    expect(plan.dryRun).toEqual({ kind: 'pre-check', ok: false, message: 'the duration must be between 1 minute and 365 days' });
    expect(plan.changes).toContain('duration (invalid) from the time of confirmation');
    expect(await ex.execute(plan, '')).toMatchObject({ ok: false, message: 'not run: the duration must be between 1 minute and 365 days' });
    expect((await silences()).length).toBe(before);
  });

  it('refuses matchers that would match every alert', async () => {
    const plan = await ex.plan({
      action: 'silence-create',
      target: { kind: 'alert', alertname: 'X', labels: {} },
      params: { comment: 'x', matchers: [{ name: 'alertname', value: '.*', isRegex: true, isEqual: true }] },
    });
    expect(plan.dryRun).toEqual({ kind: 'pre-check', ok: false, message: 'at least one matcher must not match the empty string' });
    expect((await ex.execute(plan, '')).ok).toBe(false);
  });
});

describe('leader transfer', () => {
  const status = async () => {
    const st = await Promise.all([0, 1, 2].map((i) => s.post(`/etcd/${i}/v3/maintenance/status`, {})));
    const list = await s.post('/etcd/0/v3/cluster/member/list', {});
    return { leader: st[0].leader as string, members: list.members as { ID: string; name: string }[] };
  };

  it('pre-checks, sends the transfer to the leader, and post-checks the new leader', async () => {
    const { leader, members } = await status();
    const target = members.find((m) => m.ID !== leader)!;
    const plan = await ex.plan({ action: 'leader-transfer', target: { kind: 'member', id: target.ID, name: target.name }, params: {} });
    const leaderName = members.find((m) => m.ID === leader)!.name;
    expect(plan).toMatchObject({ risk: 'destructive', dryRun: { kind: 'pre-check', ok: true }, title: `Transfer leadership to ${target.name}` });
    expect(plan.changes[0]).toBe(`leader ${leaderName} -> ${target.name}`);
    expect(plan.changes).toContain('pre-check: quorum healthy (3/3 members healthy)');
    // the demo context "hive-demo" is not production and a member has no namespace: y is enough
    expect(plan.confirmText).toBeNull();
    expect((await status()).leader).toBe(leader);

    const r = await ex.execute(plan, '');
    expect(r).toMatchObject({ ok: true, message: `leadership moved to ${target.name}` });
    expect(r.details).toContain(`transfer-leadership sent to ${leaderName} (id ${leader}): accepted`);
    expect(r.details.at(-1)).toMatch(new RegExp(`^post-check: ${target.name} \\(id ${target.ID}\\) is the leader`));
    await eventually('the new leader in every status', async () => (await status()).leader === target.ID, { timeoutMs: 8000 });
  });

  it('refuses a target that is already the leader', async () => {
    const { leader, members } = await status();
    const me = members.find((m) => m.ID === leader)!;
    const plan = await ex.plan({ action: 'leader-transfer', target: { kind: 'member', id: me.ID, name: me.name }, params: {} });
    expect(plan.dryRun).toEqual({ kind: 'pre-check', ok: false, message: `pre-check failed: ${me.name} (id ${me.ID}) is already the leader` });
    expect((await ex.execute(plan, '')).ok).toBe(false);
  });
});
