// One `kubectl logs -f --timestamps` connection through client-node's Log, plus the one thing Log does not
// tell: that the connection broke. Log pipes the response into our Writable but only a clean end reaches it,
// so the socket's own close is watched too.
import { Log, type KubeConfig, type LogOptions } from '@kubernetes/client-node';
import type { Agent as HttpAgent } from 'node:http';
import type { Socket } from 'node:net';
import type { Writable } from 'node:stream';

export interface ContainerRef {
  namespace: string;
  pod: string;
  container: string;
}

export interface ConnectOptions {
  tailLines: number;
  /** resume point: the kubelet timestamp of the last line taken; null asks for the last `tailLines` lines */
  since: string | null;
  /** the connection's socket closed, however it ended */
  onSocketClose(): void;
}

/** Opens the stream into `out`; resolves with what aborts it once the server has answered. */
export function openLogStream(kc: KubeConfig, ref: ContainerRef, out: Writable, opts: ConnectOptions): Promise<AbortController> {
  const options: LogOptions = {
    follow: true,
    timestamps: true,
    // first connect: recent history; resume: everything from the second of the last line on (sinceTime has
    // one-second precision, so that second comes again and the replay filter drops what was already shown)
    ...(opts.since === null ? { tailLines: opts.tailLines } : { sinceTime: toSeconds(opts.since) }),
  };
  // client-node puts namespace and pod into the path as they are (dist/log.js); a name the API server sent
  // with '?', '#', '%' or '/' in it would ask for another resource, so they go in encoded (a no-op for
  // DNS-1123 names). The container goes into the query, which client-node encodes itself.
  const log = new Log(withSocketClose(kc, opts.onSocketClose));
  return log.log(encodeURIComponent(ref.namespace), encodeURIComponent(ref.pod), ref.container, out, options);
}

type CreateConnection = (options: unknown, cb: unknown) => Socket | undefined;

/** The kubeconfig as Log sees it, except that the socket of each request reports its close. */
function withSocketClose(kc: KubeConfig, onClose: () => void): KubeConfig {
  const view = Object.create(kc) as KubeConfig;
  view.applyToFetchOptions = async (o) => {
    const init = await kc.applyToFetchOptions(o);
    const agent = init.agent as (HttpAgent & { createConnection?: CreateConnection }) | undefined;
    const original = agent?.createConnection;
    if (agent && typeof original === 'function') {
      agent.createConnection = ((options: unknown, cb: unknown) => {
        const socket = original.call(agent, options, cb);
        socket?.once('close', onClose);
        return socket;
      }) as CreateConnection;
    }
    return init;
  };
  return view;
}

/** The API server takes sinceTime as RFC 3339 without fractions ("2024-05-01T10:00:00Z"). */
export function toSeconds(stamp: string): string {
  const ms = Date.parse(stamp);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
