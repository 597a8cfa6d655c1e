// GET /metrics: the simulator's current counters, histograms and gauges in the Prometheus text format,
// rendered by prom-client. prom-client is loaded on the first scrape, not with the simulator: importing it
// (it sets up its default process metrics) cost every demo start tens of milliseconds for an endpoint
// only a real Prometheus scraping the simulator asks for.
import type { GaugeSample } from '../contracts.js';
import { sendText, type Handler } from '../http.js';
import type { ServiceState } from './traffic-recorder.js';

export function createMetricsEndpoint(current: () => { services: readonly ServiceState[]; gauges: readonly GaugeSample[] }, buckets: readonly number[]): Handler {
  return async (req, res, path) => {
    if (path !== '/metrics' && path !== '/' && path !== '') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'method not allowed\n');
      return true;
    }
    const { services, gauges } = current();
    const { buildRegistry } = await import('./prom-registry.js');
    const registry = buildRegistry(services, gauges, buckets);
    sendText(res, 200, await registry.metrics(), registry.contentType);
    return true;
  };
}
