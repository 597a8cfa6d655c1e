// A raft-shaped model of the hive-mind-rust consensus cluster: a term, a leader, commit/applied indexes,
// elections after an election timeout when the leader goes away, none without quorum, and frequent
// elections while the scenario makes the cluster flap. Events are placed in time, so a back-fill step of
// several seconds sees the same elections a 1 s tick would. All randomness comes from the seeded rng,
// and only tick() and admin calls draw from it, so a seed replays the same history whatever is read.
import type { ConsensusSim, Rng } from '../contracts.js';
import { randomUint64 } from './ids.js';

export interface ConsensusOptions {
  rng: Rng;
  now: () => number;
  names: string[];
  /** raft proposals per second while there is a leader (default 40) */
  proposalsPerSecond?: number;
  /** client URL advertised for member i in member/list (default http://<name>:2379) */
  clientUrl?: (index: number, name: string) => string;
}

export type Role = 'leader' | 'follower' | 'candidate';

export interface MemberState {
  index: number;
  id: bigint;
  name: string;
  up: boolean;
  /** the last term this member saw (frozen while it is down) */
  term: number;
  commitIndex: number;
  appliedIndex: number;
}

export interface TickConditions {
  flapping: boolean;
  downMembers: readonly number[];
}

export type TransferResult = { ok: true } | { ok: false; reason: 'not-leader' | 'no-leader' | 'bad-target' | 'target-down' };

export interface ConsensusModel {
  readonly clusterId: bigint;
  readonly members: readonly MemberState[];
  term(): number;
  leaderIndex(): number | null;
  revision(): number;
  dbSize(): number;
  dbSizeInUse(): number;
  leaderChangesTotal(): number;
  lastElectionAt(): number | null;
  role(index: number): Role | 'down';
  clientUrl(index: number): string;
  peerUrl(index: number): string;
  /** Move leadership to member `targetIndex`, as etcd's MoveLeader does when asked by `fromIndex` (the leader when omitted). */
  transfer(targetIndex: number, fromIndex?: number): TransferResult;
}

export interface ConsensusSimWithAdmin extends ConsensusSim {
  readonly model: ConsensusModel;
  /** Hand leadership to member `targetIndex` now (an operator's force-election). */
  transferLeadership(targetIndex: number): TransferResult;
}

const S = 1000;
// Changes older than this are only counted, not kept: leaderChangesSince() is asked about 10m windows
// and about the total (since 0).
const KEEP_CHANGES_MS = 2 * 3600 * S;

export function createConsensusModel(opts: ConsensusOptions) {
  const { rng, names } = opts;
  if (names.length === 0) throw new Error('a consensus cluster needs at least one member');
  const rate = opts.proposalsPerSecond ?? 40;
  const clusterId = randomUint64(rng);
  const members: MemberState[] = names.map((name, index) => ({
    index,
    id: randomUint64(rng),
    name,
    up: true,
    term: 0,
    commitIndex: 0,
    appliedIndex: 0,
  }));
  const quorum = Math.floor(names.length / 2) + 1;

  let term = rng.int(2, 6);
  let raftIndex = rng.int(10_000, 50_000);
  let revision = Math.floor(raftIndex * 0.8);
  let pendingEntries = 0;
  let leader: number | null = rng.int(0, names.length);
  /** who led before the current leaderless spell: a flapping cluster elects someone else */
  let leaderBefore: number | null = leader;
  let electionAt: number | null = null;
  let nextFlapAt: number | null = null;
  let flapping = false;
  let lastT: number | null = null;
  let lastElection: number | null = null;
  const changes: number[] = [];
  let forgottenChanges = 0;
  let forgottenBefore = -Infinity;
  for (const m of members) {
    m.term = term;
    m.commitIndex = raftIndex;
    m.appliedIndex = raftIndex;
  }

  const healthy = (): number => members.filter((m) => m.up).length;
  const hasQuorum = (): boolean => healthy() >= quorum;
  const electionTimeout = (): number => 1000 + rng.int(0, 2000);

  function recordElection(t: number, newLeader: number): void {
    leader = newLeader;
    term += 1;
    raftIndex += 1; // a new leader appends an empty entry of its term
    lastElection = t;
    changes.push(t);
    electionAt = null;
    nextFlapAt = flapping ? t + rng.int(20 * S, 60 * S) : null;
  }

  function elect(t: number): void {
    // While flapping, some elections split the vote: the term moves on and a new round starts.
    if (flapping && rng.next() < 0.25) {
      term += 1;
      electionAt = t + electionTimeout();
      return;
    }
    const candidates = members.filter((m) => m.up).map((m) => m.index);
    const fresh = candidates.length > 1 ? candidates.filter((i) => i !== leaderBefore) : candidates;
    recordElection(t, rng.pick(fresh));
  }

  function loseLeader(t: number, after: number): void {
    leaderBefore = leader;
    leader = null;
    electionAt = t + after;
  }

  function advanceLog(from: number, to: number): void {
    if (leader === null || to <= from) return;
    pendingEntries += (rate * (to - from)) / S;
    const n = Math.floor(pendingEntries);
    pendingEntries -= n;
    raftIndex += n;
    revision += n;
  }

  /** Run the scheduled elections and flaps up to `to`. */
  function runEvents(from: number, to: number): void {
    let cursor = from;
    for (let guard = 0; guard < 10_000; guard++) {
      const candidates: number[] = [];
      if (leader === null && electionAt !== null && hasQuorum()) candidates.push(electionAt);
      if (leader !== null && flapping && nextFlapAt !== null) candidates.push(nextFlapAt);
      const at = candidates.length ? Math.min(...candidates) : null;
      if (at === null || at > to) break;
      advanceLog(cursor, at);
      cursor = Math.max(cursor, at);
      if (leader === null) elect(at);
      // "sometimes a few seconds with no leader": most flaps re-elect within a second, some take longer.
      else loseLeader(at, rng.next() < 0.35 ? rng.int(2 * S, 8 * S) : rng.int(150, 1200));
    }
    advanceLog(cursor, to);
  }

  function applyConditions(t: number, cond: TickConditions): void {
    const down = new Set(cond.downMembers);
    for (const m of members) {
      const up = !down.has(m.index);
      if (up && !m.up) {
        // A member that rejoins catches up from the leader's log.
        m.commitIndex = raftIndex;
        m.appliedIndex = raftIndex;
      }
      m.up = up;
    }
    if (cond.flapping && !flapping && leader !== null) nextFlapAt = t + rng.int(5 * S, 20 * S);
    if (!cond.flapping) nextFlapAt = null;
    flapping = cond.flapping;

    if (leader !== null && !members[leader]!.up) loseLeader(t, electionTimeout());
    // CheckQuorum: a leader that cannot reach a majority steps down.
    if (leader !== null && !hasQuorum()) loseLeader(t, electionTimeout());
    if (leader === null && hasQuorum() && (electionAt === null || electionAt < t)) electionAt = t + electionTimeout();
  }

  function settleMembers(): void {
    for (const m of members) {
      if (!m.up) continue;
      m.term = term;
      m.commitIndex = leader === null ? m.commitIndex : raftIndex;
      m.appliedIndex = Math.max(m.appliedIndex, m.commitIndex - rng.int(0, 3));
    }
  }

  function forgetOldChanges(t: number): void {
    let drop = 0;
    while (drop < changes.length && changes[drop]! < t - KEEP_CHANGES_MS) drop++;
    if (drop > 0) {
      forgottenChanges += drop;
      forgottenBefore = t - KEEP_CHANGES_MS;
      changes.splice(0, drop);
    }
  }

  const model: ConsensusModel = {
    clusterId,
    members,
    term: () => term,
    leaderIndex: () => leader,
    revision: () => revision,
    dbSize: () => Math.ceil((24_576 + revision * 48) / 4096) * 4096,
    dbSizeInUse: () => Math.max(16_384, Math.ceil((24_576 + revision * 48) / 4096) * 4096 - (revision % 7) * 4096),
    leaderChangesTotal: () => forgottenChanges + changes.length,
    lastElectionAt: () => lastElection,
    role(i) {
      const m = members[i];
      if (!m || !m.up) return 'down';
      if (leader === i) return 'leader';
      return leader === null ? 'candidate' : 'follower';
    },
    clientUrl: (i) => (opts.clientUrl ? opts.clientUrl(i, names[i] ?? '') : `http://${names[i]}:2379`),
    peerUrl: (i) => `http://${names[i]}:2380`,
    transfer(target, from) {
      const asker = from ?? leader;
      if (leader === null) return { ok: false, reason: asker === undefined || asker === null ? 'no-leader' : 'not-leader' };
      if (asker !== leader) return { ok: false, reason: 'not-leader' };
      const m = members[target];
      if (!m) return { ok: false, reason: 'bad-target' };
      if (target === leader) return { ok: true };
      if (!m.up) return { ok: false, reason: 'target-down' };
      leaderBefore = leader;
      recordElection(Math.max(opts.now(), lastT ?? -Infinity), target);
      settleMembers();
      return { ok: true };
    },
  };

  function tick(t: number, cond: TickConditions): void {
    if (lastT === null || t < lastT) lastT = t;
    runEvents(lastT, t);
    applyConditions(t, cond);
    settleMembers();
    forgetOldChanges(t);
    lastT = t;
  }

  function leaderChangesSince(t: number): number {
    let n = 0;
    for (let i = changes.length - 1; i >= 0 && changes[i]! >= t; i--) n++;
    return t <= forgottenBefore ? n + forgottenChanges : n;
  }

  return { model, tick, leaderChangesSince, healthy };
}

export type ConsensusCore = ReturnType<typeof createConsensusModel>;
