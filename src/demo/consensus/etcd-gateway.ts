// One member's etcd v3 JSON gateway, as etcd 3.4/3.5 serve it: POST-only, proto3 JSON (64-bit integers as
// decimal strings, zero values omitted), errors as {error, code, message}.
import type { ServerResponse } from 'node:http';
import { HttpError, readJson, sendJson, type Handler } from '../http.js';
import { ETCD_ERRORS, type GatewayError } from './errors.js';
import { omitZero, parseUint64, u64 } from './ids.js';
import type { ConsensusModel } from './raft.js';

export const ETCD_VERSION = '3.4.23';

const PATHS = ['/v3/maintenance/status', '/v3/cluster/member/list', '/v3/maintenance/transfer-leadership'] as const;
type GatewayPath = (typeof PATHS)[number];

function fail(res: ServerResponse, e: GatewayError): true {
  sendJson(res, e.status, e.body);
  return true;
}

export function header(model: ConsensusModel, index: number) {
  const m = model.members[index]!;
  return omitZero({
    cluster_id: u64(model.clusterId),
    member_id: u64(m.id),
    revision: u64(model.revision()),
    raft_term: u64(m.term),
  });
}

export function statusResponse(model: ConsensusModel, index: number) {
  const m = model.members[index]!;
  const leader = model.leaderIndex();
  return omitZero({
    header: header(model, index),
    version: ETCD_VERSION,
    dbSize: u64(model.dbSize()),
    leader: leader === null ? undefined : u64(model.members[leader]!.id),
    raftIndex: u64(m.commitIndex),
    raftTerm: u64(m.term),
    raftAppliedIndex: u64(m.appliedIndex),
    // alarms (NOSPACE, CORRUPT) would be listed here; the simulated cluster raises none
    errors: [] as string[],
    dbSizeInUse: u64(model.dbSizeInUse()),
  });
}

export function memberListResponse(model: ConsensusModel, index: number) {
  const members = [...model.members]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) =>
      omitZero({
        ID: u64(m.id),
        name: m.name,
        peerURLs: [model.peerUrl(m.index)],
        clientURLs: [model.clientUrl(m.index)],
      }),
    );
  return { header: header(model, index), members };
}

function transfer(model: ConsensusModel, index: number, body: unknown, res: ServerResponse): true {
  const raw = body !== null && typeof body === 'object' ? (body as Record<string, unknown>).targetID : undefined;
  const target = parseUint64(raw ?? 0);
  if (target === null) return fail(res, ETCD_ERRORS.invalidJson(`invalid value for uint64 field targetID: ${JSON.stringify(raw)}`));
  if (model.leaderIndex() !== index) return fail(res, ETCD_ERRORS.notLeader);
  const targetIndex = model.members.findIndex((m) => m.id === target);
  if (targetIndex < 0) return fail(res, ETCD_ERRORS.badTransferee);
  const result = model.transfer(targetIndex, index);
  if (!result.ok) {
    return fail(
      res,
      result.reason === 'target-down' ? ETCD_ERRORS.transferTimeout : result.reason === 'bad-target' ? ETCD_ERRORS.badTransferee : ETCD_ERRORS.notLeader,
    );
  }
  sendJson(res, 200, { header: header(model, index) });
  return true;
}

export function createEtcdGateway(model: ConsensusModel, index: number): Handler {
  return async (req, res, path) => {
    if (path === '/health') {
      // etcd's own /health: GET, unhealthy without a leader.
      if (!model.members[index]!.up) return fail(res, ETCD_ERRORS.stopped);
      const ok = model.leaderIndex() !== null;
      sendJson(res, ok ? 200 : 503, { health: ok ? 'true' : 'false', reason: ok ? '' : 'RAFT NO LEADER' });
      return true;
    }
    // etcd 3.4 still answers the beta prefix its older clients use.
    const p = path.replace(/^\/v3beta\//, '/v3/') as GatewayPath;
    if (!PATHS.includes(p)) return false;
    if (req.method !== 'POST') return fail(res, ETCD_ERRORS.methodNotAllowed);
    if (!model.members[index]!.up) return fail(res, ETCD_ERRORS.stopped);
    let body: unknown;
    try {
      body = await readJson(req);
    } catch (err) {
      return fail(res, ETCD_ERRORS.invalidJson(err instanceof HttpError ? err.message : String(err)));
    }
    if (p === '/v3/maintenance/transfer-leadership') return transfer(model, index, body, res);
    sendJson(res, 200, p === '/v3/maintenance/status' ? statusResponse(model, index) : memberListResponse(model, index));
    return true;
  };
}
