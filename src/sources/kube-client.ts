// Kubeconfig loading and plain GETs against the API server with the kubeconfig's credentials, so list calls
// get a real timeout and cancellation (and the same raw JSON the watch stream carries).
import { KubeConfig } from '@kubernetes/client-node';
import axios from 'axios';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { ConfigError } from '../config/config.js';

export interface KubeTarget {
  kubeconfig: string | null;
  context: string | null;
}

export function loadKubeConfig(target: KubeTarget): KubeConfig {
  const kc = new KubeConfig();
  try {
    if (target.kubeconfig) kc.loadFromFile(target.kubeconfig);
    else {
      // with nothing to load, client-node invents a cluster at http://localhost:8080; say what is missing instead
      if (!hasDefaultKubeconfig()) {
        throw new ConfigError('kubernetes: no kubeconfig found (set KUBECONFIG, create ~/.kube/config, or set kubernetes.kubeconfig)');
      }
      kc.loadFromDefault();
    }
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const where = target.kubeconfig ?? 'default kubeconfig';
    throw new ConfigError(`kubernetes.kubeconfig: cannot load ${where}: ${(err as Error).message.split('\n')[0]}`);
  }
  // client-node refuses a plain-http server unless TLS verification is off, although there is no TLS to
  // verify (kubectl accepts it as is): a port-forwarded or local API server often speaks plain http
  kc.clusters = kc.clusters.map((c) => (c.server.startsWith('http:') && !c.skipTLSVerify ? { ...c, skipTLSVerify: true } : c));
  if (target.context) {
    if (!kc.getContextObject(target.context)) {
      const known = kc.getContexts().map((c) => c.name);
      throw new ConfigError(
        `kubernetes.context: no context "${target.context}" in the kubeconfig${known.length ? ` (have: ${known.join(', ')})` : ''}`,
      );
    }
    kc.setCurrentContext(target.context);
  }
  return kc;
}

function hasDefaultKubeconfig(env: NodeJS.ProcessEnv = process.env): boolean {
  const fromEnv = (env.KUBECONFIG ?? '').split(delimiter).filter((p) => p !== '');
  if (fromEnv.some((p) => existsSync(p))) return true;
  if (existsSync(join(homedir(), '.kube', 'config'))) return true;
  // in a pod: the service account
  return Boolean(env.KUBERNETES_SERVICE_HOST) && existsSync('/var/run/secrets/kubernetes.io/serviceaccount/token');
}

export interface KubeHttp {
  get(path: string, signal: AbortSignal, timeoutMs: number, params?: Record<string, string | number | boolean>): Promise<unknown>;
  /** API server base URL, for messages */
  server: string;
}

export function createKubeHttp(kc: KubeConfig): KubeHttp {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new ConfigError('kubernetes: the kubeconfig has no current cluster');
  const server = cluster.server.replace(/\/+$/, '');
  return {
    server,
    async get(path, signal, timeoutMs, params) {
      const init = await kc.applyToFetchOptions({});
      const headers: Record<string, string> = { Accept: 'application/json' };
      (init.headers as unknown as { forEach(cb: (v: string, k: string) => void): void } | undefined)?.forEach((v, k) => {
        headers[k] = v;
      });
      const agent = init.agent as HttpAgent | HttpsAgent | undefined;
      const res = await axios.get<unknown>(`${server}${path}`, {
        params,
        signal,
        timeout: timeoutMs,
        headers,
        responseType: 'json',
        maxContentLength: 256 * 1024 * 1024,
        // the kubeconfig decides proxies (cluster.proxyUrl); environment proxies are not for the API server
        proxy: false,
        ...(server.startsWith('https:') ? { httpsAgent: agent } : { httpAgent: agent }),
      });
      return res.data;
    },
  };
}
