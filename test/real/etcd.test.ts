// The Consensus pane's source against a real 3-member etcd cluster: members, leader, and a real election
// when the leader's process is killed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsensusSource } from '../../src/sources/consensus.js';
import type { ConsensusData, SourceState } from '../../src/state/types.js';
import { eventually } from '../helpers/eventually.js';
import { startEtcdCluster, REAL_WAIT, type EtcdCluster } from './servers.js';

let cluster: EtcdCluster;
let latest: SourceState<ConsensusData> | null = null;
let source: ReturnType<typeof createConsensusSource>;

beforeAll(async () => {
  cluster = await startEtcdCluster(3);
  source = createConsensusSource('etcd', cluster.endpoints, { intervalMs: 300, timeoutMs: 1000 }, (s) => (latest = s));
  source.start();
});
afterAll(async () => {
  source?.stop();
  await cluster?.stop();
});

describe('consensus pane on a real etcd cluster', () => {
  it('shows three healthy members, one leader, the term and commit index', async () => {
    const data = await eventually('three healthy members', () => (latest?.data?.members.filter((m) => m.healthy).length === 3 ? latest.data : null), REAL_WAIT);
    expect(data.kind).toBe('etcd');
    expect(data.hasQuorum).toBe(true);
    expect(data.members.filter((m) => m.isLeader)).toHaveLength(1);
    expect(data.leaderId).toMatch(/^\d+$/);
    expect(data.term).toBeGreaterThanOrEqual(2);
    expect(data.members.map((m) => m.name).sort()).toEqual(['etcd-0', 'etcd-1', 'etcd-2']);
  });

  it('follows an election when the leader is killed', async () => {
    const before = latest!.data!;
    const leader = before.members.find((m) => m.isLeader)!;
    const proc = cluster.members.find((m) => m.url === leader.endpoint)!;
    await proc.stop('SIGKILL');
    const after = await eventually(
      'a new leader',
      () => {
        const d = latest?.data;
        return d && d.leaderId && d.leaderId !== before.leaderId ? d : null;
      },
      { ...REAL_WAIT, timeoutMs: 15000 },
    );
    expect(after.hasQuorum).toBe(true);
    expect(after.term).toBeGreaterThan(before.term ?? 0);
    expect(after.leaderChanges).toBeGreaterThanOrEqual(1);
    const dead = after.members.find((m) => m.endpoint === leader.endpoint)!;
    expect(dead.healthy).toBe(false);
    expect(latest!.error === null || /etcd/.test(latest!.error)).toBe(true);
  });
});
