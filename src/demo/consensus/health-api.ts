// Hive Mind's own GET /health/consensus for one member (schema in docs/consensus-api.md): the member's raft
// view as plain JSON numbers, with ids as decimal strings so they match the etcd gateway's.
import { sendJson, type Handler } from '../http.js';
import type { ConsensusModel } from './raft.js';

export function healthBody(model: ConsensusModel, index: number) {
  const m = model.members[index]!;
  const leader = model.leaderIndex();
  const role = model.role(index);
  const last = model.lastElectionAt();
  return {
    node_id: m.id.toString(),
    name: m.name,
    role: role === 'down' ? 'candidate' : role,
    term: m.term,
    leader_id: leader === null ? null : model.members[leader]!.id.toString(),
    leader_name: leader === null ? null : model.members[leader]!.name,
    commit_index: m.commitIndex,
    applied_index: m.appliedIndex,
    healthy: m.up && leader !== null,
    peers: model.members
      .filter((p) => p.index !== index)
      .map((p) => ({ node_id: p.id.toString(), name: p.name, reachable: p.up })),
    leader_changes_total: model.leaderChangesTotal(),
    last_election_at: last === null ? null : new Date(last).toISOString(),
  };
}

export function createHealthApi(model: ConsensusModel, index: number): Handler {
  return (req, res, path) => {
    if (path !== '/health/consensus') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'GET' });
      return true;
    }
    const m = model.members[index]!;
    if (!m.up) {
      sendJson(res, 503, { node_id: m.id.toString(), name: m.name, healthy: false, error: 'node unreachable' });
      return true;
    }
    sendJson(res, 200, healthBody(model, index));
    return true;
  };
}
