import { describe, expect, it } from 'vitest';
import { createConsensus } from '../../../src/demo/consensus/index.js';
import { createRng } from '../../../src/demo/rng.js';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const S = 1000;
const NAMES = ['hive-mind-rust-0', 'hive-mind-rust-1', 'hive-mind-rust-2'];

function sim(seed = 42) {
  let clock = T0;
  const c = createConsensus({ rng: createRng(seed, 'consensus'), now: () => clock, names: NAMES });
  const run = (from: number, to: number, step: number, cond: { flapping?: boolean; downMembers?: number[] } = {}) => {
    for (let t = from; t <= to; t += step) {
      clock = t;
      c.tick(t, { flapping: cond.flapping ?? false, downMembers: cond.downMembers ?? [] });
    }
  };
  return { c, run, setClock: (t: number) => (clock = t) };
}

describe('consensus model', () => {
  it('starts with a stable leader and no leader changes when calm', () => {
    const { c, run } = sim();
    run(T0, T0 + 30 * 60 * S, S);
    expect(c.leaderIndex()).not.toBeNull();
    expect(c.healthyMembers()).toBe(3);
    expect(c.leaderChangesSince(0)).toBe(0);
  });

  it('elects a new leader among the rest after an election timeout when the leader goes down', () => {
    const { c, run } = sim();
    run(T0, T0 + 10 * S, S);
    const old = c.leaderIndex()!;
    const termBefore = c.model.term();
    run(T0 + 11 * S, T0 + 11 * S, S, { downMembers: [old] });
    expect(c.leaderIndex()).toBeNull();
    expect(c.healthyMembers()).toBe(2);
    run(T0 + 12 * S, T0 + 15 * S, S, { downMembers: [old] });
    const next = c.leaderIndex();
    expect(next).not.toBeNull();
    expect(next).not.toBe(old);
    expect(c.model.term()).toBeGreaterThan(termBefore);
    expect(c.leaderChangesSince(T0)).toBe(1);
  });

  it('has no leader without quorum, and elects one once a majority is back', () => {
    const { c, run } = sim();
    run(T0, T0 + 5 * S, S);
    run(T0 + 6 * S, T0 + 5 * 60 * S, S, { downMembers: [0, 1] });
    expect(c.leaderIndex()).toBeNull();
    expect(c.healthyMembers()).toBe(1);
    run(T0 + 5 * 60 * S + S, T0 + 5 * 60 * S + 5 * S, S, { downMembers: [0] });
    expect(c.leaderIndex()).not.toBeNull();
    expect(c.leaderIndex()).not.toBe(0);
  });

  it('changes leader often while flapping, with short leaderless spells, at any tick size', () => {
    for (const step of [S, 5 * S]) {
      const { c, run } = sim(7);
      let leaderless = 0;
      const end = T0 + 10 * 60 * S;
      for (let t = T0; t <= end; t += step) {
        run(t, t, step, { flapping: true });
        if (c.leaderIndex() === null) leaderless++;
      }
      const changes = c.leaderChangesSince(T0);
      // every ~20-60 s for ten minutes
      expect(changes, `step ${step}`).toBeGreaterThanOrEqual(8);
      expect(changes, `step ${step}`).toBeLessThanOrEqual(35);
      expect(leaderless, `step ${step}`).toBeGreaterThan(0);
      // calm again: elections stop (one already under way may still finish)
      const before = c.leaderChangesSince(0);
      run(end + step, end + 20 * 60 * S, step);
      expect(c.leaderChangesSince(0) - before).toBeLessThanOrEqual(1);
      expect(c.leaderIndex()).not.toBeNull();
    }
  });

  it('advances commit and applied indexes while there is a leader, and freezes a down member', () => {
    const { c, run } = sim();
    run(T0, T0 + 5 * S, S);
    const start = c.model.members.map((m) => m.commitIndex);
    const leader = c.leaderIndex()!;
    const follower = (leader + 1) % 3;
    run(T0 + 6 * S, T0 + 60 * S, S, { downMembers: [follower] });
    const after = c.model.members.map((m) => m.commitIndex);
    expect(after[leader]! - start[leader]!).toBeGreaterThan(1000);
    expect(after[follower]).toBe(start[follower]);
    for (const m of c.model.members) expect(m.appliedIndex).toBeLessThanOrEqual(m.commitIndex);
    run(T0 + 61 * S, T0 + 62 * S, S);
    expect(c.model.members[follower]!.commitIndex).toBe(c.model.members[leader]!.commitIndex);
  });

  it('transferLeadership moves the leader, and refuses a down target', () => {
    const { c, run } = sim();
    run(T0, T0 + 5 * S, S);
    const leader = c.leaderIndex()!;
    const target = (leader + 1) % 3;
    const other = (leader + 2) % 3;
    expect(c.transferLeadership(target)).toEqual({ ok: true });
    expect(c.leaderIndex()).toBe(target);
    expect(c.leaderChangesSince(T0)).toBe(1);
    run(T0 + 6 * S, T0 + 6 * S, S, { downMembers: [other] });
    expect(c.transferLeadership(other)).toEqual({ ok: false, reason: 'target-down' });
    expect(c.leaderIndex()).toBe(target);
  });

  it('replays the same history for the same seed, and another for another seed', () => {
    const history = (seed: number) => {
      const { c, run } = sim(seed);
      const out: string[] = [];
      for (let t = T0; t <= T0 + 5 * 60 * S; t += S) {
        run(t, t, S, { flapping: t > T0 + 60 * S, downMembers: t > T0 + 200 * S && t < T0 + 230 * S ? [1] : [] });
        out.push(`${c.leaderIndex()}:${c.model.term()}:${c.model.members.map((m) => `${m.id}/${m.commitIndex}/${m.appliedIndex}`).join(',')}`);
      }
      return out;
    };
    expect(history(3)).toEqual(history(3));
    expect(history(3)).not.toEqual(history(4));
  });
});
