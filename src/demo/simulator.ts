// Starts the embedded Hive Mind on 127.0.0.1: builds the parts, back-fills an hour of history so the
// dashboard opens on a story already unfolding, serves every API on one port and writes the kubeconfig and
// hive-oncall config that point at it.
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createAlertmanager, createAlertRules } from './alerts/index.js';
import { createConsensus } from './consensus/index.js';
import type { ScenarioName, SimulatorHandle, SimulatorOptions } from './contracts.js';
import { createKubeCluster } from './kube/index.js';
import { createLogStore } from './logs/index.js';
import { createMetricsEngine } from './metrics/index.js';
import { createRng } from './rng.js';
import { controlApi } from './control-api.js';
import { rbacPolicy, type RbacRole } from './rbac.js';
import { createRouter, type Mount } from './router.js';
import { CONSENSUS_MEMBERS, NODES } from './world/topology.js';
import { ONSET_BEFORE_START_MS } from './world/scenarios.js';
import { World } from './world/world.js';
import { kubeconfigYaml, hiveConfigYaml } from './files.js';
import { HOSTILE_ETCD_MEMBER, HOSTILE_USER, installHostile } from './hostile.js';

const MINUTE_MS = 60 * 1000;
const HISTORY_MS = 60 * MINUTE_MS;
/**
 * How the hour of history is stepped, oldest first. A world tick costs about the same whatever its length,
 * so: every 30 s while the system is calm (every scenario's incident starts 20 minutes before now; two
 * samples are all a rate(...[1m]) needs, and only the latency charts' first minutes and the 1-hour windows
 * read this far back), then at a Prometheus scrape interval, 15 s, from just before the incident on, so
 * crash loops, rollouts and alerts' `for:` clocks keep their rhythm.
 */
const BACKFILL_STEPS: readonly { untilBeforeNowMs: number; stepMs: number }[] = [
  { untilBeforeNowMs: ONSET_BEFORE_START_MS + 2 * MINUTE_MS, stepMs: 30_000 },
  { untilBeforeNowMs: 0, stepMs: 15_000 },
];

export const SIM_CONTEXT = 'hive-demo';

/** Every part of the simulated system, wired into a world that has already lived its first hour. */
export function buildWorld(scenario: ScenarioName, seed: number, now: () => number, rbac: RbacRole = 'admin', opts: { hostile?: boolean } = {}) {
  const startMs = now();
  const logs = createLogStore({ now });
  const user = opts.hostile ? HOSTILE_USER : undefined;
  const cluster = createKubeCluster({ rng: createRng(seed, 'kube'), logs, now, nodes: NODES, clusterName: SIM_CONTEXT, policy: rbacPolicy(rbac), ...(user ? { user } : {}) });
  const metrics = createMetricsEngine({ rng: createRng(seed, 'metrics'), now });
  const rules = createAlertRules();
  const alertmanager = createAlertmanager({ now, rng: createRng(seed, 'alertmanager') });
  const consensus = createConsensus({ rng: createRng(seed, 'consensus'), now, names: [...CONSENSUS_MEMBERS] });
  const parts = { cluster, metrics, rules, alertmanager, consensus, logs };
  const world = new World(parts, scenario, seed, startMs);
  world.seed(startMs - HISTORY_MS);
  const hostile = opts.hostile ? installHostile({ cluster, alertmanager, logs }, startMs - HISTORY_MS) : null;
  let fromMs = startMs - HISTORY_MS;
  for (const { untilBeforeNowMs, stepMs } of BACKFILL_STEPS) {
    const untilMs = startMs - untilBeforeNowMs;
    world.backfill(fromMs, untilMs, stepMs);
    fromMs = untilMs;
  }
  hostile?.tick(startMs);
  return { world, parts, hostile };
}

export async function startSimulator(opts: SimulatorOptions): Promise<SimulatorHandle> {
  const now = () => Date.now();
  const { world, parts, hostile } = buildWorld(opts.scenario, opts.seed, now, opts.rbac, { hostile: opts.hostile ?? false });
  const { cluster, metrics, alertmanager, consensus, logs } = parts;
  const tick = (t: number) => {
    world.tick(t);
    hostile?.tick(t);
  };
  tick(now());

  const mounts: Mount[] = [
    { prefix: '/sim', handler: controlApi(world, now) },
    { prefix: '/prometheus', handler: metrics.prometheusApi },
    { prefix: '/metrics', handler: metrics.metricsEndpoint },
    { prefix: '/alertmanager', handler: alertmanager.api },
    { prefix: '/loki', handler: (req, res, path, url) => logs.lokiApi(req, res, `/loki${path}`, url) },
    ...CONSENSUS_MEMBERS.flatMap((_, i) => [
      { prefix: `/etcd/${i}`, handler: hostile && i === HOSTILE_ETCD_MEMBER ? hostile.etcdError : consensus.etcdApi(i) },
      { prefix: `/hive/${i}`, handler: consensus.healthApi(i) },
    ]),
  ];
  const server = createServer(createRouter(mounts, cluster.api));
  await listen(server, opts.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;

  const tickMs = opts.tickMs ?? 1000;
  const timer = setInterval(() => tick(now()), tickMs);
  timer.unref();

  // a directory we made is ours to remove: a demo run must not leave a kubeconfig behind in /tmp
  const ownDir = opts.outDir === undefined;
  const outDir = opts.outDir ?? mkdtempSync(join(tmpdir(), 'hive-oncall-sim-'));
  mkdirSync(outDir, { recursive: true });
  const kubeconfigPath = join(outDir, 'kubeconfig');
  const configPath = join(outDir, 'hive-oncall.yaml');
  writeFileSync(kubeconfigPath, kubeconfigYaml(baseUrl, SIM_CONTEXT), { mode: 0o600 });
  writeFileSync(configPath, hiveConfigYaml(baseUrl, kubeconfigPath, SIM_CONTEXT, CONSENSUS_MEMBERS.length));

  return {
    baseUrl,
    kubeconfigPath,
    configPath,
    scenario: opts.scenario,
    stop: async () => {
      clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownDir) rmSync(outDir, { recursive: true, force: true });
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
