import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlertmanager, fingerprint } from '../../../src/demo/alerts/index.js';
import type { FiringAlert } from '../../../src/demo/contracts.js';
import { createRng } from '../../../src/demo/rng.js';
import { serve, type Served } from './harness.js';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const iso = (t: number) => new Date(t).toISOString();

const alert = (alertname: string, job: string, severity = 'critical'): FiringAlert => ({
  labels: { alertname, severity, job, namespace: 'production' },
  annotations: { summary: `${alertname} on ${job}`, description: 'details' },
  startsAt: T0 - 60_000,
});

interface Gettable {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  fingerprint: string;
  startsAt: string;
  endsAt: string;
  updatedAt: string;
  generatorURL: string;
  receivers: { name: string }[];
  status: { state: string; silencedBy: string[]; inhibitedBy: string[] };
}

let clock = T0;
let am: ReturnType<typeof createAlertmanager>;
let server: Served;

async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text === '' ? undefined : (JSON.parse(text) as T)) as T };
}

const silence = (over: Record<string, unknown> = {}) => ({
  matchers: [{ name: 'alertname', value: 'HighErrorRate', isRegex: false, isEqual: true }],
  startsAt: iso(clock),
  endsAt: iso(clock + 3_600_000),
  createdBy: 'oncall',
  comment: 'rolling back, see #incident-42',
  ...over,
});

beforeEach(async () => {
  clock = T0;
  am = createAlertmanager({ now: () => clock, rng: createRng(7, 'alertmanager') });
  server = await serve(am.api, '/alertmanager');
});
afterEach(async () => server.close());

describe('Alertmanager v2 alerts', () => {
  it('lists pushed alerts in the v2 shape with Prometheus fingerprints', async () => {
    am.receive(T0, [alert('HighErrorRate', 'claude-tui'), alert('ServiceDown', 'hive-mind-coordinator')]);
    const { status, body } = await api<Gettable[]>('GET', '/api/v2/alerts');
    expect(status).toBe(200);
    expect(body).toHaveLength(2);
    const a = body.find((x) => x.labels.alertname === 'HighErrorRate')!;
    expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(a.fingerprint).toBe(fingerprint(a.labels));
    expect(a.status).toEqual({ state: 'active', silencedBy: [], inhibitedBy: [] });
    expect(a.receivers).toEqual([{ name: 'oncall' }]);
    expect(a.startsAt).toBe(iso(T0 - 60_000));
    expect(Date.parse(a.endsAt)).toBeGreaterThan(T0);
    expect(a.updatedAt).toBe(iso(T0));
    expect(a.generatorURL).toContain('/graph?g0.expr=');
    expect(a.annotations.summary).toBe('HighErrorRate on claude-tui');
  });

  it('computes fingerprints exactly as prometheus/common does', () => {
    expect(fingerprint({})).toBe('cbf29ce484222325');
    // prometheus/common model TestLabelsToSignature: 5799056148416392346
    expect(fingerprint({ name: 'garland, briggs', fear: 'love is not enough' })).toBe('507a62d79ee76c9a');
  });

  it('drops an alert as soon as the rules stop pushing it, like a resolve from Prometheus', async () => {
    am.receive(T0, [alert('HighErrorRate', 'claude-tui'), alert('HighLatency', 'claude-tui', 'warning')]);
    clock = T0 + 15_000;
    am.receive(clock, [alert('HighLatency', 'claude-tui', 'warning')]);
    const { body } = await api<Gettable[]>('GET', '/api/v2/alerts');
    expect(body.map((a) => a.labels.alertname)).toEqual(['HighLatency']);
  });

  it('accepts alerts posted the way Prometheus posts them and expires them after the resolve timeout', async () => {
    const posted = [{ labels: { alertname: 'Watchdog', severity: 'none' }, annotations: { summary: 'always firing' }, generatorURL: 'http://prom/graph' }];
    expect((await api('POST', '/api/v2/alerts', posted)).status).toBe(200);
    expect((await api<Gettable[]>('GET', '/api/v2/alerts')).body.map((a) => a.labels.alertname)).toEqual(['Watchdog']);
    const resolved = [{ labels: { alertname: 'Old' }, startsAt: iso(T0 - 600_000), endsAt: iso(T0 - 60_000) }];
    await api('POST', '/api/v2/alerts', resolved);
    expect((await api<Gettable[]>('GET', '/api/v2/alerts')).body.map((a) => a.labels.alertname)).toEqual(['Watchdog']);
    clock = T0 + 5 * 60_000 + 1;
    expect((await api<Gettable[]>('GET', '/api/v2/alerts')).body).toEqual([]);
    const bad = await api<string>('POST', '/api/v2/alerts', [{ labels: { 'bad name': 'x' } }]);
    expect(bad.status).toBe(400);
    expect(bad.body).toBe('invalid name "bad name"');
  });

  it('filters with filter= matchers and rejects a malformed one', async () => {
    am.receive(T0, [alert('HighErrorRate', 'claude-tui'), alert('HighErrorRate', 'hive-mind-coordinator'), alert('PodCrashLooping', 'claude-tui', 'warning')]);
    const q = (f: string) => api<Gettable[]>('GET', `/api/v2/alerts?filter=${encodeURIComponent(f)}`);
    expect((await q('job="claude-tui"')).body).toHaveLength(2);
    expect((await q('job=~"claude"')).body).toHaveLength(0); // regexes are anchored
    expect((await q('job=~"claude.*"')).body).toHaveLength(2);
    expect((await q('severity!=critical')).body.map((a) => a.labels.alertname)).toEqual(['PodCrashLooping']);
    const bad = await q('job~claude');
    expect(bad.status).toBe(400);
    expect(bad.body).toBe('bad matcher format: job~claude');
  });

  it('groups alerts by alertname like a route with group_by [alertname]', async () => {
    am.receive(T0, [alert('HighErrorRate', 'claude-tui'), alert('HighErrorRate', 'hive-mind-coordinator'), alert('PodCrashLooping', 'claude-tui', 'warning')]);
    const { status, body } = await api<{ labels: Record<string, string>; receiver: { name: string }; alerts: Gettable[] }[]>('GET', '/api/v2/alerts/groups');
    expect(status).toBe(200);
    expect(body.map((g) => [g.labels, g.receiver.name, g.alerts.length])).toEqual([
      [{ alertname: 'HighErrorRate' }, 'oncall', 2],
      [{ alertname: 'PodCrashLooping' }, 'oncall', 1],
    ]);
    expect(body[0]!.alerts.map((a) => a.labels.job).sort()).toEqual(['claude-tui', 'hive-mind-coordinator']);
  });

  it('inhibits consequences of a down service', async () => {
    am.receive(T0, [alert('ServiceDown', 'claude-tui'), alert('HighErrorRate', 'claude-tui'), alert('HighErrorRate', 'hive-mind-coordinator')]);
    const { body } = await api<Gettable[]>('GET', '/api/v2/alerts');
    const down = body.find((a) => a.labels.alertname === 'ServiceDown')!;
    const same = body.find((a) => a.labels.alertname === 'HighErrorRate' && a.labels.job === 'claude-tui')!;
    const other = body.find((a) => a.labels.job === 'hive-mind-coordinator')!;
    expect(same.status).toEqual({ state: 'suppressed', silencedBy: [], inhibitedBy: [down.fingerprint] });
    expect(other.status.state).toBe('active');
    const visible = await api<Gettable[]>('GET', '/api/v2/alerts?inhibited=false');
    expect(visible.body).toHaveLength(2);
  });

  it('answers /-/healthy, /-/ready and a minimal /api/v2/status', async () => {
    for (const p of ['/-/healthy', '/-/ready']) {
      const res = await fetch(`${server.url}${p}`);
      expect([res.status, await res.text()]).toEqual([200, 'OK']);
    }
    const { body } = await api<{ versionInfo: { version: string }; cluster: { status: string }; config: { original: string } }>('GET', '/api/v2/status');
    expect(body.versionInfo.version).toBe('0.25.0');
    expect(body.cluster.status).toBe('disabled');
    expect(body.config.original).toContain('group_by: [alertname]');
  });
});

describe('Alertmanager v2 silences', () => {
  it('refuses invalid silences with the status and wording of the real server', async () => {
    const cases: [Record<string, unknown>, number, unknown][] = [
      [{ comment: undefined }, 422, { code: 602, message: 'comment in body is required' }],
      [{ createdBy: undefined }, 422, { code: 602, message: 'createdBy in body is required' }],
      [{ matchers: [] }, 422, { code: 612, message: 'matchers in body should have at least 1 items' }],
      [{ matchers: [{ name: 'job', value: 'x' }] }, 422, { code: 602, message: 'matchers.0.isRegex in body is required' }],
      [{ endsAt: iso(clock) }, 400, 'Failed to create silence: start time must be before end time'],
      [{ startsAt: iso(clock - 7_200_000), endsAt: iso(clock - 3_600_000) }, 400, "Failed to create silence: end time can't be in the past"],
      [{ matchers: [{ name: 'job', value: '.*', isRegex: true }] }, 400, 'invalid silence: at least one matcher must not match the empty string'],
      [{ matchers: [{ name: 'job', value: '(', isRegex: true }] }, 400, expect.stringContaining('invalid silence: invalid label matcher 0: invalid regular expression')],
    ];
    for (const [over, status, body] of cases) {
      const res = await api('POST', '/api/v2/silences', JSON.parse(JSON.stringify(silence(over))));
      expect({ over, status: res.status, body: res.body }).toEqual({ over, status, body });
    }
    const both = await api<{ code: number; message: string }>('POST', '/api/v2/silences', { ...silence(), comment: undefined, createdBy: undefined });
    expect(both.status).toBe(422);
    expect(both.body.message).toBe('validation failure list:\ncomment in body is required\ncreatedBy in body is required');
    expect((await api<unknown[]>('GET', '/api/v2/silences')).body).toEqual([]);
  });

  it('mutes a matching alert (suppressed, silencedBy) and leaves the others active', async () => {
    am.receive(T0, [alert('HighErrorRate', 'claude-tui'), alert('ServiceDown', 'hive-mind-coordinator')]);
    const created = await api<{ silenceID: string }>('POST', '/api/v2/silences', silence());
    expect(created.status).toBe(200);
    const id = created.body.silenceID;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const { body } = await api<Gettable[]>('GET', '/api/v2/alerts');
    const muted = body.find((a) => a.labels.alertname === 'HighErrorRate')!;
    const other = body.find((a) => a.labels.alertname === 'ServiceDown')!;
    expect(muted.status).toEqual({ state: 'suppressed', silencedBy: [id], inhibitedBy: [] });
    expect(other.status).toEqual({ state: 'active', silencedBy: [], inhibitedBy: [] });
    expect(am.isSilenced(muted.labels, clock)).toBe(true);
    expect(am.isSilenced(other.labels, clock)).toBe(false);

    expect((await api<Gettable[]>('GET', '/api/v2/alerts?silenced=false')).body.map((a) => a.labels.alertname)).toEqual(['ServiceDown']);
    expect((await api<Gettable[]>('GET', '/api/v2/alerts?active=false')).body.map((a) => a.labels.alertname)).toEqual(['HighErrorRate']);

    const listed = await api<{ id: string; status: { state: string }; matchers: unknown[]; createdBy: string; comment: string }[]>('GET', '/api/v2/silences');
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toMatchObject({ id, status: { state: 'active' }, createdBy: 'oncall', comment: 'rolling back, see #incident-42' });
    expect(listed.body[0]!.matchers).toEqual([{ name: 'alertname', value: 'HighErrorRate', isRegex: false, isEqual: true }]);
  });

  it('matches regex and negative matchers anchored', async () => {
    am.receive(T0, [alert('HighErrorRate', 'claude-tui'), alert('HighErrorRate', 'hive-mind-coordinator')]);
    await api('POST', '/api/v2/silences', silence({
      matchers: [
        { name: 'alertname', value: 'High.*', isRegex: true, isEqual: true },
        { name: 'job', value: 'hive-mind', isRegex: true, isEqual: false },
      ],
    }));
    const { body } = await api<Gettable[]>('GET', '/api/v2/alerts');
    const state = Object.fromEntries(body.map((a) => [a.labels.job, a.status.state]));
    // job!~"hive-mind" is anchored: "hive-mind-coordinator" does not match the pattern, so it is muted too
    expect(state).toEqual({ 'claude-tui': 'suppressed', 'hive-mind-coordinator': 'suppressed' });
  });

  it('DELETE expires a silence and the alert is active again', async () => {
    am.receive(T0, [alert('HighErrorRate', 'claude-tui')]);
    const { body: created } = await api<{ silenceID: string }>('POST', '/api/v2/silences', silence());
    clock = T0 + 120_000;
    const del = await fetch(`${server.url}/api/v2/silence/${created.silenceID}`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    const got = await api<{ status: { state: string }; endsAt: string }>('GET', `/api/v2/silence/${created.silenceID}`);
    expect(got.body.status.state).toBe('expired');
    expect(got.body.endsAt).toBe(iso(clock));
    const { body } = await api<Gettable[]>('GET', '/api/v2/alerts');
    expect(body[0]!.status).toEqual({ state: 'active', silencedBy: [], inhibitedBy: [] });
    expect((await api('GET', '/api/v2/silence/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api('GET', '/api/v2/silence/not-a-uuid')).status).toBe(422);
  });

  it('posting with an existing id updates in place, or replaces when the matchers change', async () => {
    const { body: first } = await api<{ silenceID: string }>('POST', '/api/v2/silences', silence());
    const start = iso(clock);
    const extended = await api<{ silenceID: string }>('POST', '/api/v2/silences', silence({ id: first.silenceID, startsAt: start, endsAt: iso(clock + 7_200_000) }));
    expect(extended.body.silenceID).toBe(first.silenceID);
    const got = await api<{ endsAt: string }>('GET', `/api/v2/silence/${first.silenceID}`);
    expect(got.body.endsAt).toBe(iso(clock + 7_200_000));

    const replaced = await api<{ silenceID: string }>('POST', '/api/v2/silences', silence({
      id: first.silenceID,
      matchers: [{ name: 'alertname', value: 'HighLatency', isRegex: false }],
    }));
    expect(replaced.body.silenceID).not.toBe(first.silenceID);
    const states = (await api<{ id: string; status: { state: string } }[]>('GET', '/api/v2/silences')).body.map((s) => [s.id, s.status.state]);
    expect(states).toEqual([
      [replaced.body.silenceID, 'active'],
      [first.silenceID, 'expired'],
    ]);
    const unknown = await api('POST', '/api/v2/silences', silence({ id: '00000000-0000-4000-8000-000000000000' }));
    expect([unknown.status, unknown.body]).toEqual([404, 'silence not found']);
  });

  it('a pending silence mutes nothing until it starts', async () => {
    am.receive(T0, [alert('HighErrorRate', 'claude-tui')]);
    await api('POST', '/api/v2/silences', silence({ startsAt: iso(T0 + 600_000), endsAt: iso(T0 + 1_200_000) }));
    expect((await api<Gettable[]>('GET', '/api/v2/alerts')).body[0]!.status.state).toBe('active');
    clock = T0 + 600_000;
    am.receive(clock, [alert('HighErrorRate', 'claude-tui')]);
    expect((await api<Gettable[]>('GET', '/api/v2/alerts')).body[0]!.status.state).toBe('suppressed');
  });
});
