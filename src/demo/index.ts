// The simulator's public face: the only module of src/demo that the product loads, and only through
// src/app/demo.ts, lazily, for the `demo`, `simulate` and `snapshot --demo` commands (the layer rules in
// .dependency-cruiser.cjs keep it so).
export { SCENARIOS, type ScenarioName, type SimulatorHandle, type SimulatorOptions } from './contracts.js';
export { RBAC_ROLES, type RbacRole } from './rbac.js';
export { startSimulator } from './simulator.js';
