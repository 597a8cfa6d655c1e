// Raft health from either etcd's v3 JSON gateway or Hive Mind's own GET /health/consensus.
// etcd's gateway (grpc-gateway) writes uint64 IDs as decimal strings and OMITS zero-valued fields, so every
// number here has a default.
import { z } from 'zod';
import type { ConsensusData, ConsensusMember, SourceState } from '../state/types.js';
import { sanitizeLine } from '../text/sanitize.js';
import { describeError } from './errors.js';
import { getJson, joinUrl, postJson } from './http.js';
import { createPoller, type Poller } from './poller.js';

const uint = z.union([z.string(), z.number()]).transform((v) => String(v));
const count = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v) => (v === undefined ? 0 : Number(v)));

const header = z.object({ cluster_id: uint.optional(), member_id: uint.optional(), raft_term: count }).partial().optional();

const memberListSchema = z.object({
  header,
  members: z
    .array(
      z.object({
        ID: uint.optional(),
        name: z.string().optional(),
        peerURLs: z.array(z.string()).optional(),
        clientURLs: z.array(z.string()).optional(),
        isLearner: z.boolean().optional(),
      }),
    )
    .optional()
    .default([]),
});

const statusSchema = z.object({
  header,
  version: z.string().optional(),
  leader: uint.optional(),
  raftIndex: count,
  raftTerm: count,
  raftAppliedIndex: count,
  errors: z.array(z.string()).optional(),
});

const healthSchema = z.looseObject({
  node_id: uint,
  name: z.string().optional(),
  role: z.string().optional(),
  term: z.number().nullable().optional(),
  leader_id: uint.nullable().optional(),
  commit_index: z.number().nullable().optional(),
  applied_index: z.number().nullable().optional(),
  healthy: z.boolean(),
  leader_changes_total: z.number().optional(),
});

interface Poll {
  members: ConsensusMember[];
  leaderId: string | null;
  term: number | null;
  /** the servers' own leader-change counter, when they report one */
  serverLeaderChanges: number | null;
}

type Ctx = { signal: AbortSignal; timeoutMs: number };

const origin = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url;
  }
};

/** Most members' view of the leader at the highest term seen (a stale follower may still name the old one). */
function agreedLeader(views: { leader: string | null; term: number | null }[]): { leader: string | null; term: number | null } {
  const terms = views.map((v) => v.term).filter((t): t is number => t !== null);
  const term = terms.length ? Math.max(...terms) : null;
  const votes = new Map<string, number>();
  for (const v of views) {
    if (v.leader && v.leader !== '0' && (term === null || v.term === term)) votes.set(v.leader, (votes.get(v.leader) ?? 0) + 1);
  }
  let leader: string | null = null;
  let best = 0;
  for (const [id, n] of votes) if (n > best) [leader, best] = [id, n];
  return { leader, term };
}

export async function pollEtcd(endpoints: string[], ctx: Ctx): Promise<Poll> {
  const statuses = await Promise.allSettled(
    endpoints.map(async (ep) => statusSchema.parse(await postJson(joinUrl(ep, '/v3/maintenance/status'), {}, ctx))),
  );
  // the member list is the same from any member: ask the first that answered its status
  let list: z.infer<typeof memberListSchema> | null = null;
  let listError: unknown = null;
  const order = endpoints.map((ep, i) => ({ ep, ok: statuses[i]?.status === 'fulfilled' })).sort((a, b) => Number(b.ok) - Number(a.ok));
  for (const { ep } of order) {
    try {
      list = memberListSchema.parse(await postJson(joinUrl(ep, '/v3/cluster/member/list'), {}, ctx));
      break;
    } catch (err) {
      listError = err;
      if (ctx.signal.aborted) break;
    }
  }
  if (!list) throw listError ?? new Error('no endpoint answered');

  const byMemberId = new Map<string, { ep: string; status: z.infer<typeof statusSchema> }>();
  const failed: { ep: string; error: unknown }[] = [];
  statuses.forEach((r, i) => {
    const ep = endpoints[i]!;
    if (r.status === 'fulfilled' && r.value.header?.member_id) byMemberId.set(r.value.header.member_id, { ep, status: r.value });
    else failed.push({ ep, error: r.status === 'rejected' ? r.reason : new Error('status without member_id') });
  });

  const { leader, term } = agreedLeader([...byMemberId.values()].map(({ status }) => ({ leader: status.leader ?? null, term: status.raftTerm || null })));

  const members: ConsensusMember[] = list.members.map((m) => {
    const id = m.ID ?? '0';
    const name = sanitizeLine(m.name || id, 128);
    const hit = byMemberId.get(id);
    if (hit) {
      // a member that knows no leader cannot serve linearizable requests: that is etcdctl's "unhealthy"
      const noLeader = !hit.status.leader || hit.status.leader === '0';
      const alarms = [...(hit.status.errors ?? []), ...(noLeader ? ['no leader'] : [])];
      return {
        id,
        name,
        endpoint: hit.ep,
        healthy: alarms.length === 0,
        isLeader: id === leader,
        term: hit.status.raftTerm || null,
        commitIndex: hit.status.raftIndex,
        appliedIndex: hit.status.raftAppliedIndex || null,
        error: alarms.length ? sanitizeLine(alarms.join('; '), 200) : null,
      };
    }
    // a member whose endpoint did not answer: match it by client URL, else by configuration order
    const clientOrigins = new Set((m.clientURLs ?? []).map(origin));
    const idx = failed.findIndex((f) => clientOrigins.has(origin(f.ep)));
    const miss = idx >= 0 ? failed.splice(idx, 1)[0] : failed.shift();
    return {
      id,
      name,
      endpoint: miss?.ep ?? (m.clientURLs?.[0] ? sanitizeLine(m.clientURLs[0], 256) : ''),
      healthy: false,
      isLeader: id === leader,
      term: null,
      commitIndex: null,
      appliedIndex: null,
      error: miss ? sanitizeLine(describeError(miss.error), 200) : 'no endpoint configured for this member',
    };
  });
  return { members, leaderId: leader, term, serverLeaderChanges: null };
}

export async function pollHttp(endpoints: string[], ctx: Ctx): Promise<Poll> {
  const results = await Promise.allSettled(
    endpoints.map(async (ep) => healthSchema.parse(await getJson(joinUrl(ep, '/health/consensus'), ctx))),
  );
  if (results.every((r) => r.status === 'rejected')) throw (results[0] as PromiseRejectedResult).reason;
  const members: ConsensusMember[] = results.map((r, i) => {
    const ep = endpoints[i]!;
    if (r.status === 'rejected') {
      return {
        id: `#${i}`,
        name: ep,
        endpoint: ep,
        healthy: false,
        isLeader: false,
        term: null,
        commitIndex: null,
        appliedIndex: null,
        error: sanitizeLine(describeError(r.reason), 200),
      };
    }
    const h = r.value;
    return {
      id: sanitizeLine(h.node_id, 128),
      name: sanitizeLine(h.name || h.node_id, 128),
      endpoint: ep,
      healthy: h.healthy,
      isLeader: h.role === 'leader',
      term: h.term ?? null,
      commitIndex: h.commit_index ?? null,
      appliedIndex: h.applied_index ?? null,
      error: null,
    };
  });
  const answered = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const views = answered.map((h) => ({ leader: h.role === 'leader' ? h.node_id : (h.leader_id ?? null), term: h.term ?? null }));
  const { leader, term } = agreedLeader(views);
  const leaderId = leader === null ? null : sanitizeLine(leader, 128);
  for (const m of members) m.isLeader = leaderId !== null && m.id === leaderId;
  const counters = answered.map((h) => h.leader_changes_total).filter((n): n is number => typeof n === 'number');
  return { members, leaderId, term, serverLeaderChanges: counters.length ? Math.max(...counters) : null };
}

export function createConsensusSource(
  mode: 'etcd' | 'http',
  endpoints: string[],
  timing: { intervalMs: number; timeoutMs: number },
  onState: (s: SourceState<ConsensusData>) => void,
  now: () => number = Date.now,
): Poller<ConsensusData> {
  let lastLeader: string | null = null;
  let observedChanges = 0;
  let lastChangeAt: number | null = null;
  return createPoller({
    name: mode === 'etcd' ? 'etcd' : 'consensus',
    ...timing,
    now,
    async fetch(signal) {
      const ctx = { signal, timeoutMs: timing.timeoutMs };
      const poll = mode === 'etcd' ? await pollEtcd(endpoints, ctx) : await pollHttp(endpoints, ctx);
      // a leaderless gap followed by the same leader is not a change; a different leader is
      if (poll.leaderId !== null) {
        if (lastLeader !== null && poll.leaderId !== lastLeader) {
          observedChanges += 1;
          lastChangeAt = now();
        }
        lastLeader = poll.leaderId;
      }
      const healthy = poll.members.filter((m) => m.healthy).length;
      return {
        kind: mode,
        members: poll.members,
        leaderId: poll.leaderId,
        term: poll.term,
        leaderChanges: Math.max(observedChanges, poll.serverLeaderChanges ?? 0),
        lastLeaderChangeAt: lastChangeAt,
        hasQuorum: poll.members.length > 0 && healthy > poll.members.length / 2,
      };
    },
    onState,
  });
}
