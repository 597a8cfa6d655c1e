import { afterEach, describe, expect, it } from 'vitest';
import { createAlertmanagerSource, fetchAlerts } from '../../src/sources/alertmanager.js';
import type { AlertsData, SourceState } from '../../src/state/types.js';
import { json, startFake, type FakeServer } from './fake-servers.js';

let fake: FakeServer | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

// gettableAlert as Alertmanager 0.25 returns it from GET /api/v2/alerts
const alert = (fingerprint: string, labels: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  annotations: { summary: `summary of ${labels.alertname}`, description: 'details' },
  endsAt: '2024-05-01T11:00:00.000Z',
  fingerprint,
  receivers: [{ name: 'pagerduty' }],
  startsAt: '2024-05-01T10:00:00.000Z',
  status: { inhibitedBy: [], silencedBy: [], state: 'active' },
  updatedAt: '2024-05-01T10:05:00.000Z',
  generatorURL: 'http://prometheus:9090/graph?g0.expr=up',
  labels,
  ...extra,
});

const silence = {
  id: 'a1b2c3',
  status: { state: 'active' },
  updatedAt: '2024-05-01T10:00:00.000Z',
  comment: 'deploying fix',
  createdBy: 'alice',
  endsAt: '2024-05-01T11:00:00.000Z',
  startsAt: '2024-05-01T10:00:00.000Z',
  matchers: [{ isEqual: true, isRegex: false, name: 'alertname', value: 'HighMemoryUsage' }],
};

describe('alertmanager source', () => {
  it('groups by alertname with the worst severity first and asks for silenced and inhibited alerts too', async () => {
    fake = await startFake((req, res, url) => {
      if (url.pathname === '/alertmanager/api/v2/alerts') {
        return json(res, 200, [
          alert('f1', { alertname: 'HighMemoryUsage', severity: 'warning', pod: 'a' }, { status: { state: 'suppressed', silencedBy: ['a1b2c3'], inhibitedBy: [] } }),
          alert('f2', { alertname: 'ServiceDown', severity: 'critical', job: 'claude-tui' }),
          alert('f3', { alertname: 'HighMemoryUsage', severity: 'critical', pod: 'b' }),
          // the same alert from the other Alertmanager of an HA pair
          alert('f2', { alertname: 'ServiceDown', severity: 'critical', job: 'claude-tui' }),
        ]);
      }
      if (url.pathname === '/alertmanager/api/v2/silences') {
        return json(res, 200, [silence, { ...silence, id: 'old', status: { state: 'expired' }, matchers: [{ isRegex: true, name: 'job', value: '.*' }] }]);
      }
      json(res, 404, 'not found');
    });
    const data = await fetchAlerts(`${fake.url}/alertmanager`, new AbortController().signal, 1000);
    expect(data.groups.map((g) => [g.alertname, g.severity, g.alerts.length])).toEqual([
      ['HighMemoryUsage', 'critical', 2],
      ['ServiceDown', 'critical', 1],
    ]);
    const mem = data.groups[0]!.alerts;
    expect(mem[0]!.severity).toBe('critical');
    expect(mem[1]).toMatchObject({ state: 'suppressed', silencedBy: ['a1b2c3'], summary: 'summary of HighMemoryUsage' });
    expect(data.silences.map((s) => s.id)).toEqual(['a1b2c3', 'old']);
    // isEqual is absent on old servers: an equality matcher
    expect(data.silences[1]!.matchers[0]).toEqual({ name: 'job', value: '.*', isRegex: true, isEqual: true });
    const q = new URLSearchParams(fake.requests.find((r) => r.path.endsWith('/alerts'))!.search);
    expect(['active', 'silenced', 'inhibited', 'unprocessed'].map((k) => q.get(k))).toEqual(['true', 'true', 'true', 'true']);
  });

  it('strips escape sequences from alert text', async () => {
    fake = await startFake((req, res, url) =>
      json(
        res,
        200,
        url.pathname.endsWith('/alerts')
          ? [alert('f1', { alertname: 'Evil\u001b[2J', severity: 'warning' }, { annotations: { summary: 'x\u001b]52;c;ZXZpbA==\u0007y\nz' } })]
          : [],
      ),
    );
    const data = await fetchAlerts(fake.url, new AbortController().signal, 1000);
    expect(data.groups[0]!.alertname).toBe('Evil');
    expect(data.groups[0]!.alerts[0]!.summary).toBe('xy\u240az');
  });

  it('reports a malformed answer as an unexpected response and keeps the previous data', async () => {
    let broken = false;
    fake = await startFake((req, res, url) => {
      if (broken) return json(res, 200, { not: 'a list' });
      json(res, 200, url.pathname.endsWith('/alerts') ? [alert('f1', { alertname: 'A', severity: 'info' })] : []);
    });
    let state: SourceState<AlertsData> | null = null;
    const poller = createAlertmanagerSource(fake.url, { intervalMs: 60_000, timeoutMs: 1000 }, (s) => {
      state = s;
    });
    await poller.pollOnce();
    broken = true;
    await poller.pollOnce();
    expect(state!.error).toMatch(/^alertmanager: unexpected response: /);
    expect(state!.data!.groups[0]!.alertname).toBe('A');
  });
});
