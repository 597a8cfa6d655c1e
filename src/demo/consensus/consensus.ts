// The consensus cluster the world drives: the raft model behind the ConsensusSim contract, with each
// member's etcd gateway and Hive Mind health endpoint, plus an admin hook for operator actions.
import { createEtcdGateway } from './etcd-gateway.js';
import { createHealthApi } from './health-api.js';
import { createConsensusModel, type ConsensusOptions, type ConsensusSimWithAdmin } from './raft.js';

export function createConsensus(opts: ConsensusOptions): ConsensusSimWithAdmin {
  const core = createConsensusModel(opts);
  const { model } = core;
  const etcd = model.members.map((_, i) => createEtcdGateway(model, i));
  const health = model.members.map((_, i) => createHealthApi(model, i));
  const member = <T>(list: T[], i: number): T => {
    const h = list[i];
    if (h === undefined) throw new RangeError(`no consensus member ${i} (members 0..${list.length - 1})`);
    return h;
  };
  return {
    names: [...opts.names],
    model,
    tick: core.tick,
    leaderIndex: () => model.leaderIndex(),
    leaderChangesSince: core.leaderChangesSince,
    healthyMembers: core.healthy,
    etcdApi: (i) => member(etcd, i),
    healthApi: (i) => member(health, i),
    transferLeadership: (targetIndex) => model.transfer(targetIndex),
  };
}
