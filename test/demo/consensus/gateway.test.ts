import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsensus } from '../../../src/demo/consensus/index.js';
import type { Handler } from '../../../src/demo/http.js';
import { createRng } from '../../../src/demo/rng.js';
import { serve, type Served } from '../alerts/harness.js';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const S = 1000;
const NAMES = ['hive-mind-rust-0', 'hive-mind-rust-1', 'hive-mind-rust-2'];

let clock = T0;
let c: ReturnType<typeof createConsensus>;
let server: Served;

function tick(to: number, downMembers: number[] = []) {
  for (let t = clock; t <= to; t += S) {
    clock = t;
    c.tick(t, { flapping: false, downMembers });
  }
}

beforeEach(async () => {
  clock = T0;
  c = createConsensus({ rng: createRng(42, 'consensus'), now: () => clock, names: NAMES });
  tick(T0 + 5 * S);
  // mount every member like the simulator: /etcd/<i> and /hive/<i>
  const handler: Handler = (req, res, _path, url) => {
    const m = /^\/(etcd|hive)\/(\d+)(\/.*)$/.exec(url.pathname);
    if (!m) return false;
    const i = Number(m[2]);
    return (m[1] === 'etcd' ? c.etcdApi(i) : c.healthApi(i))(req, res, m[3]!, url);
  };
  server = await serve(handler);
});
afterEach(async () => server.close());

async function post<T = Record<string, unknown>>(member: number, path: string, body: unknown = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}/etcd/${member}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

const DECIMAL = /^[1-9]\d*$/;

describe('etcd v3 JSON gateway', () => {
  it('maintenance/status carries uint64s as decimal strings', async () => {
    const leader = c.leaderIndex()!;
    const { status, body } = await post(leader, '/v3/maintenance/status');
    expect(status).toBe(200);
    const header = body.header as Record<string, unknown>;
    for (const k of ['cluster_id', 'member_id', 'revision', 'raft_term']) expect(header[k], k).toMatch(DECIMAL);
    for (const k of ['dbSize', 'leader', 'raftIndex', 'raftTerm', 'raftAppliedIndex', 'dbSizeInUse']) expect(body[k], k).toMatch(DECIMAL);
    expect(body.version).toMatch(/^3\.[45]\./);
    expect(body.leader).toBe(header.member_id);
    expect(body.raftTerm).toBe(String(c.model.term()));
    // ids are full uint64s: only strings keep them exact
    expect(c.model.members.some((m) => m.id > BigInt(Number.MAX_SAFE_INTEGER))).toBe(true);
    expect(body.leader).toBe(c.model.members[leader]!.id.toString());
  });

  it('omits zero and empty fields as proto3 JSON does', async () => {
    const { body } = await post(0, '/v3/maintenance/status');
    expect('errors' in body).toBe(false);
    expect('isLearner' in body).toBe(false);
    tick(T0 + 20 * S, [0, 1]);
    const alone = await post(2, '/v3/maintenance/status');
    expect(alone.status).toBe(200);
    expect(c.leaderIndex()).toBeNull();
    expect('leader' in alone.body).toBe(false);
    const list = await post<{ members: Record<string, unknown>[] }>(2, '/v3/cluster/member/list');
    for (const m of list.body.members) expect('isLearner' in m).toBe(false);
  });

  it('member/list names every member with decimal IDs and URLs', async () => {
    const { status, body } = await post<{ header: Record<string, string>; members: { ID: string; name: string; peerURLs: string[]; clientURLs: string[] }[] }>(1, '/v3/cluster/member/list');
    expect(status).toBe(200);
    expect(body.header.member_id).toBe(c.model.members[1]!.id.toString());
    expect(body.members.map((m) => m.name).sort()).toEqual(NAMES);
    for (const m of body.members) {
      expect(m.ID).toMatch(DECIMAL);
      expect(m.peerURLs).toEqual([`http://${m.name}:2380`]);
      expect(m.clientURLs).toEqual([`http://${m.name}:2379`]);
    }
  });

  it('transfer-leadership works only on the leader, as etcd', async () => {
    const leader = c.leaderIndex()!;
    const follower = (leader + 1) % 3;
    const targetID = c.model.members[follower]!.id.toString();
    const refused = await post(follower, '/v3/maintenance/transfer-leadership', { targetID });
    expect(refused).toEqual({ status: 412, body: { error: 'etcdserver: not leader', code: 9, message: 'etcdserver: not leader' } });
    expect(c.leaderIndex()).toBe(leader);

    const unknown = await post(leader, '/v3/maintenance/transfer-leadership', { targetID: '12345' });
    expect(unknown.body.error).toBe('etcdserver: bad leader transferee');

    const moved = await post(leader, '/v3/maintenance/transfer-leadership', { targetID });
    expect(moved.status).toBe(200);
    expect((moved.body.header as Record<string, string>).member_id).toBe(c.model.members[leader]!.id.toString());
    expect(c.leaderIndex()).toBe(follower);
    const status = await post(leader, '/v3/maintenance/status');
    expect(status.body.leader).toBe(targetID);
  });

  it('answers GET with 405 and a down member with 503 in etcd\'s error shape', async () => {
    const get = await fetch(`${server.url}/etcd/0/v3/maintenance/status`);
    expect(get.status).toBe(405);
    const leader = c.leaderIndex()!;
    tick(T0 + 6 * S, [leader]);
    const down = await post(leader, '/v3/maintenance/status');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ error: 'etcdserver: server stopped', code: 14, message: 'etcdserver: server stopped' });
  });
});

describe('Hive Mind /health/consensus', () => {
  it('describes the member, its leader and its peers', async () => {
    const leader = c.leaderIndex()!;
    const res = await fetch(`${server.url}/hive/${leader}/health/consensus`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      node_id: c.model.members[leader]!.id.toString(),
      name: NAMES[leader],
      role: 'leader',
      term: c.model.term(),
      leader_id: c.model.members[leader]!.id.toString(),
      healthy: true,
      leader_changes_total: 0,
    });
    expect(typeof body.commit_index).toBe('number');
    expect(body.applied_index as number).toBeLessThanOrEqual(body.commit_index as number);
    expect((body.peers as { name: string; reachable: boolean }[]).map((p) => p.name)).toEqual(NAMES.filter((_, i) => i !== leader));
  });

  it('shows candidates without a leader, and a down member as unreachable', async () => {
    tick(T0 + 20 * S, [0, 1]);
    const alone = (await (await fetch(`${server.url}/hive/2/health/consensus`)).json()) as Record<string, unknown>;
    expect(alone).toMatchObject({ role: 'candidate', leader_id: null, healthy: false });
    expect(alone.peers).toEqual([
      { node_id: c.model.members[0]!.id.toString(), name: NAMES[0], reachable: false },
      { node_id: c.model.members[1]!.id.toString(), name: NAMES[1], reachable: false },
    ]);
    const down = await fetch(`${server.url}/hive/0/health/consensus`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { healthy: boolean }).healthy).toBe(false);
  });
});
