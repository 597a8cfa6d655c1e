// Real Prometheus scrapes the simulator's /metrics and evaluates the repository's rules (deploy/prometheus),
// real Alertmanager receives the alerts, and hive-oncall shows SLOs computed by Prometheus and alerts from
// Alertmanager, with the same config shape the simulator writes for itself.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startSimulator } from '../../src/demo/simulator.js';
import type { SimulatorHandle } from '../../src/demo/contracts.js';
import { CLI } from '../helpers/pty.js';
import { eventually } from '../helpers/eventually.js';
import { startAlertmanager, startPrometheus, REAL_WAIT, type Proc } from './servers.js';
import { DEFAULT_LATENCY } from '../../src/config/defaults.js';

const run = promisify(execFile);
let sim: SimulatorHandle;
let am: Proc;
let prom: Proc;
let configPath: string;

interface AmAlert {
  labels: Record<string, string>;
  status: { state: string };
}
const amAlerts = async (): Promise<AmAlert[]> => (await (await fetch(`${am.url}/api/v2/alerts`)).json()) as AmAlert[];
const firing = async (name: string) => (await amAlerts()).filter((a) => a.labels.alertname === name);

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'calm', seed: 3 });
  am = await startAlertmanager();
  prom = await startPrometheus({ scrapeTarget: new URL(sim.baseUrl).host, alertmanager: am.url });
  // The simulator's own config, with Prometheus and Alertmanager swapped for the real ones: nothing else changes.
  const config = parse(readFileSync(sim.configPath, 'utf8'));
  config.prometheus.url = prom.url;
  config.alertmanager.url = am.url;
  configPath = sim.configPath.replace(/hive-oncall\.yaml$/, 'real.yaml');
  writeFileSync(configPath, stringify(config));
});
afterAll(async () => {
  await prom?.stop();
  await am?.stop();
  await sim?.stop();
});

const snapshotJson = async () =>
  JSON.parse((await run(process.execPath, [CLI, 'snapshot', '--config', configPath, '--format', 'json'], { timeout: 60000 })).stdout);

describe('hive-oncall against real Prometheus and Alertmanager', () => {
  it('scrapes the simulator and evaluates the runbook SLO queries', async () => {
    await eventually('a scraped series', async () => {
      const res = await fetch(`${prom.url}/api/v1/query?query=${encodeURIComponent('sum(rate(http_requests_total[1m]))')}`);
      const body = (await res.json()) as { data: { result: unknown[] } };
      return body.data.result.length > 0;
    }, REAL_WAIT);
    // the Latency pane asks for a range of P99: it needs two scrapes of the histogram at a step boundary,
    // which a fast start may not have yet when the first rate already answers
    await eventually('a P99 range', async () => {
      const end = Date.now() / 1000;
      const q = encodeURIComponent(DEFAULT_LATENCY.p99);
      const res = await fetch(`${prom.url}/api/v1/query_range?query=${q}&start=${end - DEFAULT_LATENCY.rangeSeconds}&end=${end}&step=${DEFAULT_LATENCY.stepSeconds}`);
      const body = (await res.json()) as { data: { result: { values: [number, string][] }[] } };
      return body.data.result.some((r) => r.values.some(([, v]) => Number.isFinite(Number(v))));
    }, REAL_WAIT);
    const state = await snapshotJson();
    const slo = Object.fromEntries((state.slos.data as { id: string; value: number | null }[]).map((s) => [s.id, s.value]));
    expect(state.slos.error).toBeNull();
    // Prometheus divides by the whole 5m window even when it holds only seconds of samples: positive, not 245.
    expect(slo.throughput).toBeGreaterThan(0);
    expect(slo.availability).toBeGreaterThan(0.99);
    expect(slo.latency).toBeGreaterThan(0);
    expect(state.latency.data.p99.length).toBeGreaterThan(0);
  });

  it('a scenario switch to error-storm becomes a real Alertmanager alert in the Alerts pane', async () => {
    expect(await firing('HighErrorRate')).toEqual([]);
    const res = await fetch(`${sim.baseUrl}/sim/scenario`, { method: 'POST', body: JSON.stringify({ scenario: 'error-storm' }) });
    expect(res.ok).toBe(true);
    const alerts = await eventually('HighErrorRate in Alertmanager', async () => {
      const a = await firing('HighErrorRate');
      return a.length > 0 ? a : null;
    }, { timeoutMs: 60000, everyMs: 500 });
    expect(alerts.map((a) => a.labels.job)).toContain('claude-tui');
    expect(alerts[0]!.labels.severity).toBe('critical');

    const state = await snapshotJson();
    const group = (state.alerts.data.groups as { alertname: string; severity: string; alerts: { labels: Record<string, string> }[] }[]).find(
      (g) => g.alertname === 'HighErrorRate',
    );
    expect(group?.severity).toBe('critical');
    expect(group?.alerts.some((a) => a.labels.job === 'claude-tui')).toBe(true);
    const errors = (state.slos.data as { id: string; value: number }[]).find((s) => s.id === 'errors')!;
    expect(errors.value).toBeGreaterThan(0.001);
  });

  it('the text frame shows the real alert', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'snapshot', '--config', configPath, '--width', '120', '--height', '40'], { timeout: 60000 });
    expect(stdout).toMatch(/HighErrorRate/);
    expect(stdout).not.toMatch(/\u001b/);
  });
});
