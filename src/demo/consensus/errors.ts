// etcd's gRPC errors as its JSON gateway (grpc-gateway v1) sends them: {error, code, message} with the gRPC
// code, and the HTTP status grpc-gateway v1 maps that code to.

export interface GatewayError {
  status: number;
  body: { error: string; code: number; message: string };
}

const grpc = (status: number, code: number, message: string): GatewayError => ({ status, body: { error: message, code, message } });

// gRPC codes: 3 InvalidArgument, 5 NotFound, 9 FailedPrecondition, 12 Unimplemented, 14 Unavailable.
export const ETCD_ERRORS = {
  notLeader: grpc(412, 9, 'etcdserver: not leader'),
  noLeader: grpc(503, 14, 'etcdserver: no leader'),
  badTransferee: grpc(412, 9, 'etcdserver: bad leader transferee'),
  transferTimeout: grpc(503, 14, 'etcdserver: request timed out, leader transfer took too long'),
  stopped: grpc(503, 14, 'etcdserver: server stopped'),
  methodNotAllowed: grpc(405, 12, 'Method Not Allowed'),
  invalidJson: (detail: string) => grpc(400, 3, detail),
} as const;
