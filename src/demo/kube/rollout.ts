// The deployment controller's rolling-update arithmetic (maxSurge / maxUnavailable = 25%), kept pure so
// the numbers can be reasoned about apart from the objects: given the replica sets' sizes and how many of
// their pods are available, how big should each replica set be now.

export interface RsCounts {
  name: string;
  /** spec.replicas */
  replicas: number;
  /** ready, not terminating pods */
  available: number;
  /** creation time, for "scale down the oldest first" */
  createdMs: number;
}

export interface RolloutPlan {
  /** new spec.replicas by replica set name (only those that change) */
  sizes: Map<string, number>;
}

export function surgeAndUnavailable(replicas: number): { maxSurge: number; maxUnavailable: number } {
  const maxSurge = Math.ceil(replicas * 0.25);
  let maxUnavailable = Math.floor(replicas * 0.25);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

export function planRollout(desired: number, newRs: RsCounts, oldRss: RsCounts[]): RolloutPlan {
  const sizes = new Map<string, number>();
  const activeOld = oldRss.filter((rs) => rs.replicas > 0);
  if (activeOld.length === 0) {
    // nothing to roll over: a plain scale
    if (newRs.replicas !== desired) sizes.set(newRs.name, desired);
    return { sizes };
  }
  const { maxSurge, maxUnavailable } = surgeAndUnavailable(desired);
  const total = (): number => newRs.replicas + oldRss.reduce((n, rs) => n + rs.replicas, 0);

  // scale the new replica set up within the surge budget
  if (newRs.replicas < desired) {
    const room = desired + maxSurge - total();
    if (room > 0) {
      newRs.replicas = Math.min(desired, newRs.replicas + room);
      sizes.set(newRs.name, newRs.replicas);
    }
  } else if (newRs.replicas > desired) {
    newRs.replicas = desired;
    sizes.set(newRs.name, desired);
  }

  // scale the old ones down while keeping desired - maxUnavailable pods available
  const minAvailable = desired - maxUnavailable;
  const newUnavailable = Math.max(0, newRs.replicas - newRs.available);
  let budget = total() - minAvailable - newUnavailable;
  if (budget <= 0) return { sizes };
  const oldest = [...oldRss].sort((a, b) => a.createdMs - b.createdMs);
  // unhealthy old pods first: removing them costs no availability
  for (const rs of oldest) {
    if (budget <= 0) break;
    const unhealthy = Math.max(0, rs.replicas - rs.available);
    const cut = Math.min(unhealthy, budget);
    if (cut > 0) {
      rs.replicas -= cut;
      budget -= cut;
      sizes.set(rs.name, rs.replicas);
    }
  }
  const availableAll = newRs.available + oldRss.reduce((n, rs) => n + Math.min(rs.available, rs.replicas), 0);
  let scaleDown = availableAll - minAvailable;
  for (const rs of oldest) {
    if (scaleDown <= 0) break;
    const cut = Math.min(rs.replicas, scaleDown);
    if (cut > 0) {
      rs.replicas -= cut;
      scaleDown -= cut;
      sizes.set(rs.name, rs.replicas);
    }
  }
  return { sizes };
}
