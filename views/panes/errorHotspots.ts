// One line naming who is logging errors (from Loki), so the on-call knows which workload to follow.
import type { AppState } from '../../src/state/types.js';

export function errorHotspots(state: AppState, maxJobs = 3): string {
  const src = state.logErrors;
  if (src.data === null) return src.error ? `loki: ${src.error}` : '';
  const d = src.data;
  const minutes = Math.round(d.windowSeconds / 60);
  if (d.total === 0) return `no error lines in ${minutes}m`;
  const jobs = d.byJob.slice(0, maxJobs).map((j) => `${j.job} ${j.count}${d.truncated ? '+' : ''}`);
  const more = d.byJob.length > maxJobs ? ` +${d.byJob.length - maxJobs}` : '';
  return `errors ${minutes}m: ${jobs.join(', ')}${more}`;
}
