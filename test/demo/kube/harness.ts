// Test harness: a seeded cluster behind a real HTTP server on 127.0.0.1, a kubeconfig pointing at it,
// an in-memory LogStore and a fake clock that only moves when the test ticks it.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { LogEntry, LogQuery, LogStore } from '../../../src/demo/contracts.js';
import { createKubeCluster, type KubeClusterOptions, type SimKubeCluster } from '../../../src/demo/kube/index.js';
import { createRng } from '../../../src/demo/rng.js';

export class MemoryLogs implements LogStore {
  readonly entries: LogEntry[] = [];
  private readonly subs = new Set<{ q: LogQuery; cb: (e: LogEntry) => void }>();
  private matches(q: LogQuery, e: LogEntry): boolean {
    return e.namespace === q.namespace && e.pod === q.pod && (q.container === undefined || e.container === q.container);
  }
  append(entry: LogEntry): void {
    this.entries.push(entry);
    for (const s of [...this.subs]) if (this.matches(s.q, entry)) s.cb(entry);
  }
  query(q: LogQuery): LogEntry[] {
    const hits = this.entries.filter((e) => this.matches(q, e) && (q.sinceMs === undefined || e.tMs >= q.sinceMs));
    return q.tailLines === undefined ? hits : hits.slice(Math.max(0, hits.length - q.tailLines));
  }
  subscribe(q: LogQuery, onEntry: (e: LogEntry) => void): () => void {
    const s = { q, cb: onEntry };
    this.subs.add(s);
    return () => this.subs.delete(s);
  }
  subscribers(): number {
    return this.subs.size;
  }
  lokiApi = (): boolean => false;
}

export const START = Date.parse('2025-06-01T12:00:00Z');

export interface Harness {
  cluster: SimKubeCluster;
  logs: MemoryLogs;
  baseUrl: string;
  kubeconfigPath: string;
  kc: KubeConfig;
  now(): number;
  /** advance the fake clock one second and reconcile, n times */
  tick(n?: number): void;
  close(): Promise<void>;
}

export async function startHarness(extra: Partial<KubeClusterOptions> = {}): Promise<Harness> {
  let t = START;
  const logs = new MemoryLogs();
  const cluster = createKubeCluster({
    rng: createRng(7, 'kube'),
    logs,
    now: () => t,
    nodes: ['hive-control-plane', 'hive-worker-1', 'hive-worker-2'],
    ...extra,
  });
  cluster.seedNamespace('hive');
  cluster.seedDeployment({
    namespace: 'hive',
    name: 'claude-tui',
    replicas: 3,
    labels: { app: 'claude-tui' },
    containers: [{ name: 'claude-tui', image: 'ghcr.io/hive/claude-tui:1.4.2' }],
    history: [[{ name: 'claude-tui', image: 'ghcr.io/hive/claude-tui:1.4.1' }]],
    createdAt: START - 3 * 86_400_000,
  });
  cluster.seedDeployment({
    namespace: 'hive',
    name: 'hive-mind-rust',
    replicas: 2,
    labels: { app: 'hive-mind-rust' },
    containers: [{ name: 'hive-mind-rust', image: 'ghcr.io/hive/hive-mind-rust:0.9.0', args: ['--raft'] }],
    createdAt: START - 86_400_000,
  });
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    Promise.resolve(cluster.api(req, res, url.pathname, url)).then(
      (handled) => {
        if (!handled) {
          res.statusCode = 404;
          res.end();
        }
      },
      () => {
        res.statusCode = 500;
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'kube-sim-'));
  const kubeconfigPath = join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfigPath,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: hive-sim',
      '  cluster:',
      `    server: ${baseUrl}`,
      // client-node refuses plain http unless TLS verification is (vacuously) skipped
      '    insecure-skip-tls-verify: true',
      'contexts:',
      '- name: hive-sim',
      '  context:',
      '    cluster: hive-sim',
      '    user: oncall',
      '    namespace: hive',
      'current-context: hive-sim',
      'users:',
      '- name: oncall',
      '  user:',
      '    token: sim-token',
      '',
    ].join('\n'),
  );
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  return {
    cluster,
    logs,
    baseUrl,
    kubeconfigPath,
    kc,
    now: () => t,
    tick(n = 1) {
      for (let i = 0; i < n; i++) {
        t += 1000;
        cluster.reconcile(t);
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const KUBECTL = '/usr/bin/kubectl';
export const hasKubectl = existsSync(KUBECTL);

/** Run kubectl against the harness (asynchronously: the API server lives in this process). */
export function kubectl(h: Harness, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const cacheDir = join(h.kubeconfigPath, '..', 'cache');
  return new Promise((resolve) => {
    execFile(KUBECTL, ['--kubeconfig', h.kubeconfigPath, '--cache-dir', cacheDir, ...args], { timeout: 20_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
