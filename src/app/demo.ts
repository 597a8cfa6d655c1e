// The product's one door to the simulator (src/demo): loaded lazily, so live mode never pays for it, and
// named here only, so the boundary is a rule the layer check enforces rather than a convention.
import type { HiveConfig } from '../config/config.js';
import { loadConfig } from '../config/load.js';

/** What a running simulator tells its user. */
export interface Simulation {
  baseUrl: string;
  kubeconfigPath: string;
  configPath: string;
  scenario: string;
  stop(): Promise<void>;
}

export interface Demo {
  sim: Simulation;
  config: HiveConfig;
}

export interface SimulationOptions {
  scenario: string;
  seed: number;
  rbac: string;
  /** 0: a free port */
  port?: number;
  /** where the kubeconfig and hive-oncall.yaml are written; a temp dir when absent */
  outDir?: string;
}

const load = () => import('../demo/index.js');

/** The scenario and role names the simulator knows, for --help and for checking flags. */
export async function demoCatalog(): Promise<{ scenarios: readonly string[]; roles: readonly string[] }> {
  const demo = await load();
  return { scenarios: demo.SCENARIOS, roles: demo.RBAC_ROLES };
}

/** Why these flags cannot start a simulation (in the words of a usage error), or null. */
export async function demoOptionsProblem(opts: Pick<SimulationOptions, 'scenario' | 'rbac'>): Promise<string | null> {
  const { scenarios, roles } = await demoCatalog();
  if (!scenarios.includes(opts.scenario)) return `unknown scenario "${opts.scenario}" (choose one of: ${scenarios.join(', ')})`;
  if (!roles.includes(opts.rbac)) return `--rbac must be one of ${roles.join(', ')}, got "${opts.rbac}"`;
  return null;
}

/** Serves the simulated cluster on 127.0.0.1 (the `simulate` command, and the demo's backends). */
export async function startSimulation(opts: SimulationOptions): Promise<Simulation> {
  const demo = await load();
  const problem = await demoOptionsProblem(opts);
  if (problem) throw new Error(problem);
  return demo.startSimulator({
    port: opts.port ?? 0,
    scenario: opts.scenario as (typeof demo.SCENARIOS)[number],
    seed: opts.seed,
    rbac: opts.rbac as (typeof demo.RBAC_ROLES)[number],
    ...(opts.outDir ? { outDir: opts.outDir } : {}),
  });
}

/** The in-process simulator behind `hive-oncall demo` and `snapshot --demo`, with the config it writes. */
export async function startDemo(opts: SimulationOptions): Promise<Demo> {
  const sim = await startSimulation(opts);
  try {
    return { sim, config: loadConfig(sim.configPath) };
  } catch (err) {
    await sim.stop();
    throw err;
  }
}
