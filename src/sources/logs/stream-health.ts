// The Logs pane shows one health for a target however many streams it has: the worst news first, so one
// pod's broken stream is not hidden by its healthy siblings.
import type { LogsData } from '../../state/types.js';
import type { StreamState } from './follower.js';

export interface TargetProgress {
  hasTarget: boolean;
  /** the target's pods are being looked up */
  resolving: boolean;
  /** looking them up failed */
  failed: boolean;
}

export function streamHealth(t: TargetProgress, streams: readonly StreamState[]): LogsData['stream'] {
  if (!t.hasTarget) return 'idle';
  // no stream yet: still looking, looking again after a failure, or nothing to follow (no pods matched)
  if (streams.length === 0) return t.resolving ? 'connecting' : t.failed ? 'reconnecting' : 'ended';
  if (streams.every((s) => s === 'ended')) return 'ended';
  if (streams.some((s) => s === 'reconnecting')) return 'reconnecting';
  if (streams.some((s) => s === 'connecting')) return 'connecting';
  return 'live';
}
