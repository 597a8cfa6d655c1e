// Hostile text from every backend, through the shipped bin, into the bytes a terminal receives: pod names,
// labels and annotations from a Kubernetes API server, log lines, alert labels and annotations, an API's
// error body and a config value, each carrying OSC (title, hyperlink, clipboard), CSI cursor moves, DCS, C1
// controls, a lone ESC and bidi overrides. None of it may reach the pty as written.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { json, pod, startFake, writeKubeconfig, type FakeServer } from '../sources/fake-servers.js';
import { runInPty, type Screen } from '../helpers/pty.js';
import { tempDir } from '../helpers/temp.js';

const PAYLOADS = {
  title: '\u001b]0;pwned-title\u0007',
  hyperlink: '\u001b]8;;http://evil.example/\u001b\\click\u001b]8;;\u001b\\',
  clipboard: '\u001b]52;c;cm0gLXJmIC8=\u0007',
  cursor: '\u001b[2J\u001b[1;1Hpwned-cursor',
  colour: '\u001b[31;5mpwned-blink',
  dcs: '\u001bPq#0;2;0;0;0\u001b\\',
  c1: '\u009b31mpwned-c1\u0085',
  loneEsc: 'lone\u001bZesc',
  bidi: 'bidi\u202eevil\u202c\u2066iso\u2069',
};
const HOSTILE = Object.values(PAYLOADS).join(' ');

/** What must never appear in the pty bytes: the payloads as written, or any of their introducers. */
function problems(raw: string): string[] {
  const found: string[] = [];
  if (raw.includes('\u001b]')) found.push('OSC introducer');
  if (raw.includes('\u001bP')) found.push('DCS introducer');
  if (/[\u0080-\u009f]/.test(raw)) found.push('C1 control');
  if (/[\u202a-\u202e\u2066-\u2069]/.test(raw)) found.push('bidi control');
  if (raw.includes('\u001b[1;1Hpwned-cursor')) found.push('cursor-move payload');
  if (raw.includes('\u001b[31;5m')) found.push('blink payload');
  if (raw.includes('\u001bZ')) found.push('lone ESC payload');
  return found;
}

const alert = (fingerprint: string, labels: Record<string, string>, annotations: Record<string, string>) => ({
  annotations,
  endsAt: '2030-01-01T00:00:00.000Z',
  fingerprint,
  receivers: [{ name: 'pagerduty' }],
  startsAt: new Date(Date.now() - 60_000).toISOString(),
  status: { inhibitedBy: [], silencedBy: [], state: 'active' },
  updatedAt: new Date().toISOString(),
  generatorURL: 'http://prometheus:9090/graph',
  labels,
});

let servers: FakeServer[] = [];
let screen: Screen | null = null;
afterEach(async () => {
  screen?.kill();
  screen = null;
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function hostileBackends() {
  const kube = await startFake((req, res, url) => {
    const p = url.pathname;
    if (p.endsWith('/log')) {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const ts = new Date().toISOString();
      res.write(`${ts} level=error msg="${HOSTILE}"\n${ts} ${PAYLOADS.title}plain line after a title set\n`);
      return; // the stream stays open, as kubectl logs -f
    }
    if (p.startsWith('/apis/apps/v1/')) return json(res, 200, { metadata: {}, items: [] });
    if (p.includes('/events')) return json(res, 200, { metadata: {}, items: [{ metadata: { name: 'e1', namespace: 'production' }, reason: 'BackOff', message: HOSTILE, type: 'Warning', involvedObject: { kind: 'Pod', name: 'x' } }] });
    if (url.searchParams.get('watch') === 'true') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return; // a quiet watch
    }
    if (p === '/api/v1/pods' || p.endsWith('/pods')) {
      const items = [
        { ...pod({ name: `api-1${PAYLOADS.title}`, labels: { team: HOSTILE } }) },
        pod({ name: `api-2${PAYLOADS.cursor}`, labels: { [`k${PAYLOADS.c1}`]: 'v' } }),
        pod({ name: 'api-3', labels: { note: PAYLOADS.bidi } }),
      ];
      for (const item of items) (item.metadata as Record<string, unknown>).annotations = { 'hive/owner': HOSTILE };
      return json(res, 200, { kind: 'PodList', metadata: { resourceVersion: '10' }, items });
    }
    return json(res, 200, pod({ name: p.split('/').pop()!, labels: { team: HOSTILE } }));
  });
  const alertmanager = await startFake((req, res, url) => {
    if (url.pathname.endsWith('/api/v2/alerts')) {
      return json(res, 200, [
        alert('f1', { alertname: `ServiceDown${PAYLOADS.title}`, severity: 'critical', job: HOSTILE }, { summary: HOSTILE, description: PAYLOADS.dcs }),
        alert('f2', { alertname: 'HighErrorRate', severity: `warning${PAYLOADS.c1}` }, { summary: PAYLOADS.hyperlink }),
      ]);
    }
    if (url.pathname.endsWith('/api/v2/silences')) return json(res, 200, []);
    return json(res, 404, {});
  });
  // every query fails with an error body full of escapes, as a broken proxy in front of Prometheus might answer
  const prometheus = await startFake((req, res) => {
    res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end(`bad gateway ${HOSTILE}`);
  });
  servers.push(kube, alertmanager, prometheus);
  const dir = tempDir('hive-hostile-');
  const config = join(dir, 'hive-oncall.yaml');
  writeFileSync(
    config,
    [
      'kubernetes:',
      `  kubeconfig: ${writeKubeconfig(kube.url)}`,
      'prometheus:',
      `  url: ${prometheus.url}`,
      'alertmanager:',
      `  url: ${alertmanager.url}`,
      '',
    ].join('\n'),
  );
  return { config };
}

describe('hostile text from every backend', () => {
  it('reaches the terminal neutralised through every pane, at 120x40 and 80x24', async () => {
    const { config } = await hostileBackends();
    for (const [cols, rows] of [
      [120, 40],
      [80, 24],
    ] as const) {
      const s = (screen = runInPty(['--config', config], { cols, rows }));
      await s.waitFor(/api-3/, 30_000);
      // follow the first pod's logs, then visit every pane, the help and the Actions view
      s.press('f');
      // the line itself at 120x40; the compact layout's summary at 80x24
      await s.waitFor((t) => t.includes('plain line after a title set') || /Logs .*2 lines/.test(t), 15_000);
      for (const key of ['2', '3', '4', '5', '6', '1', 'j', 'j', '?']) {
        s.press(key);
        await new Promise((r) => setTimeout(r, 150));
      }
      s.press('\u001b');
      s.press('a');
      await new Promise((r) => setTimeout(r, 500));
      s.press('q');
      expect(await s.exited()).toBe(0);
      const raw = s.raw();
      expect(raw).toContain('ServiceDown');
      expect(raw).toContain('bad gateway');
      expect(problems(raw)).toEqual([]);
      screen = null;
    }
  }, 120_000);

  it('a config value with escapes is refused in a clean message', async () => {
    const dir = tempDir('hive-hostile-');
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, `prometheus:\n  url: "http://x${PAYLOADS.title.replace('\u001b', '\\e').replace('\u0007', '\\a')}"\nkubernetes:\n  context: "ctx${PAYLOADS.cursor.replace(/\u001b/g, '\\e')}"\n`);
    const s = (screen = runInPty(['--config', config], { cols: 100, rows: 30 }));
    expect(await s.exited()).toBe(2);
    await s.waitFor('prometheus.url', 5000);
    expect(problems(s.raw())).toEqual([]);
    expect(s.raw()).not.toContain('\u001b[2J');
  }, 60_000);
});
