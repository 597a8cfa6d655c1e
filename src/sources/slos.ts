// SLO values, burn rates and error budgets from Prometheus, with the status words of types.ts.
import { withWindow, type SloSpec } from '../config/defaults.js';
import type { SloValue, SourceState } from '../state/types.js';
import { describeError, PartialFailure } from './errors.js';
import { createPoller, type Poller } from './poller.js';
import { firstValue, type PrometheusClient } from './prometheus.js';

/** Burn rate of the fast-burn page in the Google SRE workbook: 2% of a 30-day budget in one hour. */
export const CRITICAL_BURN = 14.4;

/** How close to the target counts as "near": half the error budget for ratios near 1, else 10% of the target. */
function isNear(spec: SloSpec, value: number): boolean {
  if (spec.comparator === '>=') {
    const margin = spec.unit === 'percent' && spec.target < 1 ? (1 - spec.target) * 0.5 : Math.abs(spec.target) * 0.1;
    return value < spec.target + margin;
  }
  return value > spec.target * 0.9;
}

export function sloStatus(spec: SloSpec, value: number | null, burnRate: number | null): SloValue['status'] {
  if (value === null || Number.isNaN(value)) return 'unknown';
  const breached = spec.comparator === '>=' ? value < spec.target : value > spec.target;
  if (breached || (burnRate !== null && burnRate >= CRITICAL_BURN)) return 'critical';
  if ((burnRate !== null && burnRate > 1) || isNear(spec, value)) return 'warning';
  return 'ok';
}

const finiteOrNull = (n: number | null): number | null => (n === null || !Number.isFinite(n) ? null : n);

export async function evaluateSlo(client: PrometheusClient, spec: SloSpec, signal: AbortSignal): Promise<SloValue> {
  const budgeted = spec.errorRatioQuery !== undefined && spec.objective !== undefined && spec.objective < 1;
  const allowed = 1 - (spec.objective ?? 1);
  const [value, burnRatio, budgetRatio] = await Promise.all([
    client.query(withWindow(spec.query, spec.window), signal).then(firstValue),
    budgeted ? client.query(withWindow(spec.errorRatioQuery!, spec.burnWindow), signal).then(firstValue) : null,
    budgeted ? client.query(withWindow(spec.errorRatioQuery!, spec.budgetWindow), signal).then(firstValue) : null,
  ]);
  const burnRate = finiteOrNull(burnRatio === null ? null : Math.max(0, burnRatio) / allowed);
  const budgetRemaining = finiteOrNull(budgetRatio === null ? null : 1 - Math.max(0, budgetRatio) / allowed);
  return {
    id: spec.id,
    name: spec.name,
    unit: spec.unit,
    // +Inf (a quantile beyond the last bucket) still breaches the target, but JSON and the views want numbers
    value: finiteOrNull(value),
    target: spec.target,
    comparator: spec.comparator,
    budgetRemaining,
    burnRate,
    status: sloStatus(spec, value, burnRate),
  };
}

const unknownSlo = (spec: SloSpec): SloValue => ({
  id: spec.id,
  name: spec.name,
  unit: spec.unit,
  value: null,
  target: spec.target,
  comparator: spec.comparator,
  budgetRemaining: null,
  burnRate: null,
  status: 'unknown',
});

/** Every SLO of one poll; a broken query makes only its own SLO unknown (and names it in the error line). */
export async function evaluateSlos(client: PrometheusClient, specs: SloSpec[], signal: AbortSignal): Promise<SloValue[]> {
  const results = await Promise.allSettled(specs.map((s) => evaluateSlo(client, s, signal)));
  const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [{ spec: specs[i]!, reason: r.reason as unknown }] : []));
  if (failures.length === 0) return results.map((r) => (r as PromiseFulfilledResult<SloValue>).value);
  if (failures.length === specs.length) throw failures[0]!.reason;
  const values = results.map((r, i) => (r.status === 'fulfilled' ? r.value : unknownSlo(specs[i]!)));
  const first = failures[0]!;
  throw new PartialFailure(values, `${first.spec.name}: ${describeError(first.reason)}`);
}

export function createSloSource(
  client: PrometheusClient,
  specs: SloSpec[],
  timing: { intervalMs: number; timeoutMs: number },
  onState: (s: SourceState<SloValue[]>) => void,
): Poller<SloValue[]> {
  return createPoller({
    name: 'prometheus',
    ...timing,
    fetch: (signal) => evaluateSlos(client, specs, signal),
    onState,
  });
}
