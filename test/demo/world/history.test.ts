// The hour of history the simulator opens on, as the dashboard and the runbooks read it: the latency chart's
// rate(...[1m]) has a point at every step of its 30 minutes, the 1-hour windows reach back the whole hour,
// Loki holds lines from all of it, and alerts carry the start they really had.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LATENCY } from '../../../src/config/defaults.js';
import type { SimulatorHandle } from '../../../src/demo/contracts.js';
import { startSimulator } from '../../../src/demo/simulator.js';

let sim: SimulatorHandle;
let nowS: number;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'crashloop', seed: 9 });
  nowS = Math.floor(Date.now() / 1000);
});
afterAll(async () => {
  await sim?.stop();
});

function get(path: string): Promise<any> {
  return new Promise((resolve, reject) => {
    request(sim.baseUrl + path, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve(JSON.parse(text)));
    })
      .on('error', reject)
      .end();
  });
}

const range = (query: string, fromS: number, stepS: number) =>
  get(`/prometheus/api/v1/query_range?query=${encodeURIComponent(query)}&start=${nowS - fromS}&end=${nowS}&step=${stepS}`);

describe('the history the simulator opens on', () => {
  it('the latency chart’s rate(...[1m]) has a value at every step of its 30 minutes', async () => {
    const body = await range(DEFAULT_LATENCY.p99, DEFAULT_LATENCY.rangeSeconds, DEFAULT_LATENCY.stepSeconds);
    const values = body.data.result[0].values as [number, string][];
    expect(values).toHaveLength(DEFAULT_LATENCY.rangeSeconds / DEFAULT_LATENCY.stepSeconds + 1);
    expect(values.every(([, v]) => Number.isFinite(Number(v)) && Number(v) > 0)).toBe(true);
  });

  it('request rates reach back the whole hour, and the 1-hour SLO window sees it all', async () => {
    const body = await range('sum(rate(http_requests_total[2m]))', 3600, 60);
    const values = body.data.result[0].values as [number, string][];
    // from the first minutes of the hour on
    expect(values[0]![0]).toBeLessThanOrEqual(nowS - 3600 + 3 * 60);
    expect(values.length).toBeGreaterThanOrEqual(57);
    const hour = await get(`/prometheus/api/v1/query?query=${encodeURIComponent('sum(increase(http_requests_total[1h]))')}`);
    // about an hour of the calm baseline (245 rps across the services), minus what the incident took
    expect(Number(hour.data.result[0].value[1])).toBeGreaterThan(0.7 * 245 * 3600);
  });

  it('Loki holds log lines from all of the hour', async () => {
    const ns = (s: number) => `${BigInt(s) * 1_000_000_000n}`;
    const lines = async (fromS: number, toS: number, direction: string, limit: number) => {
      const query = encodeURIComponent('{job="claude-tui"}');
      const body = await get(`/loki/api/v1/query_range?query=${query}&start=${ns(fromS)}&end=${ns(toS)}&limit=${limit}&direction=${direction}`);
      return (body.data.result as { values: [string, string][] }[]).flatMap((s) => s.values.map(([t]) => Number(BigInt(t) / 1_000_000_000n)));
    };
    expect(Math.min(...(await lines(nowS - 3600, nowS + 1, 'forward', 10)))).toBeLessThan(nowS - 55 * 60);
    expect(Math.max(...(await lines(nowS - 3600, nowS + 1, 'backward', 10)))).toBeGreaterThan(nowS - 60);
    // the three healthy claude-tui pods write ~0.8 lines a second each, in the calm first half-hour too
    expect((await lines(nowS - 3600, nowS - 1800, 'forward', 5000)).length).toBeGreaterThan(3 * 0.8 * 1800 * 0.9);
  });

  it('alerts carry the start they really had, minutes into the incident', async () => {
    const alerts = (await get('/alertmanager/api/v2/alerts')) as { labels: Record<string, string>; startsAt: string }[];
    const down = alerts.find((a) => a.labels.alertname === 'ServiceDown')!;
    const agoMin = (nowS * 1000 - Date.parse(down.startsAt)) / 60_000;
    // the incident began 20 minutes ago; the coordinator went down soon after
    expect(agoMin).toBeGreaterThan(10);
    expect(agoMin).toBeLessThan(21);
  });
});
