// Small loopback HTTP servers answering with the real APIs' response shapes, for source tests.
import { writeFileSync } from 'node:fs';
import { tempDir } from '../helpers/temp.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL, body: string) => void | Promise<void>;

export interface FakeServer {
  url: string;
  server: Server;
  requests: { method: string; path: string; search: string; body: string }[];
  /** what a route threw (answered 500): a test asserts on what it recorded, after the fact */
  errors: unknown[];
  close(): Promise<void>;
}

export async function startFake(route: Route): Promise<FakeServer> {
  const requests: FakeServer['requests'] = [];
  const errors: unknown[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? 'GET', path: url.pathname, search: url.search, body });
      const fail = (err: unknown) => {
        errors.push(err);
        if (!res.headersSent) res.statusCode = 500;
        res.end(String(err));
      };
      // a route that throws at once must not become an uncaught exception of the server
      try {
        void Promise.resolve(route(req, res, url, body)).catch(fail);
      } catch (err) {
        fail(err);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    requests,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** A port nothing listens on: start a server, note its port, close it. */
export async function deadUrl(): Promise<string> {
  const fake = await startFake(() => undefined);
  await fake.close();
  return fake.url;
}

/** A kubeconfig pointing at a plain-http fake API server (client-node needs insecure-skip-tls-verify for http). */
export function writeKubeconfig(server: string, context = 'fake'): string {
  const dir = tempDir('hive-oncall-kube-');
  const path = join(dir, 'kubeconfig');
  writeFileSync(
    path,
    [
      'apiVersion: v1',
      'kind: Config',
      `current-context: ${context}`,
      'clusters:',
      `- name: ${context}-cluster`,
      '  cluster:',
      `    server: ${server}`,
      '    insecure-skip-tls-verify: true',
      'contexts:',
      `- name: ${context}`,
      '  context:',
      `    cluster: ${context}-cluster`,
      `    user: ${context}-user`,
      'users:',
      `- name: ${context}-user`,
      '  user:',
      '    token: fake-token',
      '',
    ].join('\n'),
  );
  return path;
}

export interface PodSpecLite {
  name: string;
  namespace?: string;
  uid?: string;
  phase?: string;
  rs?: string;
  hash?: string;
  containers?: string[];
  containerStatuses?: unknown[];
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  resourceVersion?: string;
}

/** A v1 Pod as the API server returns it. */
export function pod(p: PodSpecLite): Record<string, unknown> {
  const namespace = p.namespace ?? 'production';
  const labels = { app: 'claude-tui', ...(p.hash ? { 'pod-template-hash': p.hash } : {}), ...p.labels };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      namespace,
      uid: p.uid ?? `uid-${p.name}`,
      resourceVersion: p.resourceVersion ?? '100',
      creationTimestamp: '2024-05-01T10:00:00Z',
      labels,
      ...(p.deletionTimestamp ? { deletionTimestamp: p.deletionTimestamp } : {}),
      ...(p.rs
        ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: p.rs, uid: `uid-${p.rs}`, controller: true, blockOwnerDeletion: true }] }
        : {}),
    },
    spec: { nodeName: 'node-1', containers: (p.containers ?? ['app']).map((name) => ({ name, image: `ghcr.io/hive/${name}:1.0` })) },
    status: {
      phase: p.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: p.containerStatuses ?? [
        { name: 'app', ready: true, restartCount: 0, image: 'ghcr.io/hive/app:1.0', imageID: '', started: true, state: { running: { startedAt: '2024-05-01T10:00:05Z' } } },
      ],
    },
  };
}
