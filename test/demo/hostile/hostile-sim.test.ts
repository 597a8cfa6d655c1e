// The simulator's hostile mode serves terminal-hijacking text through every API a console reads: the pod
// list and watch, labels and annotations, alerts, pod logs and Loki, events, an etcd error body and the user
// name in a Forbidden message. (That none of it reaches the screen is test/demo/hostile/hostile-bin.test.ts.)
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_ETCD_MEMBER, HOSTILE_MARKERS, HOSTILE_POD, HOSTILE_SEQUENCES } from '../../../src/demo/hostile.js';
import { startSimulator } from '../../../src/demo/simulator.js';
import type { SimulatorHandle } from '../../../src/demo/contracts.js';
import { hostileProblems } from '../../helpers/hostile.js';

let sim: SimulatorHandle;
let calm: SimulatorHandle;

beforeAll(async () => {
  [sim, calm] = await Promise.all([startSimulator({ scenario: 'crashloop', seed: 3, hostile: true }), startSimulator({ scenario: 'crashloop', seed: 3 })]);
});
afterAll(async () => {
  await Promise.all([sim?.stop(), calm?.stop()]);
});

function call(base: string, path: string, method = 'GET', body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, { method, headers: body ? { 'Content-Type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The first chunk of a watch (its ADDED events for what exists). */
function firstWatchChunk(base: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, (res) => {
      res.setEncoding('utf8');
      let text = '';
      res.on('data', (d) => {
        text += d;
        if (text.includes(HOSTILE_MARKERS.pod)) {
          req.destroy();
          resolve(text);
        }
      });
    });
    req.on('error', (err) => (err.message.includes('socket hang up') ? undefined : reject(err)));
    req.end();
  });
}

const hostileIn = (text: string) => Object.values(HOSTILE_SEQUENCES).filter((seq) => text.includes(seq));

describe('the hostile simulator', () => {
  it('lists and watches a pod whose name, labels and annotations carry escape sequences', async () => {
    const pods = JSON.parse((await call(sim.baseUrl, '/api/v1/pods')).body) as { items: { metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string> } }[] };
    const pod = pods.items.find((p) => p.metadata.name === HOSTILE_POD)!;
    expect(pod.metadata.name).toContain(HOSTILE_SEQUENCES.title);
    expect(pod.metadata.name).toContain(HOSTILE_SEQUENCES.bidi);
    expect(hostileIn(Object.values(pod.metadata.labels).join(''))).toEqual(Object.values(HOSTILE_SEQUENCES));
    expect(hostileIn(Object.values(pod.metadata.annotations).join(''))).toEqual(Object.values(HOSTILE_SEQUENCES));
    const watch = await firstWatchChunk(sim.baseUrl, '/api/v1/pods?watch=true');
    const added = watch.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; object: { metadata: { name: string } } });
    expect(added.some((e) => e.type === 'ADDED' && e.object.metadata.name === HOSTILE_POD)).toBe(true);
  });

  it('fires an alert whose labels and annotations carry them, beside the scenario’s own', async () => {
    const alerts = JSON.parse((await call(sim.baseUrl, '/alertmanager/api/v2/alerts')).body) as { labels: Record<string, string>; annotations: Record<string, string> }[];
    const hostile = alerts.find((a) => a.labels.alertname?.startsWith(HOSTILE_MARKERS.alert))!;
    expect(hostileIn(hostile.labels.alertname!)).toEqual(Object.values(HOSTILE_SEQUENCES));
    expect(hostileIn(hostile.annotations.summary!)).toEqual(Object.values(HOSTILE_SEQUENCES));
    expect(hostile.labels.pod).toBe(HOSTILE_POD);
    expect(alerts.map((a) => a.labels.alertname)).toContain('ServiceDown');
  });

  it('writes hostile log lines into every pod’s logs, seen by the log endpoint and Loki', async () => {
    const log = await call(sim.baseUrl, `/api/v1/namespaces/production/pods/${encodeURIComponent(HOSTILE_POD)}/log?tailLines=5`);
    expect(log.status).toBe(200);
    expect(hostileIn(log.body)).toEqual(Object.values(HOSTILE_SEQUENCES));
    const now = BigInt(Date.now()) * 1_000_000n;
    const query = encodeURIComponent('{namespace="production"} |= "hostile-log"');
    const loki = JSON.parse((await call(sim.baseUrl, `/loki/api/v1/query_range?query=${query}&start=${now - 300_000_000_000n}&end=${now + 1_000_000_000n}`)).body) as {
      data: { result: { stream: Record<string, string>; values: [string, string][] }[] };
    };
    const pods = new Set(loki.data.result.map((s) => s.stream.pod));
    // the hostile pod and the scenario's pods alike
    expect(pods.has(HOSTILE_POD)).toBe(true);
    expect([...pods].some((p) => p?.startsWith('claude-tui-'))).toBe(true);
  });

  it('records events with hostile messages', async () => {
    const events = JSON.parse((await call(sim.baseUrl, '/api/v1/namespaces/production/events')).body) as { items: { reason: string; message: string }[] };
    const hostile = events.items.filter((e) => e.reason === 'Hostile');
    expect(hostile.length).toBeGreaterThan(0);
    expect(hostile.every((e) => hostileIn(e.message).length === Object.values(HOSTILE_SEQUENCES).length)).toBe(true);
  });

  it('answers one etcd member with an HTTP 500 whose error body carries them, the others normally', async () => {
    const bad = await call(sim.baseUrl, `/etcd/${HOSTILE_ETCD_MEMBER}/v3/maintenance/status`, 'POST', '{}');
    expect(bad.status).toBe(500);
    const body = JSON.parse(bad.body) as { error: string; message: string };
    expect(body.message).toContain(HOSTILE_MARKERS.apiError);
    expect(hostileIn(body.error)).toEqual(Object.values(HOSTILE_SEQUENCES));
    expect((await call(sim.baseUrl, '/etcd/0/v3/maintenance/status', 'POST', '{}')).status).toBe(200);
  });

  it('names a hostile user in Forbidden messages', async () => {
    const viewer = await startSimulator({ scenario: 'calm', seed: 1, hostile: true, rbac: 'viewer' });
    try {
      const denied = await call(viewer.baseUrl, `/api/v1/namespaces/production/pods/${encodeURIComponent(HOSTILE_POD)}`, 'DELETE');
      expect(denied.status).toBe(403);
      const status = JSON.parse(denied.body) as { message: string };
      expect(status.message).toContain(HOSTILE_MARKERS.user);
      expect(hostileIn(status.message)).toEqual(Object.values(HOSTILE_SEQUENCES));
    } finally {
      await viewer.stop();
    }
  });

  it('the terminal check used on the bin finds each payload as written, and none in ordinary console output', () => {
    for (const [name, seq] of Object.entries(HOSTILE_SEQUENCES)) expect(hostileProblems(`row ${seq} row`), name).not.toEqual([]);
    // what the console itself writes: home-then-clear at start, synchronized output, 256 colours, bold, inverse
    expect(hostileProblems('\u001b[?1049h\u001b[H\u001b[2J\u001b[?2026h\u001b[38;5;196m\u001b[1;7mPods\u001b[0m\u001b[2K\u001b[1A\u001b[?2026l')).toEqual([]);
  });

  it('serves none of it without the option', async () => {
    const everything = [
      (await call(calm.baseUrl, '/api/v1/pods')).body,
      (await call(calm.baseUrl, '/alertmanager/api/v2/alerts')).body,
      (await call(calm.baseUrl, '/api/v1/namespaces/production/events')).body,
      (await call(calm.baseUrl, `/etcd/${HOSTILE_ETCD_MEMBER}/v3/maintenance/status`, 'POST', '{}')).body,
    ].join('\n');
    expect(everything).not.toContain('hostile');
    expect(hostileIn(everything)).toEqual([]);
  });
});
