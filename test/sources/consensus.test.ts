import { afterEach, describe, expect, it } from 'vitest';
import { createConsensusSource } from '../../src/sources/consensus.js';
import type { ConsensusData, SourceState } from '../../src/state/types.js';
import { json, startFake, type FakeServer } from './fake-servers.js';

let fake: FakeServer | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

// etcd v3 JSON gateway: uint64 as decimal strings, zero-valued fields omitted
const IDS = ['8211f1d0f64f3269', '91bc3c398fb3c146', 'fd422379fda50e48'].map((h) => BigInt(`0x${h}`).toString());
const header = (i: number, term: number) => ({ cluster_id: '14841639068965178418', member_id: IDS[i], revision: '42', raft_term: String(term) });

function etcd(opts: { down?: number[]; leader: number; term: number }) {
  return startFake((req, res, url) => {
    const m = /^\/etcd\/(\d)(\/.*)$/.exec(url.pathname);
    const i = Number(m?.[1]);
    if (!m || req.method !== 'POST') return json(res, 404, { error: 'not found' });
    if (opts.down?.includes(i)) {
      res.socket?.destroy();
      return;
    }
    if (m[2] === '/v3/cluster/member/list') {
      return json(res, 200, {
        header: header(i, opts.term),
        members: IDS.map((id, k) => ({ ID: id, name: `hive-mind-rust-${k}`, peerURLs: [`http://10.0.0.${k}:2380`], clientURLs: [`http://10.0.0.${k}:2379`] })),
      });
    }
    if (m[2] === '/v3/maintenance/status') {
      // raftAppliedIndex omitted on member 2: it is zero
      return json(res, 200, {
        header: header(i, opts.term),
        version: '3.4.23',
        dbSize: '24576',
        leader: IDS[opts.leader],
        raftIndex: '1234',
        raftTerm: String(opts.term),
        ...(i === 2 ? {} : { raftAppliedIndex: '1230' }),
        dbSizeInUse: '24576',
      });
    }
    json(res, 404, { error: 'not found' });
  });
}

const timing = { intervalMs: 60_000, timeoutMs: 1000 };

describe('consensus source, etcd mode', () => {
  it('maps members by member_id, defaults omitted fields and finds the leader', async () => {
    fake = await etcd({ leader: 1, term: 5 });
    let state: SourceState<ConsensusData> | null = null;
    const eps = [0, 1, 2].map((i) => `${fake!.url}/etcd/${i}`);
    const poller = createConsensusSource('etcd', eps, timing, (s) => {
      state = s;
    });
    await poller.pollOnce();
    const data = state!.data!;
    expect(data.kind).toBe('etcd');
    expect(data.leaderId).toBe(IDS[1]);
    expect(data.term).toBe(5);
    expect(data.hasQuorum).toBe(true);
    expect(data.members.map((m) => [m.name, m.isLeader, m.healthy])).toEqual([
      ['hive-mind-rust-0', false, true],
      ['hive-mind-rust-1', true, true],
      ['hive-mind-rust-2', false, true],
    ]);
    expect(data.members[0]).toMatchObject({ commitIndex: 1234, appliedIndex: 1230, endpoint: eps[0] });
    expect(data.members[2]!.appliedIndex).toBeNull();
  });

  it('marks unreachable members unhealthy and loses quorum when two of three are down', async () => {
    fake = await etcd({ leader: 0, term: 7, down: [1, 2] });
    let state: SourceState<ConsensusData> | null = null;
    const poller = createConsensusSource('etcd', [0, 1, 2].map((i) => `${fake!.url}/etcd/${i}`), timing, (s) => {
      state = s;
    });
    await poller.pollOnce();
    const data = state!.data!;
    expect(data.members.map((m) => m.healthy)).toEqual([true, false, false]);
    expect(data.members[1]!.error).toMatch(/socket hang up|ECONNRESET/);
    expect(data.hasQuorum).toBe(false);
  });
});

describe('consensus source, http mode', () => {
  it('reads /health/consensus, tolerates extra fields and counts leader changes', async () => {
    let leader = 'node-0';
    let term = 3;
    fake = await startFake((req, res, url) => {
      const m = /^\/hive\/(\d)\/health\/consensus$/.exec(url.pathname);
      if (!m) return json(res, 404, { error: 'not found' });
      const id = `node-${m[1]}`;
      json(res, 200, {
        node_id: id,
        name: `hive-mind-rust-${m[1]}`,
        role: id === leader ? 'leader' : 'follower',
        term,
        leader_id: leader,
        commit_index: 100,
        applied_index: 99,
        healthy: true,
        leader_changes_total: 1,
        peers: ['node-0', 'node-1', 'node-2'],
        uptime_seconds: 12,
      });
    });
    let state: SourceState<ConsensusData> | null = null;
    let clock = 1_000_000;
    const poller = createConsensusSource('http', [0, 1, 2].map((i) => `${fake!.url}/hive/${i}`), timing, (s) => {
      state = s;
    }, () => clock);
    await poller.pollOnce();
    expect(state!.data).toMatchObject({ kind: 'http', leaderId: 'node-0', term: 3, hasQuorum: true, leaderChanges: 1, lastLeaderChangeAt: null });
    leader = 'node-2';
    term = 4;
    clock += 5000;
    await poller.pollOnce();
    leader = 'node-1';
    term = 5;
    clock += 5000;
    await poller.pollOnce();
    expect(state!.data).toMatchObject({ leaderId: 'node-1', term: 5, leaderChanges: 2, lastLeaderChangeAt: 1_010_000 });
    expect(state!.data!.members.filter((m) => m.isLeader).map((m) => m.name)).toEqual(['hive-mind-rust-1']);
  });

  it('rejects an answer without the required fields as an unexpected response', async () => {
    fake = await startFake((req, res) => json(res, 200, { status: 'ok' }));
    let state: SourceState<ConsensusData> | null = null;
    const poller = createConsensusSource('http', [`${fake.url}/hive/0`], timing, (s) => {
      state = s;
    });
    await poller.pollOnce();
    expect(state!.error).toMatch(/^consensus: unexpected response: node_id: /);
    expect(state!.data).toBeNull();
  });
});
