// Real HTTP against the simulator for the executor's tests, with the journal in a temp dir and small
// helpers to read the world back through the same APIs a person would check with kubectl or curl.
import axios from 'axios';
import { writeFileSync } from 'node:fs';
import { tempDir as makeTempDir } from '../helpers/temp.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createExecutor, type ExecutorDeps } from '../../src/actions/index.js';
import type { HiveConfig } from '../../src/config/config.js';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import type { ScenarioName, SimulatorHandle } from '../../src/demo/contracts.js';
import { kubeconfigYaml } from '../../src/demo/files.js';
import type { AccessPolicy } from '../../src/demo/kube/index.js';
import { createRouter } from '../../src/demo/router.js';
import { buildWorld, SIM_CONTEXT, startSimulator } from '../../src/demo/simulator.js';

export const tempDir = (): string => makeTempDir('hive-actions-');

export interface Sim {
  sim: SimulatorHandle;
  config: HiveConfig;
  journalPath: string;
  executor(overrides?: Partial<HiveConfig>, deps?: ExecutorDeps): ReturnType<typeof createExecutor>;
  get<T = any>(path: string, params?: Record<string, string | number | boolean>): Promise<T>;
  post<T = any>(path: string, body: unknown): Promise<T>;
}

export async function simulator(scenario: ScenarioName = 'bad-deploy', seed = 1): Promise<Sim> {
  const sim = await startSimulator({ scenario, seed });
  const config = { ...loadConfig(sim.configPath), user: 'alice' };
  const journalPath = join(tempDir(), 'state', 'audit.jsonl');
  return {
    sim,
    config,
    journalPath,
    executor: (overrides = {}, deps = {}) => createExecutor({ ...config, ...overrides }, { journalPath, ...deps }),
    get: async (path, params) => (await axios.get(`${sim.baseUrl}${path}`, { params, proxy: false })).data,
    post: async (path, body) => (await axios.post(`${sim.baseUrl}${path}`, body, { proxy: false })).data,
  };
}

/** Only the simulated Kubernetes API, with an authorization policy the test controls. */
export async function kubeOnly(policy: AccessPolicy) {
  const { parts } = buildWorld('calm', 1, Date.now);
  parts.cluster.setPolicy(policy);
  const server = createServer(createRouter([], parts.cluster.api));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = tempDir();
  writeFileSync(join(dir, 'kubeconfig'), kubeconfigYaml(baseUrl, SIM_CONTEXT));
  const config = parseConfig(`kubernetes: { kubeconfig: kubeconfig, context: ${SIM_CONTEXT} }\nuser: bob\n`, dir);
  return {
    cluster: parts.cluster,
    config,
    journalPath: join(dir, 'audit.jsonl'),
    get: async (path: string) => (await axios.get(`${baseUrl}${path}`, { proxy: false })).data,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
