// etcd's move-leader (POST /v3/maintenance/transfer-leadership), guarded: before, the cluster must have a
// leader and a healthy quorum and the target must be a healthy follower; after, we wait until the cluster
// reports the target as leader. Member IDs stay decimal strings: they are uint64 and lose digits as numbers.
import { pollEtcd } from '../sources/consensus.js';
import { joinUrl, postJson } from '../sources/http.js';
import type { ConsensusMember } from '../state/types.js';
import { sanitizeLine } from '../text/sanitize.js';
import { apiMessage } from './api-error.js';
import { fail, ok, type Draft, type PrepareOptions } from './draft.js';
import type { ActionRequest } from '../state/actions.js';

export interface EtcdTarget {
  endpoints: string[];
  timeoutMs: number;
  context: string;
  /** how long the post-check waits for the new leader (default 5 s) and how often it asks */
  settleMs?: number;
  pollMs?: number;
}

interface PreCheck {
  ok: boolean;
  lines: string[];
  leader: ConsensusMember | null;
  target: ConsensusMember | null;
}

const ctx = (t: EtcdTarget) => ({ signal: AbortSignal.timeout(t.timeoutMs + 1000), timeoutMs: t.timeoutMs });
const who = (m: ConsensusMember): string => `${m.name} (id ${m.id})`;

export async function preCheck(etcd: EtcdTarget, targetId: string): Promise<PreCheck> {
  let poll;
  try {
    poll = await pollEtcd(etcd.endpoints, ctx(etcd));
  } catch (err) {
    return { ok: false, lines: [`pre-check failed: cannot read the cluster: ${apiMessage(err)}`], leader: null, target: null };
  }
  const lines: string[] = [];
  let good = true;
  const leader = poll.members.find((m) => m.isLeader) ?? null;
  if (leader) lines.push(`pre-check: leader is ${who(leader)}`);
  else {
    good = false;
    lines.push('pre-check failed: no leader is known');
  }
  const healthy = poll.members.filter((m) => m.healthy).length;
  const n = poll.members.length;
  if (n > 0 && healthy > n / 2) lines.push(`pre-check: quorum healthy (${healthy}/${n} members healthy)`);
  else {
    good = false;
    lines.push(`pre-check failed: quorum not healthy (${healthy}/${n} members healthy)`);
  }
  const target = poll.members.find((m) => m.id === targetId) ?? null;
  if (!target) {
    good = false;
    lines.push(`pre-check failed: no member with id ${sanitizeLine(targetId, 64)}`);
  } else if (target.isLeader) {
    good = false;
    lines.push(`pre-check failed: ${who(target)} is already the leader`);
  } else if (!target.healthy) {
    good = false;
    lines.push(`pre-check failed: target ${who(target)} is not healthy${target.error ? `: ${target.error}` : ''}`);
  } else lines.push(`pre-check: target ${who(target)} is healthy`);
  return { ok: good, lines, leader, target };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function prepareLeaderTransfer(etcd: EtcdTarget, req: ActionRequest, _opts: PrepareOptions): Promise<Draft> {
  if (req.target.kind !== 'member') throw new Error('leader-transfer needs a member');
  const targetId = req.target.id;
  const pre = await preCheck(etcd, targetId);
  const firstFailure = pre.lines.find((l) => l.startsWith('pre-check failed'));
  return {
    context: etcd.context,
    cluster: pre.leader?.endpoint ?? etcd.endpoints[0] ?? '',
    changes: [
      `leader ${pre.leader?.name ?? '?'} -> ${pre.target?.name ?? sanitizeLine(req.target.name, 128)}`,
      `move-leader sent to the current leader${pre.leader ? ` at ${pre.leader.endpoint}` : ''}`,
      'clients see a short pause while leadership moves',
      ...pre.lines,
    ],
    diff: [],
    preview: [],
    dryRun: pre.ok
      ? { kind: 'pre-check', ok: true, message: 'pre-check: ok (leader known, quorum healthy, target healthy)' }
      : { kind: 'pre-check', ok: false, message: firstFailure ?? 'pre-check failed' },
    risk: 'destructive',
    params: { ...req.params },
    validate: () => null,
    async apply() {
      // the cluster may have moved since the modal opened: check again against what is true now
      const now = await preCheck(etcd, targetId);
      if (!now.ok || !now.leader || !now.target) return fail(now.lines.find((l) => l.startsWith('pre-check failed')) ?? 'pre-check failed', now.lines);
      const details = [...now.lines];
      try {
        await postJson(joinUrl(now.leader.endpoint, '/v3/maintenance/transfer-leadership'), { targetID: targetId }, ctx(etcd));
      } catch (err) {
        const message = apiMessage(err);
        return fail(message, [...details, `transfer-leadership sent to ${who(now.leader)}: ${message}`]);
      }
      details.push(`transfer-leadership sent to ${who(now.leader)}: accepted`);
      const deadline = Date.now() + (etcd.settleMs ?? 5000);
      let last = 'no answer';
      for (;;) {
        try {
          const poll = await pollEtcd(etcd.endpoints, ctx(etcd));
          const leader = poll.members.find((m) => m.isLeader);
          if (leader?.id === targetId) {
            details.push(`post-check: ${who(leader)} is the leader${poll.term !== null ? ` (term ${poll.term})` : ''}`);
            return ok(`leadership moved to ${leader.name}`, details);
          }
          last = leader ? `the leader is still ${who(leader)}` : 'no leader reported';
        } catch (err) {
          last = apiMessage(err);
        }
        if (Date.now() >= deadline) break;
        await sleep(etcd.pollMs ?? 200);
      }
      details.push(`post-check failed: ${last} after ${Math.round((etcd.settleMs ?? 5000) / 1000)}s`);
      return fail(`transfer accepted, but ${now.target.name} was not reported as leader: ${last}`, details);
    },
  };
}
