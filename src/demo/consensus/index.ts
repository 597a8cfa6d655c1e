// The simulated raft consensus cluster: etcd v3 JSON gateway and Hive Mind /health/consensus per member.
export { createConsensus } from './consensus.js';
export type { ConsensusOptions, ConsensusSimWithAdmin, TransferResult, Role } from './raft.js';
