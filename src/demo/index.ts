// The simulator's public face: the only module of src/demo that the product loads, and only through
// src/app/demo.ts, lazily, for the `demo`, `simulate` and `snapshot --demo` commands (the layer rules in
// .dependency-cruiser.cjs keep it so). The names are cheap to load (--help lists them, flags are checked
// against them); the simulator itself is loaded only when one is started.
import type { SimulatorHandle, SimulatorOptions } from './contracts.js';

export { SCENARIOS, type ScenarioName, type SimulatorHandle, type SimulatorOptions } from './contracts.js';
export { RBAC_ROLES, type RbacRole } from './rbac.js';

export async function startSimulator(opts: SimulatorOptions): Promise<SimulatorHandle> {
  const { startSimulator: start } = await import('./simulator.js');
  return start(opts);
}
