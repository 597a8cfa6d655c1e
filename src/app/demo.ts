// The in-process simulator behind `hive-oncall demo` and `snapshot --demo`.
import type { HiveConfig } from '../config/config.js';
import { loadConfig } from '../config/load.js';
import type { ScenarioName, SimulatorHandle } from '../demo/contracts.js';

export interface Demo {
  sim: SimulatorHandle;
  config: HiveConfig;
}

export async function startDemo(scenario: ScenarioName, seed: number, rbac: 'admin' | 'oncall' | 'viewer' = 'admin'): Promise<Demo> {
  const { startSimulator } = await import('../demo/simulator.js');
  const sim = await startSimulator({ port: 0, scenario, seed, rbac });
  try {
    return { sim, config: loadConfig(sim.configPath) };
  } catch (err) {
    await sim.stop();
    throw err;
  }
}
