// The API server calls the actions make, with the kubeconfig's credentials: reads through the sources'
// client (createKubeHttp), writes (PATCH/DELETE/POST) with the same authentication and proxy rules.
import type { KubeConfig } from '@kubernetes/client-node';
import axios from 'axios';
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { createKubeHttp } from '../sources/kube-client.js';

export type Params = Record<string, string | number | boolean>;

export interface KubeApi {
  /** kubeconfig context and cluster names, for the modal and the journal */
  context: string;
  cluster: string;
  get(path: string, params?: Params): Promise<unknown>;
  write(method: 'PATCH' | 'DELETE' | 'POST', path: string, body: unknown, opts?: { contentType?: string; dryRun?: boolean }): Promise<unknown>;
}

export function createKubeApi(kc: KubeConfig, timeoutMs: number): KubeApi {
  const http = createKubeHttp(kc);
  const server = http.server;
  return {
    context: kc.getCurrentContext(),
    cluster: kc.getCurrentCluster()?.name ?? server,
    get: (path, params) => http.get(path, AbortSignal.timeout(timeoutMs + 1000), timeoutMs, params),
    async write(method, path, body, opts = {}) {
      const init = await kc.applyToFetchOptions({});
      const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': opts.contentType ?? 'application/json' };
      (init.headers as unknown as { forEach(cb: (v: string, k: string) => void): void } | undefined)?.forEach((v, k) => {
        headers[k] = v;
      });
      const agent = init.agent as HttpAgent | HttpsAgent | undefined;
      const res = await axios.request<unknown>({
        method,
        url: `${server}${path}`,
        data: body === undefined ? undefined : JSON.stringify(body),
        params: opts.dryRun ? { dryRun: 'All' } : undefined,
        headers,
        timeout: timeoutMs,
        responseType: 'json',
        // the kubeconfig decides proxies (cluster.proxyUrl); environment proxies are not for the API server
        proxy: false,
        ...(server.startsWith('https:') ? { httpsAgent: agent } : { httpAgent: agent }),
      });
      return res.data;
    },
  };
}
