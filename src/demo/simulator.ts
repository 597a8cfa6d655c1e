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
import { World } from './world/world.js';
import { kubeconfigYaml, hiveConfigYaml } from './files.js';

const HISTORY_MS = 60 * 60 * 1000;
const BACKFILL_STEP_MS = 5000;

export const SIM_CONTEXT = 'hive-demo';

/** Every part of the simulated system, wired into a world that has already lived its first hour. */
export function buildWorld(scenario: ScenarioName, seed: number, now: () => number, rbac: RbacRole = 'admin') {
  const startMs = now();
  const logs = createLogStore({ now });
  const cluster = createKubeCluster({ rng: createRng(seed, 'kube'), logs, now, nodes: NODES, clusterName: SIM_CONTEXT, policy: rbacPolicy(rbac) });
  const metrics = createMetricsEngine({ rng: createRng(seed, 'metrics'), now });
  const rules = createAlertRules();
  const alertmanager = createAlertmanager({ now, rng: createRng(seed, 'alertmanager') });
  const consensus = createConsensus({ rng: createRng(seed, 'consensus'), now, names: [...CONSENSUS_MEMBERS] });
  const parts = { cluster, metrics, rules, alertmanager, consensus, logs };
  const world = new World(parts, scenario, seed, startMs);
  world.seed(startMs - HISTORY_MS);
  world.backfill(startMs - HISTORY_MS, startMs, BACKFILL_STEP_MS);
  return { world, parts };
}

export async function startSimulator(opts: SimulatorOptions): Promise<SimulatorHandle> {
  const now = () => Date.now();
  const { world, parts } = buildWorld(opts.scenario, opts.seed, now, opts.rbac);
  const { cluster, metrics, alertmanager, consensus, logs } = parts;
  world.tick(now());

  const mounts: Mount[] = [
    { prefix: '/sim', handler: controlApi(world, now) },
    { prefix: '/prometheus', handler: metrics.prometheusApi },
    { prefix: '/metrics', handler: metrics.metricsEndpoint },
    { prefix: '/alertmanager', handler: alertmanager.api },
    { prefix: '/loki', handler: (req, res, path, url) => logs.lokiApi(req, res, `/loki${path}`, url) },
    ...CONSENSUS_MEMBERS.flatMap((_, i) => [
      { prefix: `/etcd/${i}`, handler: consensus.etcdApi(i) },
      { prefix: `/hive/${i}`, handler: consensus.healthApi(i) },
    ]),
  ];
  const server = createServer(createRouter(mounts, cluster.api));
  await listen(server, opts.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;

  const tickMs = opts.tickMs ?? 1000;
  const timer = setInterval(() => world.tick(now()), tickMs);
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
