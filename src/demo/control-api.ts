// The simulator's own control endpoint, for demos and the real-server tests: switch the running scenario
// (`curl -XPOST 127.0.0.1:PORT/sim/scenario -d '{"scenario":"error-storm"}'`) without restarting.
import { SCENARIOS, type ScenarioName } from './contracts.js';
import { HttpError, readJson, sendJson, type Handler } from './http.js';
import type { World } from './world/world.js';

export function controlApi(world: World, now: () => number): Handler {
  return async (req, res, path) => {
    if (path !== '/scenario') return false;
    if (req.method === 'GET') {
      sendJson(res, 200, { scenario: world.currentScenario });
      return true;
    }
    if (req.method !== 'POST') throw new HttpError(405, 'use GET or POST');
    const body = (await readJson(req)) as { scenario?: unknown };
    const name = body.scenario;
    if (typeof name !== 'string' || !(SCENARIOS as readonly string[]).includes(name)) {
      throw new HttpError(400, `scenario must be one of: ${SCENARIOS.join(', ')}`);
    }
    world.setScenario(name as ScenarioName, now());
    sendJson(res, 200, { scenario: name });
    return true;
  };
}
